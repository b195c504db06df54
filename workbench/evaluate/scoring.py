"""One example through one model: its loss, prediction and score (per kind of evaluation).

The same functions run every backend: they call only Backend methods (lm_logits, classify,
generate_stream), so an ONNX row and a PyTorch row differ only in the runtime under them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from workbench.errors import InputError
from workbench.evaluate.data import EvalExample
from workbench.texts import N_

# The model task each kind of evaluation needs, and what to say when a model has another.
TASK_OF_KIND = {"lm": "causal-lm", "classification": "sequence-classification", "seq2seq": "seq2seq-lm"}
KIND_OF_TASK = {v: k for k, v in TASK_OF_KIND.items()}
NEEDS = {"lm": N_("perplexity needs a causal language model"), "classification":
         N_("accuracy and F1 need a classifier"), "seq2seq": N_("ROUGE and BLEU need a summarizer or translator")}


@dataclass(frozen=True)
class Scored:
    """One example's outcome. loss: mean token loss (lm) or -log p(true label) (classification),
    nan for seq2seq; tokens: the predicted tokens the lm loss averages over."""

    loss: float
    tokens: int
    prediction: str  # the predicted label or the generated text; "" for lm
    correct: bool | None = None  # classification only
    score: float = math.nan  # seq2seq: this example's ROUGE-L
    truncated: bool = False


def check_task(model: Any, kind: str) -> None:
    """InputError when the model's task does not fit the evaluation."""
    if model.task != TASK_OF_KIND[kind]:
        raise InputError("{name} is a {task} model; {needs}", name=model.name, task=model.task, needs=NEEDS[kind])


def lm_example(model: Any, ex: EvalExample) -> Scored:
    """Mean next-token cross-entropy over the example's tokens (cut to the model's context)."""
    ids = list(model.tokenizer(ex.text)["input_ids"])
    limit = model.info.context_length or len(ids)
    truncated = len(ids) > limit
    ids = ids[:limit]
    if len(ids) < 2:  # one token predicts nothing
        return Scored(math.nan, 0, "", truncated=truncated)
    logits = model.lm_logits(np.asarray([ids], dtype=np.int64))[:-1].astype(np.float64)  # (n-1, vocab)
    top = logits.max(axis=-1, keepdims=True)
    log_z = top[:, 0] + np.log(np.exp(logits - top).sum(axis=-1))  # log-sum-exp per position
    losses = log_z - logits[np.arange(len(ids) - 1), ids[1:]]  # -log p(next token)
    return Scored(float(losses.mean()), len(ids) - 1, "", truncated=truncated)


class LabelMap:
    """The data's labels (as written) -> the model's label ids: by name (case-insensitive when that is
    unambiguous), or a number that is a valid id."""

    def __init__(self, model_labels: tuple[str, ...]) -> None:
        self.names = tuple(model_labels)
        self._exact = {n: i for i, n in enumerate(self.names)}
        lowered = [n.lower() for n in self.names]
        self._loose = {n: i for i, n in enumerate(lowered) if lowered.count(n) == 1}

    def id(self, label: str) -> int | None:
        if label in self._exact:
            return self._exact[label]
        if label.lower() in self._loose:
            return self._loose[label.lower()]
        if label.lstrip("-").isdigit() and 0 <= int(label) < len(self.names):
            return int(label)
        return None

    def check(self, first_lines: dict[str, int], where: str) -> None:
        """InputError naming the first label the model does not know, and where it appears."""
        for label, line in first_lines.items():
            if self.id(label) is None:
                raise InputError("{where} line {line}: the label '{label}' is not one the model knows ({known})",
                                 where=where, line=line, label=label, known=", ".join(self.names) or N_("none"))


def classification_example(model: Any, ex: EvalExample, labels: LabelMap) -> Scored:
    result = model.classify(ex.text, ex.text_pair or None)
    true = labels.id(ex.reference)
    if true is None:  # scan + LabelMap.check catch this first; kept for callers that skip them
        raise InputError("The label '{label}' is not one the model knows", label=ex.reference)
    probs = np.asarray(result.probs, dtype=np.float64)
    best = int(probs.argmax())
    loss = -math.log(max(float(probs[true]), 1e-12))
    return Scored(loss, 0, labels.names[best] if best < len(labels.names) else str(best), best == true,
                  truncated=result.truncated_to is not None)


def seq2seq_example(model: Any, ex: EvalExample, max_new_tokens: int) -> Scored:
    """Greedy output for the source, scored with ROUGE-L against the target."""
    from workbench.config import GenerationSettings
    from workbench.training.text_scores import rouge

    settings = GenerationSettings(max_new_tokens=max_new_tokens, greedy=True, alternatives=0)
    text = "".join(t.text for t in model.generate_stream(ex.text, settings)).strip()
    return Scored(math.nan, 0, text, score=rouge([text], [ex.reference])["rougeL"])


def score_example(model: Any, kind: str, ex: EvalExample, labels: LabelMap | None,
                  max_new_tokens: int) -> Scored:
    if kind == "lm":
        return lm_example(model, ex)
    if kind == "classification":
        assert labels is not None
        return classification_example(model, ex, labels)
    return seq2seq_example(model, ex, max_new_tokens)
