"""tiny-stories: the tiny-stories-scratch example run (a GPT-2 of LM_SHAPE and a byte-level BPE,
trained from scratch on the generated stories) on the training engine, then evaluated on a
separate stream of stories and sampled from a few prompts for its card."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from workbench.builtins.data import derived, pack_stories, scaled
from workbench.builtins.train import Progress, for_build, loss_figures, train_on_engine
from workbench.models.builtins import LM_BATCH, LM_BLOCK, LM_LR, LM_PROMPTS, LM_SHAPE, LM_STEPS, LM_STORIES


def build_stories_lm(folder: Path, seed: int, progress: Progress, scale: float) -> dict[str, Any]:
    from workbench.corpus.stories import generate_stories
    from workbench.training.examples import example

    n_stories = scaled(LM_STORIES, scale, 200)
    steps = scaled(LM_STEPS, scale, 2)
    cfg = for_build(example("tiny-stories-scratch"), seed=seed, steps=steps)
    cfg.data.max_examples, cfg.data.split_seed = n_stories, seed  # builtin:stories = generate_stories(n, seed)
    progress(f"tiny-stories: training a tokenizer and a GPT-2 on {n_stories} stories for {steps} steps ...")
    model, tok, curve = train_on_engine(cfg, "tiny-stories", progress, folder)
    # A separate stream for evaluation: seed-derived, so it never overlaps the training draws.
    eval_stories = generate_stories(scaled(400, scale, 40), seed=derived(seed, "stories-eval"))
    eval_blocks = pack_stories(tok(eval_stories, add_special_tokens=False)["input_ids"], tok.eos_token_id)
    eval_loss, name_accuracy = lm_eval(model, tok, eval_blocks)
    samples, in_vocab = _samples(model, tok, seed)
    model.save_pretrained(folder)  # the tokenizer is already there (train_on_engine)
    progress(f"tiny-stories: final train loss {curve[-1][1]:.3f}, eval loss {eval_loss:.3f}, "
             f"repeated names predicted {name_accuracy:.0%}, {in_vocab:.0%} of sampled words in the grammar")
    return {
        "parameters": sum(p.numel() for p in model.parameters()),
        "config": {**LM_SHAPE, "n_positions": LM_BLOCK, "vocab_size": len(tok)},
        "train": {"stories": n_stories, "block_size": LM_BLOCK, "steps": steps, "batch_size": LM_BATCH,
                  "learning_rate": LM_LR, "tokens_seen": steps * LM_BATCH * LM_BLOCK,
                  "recipe": "workbench train --example tiny-stories-scratch"},
        **loss_figures(curve, cfg.logging_steps),
        "eval_loss": round(eval_loss, 4),
        "eval_perplexity": round(math.exp(eval_loss), 3),
        "eval_stories": len(eval_stories),
        "eval_repeated_name_accuracy": round(name_accuracy, 4),
        "sample_words_in_grammar": round(in_vocab, 4),
        "samples": [{"prompt": p, "text": s} for p, s in zip(LM_PROMPTS, samples)],
    }


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
