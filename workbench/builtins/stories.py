"""tiny-stories: a GPT-2 of LM_SHAPE trained on the generated stories with the story BPE, then
evaluated on a separate stream of stories and sampled from a few prompts for its card."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from workbench.builtins.data import Rows, derived, pack_stories, scaled
from workbench.builtins.tokenizer import train_story_tokenizer
from workbench.builtins.train import Progress, loss_figures, train_model
from workbench.models.builtins import LM_BATCH, LM_BLOCK, LM_LR, LM_PROMPTS, LM_SHAPE, LM_STEPS, LM_STORIES


def build_stories_lm(folder: Path, seed: int, progress: Progress, scale: float) -> dict[str, Any]:
    import torch
    from transformers import GPT2Config, GPT2LMHeadModel, set_seed

    n_stories = scaled(LM_STORIES, scale, 200)
    steps = scaled(LM_STEPS, scale, 2)
    tok, blocks, eval_blocks, n_eval = _stories_data(n_stories, seed, scale, progress)
    eos = tok.eos_token_id

    set_seed(seed)  # before building the model: the initial weights come from this seed
    config = GPT2Config(vocab_size=len(tok), n_positions=LM_BLOCK, **LM_SHAPE,
                        resid_pdrop=0.0, embd_pdrop=0.0, attn_pdrop=0.0,  # < 2 epochs: no overfitting to fight
                        bos_token_id=tok.bos_token_id, eos_token_id=eos, pad_token_id=tok.pad_token_id)
    model = GPT2LMHeadModel(config)
    rows = [{"input_ids": torch.tensor(b), "labels": torch.tensor(b)} for b in blocks]
    history = train_model(model, Rows(rows), steps=steps, batch=LM_BATCH, lr=LM_LR, seed=seed,
                          name="tiny-stories", progress=progress)
    model.eval()
    eval_loss, name_accuracy = lm_eval(model, tok, eval_blocks)
    samples, in_vocab = _samples(model, tok, seed)
    model.save_pretrained(folder)
    tok.save_pretrained(folder)
    losses = [h["loss"] for h in history if "loss" in h]
    progress(f"tiny-stories: final train loss {losses[-1]:.3f}, eval loss {eval_loss:.3f}, "
             f"repeated names predicted {name_accuracy:.0%}, {in_vocab:.0%} of sampled words in the grammar")
    return {
        "parameters": sum(p.numel() for p in model.parameters()),
        "config": {**LM_SHAPE, "n_positions": LM_BLOCK, "vocab_size": len(tok)},
        "train": {"stories": n_stories, "blocks": len(blocks), "block_size": LM_BLOCK, "steps": steps,
                  "batch_size": LM_BATCH, "learning_rate": LM_LR,
                  "tokens_seen": steps * LM_BATCH * LM_BLOCK},
        **loss_figures(history),
        "eval_loss": round(eval_loss, 4),
        "eval_perplexity": round(math.exp(eval_loss), 3),
        "eval_stories": n_eval,
        "eval_repeated_name_accuracy": round(name_accuracy, 4),
        "sample_words_in_grammar": round(in_vocab, 4),
        "samples": [{"prompt": p, "text": s} for p, s in zip(LM_PROMPTS, samples)],
    }


def _stories_data(n_stories: int, seed: int, scale: float, progress: Progress
                  ) -> tuple[Any, list[list[int]], list[list[int]], int]:
    """(tokenizer, training blocks, evaluation blocks, evaluation stories) from the generated stories."""
    from workbench.corpus.stories import generate_stories

    progress(f"tiny-stories: generating {n_stories} stories and training the tokenizer ...")
    stories = generate_stories(n_stories, seed=seed)
    # A separate stream for evaluation: seed-derived, so it never overlaps the training draws.
    eval_stories = generate_stories(scaled(400, scale, 40), seed=derived(seed, "stories-eval"))
    tok = train_story_tokenizer(stories)
    eos = tok.eos_token_id
    blocks = pack_stories(tok(stories, add_special_tokens=False)["input_ids"], eos)
    eval_blocks = pack_stories(tok(eval_stories, add_special_tokens=False)["input_ids"], eos)
    progress(f"tiny-stories: {len(tok)} tokens in the vocabulary, {len(blocks)} blocks of {LM_BLOCK}")
    return tok, blocks, eval_blocks, len(eval_stories)


def _samples(model: Any, tok: Any, seed: int) -> tuple[list[str], float]:
    """Sets the model's sampling defaults, then (a sample per LM_PROMPTS, share of their words in the grammar)."""
    import torch
    from transformers import GenerationConfig

    from workbench.corpus.stories import vocabulary, words

    model.generation_config = GenerationConfig(
        do_sample=True, temperature=0.8, top_k=40, top_p=0.95, max_new_tokens=120,
        bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id, pad_token_id=tok.pad_token_id)
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
    return samples, in_vocab


def lm_eval(model: Any, tok: Any, blocks: list[list[int]], batch: int = 16) -> tuple[float, float]:
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
