"""An evaluation's results: what was compared, each model's figures and per-example scores, on disk.

  <workbench home>/evals/<data>-<date-time>/
    results.json   everything below (reopened by the Evaluate page and `workbench eval --open`)
    summary.csv    one row per model: its figures
    examples.csv   one row per example: the text, the reference, then each model's loss/prediction
"""

from __future__ import annotations

import csv
import dataclasses
import json
import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.errors import InputError

RESULTS_NAME = "results.json"


@dataclass(frozen=True)
class ExampleScore:
    loss: float  # see evaluate.scoring.Scored
    tokens: int
    prediction: str
    correct: bool | None
    score: float
    latency_ms: float
    truncated: bool = False


@dataclass
class ModelResult:
    name: str
    source: str
    backend: str  # "pytorch" or "onnxruntime"
    variant: str = ""
    device: str = ""
    figures: dict[str, float] = field(default_factory=dict)
    labels: list[str] = field(default_factory=list)  # classification: the confusion matrix's order
    confusion: list[list[int]] = field(default_factory=list)
    examples: list[ExampleScore] = field(default_factory=list)  # in data order; shorter if stopped
    error: str = ""  # why this model has no (or partial) figures, "" when it ran to the end
    load_seconds: float = 0.0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.error


@dataclass(frozen=True)
class EvalInput:
    index: int
    line: int
    text: str
    reference: str


@dataclass
class EvalResults:
    kind: str  # lm, classification or seq2seq
    data: str
    columns: dict[str, str]
    inputs: list[EvalInput] = field(default_factory=list)
    models: list[ModelResult] = field(default_factory=list)
    state: str = "running"  # running, finished, stopped
    created: float = field(default_factory=time.time)
    folder: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready. Inputs and per-example scores are written column by column: a 100k-row
        evaluation is then a few lists, not 100k small objects (dataclasses.asdict took seconds)."""
        return {"kind": self.kind, "data": self.data, "columns": self.columns, "state": self.state,
                "created": self.created, "folder": self.folder,
                "inputs": {name: [getattr(i, name) for i in self.inputs] for name in INPUT_FIELDS},
                "models": [_model_dict(m) for m in self.models]}


INPUT_FIELDS = tuple(f.name for f in dataclasses.fields(EvalInput))
EXAMPLE_FIELDS = tuple(f.name for f in dataclasses.fields(ExampleScore))


def _model_dict(m: ModelResult) -> dict[str, Any]:
    d = {f.name: getattr(m, f.name) for f in dataclasses.fields(m) if f.name != "examples"}
    d["figures"] = {k: _clean(v) for k, v in m.figures.items()}
    d["examples"] = {name: [_clean(getattr(e, name)) for e in m.examples] for name in EXAMPLE_FIELDS}
    return d


def _clean(value: Any) -> Any:
    """JSON has no NaN: write null (read back as nan)."""
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 6)
    return value


def _nan(value: Any) -> float:
    return math.nan if value is None else float(value)


def from_dict(d: dict[str, Any]) -> EvalResults:
    models = []
    for m in d.get("models", []):
        cols = m.get("examples", {})
        rows = zip(*(cols.get(name, []) for name in EXAMPLE_FIELDS)) if cols else []
        examples = [ExampleScore(_nan(loss), int(tokens), str(pred), correct, _nan(score), _nan(ms), bool(cut))
                    for loss, tokens, pred, correct, score, ms, cut in rows]
        figures = {k: _nan(v) for k, v in m.get("figures", {}).items()}
        models.append(ModelResult(**{**m, "figures": figures, "examples": examples}))
    cols = d.get("inputs", {})
    inputs = [EvalInput(*row) for row in zip(*(cols.get(name, []) for name in INPUT_FIELDS))]
    return EvalResults(d["kind"], d["data"], dict(d.get("columns", {})), inputs, models, d.get("state", "finished"),
                       float(d.get("created", 0.0)), d.get("folder", ""))


def save(results: EvalResults, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    results.folder = str(folder)
    tmp = folder / (RESULTS_NAME + ".tmp")
    tmp.write_text(json.dumps(results.to_dict(), ensure_ascii=False), encoding="utf-8")
    tmp.replace(folder / RESULTS_NAME)  # never a half-written results file
    _summary_csv(results, folder / "summary.csv")
    _examples_csv(results, folder / "examples.csv")
    return folder


def _summary_csv(results: EvalResults, path: Path) -> None:
    names = sorted({k for m in results.models for k in m.figures}, key=_figure_order)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["model", "backend", "variant", "examples", *names, "error"])
        for m in results.models:
            w.writerow([m.name, m.backend, m.variant, len(m.examples),
                        *[_cell(m.figures.get(n, math.nan)) for n in names], m.error])


def _figure_order(name: str) -> int:
    from workbench.evaluate.metrics import HIGHER_IS_BETTER

    order = list(HIGHER_IS_BETTER)
    return order.index(name) if name in order else len(order)


def _cell(value: float) -> str:
    return "" if math.isnan(value) else f"{value:.6g}"


def _examples_csv(results: EvalResults, path: Path) -> None:
    measure = "prediction" if results.kind != "lm" else "loss"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        head = ["index", "line", "text", "reference"]
        for m in results.models:
            head += [f"{m.name} loss", f"{m.name} {measure}"] if results.kind != "lm" else [f"{m.name} loss"]
            if results.kind == "seq2seq":
                head.append(f"{m.name} rougeL")
        w.writerow(head)
        for i, inp in enumerate(results.inputs):
            row: list[Any] = [inp.index, inp.line, inp.text, inp.reference]
            for m in results.models:
                e = m.examples[i] if i < len(m.examples) else None
                row.append(_cell(e.loss) if e else "")
                if results.kind != "lm":
                    row.append(e.prediction if e else "")
                if results.kind == "seq2seq":
                    row.append(_cell(e.score) if e else "")
            w.writerow(row)


def load(folder: str | Path) -> EvalResults:
    """Results saved by an earlier evaluation; InputError when the folder has none."""
    path = Path(folder).expanduser()
    file = path / RESULTS_NAME if path.is_dir() else path
    try:
        results = from_dict(json.loads(file.read_text(encoding="utf-8")))
    except FileNotFoundError as exc:
        raise InputError("{path} holds no evaluation results ({results})", path=path, results=RESULTS_NAME) from exc
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError("{file} is not a readable evaluation result ({exc})", file=file, exc=exc) from exc
    results.folder = str(file.parent)
    return results


def evals_root() -> Path:
    from workbench.models.library import workbench_home

    return workbench_home() / "evals"


@dataclass(frozen=True)
class SavedEval:
    folder: str
    created: float
    kind: str
    data: str
    models: tuple[str, ...]
    state: str


def list_saved(root: Path | None = None) -> list[SavedEval]:
    """Earlier evaluations, newest first (a results file that does not read is skipped)."""
    root = root or evals_root()
    out = []
    for file in root.glob(f"*/{RESULTS_NAME}") if root.exists() else []:
        try:
            d = json.loads(file.read_text(encoding="utf-8"))
            out.append(SavedEval(str(file.parent), float(d.get("created", 0)), d["kind"], d["data"],
                                 tuple(m["name"] for m in d.get("models", [])), d.get("state", "")))
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return sorted(out, key=lambda s: -s.created)
