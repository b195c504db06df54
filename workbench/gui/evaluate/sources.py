"""What the Evaluate page says about a source before running it, and its guesses for the columns.

Everything here reads small files only (a run's config, an export's report): it runs on the GUI
thread when a model is added, so that a run without a model or an export without a passed variant
is refused at once, not minutes later.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from workbench.evaluate.scoring import KIND_OF_TASK as KIND_OF_MODEL_TASK
from workbench.gui.i18n import error_text, translate

# A model's task, or a training run's (its "chat" runs are causal LMs) -> the evaluation it calls for.
KIND_OF_TASK = {**KIND_OF_MODEL_TASK, "chat": "lm", "seq2seq": "seq2seq"}


def kind_labels() -> dict[str, str]:
    """The kinds of evaluation the Evaluate as menu offers: {key: label in the UI's language}."""
    return {"auto": translate("DataForm", "Auto (from the first model's task)"),
            "lm": translate("DataForm", "Language model: perplexity"),
            "classification": translate("DataForm", "Classifier: accuracy, F1"),
            "seq2seq": translate("DataForm", "Summarize / translate: ROUGE, BLEU")}


def builtin_data() -> dict[str, str]:
    """The built-in data sets: {id: label in the UI's language}."""
    return {"builtin:stories": translate("DataForm", "stories (for language models)"),
            "builtin:reviews": translate("DataForm", "reviews (for classifiers)"),
            "builtin:summaries": translate("DataForm", "summaries (for summarizers)"),
            "builtin:stories-zh": translate("DataForm", "Chinese stories (for language models)"),
            "builtin:reviews-zh": translate("DataForm", "Chinese reviews (for classifiers)")}


DATA_FOR_KIND = {"lm": "builtin:stories", "classification": "builtin:reviews", "seq2seq": "builtin:summaries"}


@dataclass(frozen=True)
class SourceRow:
    """One line of the models list."""

    source: str
    title: str  # "tiny-stories", "run my-run", "export cls-onnx"
    detail: str  # what the source stands for: "PyTorch", "2 checkpoints + final model", "ONNX: fp32, int8"
    kind: str = ""  # the evaluation its task calls for, when cheap to know ("" otherwise)

    @property
    def text(self) -> str:
        return f"{self.title} — {self.detail}"


def describe_source(source: str) -> SourceRow:
    """The row for a source; InputError for a run with no model yet or an export with no passed variant."""
    from workbench.inference.onnx_model import is_onnx_folder
    from workbench.evaluate.candidates import is_run_folder

    path = Path(source).expanduser()
    if is_onnx_folder(path):
        return _export_row(source, path)
    if is_run_folder(path):
        return _run_row(source, path)
    if source.startswith("builtin:"):
        from workbench.models.builtins import BUILTINS

        name = source.removeprefix("builtin:")
        task = BUILTINS[name].task if name in BUILTINS else ""
        return SourceRow(source, name, translate("SourceRow", "built-in, PyTorch"), KIND_OF_TASK.get(task, ""))
    if path.is_dir():
        return SourceRow(source, path.name, translate("SourceRow", "model folder, PyTorch ({folder})").format(
            folder=path.parent), _folder_kind(path))
    return SourceRow(source, source, translate("SourceRow", "hub model, PyTorch (downloaded if not cached)"))


def _export_row(source: str, path: Path) -> SourceRow:
    from workbench.evaluate.candidates import export_candidates
    from workbench.onnx_format import REPORT_NAME

    variants = [c.variant for c in export_candidates(path)]
    try:
        task = str(json.loads((path / REPORT_NAME).read_text(encoding="utf-8")).get("task", ""))
    except (OSError, ValueError):
        task = ""
    return SourceRow(source, translate("SourceRow", "export {name}").format(name=path.name),
                     translate("SourceRow", "ONNX {variants}, a row each").format(variants=", ".join(variants)),
                     KIND_OF_TASK.get(task, ""))


def _run_row(source: str, path: Path) -> SourceRow:
    from workbench.evaluate.candidates import run_candidates
    from workbench.training.runs import summarize

    found = run_candidates(path)
    checkpoints = sum(1 for c in found if not c.name.endswith("/final"))
    final = len(found) > checkpoints
    if checkpoints == 1:
        detail = translate("SourceRow", "1 checkpoint + final model, a row each") if final \
            else translate("SourceRow", "1 checkpoint, a row each")
    elif checkpoints:
        detail = (translate("SourceRow", "{count} checkpoints + final model, a row each") if final
                  else translate("SourceRow", "{count} checkpoints, a row each")).format(count=checkpoints)
    else:
        detail = translate("SourceRow", "final model") if final else translate("SourceRow", "no model yet")
    return SourceRow(source, translate("SourceRow", "run {name}").format(name=path.name), detail,
                     KIND_OF_TASK.get(summarize(path).task, ""))


def _folder_kind(path: Path) -> str:
    """The kind a model folder's config.json suggests (its architectures' suffix), "" if unsure."""
    try:
        archs = json.loads((path / "config.json").read_text(encoding="utf-8")).get("architectures") or []
    except (OSError, ValueError):
        return ""
    arch = str(archs[0]) if archs else ""
    for suffix, kind in (("ForCausalLM", "lm"), ("LMHeadModel", "lm"), ("ForSequenceClassification", "classification"),
                         ("ForConditionalGeneration", "seq2seq")):
        if arch.endswith(suffix):
            return kind
    return ""


# -- columns -----------------------------------------------------------------------------------------
# The names each field is usually given, most likely first (matched case-insensitively).
COLUMN_GUESSES = {
    "text": ("text", "sentence", "review", "content", "document", "prompt", "input", "source"),
    "label": ("label", "labels", "class", "category", "sentiment", "target"),
    "text_pair": ("text_pair", "sentence2", "hypothesis", "question2"),
    "source": ("source", "document", "article", "dialogue", "input", "text", "src"),
    "target": ("target", "summary", "highlights", "translation", "output", "tgt"),
}


def guess_column(columns: tuple[str, ...], field: str) -> str:
    """The data column most likely to hold `field`; "" when none looks like it."""
    lowered = {c.lower(): c for c in columns}
    for name in COLUMN_GUESSES[field]:
        if name in lowered:
            return lowered[name]
    if field in ("text", "source") and columns:
        return columns[0]  # one-column files (.txt) and unusual names: the first column
    return ""


def guess_kind(columns: tuple[str, ...]) -> str:
    """What the data looks like it is for, from its column names."""
    lowered = {c.lower() for c in columns}
    if lowered & {"target", "summary", "highlights", "translation", "tgt"}:
        return "seq2seq"
    if lowered & {"label", "labels", "class", "category", "sentiment"}:
        return "classification"
    return "lm"


BUILTIN_COLUMNS = {"builtin:stories": ("text",), "builtin:reviews": ("text", "label"),
                   "builtin:summaries": ("source", "target"), "builtin:stories-zh": ("text",),
                   "builtin:reviews-zh": ("text", "label")}


def read_columns(path: str) -> tuple[str, ...]:
    """The data's column names from its first row only (instant for any size); InputError if unreadable."""
    import csv

    from workbench.errors import InputError
    from workbench.training.data import detect_format

    if path.startswith("builtin:"):
        if path not in BUILTIN_COLUMNS:
            raise InputError(translate("DataForm", "No built-in data set {name}; there are {names}"),
                             name=path, names=", ".join(BUILTIN_COLUMNS))
        return BUILTIN_COLUMNS[path]
    file = Path(path).expanduser()
    if not file.is_file():
        raise InputError(translate("DataForm", "No such data file: {file}"), file=str(file))
    fmt = detect_format(file)
    if fmt == "text":
        return ("text",)
    try:
        with file.open(encoding="utf-8-sig", newline="") as f:
            if fmt == "csv":
                return tuple(next(csv.reader(f, delimiter="\t" if file.suffix.lower() == ".tsv" else ","), []))
            first = next((line for line in f if line.strip()), "{}")
        row = json.loads(first)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(translate("DataForm", "{name} cannot be read: {error}"), name=file.name,
                         error=error_text(exc)) from exc
    return tuple(map(str, row)) if isinstance(row, dict) else ()
