"""How the Evaluate page writes figures, column titles and progress (one place, so the table, the
charts and the tests agree on every number's text)."""

from __future__ import annotations

import math
import re

from workbench.evaluate.metrics import COMMON, FIGURES, HIGHER_IS_BETTER
from workbench.gui.i18n import core_text, translate

# Readable names of the figures (the keys are metrics.HIGHER_IS_BETTER's); the English ones, see figure_title.
TITLES = {"perplexity": "perplexity", "mean_loss": "mean loss", "accuracy": "accuracy", "macro_f1": "macro F1",
          "rouge1": "ROUGE-1", "rouge2": "ROUGE-2", "rougeL": "ROUGE-L", "bleu": "BLEU", "chrf": "chrF",
          "latency_ms": "latency ms", "latency_p95_ms": "p95 ms", "memory_mb": "memory MB"}
PERCENT = ("accuracy", "macro_f1")  # stored 0-100
CHARTED_COMMON = ("latency_ms", "memory_mb")  # the common figures that get a chart (p95 stays in the table)


def is_missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def format_figure(name: str, value: float | None) -> str:
    """A figure as the table shows it: perplexity 2 decimals (none past 1,000), percentages with %, ..."""
    if is_missing(value):
        return "—"
    assert value is not None
    if name in PERCENT:
        return f"{value:.1f}%"
    if name == "perplexity":
        return f"{value:,.2f}" if value < 1000 else f"{value:,.0f}"
    if name == "mean_loss":
        return f"{value:.4f}"
    if name in ("latency_ms", "latency_p95_ms", "memory_mb"):
        return f"{value:,.1f}"
    return f"{value:.2f}"  # ROUGE, BLEU, chrF: 0-100


def figure_names(kind: str) -> tuple[str, ...]:
    """The table's figure columns for a kind of evaluation: its own figures, then latency and memory."""
    return FIGURES.get(kind, ()) + COMMON


def charted_names(kind: str) -> tuple[str, ...]:
    return FIGURES.get(kind, ()) + CHARTED_COMMON


def column_title(name: str, two_lines: bool = False) -> str:
    """"perplexity ↓": the arrow says which way is better; two_lines ("latency\nms ↓") keeps the
    table's columns as narrow as their numbers."""
    arrow = "" if name not in HIGHER_IS_BETTER else (" ↑" if HIGHER_IS_BETTER[name] else " ↓")
    title = figure_title(name)
    return (title.replace(" ", "\n", 1) if two_lines else title) + arrow


def figure_title(name: str) -> str:
    """A figure's readable name in the UI's language (ROUGE, BLEU and chrF keep theirs)."""
    titles = {"perplexity": translate("EvaluatePage", "perplexity"),
              "mean_loss": translate("EvaluatePage", "mean loss"),
              "accuracy": translate("EvaluatePage", "accuracy"),
              "macro_f1": translate("EvaluatePage", "macro F1"),
              "latency_ms": translate("EvaluatePage", "latency ms"),
              "latency_p95_ms": translate("EvaluatePage", "p95 ms"),
              "memory_mb": translate("EvaluatePage", "memory MB")}
    return titles.get(name) or TITLES.get(name, name)


def chart_title(name: str) -> str:
    if HIGHER_IS_BETTER.get(name, True):
        return translate("EvaluatePage", "{figure} (higher is better)").format(figure=figure_title(name))
    return translate("EvaluatePage", "{figure} (lower is better)").format(figure=figure_title(name))


def best_rows(values: list[float | None], name: str) -> set[int]:
    """The rows holding the best value (all of them on a tie); none when there is nothing to tell
    apart: fewer than two values, or all equal."""
    ok = {i: float(v) for i, v in enumerate(values) if not is_missing(v)}  # type: ignore[arg-type]
    if len(ok) < 2 or len(set(ok.values())) == 1:
        return set()
    best = (max if HIGHER_IS_BETTER.get(name, True) else min)(ok.values())
    return {i for i, v in ok.items() if math.isclose(v, best, rel_tol=1e-9, abs_tol=1e-12)}


def backend_text(backend: str, variant: str, device: str) -> str:
    name = f"ONNX {variant}" if backend == "onnxruntime" else "PyTorch"
    return f"{name}, {device}" if device else name


def kind_text(kind: str) -> str:
    return {"lm": translate("EvaluatePage", "language model"),
            "classification": translate("EvaluatePage", "classifier"),
            "seq2seq": translate("EvaluatePage", "summarize / translate")}.get(kind, kind)


def kind_title(kind: str) -> str:
    """kind_text at the start of a line (capitalised in English)."""
    text = kind_text(kind)
    return text[:1].upper() + text[1:]


def state_text(state: str) -> str:
    """An evaluation's or a training run's state ("finished", "stopped" ...) in the UI's language."""
    return {"running": translate("EvaluatePage", "running"),
            "finished": translate("EvaluatePage", "finished"),
            "stopped": translate("EvaluatePage", "stopped"),
            "failed": translate("EvaluatePage", "failed"),
            "interrupted": translate("EvaluatePage", "interrupted"),
            "paused": translate("EvaluatePage", "paused")}.get(state, state)


def model_error_text(error: str) -> str:
    """A row's error as the results store it (the core's English sentence), in the UI's language where
    it is one of the evaluation's own notes; any other error is shown as the core wrote it."""
    stopped = re.fullmatch(r"stopped after (\d+) of (\d+) examples", error)
    if stopped:
        return translate("EvaluatePage", "stopped after {done} of {total} examples").format(
            done=f"{int(stopped.group(1)):,}", total=f"{int(stopped.group(2)):,}")
    return core_text(error)
