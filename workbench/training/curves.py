"""Curve data for dashboards: growable numpy series fed by training events (Qt-free).

A dashboard appends events as they arrive and redraws on a timer from these arrays, so a run
with 100,000 logged steps costs O(new points) per event and one setData per curve per redraw.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from workbench.training.events import EvalLogged, StepLogged, record_event

STEP_SERIES = ("loss", "learning_rate", "grad_norm", "tokens_per_second",
               "gpu_allocated_bytes", "gpu_memory_bytes", "mfu")  # the last three: 0 on the CPU
# seq2seq runs add generation scores (percentages) from their evaluations' greedy outputs.
EVAL_SERIES = ("eval_loss", "perplexity", "accuracy", "f1", "rougeL", "rouge1", "rouge2", "bleu", "chrf")


class Series:
    """x (step) and y arrays that grow by doubling; xs/ys are views of the filled part."""

    def __init__(self, capacity: int = 1024) -> None:
        self._x = np.empty(capacity, dtype=np.float64)
        self._y = np.empty(capacity, dtype=np.float64)
        self.n = 0

    def append(self, x: float, y: float) -> None:
        if self.n == len(self._x):
            self._x = np.concatenate([self._x, np.empty_like(self._x)])
            self._y = np.concatenate([self._y, np.empty_like(self._y)])
        self._x[self.n], self._y[self.n] = x, y
        self.n += 1

    def truncate_after(self, step: float) -> None:
        """Drop points past `step` (a resumed run re-logs the steps after its checkpoint)."""
        self.n = int(np.searchsorted(self.xs, step, side="right"))

    @property
    def xs(self) -> np.ndarray:
        return self._x[:self.n]

    @property
    def ys(self) -> np.ndarray:
        return self._y[:self.n]


def ema(values: np.ndarray, weight: float, start: int = 0, previous: np.ndarray | None = None) -> np.ndarray:
    """TensorBoard's debiased exponential moving average; weight 0 = raw, 0.99 = very smooth.

    With `previous` (the smoothed values of values[:start]) only the new tail is computed.
    """
    out = np.empty(len(values), dtype=np.float64)
    if previous is not None and start:
        out[:start] = previous[:start]
    # The running (biased) average is recovered from the last debiased value: last = out * (1 - w^k).
    last = out[start - 1] * (1 - weight ** start) if start else 0.0
    for i in range(start, len(values)):
        last = last * weight + (1 - weight) * values[i]
        out[i] = last / (1 - weight ** (i + 1)) if weight > 0 else values[i]
    return out


class CurveStore:
    """All curves of one run. `version` changes whenever data changes (redraw only then)."""

    def __init__(self) -> None:
        self.series = {name: Series() for name in STEP_SERIES + EVAL_SERIES}
        self.version = 0
        self.last_step: StepLogged | None = None

    def add(self, event: Any) -> bool:
        """Append a StepLogged/EvalLogged; other events are ignored. True if data changed."""
        if isinstance(event, StepLogged):
            self._rewind(event.step)
            for name in STEP_SERIES:
                self.series[name].append(event.step, getattr(event, name))
            self.last_step = event
        elif isinstance(event, EvalLogged):
            self.series["eval_loss"].append(event.step, event.eval_loss)
            for name, value in event.metrics.items():
                if name in self.series:
                    self.series[name].append(event.step, value)
        else:
            return False
        self.version += 1
        return True

    def _rewind(self, step: int) -> None:
        loss = self.series["loss"]
        if loss.n and loss.xs[-1] >= step:  # a resume repeats steps logged before the interruption
            for s in self.series.values():
                s.truncate_after(step - 1)

    def __getitem__(self, name: str) -> Series:
        return self.series[name]

    @classmethod
    def from_run(cls, run_dir: str | Path) -> "CurveStore":
        """The curves of a run folder's metrics.jsonl (runs history overlays)."""
        from workbench.training.runs import RunFolder

        store = cls()
        for record in RunFolder(run_dir).records():
            event = record_event(record)
            if event is not None:
                store.add(event)
        return store
