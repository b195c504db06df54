"""Heatmap of one attention matrix with token labels, hover read-out, row highlight, log scale."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QVBoxLayout, QWidget

from workbench.gui.i18n import translate
from workbench.gui.theme import colors, notifier, style_plot
from workbench.gui.widgets.elide import ElidedLabel, short_label
from workbench.gui.widgets.token_axis import TokenAxis

LOG_FLOOR = 1e-4


def ticks(tokens: tuple[str, ...], max_labels: int = 48) -> list[list[tuple[float, str]]]:
    """Fixed ticks at cell centres, every n-th of them past max_labels (for a plot without a
    TokenAxis; HeatmapView's axes thin their labels to the pixels they have, see token_axis)."""
    step = max(1, int(np.ceil(len(tokens) / max_labels)))
    major = [(i + 0.5, short_label(tokens[i])) for i in range(0, len(tokens), step)]
    return [major, []]


class HeatmapView(QWidget):
    """Shows a (query, key) matrix. Signals: row_clicked(query index)."""

    row_clicked = Signal(int)
    step = Signal(int, int)  # (layer delta, head delta) from the arrow keys

    def __init__(self, parent: QWidget | None = None, diverging: bool = False) -> None:
        super().__init__(parent)
        self.matrix = np.zeros((1, 1), dtype=np.float32)
        self.query_tokens: tuple[str, ...] = ("",)
        self.key_tokens: tuple[str, ...] = ("",)
        self.hovers: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
        self.log_scale = False
        self.diverging = diverging
        self.selected_row: int | None = None
        self.plot = pg.PlotWidget(axisItems={"bottom": TokenAxis("bottom"), "left": TokenAxis("left")})
        self.plot.setMinimumSize(160, 160)
        self.plot.setMenuEnabled(False)
        self.plot.invertY(True)
        self.plot.setAspectLocked(False)
        self.plot.setLabel(axis="left", text=translate("HeatmapView", "query (attends from)"))
        self.plot.setLabel(axis="bottom", text=translate("HeatmapView", "key (attends to)"))
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.colormap.get("CET-D1" if diverging else "viridis"))
        self.plot.addItem(self.image)
        self.bar = pg.ColorBarItem(values=(0, 1), colorMap=self.image.getColorMap(), interactive=False, width=12)
        self.bar.setImageItem(self.image, insert_in=self.plot.getPlotItem())
        self.highlight = QGraphicsRectItem()
        self.highlight.setZValue(10)
        self.highlight.hide()
        self.plot.addItem(self.highlight)
        style_plot(self.plot)  # after the colour bar: its axis takes the theme's colours too
        self._theme_changed()
        notifier().changed.connect(self._theme_changed)
        self.readout = ElidedLabel(translate("HeatmapView", "Hover over a cell to read its weight; click a row to "
                                                            "highlight it."), min_width=100)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.readout)
        self.plot.scene().sigMouseMoved.connect(self._on_move)
        self.plot.scene().sigMouseClicked.connect(self._on_click)
        self.setFocusPolicy(Qt.StrongFocus)

    def set_matrix(self, matrix: np.ndarray, query_tokens: tuple[str, ...], key_tokens: tuple[str, ...],
                   hovers: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())) -> None:
        """Redraw with a new matrix (q, k); the cost is one setImage, a few ms even at 512 x 512.
        hovers: each query's and key's raw piece and bytes, read out with the weight under the mouse."""
        self.hovers = hovers
        reset = matrix.shape != self.matrix.shape
        self.matrix = np.asarray(matrix, dtype=np.float32)
        self.query_tokens, self.key_tokens = tuple(query_tokens), tuple(key_tokens)
        self._draw()
        qh, kh = hovers if len(hovers) == 2 else ((), ())
        self.axis("bottom").set_tokens(self.key_tokens, kh)
        self.axis("left").set_tokens(self.query_tokens, qh)
        if reset:
            self.plot.setRange(xRange=(0, self.matrix.shape[1]), yRange=(0, self.matrix.shape[0]), padding=0)
        if self.selected_row is not None and self.selected_row >= self.matrix.shape[0]:
            self.select_row(None)

    def axis(self, name: str) -> TokenAxis:
        """The token axis "bottom" (keys) or "left" (queries)."""
        return self.plot.getAxis(name)

    def _theme_changed(self, *_: object) -> None:
        pen = QPen(QColor(colors().danger), 2)
        pen.setCosmetic(True)  # 2 screen pixels at any zoom
        self.highlight.setPen(pen)

    def set_log_scale(self, on: bool) -> None:
        self.log_scale = on
        self._draw()

    def displayed(self) -> np.ndarray:
        """The array given to the image item (log10 in log scale)."""
        if self.log_scale and not self.diverging:
            return np.log10(np.clip(self.matrix, LOG_FLOOR, None))
        return self.matrix

    def _draw(self) -> None:
        data = self.displayed()
        if self.diverging:
            m = float(np.abs(data).max()) or 1e-6
            levels = (-m, m)
        elif self.log_scale:
            levels = (np.log10(LOG_FLOOR), 0.0)
        else:
            levels = (0.0, max(1e-6, float(data.max())))
        self.image.setImage(data, levels=levels, autoLevels=False)
        self.image.setRect(QRectF(0, 0, data.shape[1], data.shape[0]))
        self.bar.setLevels(levels)

    def select_row(self, row: int | None) -> None:
        self.selected_row = row
        if row is None:
            self.highlight.hide()
            return
        self.highlight.setRect(QRectF(0, row, self.matrix.shape[1], 1))
        self.highlight.show()

    def _cell(self, scene_pos) -> tuple[int, int] | None:
        if not self.plot.sceneBoundingRect().contains(scene_pos):
            return None
        p = self.plot.getViewBox().mapSceneToView(scene_pos)
        q, k = int(np.floor(p.y())), int(np.floor(p.x()))
        if 0 <= q < self.matrix.shape[0] and 0 <= k < self.matrix.shape[1]:
            return q, k
        return None

    def _on_move(self, pos) -> None:
        cell = self._cell(pos)
        if cell is not None:
            q, k = cell
            text = f"{self.query_tokens[q]!r} → {self.key_tokens[k]!r}: {self.matrix[q, k]:.4f}"
            qh, kh = self.hovers
            if q < len(qh) and k < len(kh):
                text += "    " + translate("HeatmapView", "query: {query}    key: {key}").format(query=qh[q], key=kh[k])
            self.readout.setText(text)

    def _on_click(self, event) -> None:
        cell = self._cell(event.scenePos())
        if cell is not None:
            self.select_row(cell[0])
            self.row_clicked.emit(cell[0])

    def keyPressEvent(self, event) -> None:
        moves = {Qt.Key_Up: (-1, 0), Qt.Key_Down: (1, 0), Qt.Key_Left: (0, -1), Qt.Key_Right: (0, 1)}
        if event.key() in moves:
            self.step.emit(*moves[event.key()])
        else:
            super().keyPressEvent(event)
