"""A small matrix in a QTableWidget, each cell coloured by its value (the Learn page's tables).

The colours come from the theme (a blend of the surface towards the theme's red or blue), and are
repainted on every theme switch, so that the dark theme's light text stays readable on them. Long
row and column names (tokens) are shortened in the headers, with the whole name as the tooltip."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from workbench.gui.theme import colors, notifier
from workbench.gui.widgets import prob_color
from workbench.gui.widgets.elide import short_label

HEADER_CHARS = 16  # a header's characters at most; the whole name is its tooltip
VALUE = Qt.UserRole + 1  # the cell's value, kept for repainting after a theme switch


def _mix(a: str, b: str, t: float) -> QColor:
    """The colour t of the way from a to b."""
    ca, cb = QColor(a), QColor(b)
    return QColor.fromRgbF(*(x + (y - x) * t for x, y in zip(ca.getRgbF()[:3], cb.getRgbF()[:3])))


def cell_color(v: float, scale: float, prob: bool) -> QColor:
    """A cell's background: probabilities red to green (prob_color); other values from the theme's
    surface towards red (positive) or blue (negative); -inf and NaN the theme's border colour."""
    c = colors()
    if prob and np.isfinite(v):
        return prob_color(v)
    if not np.isfinite(v) or scale <= 0:
        return QColor(c.border)
    t = 0.75 * min(1.0, abs(v) / scale)
    return _mix(c.surface, c.danger if v > 0 else c.accent, t)


class _Repaint(QObject):
    """Repaints one table's cells after a theme switch; a child of the table, so it goes with it."""

    def __init__(self, table: QTableWidget) -> None:
        super().__init__(table)
        self.table = table
        notifier().changed.connect(self.repaint)

    def repaint(self, *_: object) -> None:
        t = self.table
        prob, scale = bool(t.property("matrix_prob")), float(t.property("matrix_scale") or 0.0)
        text = QColor(colors().text)
        for r in range(t.rowCount()):
            for col in range(t.columnCount()):
                item = t.item(r, col)
                if item is not None and item.data(VALUE) is not None:
                    item.setBackground(cell_color(float(item.data(VALUE)), scale, prob))
                    item.setForeground(text)


def _header(label: str) -> QTableWidgetItem:
    item = QTableWidgetItem(short_label(label, HEADER_CHARS))
    item.setToolTip(label)
    return item


def fill_matrix(table: QTableWidget, m: np.ndarray, rows: list[str], cols: list[str], prob: bool = False) -> None:
    """Show a small matrix with a colour per cell (probabilities: red-green; others: blue-red)."""
    table.setRowCount(m.shape[0])
    table.setColumnCount(m.shape[1])
    for r, label in enumerate(rows):
        table.setVerticalHeaderItem(r, _header(str(label)))
    for c, label in enumerate(cols):
        table.setHorizontalHeaderItem(c, _header(str(label)))
    finite = m[np.isfinite(m)]
    scale = float(np.abs(finite).max()) if finite.size else 1.0
    table.setProperty("matrix_prob", prob)
    table.setProperty("matrix_scale", scale)
    text = QColor(colors().text)
    for r in range(m.shape[0]):
        for c in range(m.shape[1]):
            v = float(m[r, c])
            item = QTableWidgetItem("−∞" if v == -np.inf else f"{v:.3f}" if prob else f"{v:.2f}")
            item.setData(VALUE, v)
            item.setBackground(cell_color(v, scale, prob))
            item.setForeground(text)
            table.setItem(r, c, item)
    if table.findChild(_Repaint) is None:
        _Repaint(table)
    table.resizeColumnsToContents()
    table.resizeRowsToContents()
    rows_h = sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setFixedHeight(min(420, rows_h + table.horizontalHeader().height() + 6))
