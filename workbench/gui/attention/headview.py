"""Head view (the bertviz layout, native and offline): tokens in two columns joined by lines whose
opacity is the attention weight, one colour per selected head; hovering a token isolates its lines."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

HEAD_COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
               "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd")
MAX_TOKENS = 160  # beyond this the columns get unreadable; the view says so
ROW = 18


class HeadView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weights = np.zeros((0, 1, 1), dtype=np.float32)  # (heads, q, k) of one layer
        self.query_tokens: tuple[str, ...] = ()
        self.key_tokens: tuple[str, ...] = ()
        self.heads: list[int] = []
        self.hover: tuple[str, int] | None = None  # ("q" or "k", index)
        self.hovers: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def set_layer(self, weights: np.ndarray, query_tokens: tuple[str, ...], key_tokens: tuple[str, ...],
                  heads: list[int], hovers: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())) -> None:
        """hovers: each query's and key's raw piece and bytes, the tooltip of its label."""
        self.hovers = hovers
        self.weights = weights[:, :MAX_TOKENS, :MAX_TOKENS]
        self.query_tokens, self.key_tokens = query_tokens[:MAX_TOKENS], key_tokens[:MAX_TOKENS]
        self.heads = heads
        self.setMinimumHeight(ROW * (max(len(self.query_tokens), len(self.key_tokens)) + 2))
        self.update()

    def lines(self) -> list[tuple[int, int, int, float]]:
        """(head, query, key, weight) of the lines drawn now (hover filter applied)."""
        out = []
        for h in self.heads:
            m = self.weights[h]
            qs = range(m.shape[0])
            if self.hover and self.hover[0] == "q":
                qs = [self.hover[1]]
            for q in qs:
                for k in np.nonzero(m[q] > 0.02)[0]:
                    if self.hover and self.hover[0] == "k" and k != self.hover[1]:
                        continue
                    out.append((h, q, int(k), float(m[q, k])))
        return out

    def _x(self) -> tuple[float, float]:
        return self.width() * 0.3, self.width() * 0.7

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        xl, xr = self._x()
        text_color = self.palette().windowText().color()
        for i, t in enumerate(self.query_tokens):
            p.setPen(text_color if not (self.hover == ("q", i)) else QColor("#d62728"))
            p.drawText(QPointF(xl - 8 - p.fontMetrics().horizontalAdvance(t), ROW * (i + 1.5)), t)
        for i, t in enumerate(self.key_tokens):
            p.setPen(text_color if not (self.hover == ("k", i)) else QColor("#d62728"))
            p.drawText(QPointF(xr + 8, ROW * (i + 1.5)), t)
        for h, q, k, w in self.lines():
            color = QColor(HEAD_COLORS[h % len(HEAD_COLORS)])
            color.setAlphaF(min(1.0, w))
            p.setPen(QPen(color, 2))
            p.drawLine(QPointF(xl, ROW * (q + 1.25)), QPointF(xr, ROW * (k + 1.25)))
        p.end()

    def mouseMoveEvent(self, event) -> None:
        xl, xr = self._x()
        i = int(event.position().y() // ROW) - 1
        x = event.position().x()
        hover = None
        if x < xl and 0 <= i < len(self.query_tokens):
            hover = ("q", i)
        elif x > xr and 0 <= i < len(self.key_tokens):
            hover = ("k", i)
        if hover != self.hover:
            self.hover = hover
            self.setToolTip(self._tooltip(hover))
            self.update()

    def _tooltip(self, hover: tuple[str, int] | None) -> str:
        if hover is None:
            return ""
        side, i = hover
        labels, details = (self.query_tokens, self.hovers[0]) if side == "q" else (self.key_tokens, self.hovers[1])
        return f"{labels[i]!r}: {details[i]}" if i < len(details) else repr(labels[i])

    def leaveEvent(self, _event) -> None:
        self.hover = None
        self.update()
