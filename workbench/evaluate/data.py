"""The held-out file, read as a stream: EvalExample rows one at a time, never the whole file.

A 100k-line file is read twice per evaluation and never held: `scan` checks every row once (the
columns, empty texts, the labels and where each first appears) before any model is opened, so a
bad row is reported before minutes of work rather than after; each model then reads the rows
again with `examples`. The formats are the training ones (workbench.training.data):
  .txt  one example per paragraph (blank lines separate them), as training files are read
  .csv / .tsv   a header row, then rows; .jsonl   one JSON object per line
  builtin:NAME  the project's generated data, drawn with a seed training never uses: stories,
                reviews, summaries (English), stories-zh, reviews-zh (Chinese)
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from workbench.control import Control
from workbench.errors import InputError
from workbench.texts import N_

# What each kind of evaluation reads from a row. "reference" is the label or the target text.
KINDS = ("lm", "classification", "seq2seq")
EVAL_SEED = 7919  # built-in data for evaluation: a seed no built-in model or example trains on
BUILTIN_EVAL = {"lm": "builtin:stories", "classification": "builtin:reviews", "seq2seq": "builtin:summaries"}
BUILTIN_EVAL_ZH = {"lm": "builtin:stories-zh", "classification": "builtin:reviews-zh"}  # the Chinese counterparts


@dataclass(frozen=True)
class Columns:
    """Which column holds what. lm reads `text`; classification `text` (+ `text_pair`) and `label`;
    seq2seq `source` and `target`."""

    text: str = "text"
    label: str = "label"
    source: str = "source"
    target: str = "target"
    text_pair: str = ""

    def needed(self, kind: str) -> list[str]:
        if kind == "lm":
            return [self.text]
        if kind == "classification":
            return [self.text, self.label] + ([self.text_pair] if self.text_pair else [])
        return [self.source, self.target]


@dataclass(frozen=True)
class EvalExample:
    index: int  # 0-based row
    line: int  # where the row starts in the file (1-based; 0 for built-in data)
    text: str  # what the model reads: the text, or the seq2seq source
    reference: str = ""  # the label (as written in the file) or the target text; "" for lm
    text_pair: str = ""


@dataclass
class DataSummary:
    """What `scan` found: the row count, and for classification each label and its first line."""

    path: str
    kind: str
    rows: int
    labels: dict[str, int] = field(default_factory=dict)  # label as written -> first line
    references: list[str] = field(default_factory=list)  # each row's label or target (set by run_eval)


def builtin_rows(name: str, limit: int) -> list[dict[str, Any]]:
    from workbench.training.builtin_data import builtin_dataset

    ds, names = builtin_dataset(name, limit or 200, seed=EVAL_SEED)
    rows = ds.to_list()
    if names:  # reviews: labels as their names, as a user's file would have them
        rows = [{**r, "label": names[int(r["label"])]} for r in rows]
    return rows


def _raw_rows(path: str, limit: int) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line, row) pairs in file order; InputError naming the line for anything unreadable."""
    if path.startswith("builtin:"):
        yield from ((0, row) for row in builtin_rows(path, limit))
        return
    from workbench.training.data import detect_format
    from workbench.training.encoding import utf8_file

    file = Path(path).expanduser()
    if not file.is_file():
        if file.is_dir():
            raise InputError("{file} is a folder; choose a .txt, .csv or .jsonl file", file=file)
        raise InputError("No such data file: {file}", file=file)
    fmt = detect_format(file)
    file, _encoding = utf8_file(file)  # a GB18030 (...) file is read from a UTF-8 copy, same name and lines
    reader = {"text": _paragraphs, "csv": _csv_rows, "jsonl": _jsonl_rows}[fmt]
    try:
        yield from reader(file)
    except UnicodeDecodeError as exc:
        raise InputError("{name} is not UTF-8 text ({reason}); save it with UTF-8 encoding",
                         name=file.name, reason=exc.reason) from exc


def _paragraphs(file: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    lines: list[str] = []
    start = 0
    with file.open(encoding="utf-8-sig") as f:
        for number, line in enumerate(f, 1):
            if line.strip():
                start = start or number
                lines.append(line.rstrip("\n"))
            elif lines:
                yield start, {"text": "\n".join(lines)}
                lines, start = [], 0
    if lines:
        yield start, {"text": "\n".join(lines)}


def _csv_rows(file: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with file.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t" if file.suffix.lower() == ".tsv" else ",")
        start = 2  # the row after the header
        for row in reader:
            yield start, row
            start = reader.line_num + 1


def _jsonl_rows(file: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    from workbench.training.data import json_row

    with file.open(encoding="utf-8-sig") as f:
        for number, line in enumerate(f, 1):
            if line.strip():
                yield number, json_row(line, number, file.name)


def _name(path: str) -> str:
    return Path(path).name if not path.startswith("builtin:") else path


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (dict, list)):
        return None
    text = str(value)
    return text if text.strip() else None


def to_example(path: str, kind: str, columns: Columns, index: int, line: int, row: dict[str, Any]) -> EvalExample:
    """One row as an EvalExample; InputError (naming the file, line and column) for a bad row."""
    values = {}
    for col in columns.needed(kind):
        if col not in row:
            have = ", ".join(map(str, row)) or N_("none")
            if line:
                raise InputError("{name} line {line} has no column '{col}' (its columns: {have}); "
                                 "choose the right column", name=_name(path), line=line, col=col, have=have)
            raise InputError("{name} row {row} has no column '{col}' (its columns: {have}); "
                             "choose the right column", name=_name(path), row=index + 1, col=col, have=have)
        value = _text(row[col])
        if value is None:
            if line:
                raise InputError("{name} line {line}: '{col}' is empty or not text",
                                 name=_name(path), line=line, col=col)
            raise InputError("{name} row {row}: '{col}' is empty or not text", name=_name(path), row=index + 1, col=col)
        values[col] = value
    if kind == "lm":
        return EvalExample(index, line, values[columns.text])
    if kind == "classification":
        return EvalExample(index, line, values[columns.text], values[columns.label].strip(),
                           values.get(columns.text_pair, "") if columns.text_pair else "")
    return EvalExample(index, line, values[columns.source], values[columns.target])


def examples(path: str, kind: str, columns: Columns, limit: int = 0) -> Iterator[EvalExample]:
    """The rows as EvalExamples, streamed; at most `limit` (0 = all)."""
    for index, (line, row) in enumerate(_raw_rows(path, limit)):
        if limit and index >= limit:
            return
        yield to_example(path, kind, columns, index, line, row)


def scan(path: str, kind: str, columns: Columns, limit: int = 0, control: Control | None = None,
         progress: Callable[[int], None] | None = None) -> DataSummary:
    """Read every row once and check it; InputError for the first bad one or an empty file."""
    if kind not in KINDS:
        raise InputError("Unknown evaluation '{kind}'; choose one of {kinds}", kind=kind, kinds=", ".join(KINDS))
    summary = DataSummary(path, kind, 0)
    for ex in examples(path, kind, columns, limit):
        summary.rows += 1
        if kind == "classification":
            summary.labels.setdefault(ex.reference, ex.line or ex.index + 1)
        if summary.rows % 1000 == 0:
            if progress is not None:
                progress(summary.rows)
            if control is not None and control.cancelled:
                break
    if summary.rows == 0:
        raise InputError("{name} has no examples to evaluate", name=_name(path))
    return summary
