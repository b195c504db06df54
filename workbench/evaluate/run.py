"""run_eval: one held-out file through several models, one model at a time, with progress and cancel.

Order: expand the sources into candidates (a run -> its checkpoints and final model, an export ->
its variants), read and check every row of the file, then for each candidate open it, score every
example, close it. Only one model is open at a time, so comparing five 1B models needs the memory
of one. After each model the results are saved, so a stop, a crash or a bad model later loses
nothing already computed: a model that fails gets its error in its row and the others go on.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from workbench.control import Control
from workbench.errors import InputError, WorkbenchError
from workbench.evaluate import metrics
from workbench.evaluate.candidates import Candidate, expand, open_candidate
from workbench.evaluate.data import Columns, DataSummary, EvalExample, examples, scan
from workbench.evaluate.results import EvalInput, EvalResults, ExampleScore, ModelResult, evals_root, save
from workbench.evaluate.scoring import KIND_OF_TASK, NEEDS, LabelMap, Scored, check_task, score_example
from workbench.texts import N_, error_message

log = logging.getLogger("workbench")
STORED_TEXT = 4000  # characters of each example kept in the results (the per-example table, the CSV)


@dataclass(frozen=True)
class EvalJob:
    data: str  # a .txt/.csv/.jsonl file or builtin:NAME
    models: tuple[str, ...]  # model sources, run folders, export folders
    kind: str = "auto"  # lm, classification, seq2seq; auto: from the first model's task
    columns: Columns = field(default_factory=Columns)
    limit: int = 0  # at most this many examples (0 = all)
    max_new_tokens: int = 64  # seq2seq generation
    device: str = "auto"
    out: str = ""  # results folder; "" = a new one under <workbench home>/evals


@dataclass(frozen=True)
class EvalProgress:
    stage: str  # "reading" (the data), "loading" or "scoring" (a model)
    model: int  # index into the candidates; -1 while reading the data
    name: str
    done: int
    total: int  # 0 while the data's size is not known yet


@dataclass(frozen=True)
class ModelEvaluated:
    index: int
    result: ModelResult


Notify = Callable[[Any], None]


def _task(candidate: Candidate) -> str:
    """The model's task from its config or export report (no weights read)."""
    if candidate.variant:
        from workbench.inference.onnx_model import read_report

        return str(read_report(Path(candidate.source))["task"])
    from workbench.models.loading import model_folder, read_config
    from workbench.models.tasks import detect_task

    return detect_task(read_config(model_folder(candidate.source)))


def infer_kind(candidate: Candidate) -> str:
    """The evaluation a model's task calls for."""
    task = _task(candidate)
    if task not in KIND_OF_TASK:
        raise InputError("{name} is a {task} model; Evaluate compares language models, "
                         "classifiers and summarizers/translators", name=candidate.name, task=task)
    return KIND_OF_TASK[task]


def run_eval(job: EvalJob, notify: Notify | None = None, control: Control | None = None) -> EvalResults:
    """Evaluate every candidate on job.data; the results (also saved to disk) in candidate order."""
    notify = notify or (lambda _e: None)
    control = control or Control()
    candidates = expand(list(job.models))
    kind = job.kind if job.kind != "auto" else infer_kind(candidates[0])
    summary, inputs = _read_data(job, kind, notify, control)
    results = EvalResults(kind, job.data, {k: v for k, v in vars(job.columns).items() if v}, inputs)
    folder = Path(job.out).expanduser() if job.out else _new_folder(job.data)
    _import_runtimes(candidates)
    for i, cand in enumerate(candidates):
        if control.cancelled:
            results.models.append(ModelResult(cand.name, cand.source, cand.backend, cand.variant,
                                              error=N_("not run: the evaluation was stopped")))
            continue
        result = evaluate_model(cand, i, job, kind, summary, notify, control)
        results.models.append(result)
        save(results, folder)  # after every model: nothing computed is lost
        notify(ModelEvaluated(i, result))
    results.state = "stopped" if control.cancelled else "finished"
    save(results, folder)
    return results


def _import_runtimes(candidates: list[Candidate]) -> None:
    """Import torch/transformers (and ONNX Runtime) before any model is measured: the first row's
    memory would otherwise include ~300 MB of libraries every later row shares."""
    from workbench.imports import import_model_stack

    import_model_stack()
    if any(c.variant for c in candidates):
        import onnxruntime  # noqa: F401


def _new_folder(data: str) -> Path:
    from workbench.training.runs import new_run_dir

    return new_run_dir(evals_root(), "eval-" + (data.removeprefix("builtin:") if data.startswith("builtin:")
                                                 else Path(data).stem))


def _read_data(job: EvalJob, kind: str, notify: Notify, control: Control) -> tuple[DataSummary, list[EvalInput]]:
    summary = scan(job.data, kind, job.columns, job.limit, control,
                   lambda n: notify(EvalProgress("reading", -1, job.data, n, 0)))
    if control.cancelled:
        raise InputError("The evaluation was stopped while reading the data")
    inputs = [EvalInput(ex.index, ex.line, ex.text[:STORED_TEXT], ex.reference[:STORED_TEXT])
              for ex in examples(job.data, kind, job.columns, job.limit)]
    summary.references = [i.reference for i in inputs]
    notify(EvalProgress("reading", -1, job.data, summary.rows, summary.rows))
    return summary, inputs


def evaluate_model(cand: Candidate, index: int, job: EvalJob, kind: str, summary: DataSummary,
                   notify: Notify, control: Control) -> ModelResult:
    """One candidate's row; its error (not an exception) when it cannot be opened or does not fit."""
    from workbench.models.peak import PeakMemory, trim_heap

    result = ModelResult(cand.name, cand.source, cand.backend, cand.variant)
    notify(EvalProgress("loading", index, cand.name, 0, summary.rows))
    model = None
    try:
        if infer_kind(cand) != kind:  # from the config alone: a model that does not fit is not loaded
            raise InputError("{name} is a {task} model; {needs}", name=cand.name, task=_task(cand), needs=NEEDS[kind])
        with PeakMemory() as memory:
            started = time.perf_counter()
            model = open_candidate(cand, job.device)
            result.load_seconds, result.device = time.perf_counter() - started, model.device
            _score_all(model, index, job, kind, summary, result, notify, control)
        result.figures["memory_mb"] = memory.peak / 2**20
    except WorkbenchError as exc:
        result.error = error_message(exc)  # English, and translatable while this session shows it
    except Exception as exc:  # noqa: BLE001 - one model's failure must not lose the others' rows
        log.exception("Evaluating %s failed", cand.name)
        result.error = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
    finally:
        del model
        trim_heap()
    return result


def _score_all(model: Any, index: int, job: EvalJob, kind: str, summary: DataSummary, result: ModelResult,
               notify: Notify, control: Control) -> None:
    check_task(model, kind)
    labels = None
    if kind == "classification":
        labels = LabelMap(tuple(model.info.labels))
        labels.check(summary.labels, Path(job.data).name if not job.data.startswith("builtin:") else job.data)
        result.labels = list(labels.names)
    started, last_note = time.perf_counter(), 0.0
    first = next(examples(job.data, kind, job.columns, 1))
    score_example(model, kind, first, labels, job.max_new_tokens)  # warm-up (lazy init, caches): not timed
    for ex in examples(job.data, kind, job.columns, job.limit):
        if control.cancelled:
            result.error = f"stopped after {len(result.examples)} of {summary.rows} examples"
            break
        t0 = time.perf_counter()
        scored = score_example(model, kind, ex, labels, job.max_new_tokens)
        result.examples.append(_example(scored, time.perf_counter() - t0))
        if time.perf_counter() - last_note > 0.2:  # a few updates a second, whatever the speed
            last_note = time.perf_counter()
            notify(EvalProgress("scoring", index, result.name, len(result.examples), summary.rows))
    result.seconds = time.perf_counter() - started
    result.figures.update(figures(kind, result, labels, summary.references))
    notify(EvalProgress("scoring", index, result.name, len(result.examples), summary.rows))


def _example(s: Scored, seconds: float) -> ExampleScore:
    return ExampleScore(s.loss, s.tokens, s.prediction, s.correct, s.score, 1000 * seconds, s.truncated)


def figures(kind: str, result: ModelResult, labels: LabelMap | None, references: list[str]) -> dict[str, float]:
    """The model's figures from its examples (and, for seq2seq/classification, the references)."""
    scores = [Scored(e.loss, e.tokens, e.prediction, e.correct, e.score) for e in result.examples]
    out = metrics.latency_figures([e.latency_ms / 1000 for e in result.examples])
    if kind == "lm":
        return {**metrics.lm_figures(scores), **out}
    refs = references[:len(result.examples)]
    if kind == "classification":
        assert labels is not None
        true = [labels.id(r) for r in refs]
        predicted = [labels.names.index(s.prediction) for s in scores]
        result.confusion = metrics.confusion(true, predicted, len(labels.names))
        losses = [s.loss for s in scores]
        mean = sum(losses) / len(losses) if losses else math.nan
        return {**metrics.classification_figures(true, predicted), "mean_loss": mean, **out}
    preds = [s.prediction for s in scores]
    return {**metrics.seq2seq_figures(preds, refs), **out}
