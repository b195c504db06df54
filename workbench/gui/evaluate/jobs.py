"""The Evaluate page's background jobs (state.runner), and what they emit besides run_eval's events.

The evaluation job tells the page two things run_eval's events do not: which rows are coming (the
sources expanded into their models, so the table can list them before they run) and the examples'
texts (so the first model's examples can be browsed while the next one runs).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.backends import OnnxBackend
    from workbench.evaluate.results import EvalInput, EvalResults, SavedEval
    from workbench.evaluate.run import EvalJob


@dataclass(frozen=True)
class EvalPlan:
    """Emitted first: the kind of evaluation, where the results go, and one name per model to come."""

    kind: str
    folder: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class InputsRead:
    """Emitted once, before the first ModelEvaluated: every example's text and reference."""

    inputs: list[EvalInput]


@dataclass(frozen=True)
class SavedList:
    items: list[SavedEval]


def new_eval_folder(data: str) -> Path:
    """A fresh <workbench home>/evals/eval-<data>-<date-time> (the name run_eval would give it)."""
    from workbench.evaluate.results import evals_root
    from workbench.training.runs import new_run_dir

    stem = data.removeprefix("builtin:") if data.startswith("builtin:") else Path(data).stem
    return new_run_dir(evals_root(), "eval-" + stem)


def eval_job(ctx: Any, job: EvalJob) -> EvalResults:
    """run_eval, with the plan and the inputs emitted for the page; an empty folder is not left behind."""
    from workbench.evaluate.candidates import expand
    from workbench.evaluate.results import load
    from workbench.evaluate.run import ModelEvaluated, infer_kind, run_eval

    candidates = expand(list(job.models))
    kind = job.kind if job.kind != "auto" else infer_kind(candidates[0])
    folder = Path(job.out) if job.out else new_eval_folder(job.data)
    ctx.emit(EvalPlan(kind, str(folder), tuple(c.name for c in candidates)))
    sent: list[bool] = []

    def notify(event: Any) -> None:
        if isinstance(event, ModelEvaluated) and not sent:
            sent.append(True)
            ctx.emit(InputsRead(load(folder).inputs))  # saved just before this event
        ctx.emit(event)

    try:
        return run_eval(dataclasses.replace(job, kind=kind, out=str(folder)), notify, ctx.control)
    except Exception:
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()  # the data was refused before any model ran: no empty entry in Earlier results
        raise


def load_job(ctx: Any, folder: str) -> EvalResults:
    from workbench.evaluate.results import load

    from workbench.gui.i18n import translate

    ctx.message(translate("EvaluatePage", "Reading {folder} ...").format(folder=folder))
    return load(folder)


def saved_job(ctx: Any) -> SavedList:
    from workbench.evaluate.results import list_saved

    return SavedList(list_saved())


def open_onnx_job(ctx: Any, folder: str, variant: str, device: str) -> OnnxBackend:
    """An export's variant on ONNX Runtime, for the Playground (as the Export page opens one)."""
    from workbench.backends import open_onnx_export

    return open_onnx_export(folder, variant=variant or None, device=device)
