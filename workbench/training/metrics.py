"""Evaluation metrics for classification: accuracy and macro F1 (numpy; no scikit-learn needed), and
how any run's eval metrics are written in one line."""

from __future__ import annotations

from typing import Any

import numpy as np


def accuracy_f1(predictions: np.ndarray, labels: np.ndarray) -> dict[str, float]:
    """Accuracy and the F1 averaged over the classes that occur (macro F1)."""
    predictions, labels = np.asarray(predictions), np.asarray(labels)
    f1s = []
    for c in np.union1d(np.unique(labels), np.unique(predictions)):
        tp = np.sum((predictions == c) & (labels == c))
        fp = np.sum((predictions == c) & (labels != c))
        fn = np.sum((predictions != c) & (labels == c))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0)
    return {"accuracy": float(np.mean(predictions == labels)), "f1": float(np.mean(f1s))}


def classification_metrics(eval_pred: Any) -> dict[str, float]:
    """compute_metrics for the Trainer: logits (N, K) and labels (N,) -> accuracy, f1."""
    logits, labels = eval_pred.predictions, eval_pred.label_ids
    if isinstance(logits, tuple):  # some models return (logits, hidden states ...)
        logits = logits[0]
    return accuracy_f1(np.argmax(logits, axis=-1), labels)


# seq2seq generation scores are percentages: two decimals, ROUGE-L (the headline one) first.
PERCENT_METRICS = ("rougeL", "rouge1", "rouge2", "bleu", "chrf")


def format_metrics(metrics: dict[str, float], sep: str = "  ") -> str:
    """One line of eval metrics: `perplexity 10.1234`, for seq2seq then `rougeL 41.20  rouge1 ...`."""
    plain = [f"{k} {v:.4f}" for k, v in metrics.items() if k not in PERCENT_METRICS]
    return sep.join(plain + [f"{k} {metrics[k]:.2f}" for k in PERCENT_METRICS if k in metrics])
