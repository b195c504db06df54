"""Model view: a layers x heads grid of thumbnails, rendered lazily on a timer so a 32 x 32 grid
never blocks the window; clicking one opens that head in the heatmap."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget, QLabel

THUMB = 56
BATCH = 12  # thumbnails rendered per timer tick


def to_qimage(matrix: np.ndarray, size: int = THUMB) -> QImage:
    """A (q, k) matrix in [0, 1] -> a viridis QImage of at most size x size (strided downsample)."""
    lut = pg.colormap.get("viridis").getLookupTable(0.0, 1.0, 256)  # (256, 3) uint8
    step_q = max(1, int(np.ceil(matrix.shape[0] / size)))
    step_k = max(1, int(np.ceil(matrix.shape[1] / size)))
    m = matrix[::step_q, ::step_k]
    top = float(m.max()) or 1.0
    idx = np.clip(m / top * 255, 0, 255).astype(np.uint8)
    rgb = np.ascontiguousarray(lut[idx])  # (h, w, 3)
    h, w = idx.shape
    return QImage(rgb.data, w, h, 3 * w, QImage.Format_RGB888).copy()


class ModelGrid(QWidget):
    head_clicked = Signal(int, int)  # layer, head

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget()
        self.table.setIconSize(QSize(THUMB, THUMB))
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.info = QLabel("")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.info)
        lay.addWidget(self.table, 1)
        self.weights = np.zeros((0, 0, 1, 1), dtype=np.float32)
        self.pending: list[tuple[int, int]] = []
        self.timer = QTimer(self, interval=0)
        self.timer.timeout.connect(self._render_some)
        self.table.cellClicked.connect(lambda r, c: self.head_clicked.emit(r, c))

    def set_weights(self, weights: np.ndarray, patterns: dict[tuple[int, int], str] | None = None) -> None:
        self.weights = weights
        L, H = weights.shape[:2]
        self.table.clear()
        self.table.setRowCount(L)
        self.table.setColumnCount(H)
        self.table.setVerticalHeaderLabels([f"L{i}" for i in range(L)])
        self.table.setHorizontalHeaderLabels([f"H{i}" for i in range(H)])
        for c in range(H):
            self.table.setColumnWidth(c, THUMB + 8)
        for r in range(L):
            self.table.setRowHeight(r, THUMB + 8)
            for c in range(H):
                item = QTableWidgetItem()
                if patterns:
                    item.setToolTip(patterns.get((r, c), ""))
                self.table.setItem(r, c, item)
        self.pending = [(r, c) for r in range(L) for c in range(H)]
        self.info.setText(f"{L} layers × {H} heads; click a thumbnail to open it in the heatmap.")
        self.timer.start()

    def rendered(self) -> int:
        return self.table.rowCount() * self.table.columnCount() - len(self.pending)

    def _render_some(self) -> None:
        for _ in range(min(BATCH, len(self.pending))):
            r, c = self.pending.pop(0)
            item = self.table.item(r, c)
            if item is not None:
                item.setIcon(QIcon(QPixmap.fromImage(to_qimage(self.weights[r, c]))))
        if not self.pending:
            self.timer.stop()
