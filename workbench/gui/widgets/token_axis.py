"""A pyqtgraph axis of tokens: one tick at each cell's centre (i + 0.5), labels thinned to what fits.

The thinning is computed on every draw from the axis's pixel length and the visible range, so a
resize or a zoom shows more or fewer labels: along a horizontal axis every n-th label is shown with
n = label_step(the visible labels, the tick font's metrics, pixels per cell); along a vertical axis
the extent of a label is the font's height. Each label is short_label(token) (about ten characters,
the middle elided); hovering the axis shows the whole token under the mouse, with its hover text
(the raw piece and its bytes), as a tooltip.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPicture
from PySide6.QtWidgets import QApplication

from workbench.gui.widgets.elide import label_step, short_label

MAX_CHARS = 10  # a label's characters at most (short_label)
GAP = 6  # pixels kept free between two labels


class TokenAxis(pg.AxisItem):
    """An AxisItem whose ticks are the tokens of a heatmap's rows or columns."""

    def __init__(self, orientation: str, **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self.tokens: tuple[str, ...] = ()
        self.hovers: tuple[str, ...] = ()
        self.short: tuple[str, ...] = ()
        self.enableAutoSIPrefix(False)  # never "(x0.001)": the values are cell indices
        self.setStyle(maxTextLevel=0, maxTickLevel=0)
        self.setAcceptHoverEvents(True)
        self.setTickFont(QFont(QApplication.font()))  # the font label_step measures is the one drawn
        self._text_specs: list[tuple[QRectF, object, str]] = []

    # -- data -----------------------------------------------------------------------------------
    def set_tokens(self, tokens: Sequence[str], hovers: Sequence[str] = ()) -> None:
        """The tokens, in cell order, and (optionally) each one's hover text for the tooltip."""
        self.tokens = tuple(str(t) for t in tokens)
        self.hovers = tuple(str(h) for h in hovers)
        self.short = tuple(short_label(t, MAX_CHARS) for t in self.tokens)
        self.picture = None
        self.update()

    def font_metrics(self) -> QFontMetrics:
        font = self.style.get("tickFont") or QFont(QApplication.font())
        return QFontMetrics(font)

    # -- which ticks ------------------------------------------------------------------------------
    def visible_indices(self, lo: float | None = None, hi: float | None = None) -> range:
        """The cells whose centre lies in the visible range."""
        lo, hi = (min(self.range), max(self.range)) if lo is None else (lo, hi)
        first = max(0, math.ceil(lo - 0.5))
        last = min(len(self.tokens) - 1, math.floor(hi - 0.5))
        return range(first, last + 1) if last >= first else range(0)

    def step_for(self, lo: float, hi: float, size: float) -> int:
        """Show every n-th label: n so that no two label boxes overlap at `size` pixels for lo..hi."""
        cells = self.visible_indices(lo, hi)
        if not cells or size <= 0 or hi <= lo:
            return 1
        per_cell = size / (hi - lo)
        if self.orientation in ("left", "right"):
            extent = self.font_metrics().height() + GAP
            return max(1, math.ceil(extent / per_cell))
        return label_step([self.short[i] for i in cells], self.font_metrics(), per_cell, gap=GAP)

    def tickValues(self, minVal: float, maxVal: float, size: float):  # noqa: N802 - pyqtgraph's name
        lo, hi = min(minVal, maxVal), max(minVal, maxVal)
        if not self.tokens:
            return []
        n = self.step_for(lo, hi, size)
        # Multiples of n: panning keeps the same labels in place rather than shifting them all.
        return [(float(n), [i + 0.5 for i in self.visible_indices(lo, hi) if i % n == 0])]

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        out = []
        for v in values:
            i = int(math.floor(v))
            out.append(self.short[i] if 0 <= i < len(self.short) else "")
        return out

    def generateDrawSpecs(self, p):  # noqa: N802 - pyqtgraph's name
        """pyqtgraph's axis line and ticks, with our own label boxes: pyqtgraph drops a label that
        runs past the axis's end (the first and last token); here it is moved inside instead, and
        any box that would then touch its neighbour is left out, so that none ever overlap."""
        specs = super().generateDrawSpecs(p)
        if specs is None:
            self._text_specs = []
            return None
        axis_spec, tick_specs, _text = specs
        self._text_specs = self._place_labels(p) if self.style["showValues"] else []
        return axis_spec, tick_specs, self._text_specs

    def _place_labels(self, p: QPainter) -> list[tuple[QRectF, object, str]]:
        bounds = self.mapRectFromParent(self.geometry())
        lo, hi = self.range
        if hi == lo or not self.tokens:
            return []
        vertical = self.orientation in ("left", "right")
        length = bounds.height() if vertical else bounds.width()
        size = self._pixel_length(bounds)
        offset = max(0, self.style["tickLength"]) + self.style["tickTextOffset"][0 if vertical else 1]
        levels = self.tickValues(min(lo, hi), max(lo, hi), size)
        values = levels[0][1] if levels else []
        out: list[tuple[QRectF, object, str]] = []
        last_end = -math.inf
        for v, text in zip(values, self.tickStrings(values, 1.0, 1.0)):
            if not text:
                continue
            br = p.boundingRect(QRectF(0, 0, 100, 100), Qt.AlignCenter, text)
            w, h = br.width(), br.height() * 0.8  # as pyqtgraph measures: the box is a bit too tall
            pos = (v - lo) / (hi - lo) * length
            if vertical:
                pos = length - pos  # values grow upwards (or downwards when inverted: lo > hi)
                start = min(max(bounds.top(), bounds.top() + pos - h / 2), bounds.bottom() - h)
                if start < last_end + GAP / 2:
                    continue
                last_end = start + h
                if self.orientation == "left":
                    rect = QRectF(bounds.right() - offset - w, start, w, h)
                    flags = Qt.AlignRight | Qt.AlignVCenter
                else:
                    rect = QRectF(bounds.left() + offset, start, w, h)
                    flags = Qt.AlignLeft | Qt.AlignVCenter
            else:
                start = min(max(bounds.left(), bounds.left() + pos - w / 2), bounds.right() - w)
                if start < last_end + GAP / 2:
                    continue
                last_end = start + w
                if self.orientation == "bottom":
                    rect = QRectF(start, bounds.top() + offset, w, h)
                    flags = Qt.AlignHCenter | Qt.AlignTop
                else:
                    rect = QRectF(start, bounds.bottom() - offset - h, w, h)
                    flags = Qt.AlignHCenter | Qt.AlignBottom
            out.append((rect, flags | Qt.TextDontClip, text))
        return out

    def _pixel_length(self, bounds: QRectF) -> float:
        """The axis's length in device pixels, as pyqtgraph's tick computation sees it."""
        a, b = ((bounds.topRight(), bounds.bottomRight()) if self.orientation in ("left", "right")
                else (bounds.topLeft(), bounds.topRight()))
        pa, pb = self.mapToDevice(a), self.mapToDevice(b)
        if pa is None or pb is None:
            return bounds.height() if self.orientation in ("left", "right") else bounds.width()
        return math.hypot(pb.x() - pa.x(), pb.y() - pa.y())

    # -- what is drawn --------------------------------------------------------------------------
    def _specs_now(self) -> list[tuple[QRectF, object, str]]:
        """The label specs of the axis as it is now (computed afresh, as paint would)."""
        picture = QPicture()
        painter = QPainter(picture)
        try:
            if self.style["tickFont"]:
                painter.setFont(self.style["tickFont"])
            self.generateDrawSpecs(painter)
        finally:
            painter.end()
        return self._text_specs

    def shown_labels(self) -> list[str]:
        """The label texts drawn now, in order."""
        return [text for _rect, _flags, text in self._specs_now()]

    def label_rects(self) -> list[QRectF]:
        """The drawn labels' boxes in scene coordinates (pairwise disjoint by construction)."""
        return [self.mapRectToScene(rect) for rect, _flags, _text in self._specs_now()]

    # -- tooltip --------------------------------------------------------------------------------
    def value_at(self, pos) -> float:
        """The axis value (cell coordinate) at a point in this item's coordinates."""
        lo, hi = self.range
        if hi == lo:
            return lo
        if self.orientation in ("left", "right"):
            h = self.boundingRect().height() if self.size().height() <= 0 else self.size().height()
            return hi - (pos.y() / h) * (hi - lo) if h else lo
        w = self.size().width()
        return lo + (pos.x() / w) * (hi - lo) if w else lo

    def tooltip_for(self, index: int) -> str:
        """The whole token (and its hover text) of cell `index`; "" outside the tokens."""
        if not 0 <= index < len(self.tokens):
            return ""
        token = self.tokens[index]
        if index < len(self.hovers) and self.hovers[index]:
            return f"{token}\n{self.hovers[index]}"
        return token

    def hoverMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.setToolTip(self.tooltip_for(int(math.floor(self.value_at(event.pos())))))

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.setToolTip("")
