"""What a training run reports, as frozen dataclasses named as past-tense facts.

They carry Python floats, strings and numpy copies only (never live tensors), so they can cross
threads, be appended to metrics.jsonl, and be compared in tests. Order within a run:
RunStarted, then StepLogged / EvalLogged / SamplesGenerated / CheckpointSaved /
AttentionSnapshotTaken / TrainingPaused / TrainingResumed in step order (a seq2seq run's
SamplesGenerated right after the EvalLogged of the same step), then exactly one TrainingFinished or TrainingFailed.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np


@dataclass(frozen=True)
class RunStarted:
    run_dir: str
    task: str
    total_steps: int
    start_step: int  # > 0 when resumed from a checkpoint
    num_parameters: int
    trainable_parameters: int
    train_examples: int
    eval_examples: int
    train_tokens: int
    device: str
    world_size: int = 1
    device_name: str = ""  # "NVIDIA H200" on CUDA; "" on the CPU
    precision: str = ""  # "bf16", "fp16" or "fp32"
    peak_flops: float = 0.0  # the device's dense matmul peak at that precision (FLOP/s), 0 = unknown / CPU
    peak_source: str = ""  # where peak_flops came from: a datasheet, or a matmul measured at the start


@dataclass(frozen=True)
class StepLogged:
    step: int
    epoch: float
    loss: float  # mean training loss over the steps since the previous StepLogged
    learning_rate: float
    grad_norm: float  # nan when not measured
    tokens_per_second: float
    elapsed_s: float  # since this session of the run started (resumes restart the clock)
    eta_s: float
    gpu_memory_bytes: int = 0  # peak allocated on CUDA since the run started, 0 on CPU
    gpu_allocated_bytes: int = 0  # allocated on CUDA at this step, 0 on CPU
    mfu: float = 0.0  # model-FLOPs utilisation (0..1), 6 x parameters x tokens/s / peak; 0 = unknown (CPU)


@dataclass(frozen=True)
class EvalLogged:
    step: int
    eval_loss: float
    # perplexity, or accuracy and f1; seq2seq adds rouge1/rouge2/rougeL/bleu/chrf (percentages)
    metrics: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Sample:
    """One eval example of a seq2seq run and what the model wrote for it (greedy)."""

    source: str
    target: str
    prediction: str


@dataclass(frozen=True)
class SamplesGenerated:
    """The model's outputs for the first eval examples at an evaluation: the same examples every
    time, so the user can watch them improve."""

    step: int
    samples: tuple[Sample, ...]


@dataclass(frozen=True)
class CheckpointSaved:
    step: int
    path: str


@dataclass(frozen=True)
class AttentionSnapshotTaken:
    step: int
    tokens: tuple[str, ...]
    maps: np.ndarray  # (layers, heads, seq, seq) float16 copy; rows sum to 1

    def __eq__(self, other: object) -> bool:  # numpy arrays do not compare as a single bool
        return (isinstance(other, AttentionSnapshotTaken) and self.step == other.step
                and self.tokens == other.tokens and np.array_equal(self.maps, other.maps))


@dataclass(frozen=True)
class TrainingPaused:
    step: int


@dataclass(frozen=True)
class TrainingResumed:
    step: int


@dataclass(frozen=True)
class TrainingFinished:
    run_dir: str
    step: int
    stopped: bool  # True when the user stopped it (a checkpoint was saved to resume from)
    model_dir: str  # the final model (finished) or the last checkpoint (stopped)
    train_loss: float
    eval_loss: float  # nan when there was no eval split
    metrics: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0


@dataclass(frozen=True)
class TrainingFailed:
    run_dir: str
    step: int
    message: str  # one readable sentence
    checkpoint: str = ""  # the last good checkpoint to resume from, "" if none


Event = Any  # one of the classes above
Notify = Callable[[Event], None]

_JSON_KINDS = {StepLogged: "step", EvalLogged: "eval", CheckpointSaved: "checkpoint",
               TrainingFinished: "finished", TrainingFailed: "failed", RunStarted: "started",
               SamplesGenerated: "samples"}


def event_record(event: Event) -> dict[str, Any] | None:
    """The metrics.jsonl line for an event ({"kind": ..., fields}), or None if it is not logged."""
    kind = _JSON_KINDS.get(type(event))
    if kind is None:
        return None
    return {"kind": kind, **dataclasses.asdict(event)}


def record_event(record: dict[str, Any]) -> Event | None:
    """Inverse of event_record, for reading a run's metrics.jsonl back into events."""
    by_kind = {v: k for k, v in _JSON_KINDS.items()}
    cls = by_kind.get(record.get("kind", ""))
    if cls is None:
        return None
    fields = _known(cls, record)
    if cls is SamplesGenerated:  # JSON made the tuple of Sample dataclasses a list of dicts
        fields["samples"] = tuple(Sample(**_known(Sample, s)) for s in fields.get("samples", ()))
    return cls(**fields)


def _known(cls: type, record: dict[str, Any]) -> dict[str, Any]:
    """The record's values for cls's fields (a newer or older file may have others)."""
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in record.items() if k in names}
