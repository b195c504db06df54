"""Built-in models that ship in resources/builtins and need no download.

The registry (BUILTINS, builtin_path) is what the loader uses; build_builtins() trains them from
the deterministic generated corpora in workbench.corpus and writes Hugging Face folders plus a
builtin_card.json with the figures of the build. `python -m workbench.models.builtins` runs it.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

from workbench.errors import ModelLoadError


@dataclass(frozen=True)
class BuiltinModel:
    name: str
    task: str
    description: str


BUILTINS: dict[str, BuiltinModel] = {
    "tiny-stories": BuiltinModel("tiny-stories", "causal-lm",
                                 "A small GPT-2-style model trained on generated short stories"),
    "tiny-sentiment": BuiltinModel("tiny-sentiment", "sequence-classification",
                                   "A small BERT-style classifier of positive/negative reviews"),
}


CARD_FILE = "builtin_card.json"


def builtins_root() -> Path:
    """resources/builtins, next to the package in a checkout or bundled in a frozen app."""
    frozen = getattr(sys, "_MEIPASS", None)  # PyInstaller bundle: resources/ sits beside the code
    if frozen:
        return Path(frozen) / "resources" / "builtins"
    return Path(__file__).resolve().parent.parent.parent / "resources" / "builtins"


def builtin_path(name: str) -> Path:
    if name not in BUILTINS:
        raise ModelLoadError(f"No built-in model named '{name}'; built-ins: {', '.join(BUILTINS)}")
    path = builtins_root() / name
    if not (path / "config.json").exists():
        raise ModelLoadError(f"Built-in model '{name}' is missing from {path.parent}; "
                             "rebuild it with `workbench build-builtins`")
    return path


# --- the builder ---------------------------------------------------------------------------------
# Everything below trains the built-ins from the generated corpora (workbench.corpus) so that a
# checkout can rebuild resources/builtins bit for bit from a seed, with no download.
# Sizes are chosen for the budget: ~0.7M + ~0.5M parameters (under 5 MB of fp32 safetensors),
# both trained in about five minutes of an otherwise idle 2-core CPU (the card records CPU time).

Progress = Callable[[str], None]
BUILD_THREADS = 2  # fixed so that float reduction order, and so the weights, match across machines
LM_BLOCK = 256  # = the LM's context; training on full-length blocks trains every position
LM_STEPS, LM_BATCH, LM_STORIES, LM_LR = 900, 16, 30000, 3e-3
LM_SHAPE = {"n_layer": 4, "n_head": 4, "n_embd": 128, "n_inner": 256}  # MLP 2x, not 4x: ~25% faster steps
CLS_STEPS, CLS_BATCH, CLS_TRAIN, CLS_EVAL, CLS_LR, CLS_MAX_LEN = 375, 32, 4000, 1000, 1e-3, 128
LM_PROMPTS: tuple[str, ...] = ("Once upon a time", "One day, Lily", "Tom was a brave")
CLS_EXAMPLES: tuple[str, ...] = ("The food was good.", "The food was not good.",
                                 "I expected it to be bad, but it was great.",
                                 "The acting was wonderful, but the plot was boring.",
                                 "I would not recommend it.")


def build_builtins(out_dir: Path | None = None, seed: int = 0, progress: Progress | None = None,
                   names: Sequence[str] | None = None, steps_scale: float = 1.0) -> dict[str, dict[str, Any]]:
    """Train the built-in models and save them under out_dir (default: builtins_root()).

    Returns {name: card} where card is what builtin_card.json holds. The same seed (and the same
    library versions) gives byte-identical safetensors. steps_scale < 1 shrinks the training steps
    and the corpora proportionally (tests build a tiny version in seconds).
    """
    import torch
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # "Writing model shards" bars; progress() says what happens
    out_dir = Path(out_dir) if out_dir is not None else builtins_root()
    progress = progress or (lambda _msg: None)
    names = list(names) if names is not None else list(BUILTINS)
    unknown = [n for n in names if n not in BUILTINS]
    if unknown:
        raise ValueError(f"unknown built-in(s) {', '.join(unknown)}; built-ins: {', '.join(BUILTINS)}")
    if steps_scale <= 0:
        raise ValueError("steps_scale must be > 0")
    builders = {"tiny-stories": _build_stories_lm, "tiny-sentiment": _build_sentiment}
    old_threads, old_verbosity = torch.get_num_threads(), hf_logging.get_verbosity()
    torch.set_num_threads(BUILD_THREADS)
    hf_logging.set_verbosity_error()  # config notes ("loss_type=None ...") are noise in a build log
    cards: dict[str, dict[str, Any]] = {}
    try:
        for name in names:
            start, cpu_start = time.perf_counter(), time.process_time()
            # Build into a sibling temp folder and swap at the end, so a failed or interrupted
            # build never leaves a half-written model where the shipped one was.
            out_dir.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=out_dir))
            try:
                card = builders[name](tmp, seed, progress, steps_scale)
                card = {"name": name, "task": BUILTINS[name].task, "description": BUILTINS[name].description,
                        "seed": seed, "steps_scale": steps_scale, **card,
                        "wall_time_s": round(time.perf_counter() - start, 1),
                        # CPU seconds of this process: wall time swings with other load on the
                        # machine; cpu / BUILD_THREADS is the wall time of an otherwise idle one.
                        "cpu_time_s": round(time.process_time() - cpu_start, 1),
                        "threads": BUILD_THREADS, "versions": _versions()}
                (tmp / CARD_FILE).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
                _make_readable(tmp)
                final = out_dir / name
                if final.exists():
                    shutil.rmtree(final)
                tmp.rename(final)
            finally:
                if tmp.exists():
                    shutil.rmtree(tmp, ignore_errors=True)
            progress(f"{name}: saved to {out_dir / name} in {card['wall_time_s']:.0f} s")
            cards[name] = card
    finally:
        torch.set_num_threads(old_threads)
        hf_logging.set_verbosity(old_verbosity)
    return cards


def _make_readable(folder: Path) -> None:
    """mkdtemp makes a 0700 folder (and some writers 0600 files); a shipped model is for everyone."""
    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)
    for path in folder.iterdir():
        if path.is_file():
            path.chmod(0o666 & ~umask)


def read_card(name: str, root: Path | None = None) -> dict[str, Any]:
    """The builtin_card.json of a built-in (figures of its last build)."""
    folder = (root or builtins_root()) / name
    return json.loads((folder / CARD_FILE).read_text(encoding="utf-8"))


def _scaled(n: int, scale: float, floor: int) -> int:
    return max(floor, int(round(n * scale)))


def _versions() -> dict[str, str]:
    import platform

    import tokenizers
    import torch
    import transformers

    import workbench

    return {"python": platform.python_version(), "torch": torch.__version__,
            "transformers": transformers.__version__, "tokenizers": tokenizers.__version__,
            "workbench": workbench.__version__}


def _progress_callback(name: str, progress: Progress) -> Any:
    """A TrainerCallback that turns the Trainer's log records into progress lines."""
    from transformers import TrainerCallback

    class _Report(TrainerCallback):
        def on_log(self, args: Any, state: Any, control: Any, logs: dict[str, float] | None = None,
                   **kwargs: Any) -> None:
            if logs and "loss" in logs:
                progress(f"{name}: step {state.global_step}/{state.max_steps}  loss {logs['loss']:.3f}")

    return _Report()


def _train(model: Any, dataset: Any, *, steps: int, batch: int, lr: float, seed: int, name: str,
           progress: Progress, collator: Any = None) -> list[dict[str, float]]:
    """Train with the transformers Trainer on the CPU; returns its log history."""
    from transformers import PrinterCallback, Trainer, TrainingArguments

    with tempfile.TemporaryDirectory() as scratch:  # Trainer wants an output_dir; nothing is saved
        args = TrainingArguments(
            output_dir=scratch, max_steps=steps, per_device_train_batch_size=batch,
            # Warmup, a long constant stretch, then a short decay: the LM's copying of names only
            # appears after several hundred steps at full learning rate; cosine decays too early.
            learning_rate=lr, lr_scheduler_type="warmup_stable_decay",
            lr_scheduler_kwargs={"num_decay_steps": max(1, steps // 5)}, warmup_steps=max(1, steps // 20),
            weight_decay=0.01, max_grad_norm=1.0, logging_steps=max(1, steps // 20),
            report_to="none", use_cpu=True, seed=seed, data_seed=seed, save_strategy="no",
            dataloader_num_workers=0, dataloader_pin_memory=False, disable_tqdm=True,
        )
        trainer = Trainer(model=model, args=args, train_dataset=dataset, data_collator=collator,
                          callbacks=[_progress_callback(name, progress)])
        trainer.remove_callback(PrinterCallback)  # it prints raw log dicts; progress() reports instead
        trainer.train()
        return list(trainer.state.log_history)


class _Rows:
    """A list of feature dicts as a torch-style map dataset (what the Trainer's sampler needs)."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i: int) -> dict[str, Any]:
        return self.rows[i]


# --- tiny-stories: byte-level BPE + GPT-2 ---------------------------------------------------------

def train_story_tokenizer(stories: Sequence[str], vocab_size: int = 1536) -> Any:
    """Byte-level BPE (GPT-2 style) on the stories, wrapped as a PreTrainedTokenizerFast.

    Byte level because it can encode any text the user types (no unknowns) and decodes back with
    the spaces intact. <|endoftext|> is both bos and eos, as in GPT-2; <pad> and <unk> exist so
    batching and tools that expect them work. The closed story language runs out of merges at
    ~900 entries (every word of the grammar is then one token), below the 1536 asked for.
    """
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tk = Tokenizer(models.BPE())
    tk.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tk.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=["<|endoftext|>", "<pad>", "<unk>"],
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
    tk.train_from_iterator(stories, trainer)
    return PreTrainedTokenizerFast(
        tokenizer_object=tk, bos_token="<|endoftext|>", eos_token="<|endoftext|>", pad_token="<pad>",
        unk_token="<unk>", model_max_length=LM_BLOCK,
        # GPT-2 would add wte[token_type_ids] to its input if a caller passed them through.
        model_input_names=["input_ids", "attention_mask"])


def pack_stories(token_lists: Sequence[list[int]], eos_id: int, block: int = LM_BLOCK) -> list[list[int]]:
    """Stories (token ids) -> blocks of exactly `block` ids, stories separated by eos.

    Every block starts at the beginning of a story, with no bos before it, because that is what a
    prompt looks like (the playground encodes prompts without special tokens). The training
    engine's "documents" packing is this same function, so the tiny-stories-scratch example
    trains on the same blocks.
    """
    from workbench.training.encode import pack_documents

    return pack_documents([ids[: block - 1] + [eos_id] for ids in token_lists], block)


def _build_stories_lm(folder: Path, seed: int, progress: Progress, scale: float) -> dict[str, Any]:
    import torch
    from transformers import GenerationConfig, GPT2Config, GPT2LMHeadModel, set_seed

    from workbench.corpus.stories import generate_stories, vocabulary, words

    n_stories = _scaled(LM_STORIES, scale, 200)
    steps = _scaled(LM_STEPS, scale, 2)
    progress(f"tiny-stories: generating {n_stories} stories and training the tokenizer ...")
    stories = generate_stories(n_stories, seed=seed)
    # A separate stream for evaluation: seed-derived, so it never overlaps the training draws.
    eval_stories = generate_stories(_scaled(400, scale, 40), seed=_derived(seed, "stories-eval"))
    tok = train_story_tokenizer(stories)
    eos = tok.eos_token_id
    blocks = pack_stories(tok(stories, add_special_tokens=False)["input_ids"], eos)
    eval_blocks = pack_stories(tok(eval_stories, add_special_tokens=False)["input_ids"], eos)
    progress(f"tiny-stories: {len(tok)} tokens in the vocabulary, {len(blocks)} blocks of {LM_BLOCK}")

    set_seed(seed)  # before building the model: the initial weights come from this seed
    config = GPT2Config(vocab_size=len(tok), n_positions=LM_BLOCK, **LM_SHAPE,
                        resid_pdrop=0.0, embd_pdrop=0.0, attn_pdrop=0.0,  # < 2 epochs: no overfitting to fight
                        bos_token_id=tok.bos_token_id, eos_token_id=eos, pad_token_id=tok.pad_token_id)
    model = GPT2LMHeadModel(config)
    rows = [{"input_ids": torch.tensor(b), "labels": torch.tensor(b)} for b in blocks]
    history = _train(model, _Rows(rows), steps=steps, batch=LM_BATCH, lr=LM_LR, seed=seed,
                     name="tiny-stories", progress=progress)
    model.eval()
    eval_loss, name_accuracy = _lm_eval(model, tok, eval_blocks)
    model.generation_config = GenerationConfig(
        do_sample=True, temperature=0.8, top_k=40, top_p=0.95, max_new_tokens=120,
        bos_token_id=tok.bos_token_id, eos_token_id=eos, pad_token_id=tok.pad_token_id)
    samples = []
    vocab = vocabulary()
    for i, prompt in enumerate(LM_PROMPTS):
        torch.manual_seed(seed + i)  # sampling draws from the global generator; pin it per sample
        ids = tok(prompt, return_tensors="pt", add_special_tokens=False).input_ids
        with torch.no_grad():
            out = model.generate(ids, attention_mask=torch.ones_like(ids), max_new_tokens=80)
        samples.append(tok.decode(out[0], skip_special_tokens=True))
    sample_words = [w for s in samples for w in words(s)]
    in_vocab = sum(w in vocab for w in sample_words) / max(1, len(sample_words))
    model.save_pretrained(folder)
    tok.save_pretrained(folder)
    losses = [h["loss"] for h in history if "loss" in h]
    train_summary = next((h for h in history if "train_loss" in h), {})
    progress(f"tiny-stories: final train loss {losses[-1]:.3f}, eval loss {eval_loss:.3f}, "
             f"repeated names predicted {name_accuracy:.0%}, {in_vocab:.0%} of sampled words in the grammar")
    return {
        "parameters": sum(p.numel() for p in model.parameters()),
        "config": {**LM_SHAPE, "n_positions": LM_BLOCK, "vocab_size": len(tok)},
        "train": {"stories": n_stories, "blocks": len(blocks), "block_size": LM_BLOCK, "steps": steps,
                  "batch_size": LM_BATCH, "learning_rate": LM_LR,
                  "tokens_seen": steps * LM_BATCH * LM_BLOCK},
        "final_train_loss": round(losses[-1], 4),
        "mean_train_loss": round(float(train_summary.get("train_loss", float("nan"))), 4),
        "loss_curve": [[h["step"], round(h["loss"], 4)] for h in history if "loss" in h],
        "eval_loss": round(eval_loss, 4),
        "eval_perplexity": round(math.exp(eval_loss), 3),
        "eval_stories": len(eval_stories),
        "eval_repeated_name_accuracy": round(name_accuracy, 4),
        "sample_words_in_grammar": round(in_vocab, 4),
        "samples": [{"prompt": p, "text": s} for p, s in zip(LM_PROMPTS, samples)],
    }


def _lm_eval(model: Any, tok: Any, blocks: list[list[int]], batch: int = 16) -> tuple[float, float]:
    """(mean next-token loss, repeated-name accuracy) over the blocks.

    Repeated-name accuracy: at every position whose next token is a character's name already
    mentioned earlier in the same story, is that name the model's top prediction? Unigram
    statistics give ~1/20 here; only a model that looks back into its context and copies
    (an induction-style mechanism) scores high, so it measures what the loss hides.
    """
    import torch

    from workbench.corpus.stories import BOY_NAMES, GIRL_NAMES

    if not blocks:
        return float("nan"), float("nan")
    name_ids = {i for n in GIRL_NAMES + BOY_NAMES for form in (n, " " + n)
                for i in tok(form, add_special_tokens=False).input_ids[:1]}
    eos = tok.eos_token_id
    total, hits, asked = 0.0, 0, 0
    with torch.no_grad():
        for i in range(0, len(blocks), batch):
            x = torch.tensor(blocks[i:i + batch])
            out = model(input_ids=x, labels=x)
            total += float(out.loss) * len(x)
            predicted = out.logits.argmax(-1).tolist()  # (batch, block): the guess for position t+1
            for row, guess in zip(x.tolist(), predicted):
                seen: set[int] = set()
                for t in range(len(row) - 1):
                    seen = set() if row[t] == eos else seen | ({row[t]} & name_ids)
                    target = row[t + 1]
                    if target in seen:
                        asked += 1
                        hits += guess[t] == target
    return total / len(blocks), hits / max(1, asked)


# --- tiny-sentiment: WordPiece + BERT classifier ----------------------------------------------------

def train_review_tokenizer(texts: Sequence[str], vocab_size: int = 1000) -> Any:
    """Lower-cased WordPiece with BERT's special tokens and [CLS] A [SEP] framing.

    The vocabulary is counted here rather than by tokenizers' WordPieceTrainer: that trainer numbers
    its "##x" pieces in hash-map order, which changes from process to process, and merge ties are
    broken by those numbers, so the same corpus gave a different vocabulary (and so different
    weights) on every run. This one is a pure function of the corpus: specials, every character
    alone and as a "##" continuation (so any ASCII word can still be spelled), then whole words by
    descending frequency, ties alphabetical. The review language is closed, so whole words cover it.
    """
    import string
    from collections import Counter

    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    normalizer = normalizers.BertNormalizer(lowercase=True)
    pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w for w, _ in pre_tokenizer.pre_tokenize_str(normalizer.normalize_str(text)))
    # Plain ASCII letters, digits and punctuation always, so typed text beyond the corpus spells out.
    chars = sorted({c for w in counts for c in w} | set(string.ascii_lowercase + string.digits + string.punctuation))
    pieces = specials + chars + ["##" + c for c in chars]
    words = sorted((w for w, n in counts.items() if n >= 2 and len(w) > 1), key=lambda w: (-counts[w], w))
    pieces += words[: max(0, vocab_size - len(pieces))]
    tk = Tokenizer(models.WordPiece({p: i for i, p in enumerate(pieces)}, unk_token="[UNK]"))
    tk.normalizer = normalizer
    tk.pre_tokenizer = pre_tokenizer
    tk.decoder = decoders.WordPiece()
    cls, sep = pieces.index("[CLS]"), pieces.index("[SEP]")
    tk.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", cls), ("[SEP]", sep)])
    return PreTrainedTokenizerFast(tokenizer_object=tk, unk_token="[UNK]", pad_token="[PAD]",
                                   cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]",
                                   model_max_length=CLS_MAX_LEN,
                                   model_input_names=["input_ids", "token_type_ids", "attention_mask"])


def classify(model: Any, tok: Any, texts: Sequence[str], batch: int = 64) -> list[list[float]]:
    """Class probabilities for each text (rows follow config.id2label)."""
    import torch

    probs: list[list[float]] = []
    with torch.no_grad():
        for i in range(0, len(texts), batch):
            enc = tok(list(texts[i:i + batch]), padding=True, truncation=True, return_tensors="pt")
            enc = {k: v.to(model.device) for k, v in enc.items()}
            probs += torch.softmax(model(**enc).logits.float(), dim=-1).tolist()
    return probs


def _build_sentiment(folder: Path, seed: int, progress: Progress, scale: float) -> dict[str, Any]:
    import torch
    from transformers import BertConfig, BertForSequenceClassification, DataCollatorWithPadding, set_seed

    from workbench.corpus.reviews import LABELS, split_reviews

    n_train, n_eval = _scaled(CLS_TRAIN, scale, 64), _scaled(CLS_EVAL, scale, 64)
    steps = _scaled(CLS_STEPS, scale, 2)
    progress(f"tiny-sentiment: generating {n_train} + {n_eval} held-out reviews and training the tokenizer ...")
    train, held_out = split_reviews(n_train, n_eval, seed=seed)
    tok = train_review_tokenizer([t for t, _ in train])
    enc = tok([t for t, _ in train], truncation=True)
    rows = [{**{k: enc[k][i] for k in enc}, "labels": label} for i, (_, label) in enumerate(train)]
    set_seed(seed)
    config = BertConfig(vocab_size=len(tok), hidden_size=128, num_hidden_layers=2, num_attention_heads=4,
                        intermediate_size=512, max_position_embeddings=CLS_MAX_LEN,
                        pad_token_id=tok.pad_token_id, num_labels=len(LABELS),
                        id2label=dict(enumerate(LABELS)), label2id={l: i for i, l in enumerate(LABELS)})
    model = BertForSequenceClassification(config)
    history = _train(model, _Rows(rows), steps=steps, batch=CLS_BATCH, lr=CLS_LR, seed=seed,
                     name="tiny-sentiment", progress=progress,
                     collator=DataCollatorWithPadding(tok, return_tensors="pt"))
    model.eval()
    probs = classify(model, tok, [t for t, _ in held_out])
    gold = torch.tensor([label for _, label in held_out])
    p = torch.tensor(probs)
    accuracy = float((p.argmax(-1) == gold).float().mean())
    eval_loss = float(torch.nn.functional.nll_loss(p.clamp_min(1e-12).log(), gold))
    examples = [{"text": t, "label": LABELS[int(torch.tensor(pr).argmax())], "probs": [round(x, 4) for x in pr]}
                for t, pr in zip(CLS_EXAMPLES, classify(model, tok, CLS_EXAMPLES))]
    model.save_pretrained(folder)
    tok.save_pretrained(folder)
    losses = [h["loss"] for h in history if "loss" in h]
    train_summary = next((h for h in history if "train_loss" in h), {})
    progress(f"tiny-sentiment: final train loss {losses[-1]:.3f}, held-out accuracy {accuracy:.2%} "
             f"({len(held_out)} reviews), eval loss {eval_loss:.3f}")
    return {
        "parameters": sum(p.numel() for p in model.parameters()),
        "config": {"num_hidden_layers": 2, "num_attention_heads": 4, "hidden_size": 128,
                   "intermediate_size": 512, "vocab_size": len(tok), "labels": list(LABELS)},
        "train": {"reviews": n_train, "steps": steps, "batch_size": CLS_BATCH, "learning_rate": CLS_LR},
        "final_train_loss": round(losses[-1], 4),
        "mean_train_loss": round(float(train_summary.get("train_loss", float("nan"))), 4),
        "loss_curve": [[h["step"], round(h["loss"], 4)] for h in history if "loss" in h],
        "eval_reviews": len(held_out),
        "eval_accuracy": round(accuracy, 4),
        "eval_loss": round(eval_loss, 4),
        "samples": examples,
    }


def _derived(seed: int, purpose: str) -> int:
    """A second seed for another purpose, stable across processes (unlike hash() of a str)."""
    return int.from_bytes(hashlib.sha256(f"{seed}:{purpose}".encode()).digest()[:8], "big")


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m workbench.models.builtins [--out DIR] [--seed N]`: build and print the figures."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m workbench.models.builtins",
                                     description="Train the built-in models from the generated corpora.")
    parser.add_argument("--out", type=Path, default=None, help=f"folder to write (default {builtins_root()})")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", choices=list(BUILTINS), action="append", help="build only this one (repeatable)")
    parser.add_argument("--steps-scale", type=float, default=1.0, help="scale training steps (e.g. 0.1 for a quick try)")
    args = parser.parse_args(argv)
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    start = time.perf_counter()
    cards = build_builtins(args.out, seed=args.seed, names=args.only, steps_scale=args.steps_scale,
                           progress=lambda msg: print(msg, flush=True))
    print()
    for name, card in cards.items():
        print(f"{name}: {card['parameters']:,} parameters, final train loss {card['final_train_loss']}, "
              f"eval loss {card['eval_loss']}"
              + (f", held-out accuracy {card['eval_accuracy']:.2%}" if "eval_accuracy" in card else "")
              + f", {card['wall_time_s']} s wall, {card['cpu_time_s']} s CPU")
        for s in card["samples"]:
            print("   ", json.dumps(s, ensure_ascii=False))
    root = args.out or builtins_root()
    size = sum(p.stat().st_size for p in Path(root).rglob("*") if p.is_file())
    print(f"total {time.perf_counter() - start:.0f} s; {root} holds {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
