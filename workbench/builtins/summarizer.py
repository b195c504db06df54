"""tiny-summarizer: the stories-summarizer example run (a small BART and a byte-level BPE, from
scratch, on the generated stories and their one-sentence summaries) on the training engine, then
scored on a separate stream of stories: ROUGE, BLEU and exact matches of its greedy summaries."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workbench.builtins.data import derived, scaled
from workbench.builtins.train import Progress, for_build, loss_figures, train_on_engine

SUM_STEPS, SUM_PAIRS, SUM_EVAL = 600, 4000, 300
SUM_SAMPLES = 3  # held-out stories shown on the card


def build_summarizer(folder: Path, seed: int, progress: Progress, scale: float) -> dict[str, Any]:
    from transformers import GenerationConfig

    from workbench.training.examples import example

    steps, n_pairs = scaled(SUM_STEPS, scale, 2), scaled(SUM_PAIRS, scale, 100)
    cfg = for_build(example("stories-summarizer"), seed=seed, steps=steps)
    cfg.data.max_examples, cfg.data.split_seed = n_pairs, seed  # builtin:summaries = generate_summaries(n, seed)
    progress(f"tiny-summarizer: training a tokenizer and a BART on {n_pairs} stories and summaries for {steps} steps ...")
    model, tok, curve = train_on_engine(cfg, "tiny-summarizer", progress, folder)
    model.generation_config = GenerationConfig(
        do_sample=False, num_beams=1, max_new_tokens=48, decoder_start_token_id=model.config.decoder_start_token_id,
        bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id, pad_token_id=tok.pad_token_id)
    scores, samples, n_eval = _held_out(model, tok, seed, scale)
    model.save_pretrained(folder)  # the tokenizer is already there (train_on_engine)
    progress(f"tiny-summarizer: held-out ROUGE-L {scores['rougeL']:.1f}, exact {scores['exact_match']:.0%} "
             f"({n_eval} stories)")
    return {
        "parameters": sum(p.numel() for p in model.parameters()),
        "config": {"encoder_layers": cfg.scratch.layers, "decoder_layers": cfg.scratch.layers,
                   "d_model": cfg.scratch.width, "ffn_dim": cfg.scratch.mlp_width, "vocab_size": len(tok)},
        "train": {"pairs": n_pairs, "steps": steps, "batch_size": cfg.batch_size, "learning_rate": cfg.learning_rate,
                  "recipe": "workbench train --example stories-summarizer"},
        **loss_figures(curve, cfg.logging_steps),
        "eval_stories": n_eval,
        **{f"eval_{k}": v for k, v in scores.items()},
        "samples": samples,
    }


def _held_out(model: Any, tok: Any, seed: int, scale: float) -> tuple[dict[str, float], list[dict[str, str]], int]:
    """(scores, card samples, stories) on stories drawn from a seed-derived stream (never trained on)."""
    from workbench.corpus.stories import generate_summaries
    from workbench.training.text_scores import bleu_chrf, rouge

    pairs = generate_summaries(scaled(SUM_EVAL, scale, 20), seed=derived(seed, "summaries-eval"))
    written = summarize(model, tok, [s for s, _ in pairs])
    gold = [t for _, t in pairs]
    scores = {**rouge(written, gold), **bleu_chrf(written, gold),
              "exact_match": round(sum(w == g for w, g in zip(written, gold)) / len(gold), 4)}
    samples = [{"story": s, "summary": w, "reference": g} for (s, g), w in list(zip(pairs, written))[:SUM_SAMPLES]]
    return scores, samples, len(pairs)


def summarize(model: Any, tok: Any, stories: list[str], batch: int = 32) -> list[str]:
    """Greedy summaries, batched (the encoder's padding is masked)."""
    import torch

    out: list[str] = []
    with torch.no_grad():
        for i in range(0, len(stories), batch):
            enc = tok(stories[i:i + batch], padding=True, truncation=True, return_tensors="pt")
            ids = model.generate(**enc)
            out += [t.strip() for t in tok.batch_decode(ids, skip_special_tokens=True)]
    return out
