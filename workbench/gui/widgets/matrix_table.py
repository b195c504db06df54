"""A small matrix in a QTableWidget, each cell coloured by its value (the Learn page's tables)."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from workbench.gui.widgets import prob_color


def fill_matrix(table: QTableWidget, m: np.ndarray, rows: list[str], cols: list[str], prob: bool = False) -> None:
    """Show a small matrix with a colour per cell (probabilities: red-green; others: blue-white-red)."""
    table.setRowCount(m.shape[0])
    table.setColumnCount(m.shape[1])
    table.setVerticalHeaderLabels(rows)
    table.setHorizontalHeaderLabels(cols)
    finite = m[np.isfinite(m)]
    scale = float(np.abs(finite).max()) if finite.size else 1.0
    for r in range(m.shape[0]):
        for c in range(m.shape[1]):
            v = float(m[r, c])
            item = QTableWidgetItem("−∞" if v == -np.inf else f"{v:.3f}" if prob else f"{v:.2f}")
            if prob:
                item.setBackground(prob_color(v))
            elif np.isfinite(v) and scale > 0:
                a = int(200 * min(1.0, abs(v) / scale))
                item.setBackground(QColor(255, 255 - a, 255 - a) if v > 0 else QColor(255 - a, 255 - a, 255))
            else:
                item.setBackground(QColor("#bbbbbb"))
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    table.resizeRowsToContents()
    rows_h = sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setFixedHeight(min(420, rows_h + table.horizontalHeader().height() + 6))
