"""Generation at each evaluation of a seq2seq run: the model's greedy outputs for the first eval
examples, scored with ROUGE / BLEU / chrF, the first few of them kept as samples to show.

The eval loss says how likely the targets are; these say what the model actually writes. The
examples are the same at every evaluation (the eval split's first ones), so the scores form a
curve and the samples show the same sources being summarized better and better. The cost is kept
small: at most cfg.eval_generate examples, in batches, each output at most GEN_TOKEN_CAP tokens
and not much longer than the longest target.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any, Sequence

from workbench.errors import InputError
from workbench.training.events import Sample
from workbench.training.text_scores import all_scores

GEN_TOKEN_CAP = 64  # new tokens per output at most: an eval-time check, not the final summaries
GEN_BATCH = 32  # sources per generate call


@dataclass(frozen=True)
class GenerationPlan:
    """What to generate at each evaluation (fixed for the run)."""

    pairs: tuple[tuple[str, str], ...]  # (source, target) texts; all are scored when `scored`
    shown: int  # the first `shown` become the SamplesGenerated event
    scored: bool  # ROUGE / BLEU / chrF over all the pairs (False: generate the shown ones only)
    max_source_tokens: int  # sources are cut as in training
    max_new_tokens: int


@dataclass(frozen=True)
class GenerationResult:
    metrics: dict[str, float]  # rouge1, rouge2, rougeL, bleu, chrf (percentages); {} when not scored
    samples: tuple[Sample, ...]
    seconds: float


def plan_generation(tokenizer: Any, pairs: Sequence[tuple[str, str]], samples: int, generate: int,
                    max_source_tokens: int, cap: int = GEN_TOKEN_CAP) -> GenerationPlan | None:
    """The plan for `pairs` (the eval split's first ones, see PreparedData.eval_pairs): `samples`
    shown and `generate` scored, 0 = none; None when there is nothing to do."""
    if samples < 0 or generate < 0:
        raise InputError("Samples shown and examples generated at each evaluation must be 0 or more")
    n = min(len(pairs), max(samples, generate))
    if n == 0:
        return None
    chosen = tuple((str(s), str(t)) for s, t in pairs[:n])
    return GenerationPlan(chosen, min(samples, n), generate > 0, max_source_tokens,
                          new_token_budget(tokenizer, [t for _, t in chosen], min(cap, max_source_tokens)))


def new_token_budget(tokenizer: Any, targets: Sequence[str], cap: int = GEN_TOKEN_CAP) -> int:
    """max_new_tokens for these targets: the longest one's tokens and half again (plus 4 for
    the start and end tokens), at most `cap`. An output much longer than every target has already
    lost its score; stopping there keeps an untrained model (which never ends) cheap."""
    if not targets:
        raise InputError("No targets to generate for")
    longest = max(len(ids) for ids in tokenizer(text_target=list(targets))["input_ids"])
    return max(1, min(cap, math.ceil(1.5 * longest) + 4))


def generate(model: Any, tokenizer: Any, sources: Sequence[str], *, max_new_tokens: int,
             max_source_tokens: int, batch_size: int = GEN_BATCH) -> list[str]:
    """Greedy outputs (one beam, no sampling) of an encoder-decoder for `sources`, batched, on the
    model's device. The model is put in eval mode (no dropout) and given back as it was."""
    import torch

    if max_new_tokens < 1 or max_source_tokens < 1 or batch_size < 1:
        raise InputError("max_new_tokens, max_source_tokens and batch_size must be at least 1")
    device = next(model.parameters()).device
    was_training = model.training
    out: list[str] = []
    model.eval()
    try:
        with torch.no_grad():
            for i in range(0, len(sources), batch_size):
                # Right padding, masked: the encoder never sees the pad tokens of shorter sources.
                enc = tokenizer(list(sources[i:i + batch_size]), padding=True, truncation=True,
                                max_length=max_source_tokens, return_tensors="pt")
                ids = model.generate(input_ids=enc["input_ids"].to(device),  # (batch, source tokens)
                                     attention_mask=enc["attention_mask"].to(device),
                                     generation_config=_greedy(model, max_new_tokens))
                out += [t.strip() for t in tokenizer.batch_decode(ids, skip_special_tokens=True)]  # ids: (batch, new)
    finally:
        model.train(was_training)
    return out


def _greedy(model: Any, max_new_tokens: int) -> Any:
    """The model's generation config (its start, end and pad tokens) made greedy and bounded: a
    pretrained summarizer's beams, sampling or minimum length are for its final outputs, not for a
    quick look during training on targets that may be shorter."""
    import copy

    from transformers import GenerationConfig

    config = copy.deepcopy(getattr(model, "generation_config", None) or GenerationConfig())
    config.update(num_beams=1, do_sample=False, max_new_tokens=max_new_tokens, max_length=None, min_length=0,
                  min_new_tokens=None, early_stopping=False, num_return_sequences=1, temperature=None,
                  top_k=None, top_p=None)
    return config


def run_generation(model: Any, tokenizer: Any, plan: GenerationPlan) -> GenerationResult:
    """Generate for the plan's pairs: scores over them all (if scored) and the first as samples."""
    started = time.perf_counter()
    pairs = plan.pairs if plan.scored else plan.pairs[:plan.shown]
    predictions = generate(model, tokenizer, [s for s, _ in pairs], max_new_tokens=plan.max_new_tokens,
                           max_source_tokens=plan.max_source_tokens)
    metrics = all_scores(predictions, [t for _, t in pairs]) if plan.scored else {}
    samples = tuple(Sample(s, t, p) for (s, t), p in zip(pairs[:plan.shown], predictions))
    return GenerationResult(metrics, samples, time.perf_counter() - started)
