"""A model's figures from its per-example scores: the numbers in the side-by-side table.

  lm              perplexity = exp(total loss / total predicted tokens), and that mean token loss
                  (token-weighted, as the training's eval loss is)
  classification  accuracy, macro-F1 (workbench.training.metrics), the confusion matrix
  seq2seq         ROUGE-1/2/L (rouge-score) and BLEU / chrF (sacrebleu), on the whole set
  every model     latency per example (mean and 95th percentile, ms)
"""

from __future__ import annotations

import math
from typing import Sequence

import numpy as np

from workbench.evaluate.scoring import Scored

# Each figure, and whether more is better (for the bar charts' titles and the "best" mark).
HIGHER_IS_BETTER = {"perplexity": False, "mean_loss": False, "accuracy": True, "macro_f1": True,
                    "rouge1": True, "rouge2": True, "rougeL": True, "bleu": True, "chrf": True,
                    "latency_ms": False, "latency_p95_ms": False, "memory_mb": False}
FIGURES = {"lm": ("perplexity", "mean_loss"), "classification": ("accuracy", "macro_f1"),
           "seq2seq": ("rougeL", "rouge1", "rouge2", "bleu", "chrf")}
COMMON = ("latency_ms", "latency_p95_ms", "memory_mb")


def lm_figures(scores: Sequence[Scored]) -> dict[str, float]:
    tokens = sum(s.tokens for s in scores)
    if tokens == 0:
        return {"perplexity": math.nan, "mean_loss": math.nan}
    mean = sum(s.loss * s.tokens for s in scores if s.tokens) / tokens
    return {"perplexity": math.exp(min(mean, 700.0)), "mean_loss": mean}


def confusion(true: Sequence[int], predicted: Sequence[int], n: int) -> list[list[int]]:
    """counts[i][j]: examples whose label is i that the model called j."""
    counts = np.zeros((n, n), dtype=np.int64)
    np.add.at(counts, (np.asarray(true, dtype=np.int64), np.asarray(predicted, dtype=np.int64)), 1)
    return counts.tolist()


def classification_figures(true: Sequence[int], predicted: Sequence[int]) -> dict[str, float]:
    from workbench.training.metrics import accuracy_f1

    if not true:
        return {"accuracy": math.nan, "macro_f1": math.nan}
    got = accuracy_f1(np.asarray(predicted), np.asarray(true))
    return {"accuracy": 100 * got["accuracy"], "macro_f1": 100 * got["f1"]}


def seq2seq_figures(predictions: Sequence[str], references: Sequence[str]) -> dict[str, float]:
    from workbench.training.text_scores import all_scores

    if not predictions:
        return {name: math.nan for name in FIGURES["seq2seq"]}
    return all_scores(predictions, references)


def latency_figures(latencies_s: Sequence[float]) -> dict[str, float]:
    if not latencies_s:
        return {"latency_ms": math.nan, "latency_p95_ms": math.nan}
    ms = 1000 * np.asarray(latencies_s)
    return {"latency_ms": float(ms.mean()), "latency_p95_ms": float(np.percentile(ms, 95))}
