"""The per-example table of one model: a QAbstractTableModel over the results' lists, sorted by itself.

100k rows stay responsive because nothing is made per row: data() formats the one cell asked for
(the view asks only for the visible ones), and sort() orders a numpy permutation. Sorting is done
here rather than by a QSortFilterProxyModel: the proxy compares rows by calling data() from C++
into Python, about 2 million calls for 100k rows, which measured 34 s; np.argsort takes milliseconds.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from workbench.evaluate.results import EvalInput, ModelResult
from workbench.gui.i18n import translate

# The columns each kind of evaluation shows, by key.
COLUMNS = {
    "lm": ("row", "line", "text", "tokens", "loss", "latency"),
    "classification": ("row", "line", "text", "reference", "prediction", "loss", "latency"),
    "seq2seq": ("row", "line", "text", "reference", "prediction", "score", "latency"),
}
NUMERIC = ("row", "line", "tokens", "loss", "score", "latency")
TEXTS = ("text", "reference", "prediction")
SHOWN_CHARS = 300  # of a text cell; the view elides it to the column, the tooltip has the whole text
WRONG = QColor("#c92a2a")


class ExamplesModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = "lm"
        self.inputs: list[EvalInput] = []
        self.result: ModelResult | None = None
        self.keys: tuple[str, ...] = COLUMNS["lm"]
        self._numbers: dict[str, np.ndarray] = {}
        self.order = np.zeros(0, dtype=np.int64)  # view row -> example index

    # -- content -------------------------------------------------------------------------------------
    def set_result(self, kind: str, inputs: list[EvalInput], result: ModelResult | None) -> None:
        """Show one model's examples (in data order), or none."""
        self.beginResetModel()
        self.kind, self.inputs, self.result = kind, inputs, result
        self.keys = COLUMNS.get(kind, COLUMNS["lm"])
        examples = result.examples if result is not None else []
        n = min(len(inputs), len(examples))
        self._numbers = {
            "row": np.array([inputs[i].index + 1 for i in range(n)], dtype=np.float64),
            "line": np.array([inputs[i].line for i in range(n)], dtype=np.float64),
            "tokens": np.array([e.tokens for e in examples[:n]], dtype=np.float64),
            "loss": np.array([e.loss for e in examples[:n]], dtype=np.float64),
            "score": np.array([e.score for e in examples[:n]], dtype=np.float64),
            "latency": np.array([e.latency_ms for e in examples[:n]], dtype=np.float64),
        }
        self.order = np.arange(n, dtype=np.int64)
        self.endResetModel()

    def example_index(self, row: int) -> int:
        """The example (index into inputs/examples) shown at a view row."""
        return int(self.order[row])

    def has_lines(self) -> bool:
        return bool(len(self.order)) and bool(self._numbers["line"].any())

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.order)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.keys)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation != Qt.Horizontal or role != Qt.DisplayRole or section >= len(self.keys):
            return None
        key = self.keys[section]
        if self.kind == "classification" and key == "reference":
            return translate("ExamplesModel", "Label")
        if self.kind == "seq2seq" and key == "text":
            return translate("ExamplesModel", "Source")
        return self._title(key)

    @staticmethod
    def _title(key: str) -> str:
        """A column's title (its key: COLUMNS'), in the UI's language."""
        return {"row": "#", "line": translate("ExamplesModel", "Line"), "text": translate("ExamplesModel", "Text"),
                "reference": translate("ExamplesModel", "Reference"),
                "prediction": translate("ExamplesModel", "Prediction"),
                "tokens": translate("ExamplesModel", "Tokens"), "loss": translate("ExamplesModel", "Loss"),
                "score": "ROUGE-L", "latency": translate("ExamplesModel", "Latency ms")}[key]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key, i = self.keys[index.column()], int(self.order[index.row()])
        if role == Qt.DisplayRole:
            return self._display(key, i)
        if role == Qt.ToolTipRole and key in TEXTS:
            return self._text(key, i)
        if role == Qt.TextAlignmentRole and key in NUMERIC:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ForegroundRole and key == "prediction" and self._correct(i) is False:
            return WRONG
        return None

    def _text(self, key: str, i: int) -> str:
        if key == "text":
            return self.inputs[i].text
        if key == "reference":
            return self.inputs[i].reference
        assert self.result is not None
        return self.result.examples[i].prediction

    def _correct(self, i: int) -> bool | None:
        return self.result.examples[i].correct if self.result is not None else None

    def _display(self, key: str, i: int) -> str:
        if key in TEXTS:
            return self._text(key, i)[:SHOWN_CHARS].replace("\n", " ⏎ ")
        value = float(self._numbers[key][i])
        if math.isnan(value):
            return "—"
        if key == "line":
            return str(int(value)) if value else "—"  # built-in data has no lines
        if key in ("row", "tokens"):
            return f"{int(value):,}"
        return f"{value:.4f}" if key == "loss" else f"{value:.2f}" if key == "score" else f"{value:.1f}"

    # -- sorting -------------------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        """Order the rows by a column (missing values last either way); selections follow their rows."""
        if not 0 <= column < len(self.keys) or not len(self.order):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        held = [(int(self.order[p.row()]), p.column()) for p in old]
        self.order = self._sorted(self.keys[column], order == Qt.DescendingOrder)
        where = np.empty_like(self.order)
        where[self.order] = np.arange(len(self.order))
        self.changePersistentIndexList(old, [self.index(int(where[i]), c) for i, c in held])
        self.layoutChanged.emit()

    def _sorted(self, key: str, descending: bool) -> np.ndarray:
        n = len(self.order)
        if key in self._numbers:
            values = self._numbers[key]
            return np.argsort(-values if descending else values, kind="stable").astype(np.int64)  # nan: last
        texts = [self._text(key, i).lower() for i in range(n)]
        return np.array(sorted(range(n), key=texts.__getitem__, reverse=descending), dtype=np.int64)
