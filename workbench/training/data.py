"""Training data: local files (or built-in generated data) -> a validated `datasets.Dataset`.

Every task gets the same normalised columns, so tokenization does not care where rows came from:
  causal-lm                 text
  sequence-classification   text, label (int id; names in RawData.label_names)
  chat                      messages (list of {"role", "content"})
Bad data raises InputError naming the file and line when it can, before any training starts.
"""

from __future__ import annotations

import codecs
import csv
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.errors import InputError
from workbench.texts import N_
from workbench.training.chat_data import chat_rows
from workbench.training.config import BUILTIN_DATA, DataConfig
from workbench.training.encoding import utf8_file
from workbench.training.labels import label_rows

TEXT_EXT = {".txt", ".text", ".md"}
CSV_EXT = {".csv", ".tsv"}
JSONL_EXT = {".jsonl", ".json", ".ndjson"}


@dataclass
class RawData:
    """Validated rows in the task's normalised columns (see the module docstring)."""

    dataset: Any  # datasets.Dataset
    label_names: list[str]
    source: str  # file name or builtin:NAME, for messages


@dataclass(frozen=True)
class DataPreview:
    """The first rows of a file for the preview table and the column-mapping menus."""

    path: str
    format: str
    columns: tuple[str, ...]
    rows: tuple[dict[str, Any], ...]
    num_rows: int
    encoding: str = "utf-8"  # what the file was read as (GB18030, ... are converted)


# -- files ----------------------------------------------------------------------------------------
def detect_format(path: Path, fmt: str = "auto") -> str:
    if fmt != "auto":
        return fmt
    ext = path.suffix.lower()
    for name, exts in (("text", TEXT_EXT), ("csv", CSV_EXT), ("jsonl", JSONL_EXT)):
        if ext in exts:
            return name
    raise InputError("Cannot tell the format of {name} from its extension; choose text, csv or jsonl", name=path.name)


def check_file(path: Path) -> None:
    """Exists, not empty, UTF-8 throughout (the error names the first bad line)."""
    if not path.exists():
        raise InputError("No such data file: {path}", path=path)
    if path.is_dir():
        raise InputError("{path} is a folder; choose a .txt, .csv or .jsonl file", path=path)
    decoder = codecs.getincrementaldecoder("utf-8")()
    line, seen_text = 1, False
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            try:
                text = decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                bad_line = line + chunk[:exc.start].count(b"\n")
                raise InputError("{name} is not UTF-8 text (line {line}, byte 0x{byte:02x}); "
                                 "save it with UTF-8 encoding", name=path.name, line=bad_line,
                                 byte=chunk[exc.start]) from exc
            line += chunk.count(b"\n")
            seen_text = seen_text or bool(text.strip().lstrip("\ufeff"))
    if not seen_text:
        raise InputError("{name} is empty", name=path.name)


def _load_file(path: Path, fmt: str) -> Any:
    """The file as a Dataset (columns as in the file). Parse errors name the line."""
    import datasets

    datasets.disable_progress_bars()
    try:
        if fmt == "text":  # a blank line separates documents; a document may span many lines
            return datasets.Dataset.from_text(str(path), sample_by="paragraph", keep_in_memory=True)
        if fmt == "csv":
            sep = "\t" if path.suffix.lower() == ".tsv" else ","
            return datasets.Dataset.from_csv(str(path), sep=sep, keep_in_memory=True)
        return datasets.Dataset.from_json(str(path), keep_in_memory=True)
    except Exception as exc:  # DatasetGenerationError wrapping an Arrow/pandas parse error
        if fmt == "jsonl":
            _diagnose_jsonl(path)
        reason = str(exc.__cause__ or exc).splitlines()[0][:200]
        raise InputError("{name} could not be read as {format}: {reason}", name=path.name, format=fmt,
                         reason=reason) from exc


def _diagnose_jsonl(path: Path) -> None:
    """Find the first line that is not a JSON object, or whose field types change; raise there."""
    types: dict[str, tuple[str, int]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not line.strip():
            continue
        row = json_row(line, number, path.name)
        for key, value in row.items():
            kind = _json_kind(value)
            first = types.setdefault(key, (kind, number))
            if value is not None and first[0] != kind:
                raise InputError("{name} line {number}: '{key}' is a {kind} but line {first_line} "
                                 "has a {first_kind}; the values in a column are not consistent",
                                 name=path.name, number=number, key=key, kind=kind, first_line=first[1],
                                 first_kind=first[0])


def json_row(line: str, number: int, name: str) -> dict[str, Any]:
    """One JSONL line as a row; InputError naming the file and line when it is not a JSON object."""
    try:
        row = json.loads(line)
    except ValueError as exc:
        raise InputError("{name} line {number} is not valid JSON: {reason}", name=name, number=number,
                         reason=exc.msg) from exc
    if not isinstance(row, dict):
        raise InputError("{name} line {number} is not a JSON object ({{\"column\": value, ...}})", name=name,
                         number=number)
    return row


def _json_kind(value: Any) -> str:
    if isinstance(value, bool):
        return N_("boolean")
    if isinstance(value, (int, float)):
        return N_("number")
    return {str: N_("string"), list: N_("list"), dict: N_("object")}.get(type(value), N_("null"))


def line_numbers(path: Path, fmt: str) -> list[int]:
    """The file line where each row starts (for messages); rows are in file order."""
    if fmt == "jsonl":
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        return [i for i, line in enumerate(lines, 1) if line.strip()]
    if fmt == "csv":
        sep = "\t" if path.suffix.lower() == ".tsv" else ","
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.reader(f, delimiter=sep)
            next(reader, None)  # header
            starts, previous_end = [], reader.line_num
            for _row in reader:
                starts.append(previous_end + 1)
                previous_end = reader.line_num
            return starts
    return []


def preview_file(path: str | Path, fmt: str = "auto", n: int = 20) -> DataPreview:
    """Columns and the first n rows of a data file (for the GUI's preview table)."""
    path = Path(path)
    if path.as_posix() in BUILTIN_DATA or str(path) in BUILTIN_DATA:
        return _preview_builtin(str(path), n)
    fmt = detect_format(path, fmt)
    readable, encoding = utf8_file(path)
    check_file(readable)
    ds = _load_file(readable, fmt)
    rows = tuple(ds.select(range(min(n, len(ds)))).to_list())
    return DataPreview(str(path), fmt, tuple(ds.column_names), rows, len(ds), encoding)


def _preview_builtin(name: str, n: int) -> DataPreview:
    from workbench.training.builtin_data import builtin_dataset

    ds, _labels = builtin_dataset(name, max(n, 50), seed=0)
    rows = tuple(ds.select(range(min(n, len(ds)))).to_list())
    return DataPreview(name, "builtin", tuple(ds.column_names), rows, len(ds))


# -- one entry point ------------------------------------------------------------------------------
def load_raw(cfg: DataConfig, task: str, path: str | None = None) -> RawData:
    """Load and validate cfg.path (or `path`, e.g. the eval file) for `task`."""
    source = path or cfg.path
    if source in BUILTIN_DATA:
        from workbench.training.builtin_data import builtin_dataset

        ds, labels = builtin_dataset(source, cfg.max_examples or None, seed=cfg.split_seed)
        return RawData(_check_builtin_task(ds, source, task), labels, source)
    file, _encoding = utf8_file(Path(source).expanduser())  # GB18030 and others: a UTF-8 copy, same lines
    fmt = detect_format(file, cfg.format)
    check_file(file)
    ds = _load_file(file, fmt)
    if cfg.max_examples:
        ds = ds.select(range(min(cfg.max_examples, len(ds))))
    if len(ds) == 0:
        raise InputError("{name} has no rows", name=file.name)
    where = _Where(file, fmt)
    if task == "causal-lm":
        return RawData(_text_rows(ds, cfg.text_column, fmt, where), [], file.name)
    if task == "sequence-classification":
        _need_columns(ds, where, cfg.text_column, cfg.label_column)
        _no_empty_text(ds[cfg.text_column], where)
        ds, names = label_rows(ds, cfg.label_column, cfg.text_column, cfg.label_names, where)
        return RawData(ds, names, file.name)
    if task == "seq2seq":
        return RawData(_pair_rows(ds, cfg.source_column, cfg.target_column, where), [], file.name)
    ds = chat_rows(ds, cfg.messages_column, cfg.prompt_column, cfg.response_column, where, file.name)
    return RawData(ds, [], file.name)


def _check_builtin_task(ds: Any, source: str, task: str) -> Any:
    needed = {"causal-lm": "text", "sequence-classification": "label", "chat": "messages", "seq2seq": "target"}[task]
    if needed not in ds.column_names:
        raise InputError("The built-in data '{source}' does not fit the task {task}; choose {builtin}",
                         source=source, task=task, builtin=_builtin_for(task))
    return ds.select_columns(["text"] if task == "causal-lm" else [c for c in ds.column_names])


def _builtin_for(task: str) -> str:
    return {"causal-lm": "builtin:stories", "sequence-classification": "builtin:reviews",
            "chat": "builtin:chat", "seq2seq": "builtin:summaries"}[task]


class _Where:
    """Turns a row index into 'data.csv line 12' (line numbers are computed only when needed)."""

    def __init__(self, path: Path, fmt: str) -> None:
        self.path, self.fmt, self._lines = path, fmt, None

    def __call__(self, row: int) -> str:
        if self._lines is None:
            self._lines = line_numbers(self.path, self.fmt)
        if row < len(self._lines):
            return N_("{file} line {line}", file=self.path.name, line=self._lines[row])
        return N_("{file} row {row}", file=self.path.name, row=row + 1)


def _need_columns(ds: Any, where: _Where, *columns: str) -> None:
    for col in columns:
        if col not in ds.column_names:
            have = ", ".join(ds.column_names) or N_("none")
            raise InputError("{name} has no column '{column}' (its columns: {have}); "
                             "choose the right column in the column mapping", name=where.path.name, column=col,
                             have=have)


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or not str(value).strip()


def _text_rows(ds: Any, column: str, fmt: str, where: _Where) -> Any:
    if fmt == "text":  # blank paragraphs are separators, not errors
        ds = ds.filter(lambda r: bool(r["text"].strip()), keep_in_memory=True)
        if len(ds) == 0:
            raise InputError("{name} is empty", name=where.path.name)
        return ds
    _need_columns(ds, where, column)
    _no_empty_text(ds[column], where)
    return ds.select_columns([column]).rename_columns({column: "text"} if column != "text" else {})


def _pair_rows(ds: Any, source: str, target: str, where: _Where) -> Any:
    """seq2seq rows: every row has a source and a target text; columns renamed source, target."""
    _need_columns(ds, where, source, target)
    _no_empty_text(ds[source], where)
    _no_empty_text(ds[target], where)
    ds = ds.select_columns([source, target])
    return ds.rename_columns({k: v for k, v in ((source, "source"), (target, "target")) if k != v})


def _no_empty_text(values: list[Any], where: _Where) -> None:
    for i, v in enumerate(values):
        if _empty(v):
            raise InputError("{where} has no text", where=where(i))
        if not isinstance(v, str):
            raise InputError("{where}: the text is a {kind}, not a string", where=where(i), kind=type(v).__name__)
