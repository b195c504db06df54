"""Head view (the bertviz layout, native and offline): tokens in two columns joined by lines whose
opacity is the attention weight, one colour per selected head; hovering a token isolates its lines.

Each token has a row of its own (at least the font's height), so labels never overlap vertically;
a label is short_label(token) and elided to its column's width, with the whole token on hover."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from workbench.gui.theme import colors, current_is_dark, notifier
from workbench.gui.widgets.elide import elide_middle, short_label

HEAD_COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
               "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd")
MAX_TOKENS = 160  # beyond this the columns get unreadable; the view says so
ROW = 18  # the least row height, px (a larger font gets taller rows)
LABEL_CHARS = 16  # a token label's characters at most before it is elided


def head_color(h: int) -> QColor:
    """Head h's line and checkbox colour; lightened in the dark theme so that it reads on it."""
    color = QColor(HEAD_COLORS[h % len(HEAD_COLORS)])
    if current_is_dark() and color.lightness() < 140:
        color = color.lighter(100 + int((140 - color.lightness()) * 1.2))
    return color


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
        notifier().changed.connect(self._theme_changed)

    def _theme_changed(self, *_: object) -> None:
        self.update()

    def row(self) -> int:
        """The height of one token's row: the font's line spacing, at least ROW."""
        return max(ROW, self.fontMetrics().lineSpacing() + 2)

    def set_layer(self, weights: np.ndarray, query_tokens: tuple[str, ...], key_tokens: tuple[str, ...],
                  heads: list[int], hovers: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())) -> None:
        """hovers: each query's and key's raw piece and bytes, the tooltip of its label."""
        self.hovers = hovers
        self.weights = weights[:, :MAX_TOKENS, :MAX_TOKENS]
        self.query_tokens, self.key_tokens = query_tokens[:MAX_TOKENS], key_tokens[:MAX_TOKENS]
        self.heads = heads
        self.setMinimumHeight(self.row() * (max(len(self.query_tokens), len(self.key_tokens)) + 2))
        self.update()

    def label(self, token: str) -> str:
        """A token as its column shows it: short_label, then elided to the column's width."""
        xl, _xr = self._x()
        return elide_middle(short_label(token, LABEL_CHARS), self.fontMetrics(), int(xl) - 12)

    def label_rects(self) -> list[QRectF]:
        """The token labels' boxes as painted (queries, then keys), for the no-overlap check."""
        fm = self.fontMetrics()
        row, (xl, xr) = self.row(), self._x()
        out = []
        for i, t in enumerate(self.query_tokens):
            w = fm.horizontalAdvance(self.label(t))
            out.append(QRectF(xl - 8 - w, row * (i + 1), w, fm.height()))
        for i, t in enumerate(self.key_tokens):
            out.append(QRectF(xr + 8, row * (i + 1), fm.horizontalAdvance(self.label(t)), fm.height()))
        return out

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
        row = self.row()
        text_color, hover_color = QColor(colors().text), QColor(colors().danger)
        rects = self.label_rects()
        nq = len(self.query_tokens)
        for i, t in enumerate(self.query_tokens):
            p.setPen(hover_color if self.hover == ("q", i) else text_color)
            p.drawText(rects[i], Qt.AlignRight | Qt.AlignVCenter, self.label(t))
        for i, t in enumerate(self.key_tokens):
            p.setPen(hover_color if self.hover == ("k", i) else text_color)
            p.drawText(rects[nq + i], Qt.AlignLeft | Qt.AlignVCenter, self.label(t))
        mid = self.fontMetrics().height() / 2
        for h, q, k, w in self.lines():
            color = head_color(h)
            color.setAlphaF(min(1.0, w))
            p.setPen(QPen(color, 2))
            p.drawLine(QPointF(xl, row * (q + 1) + mid), QPointF(xr, row * (k + 1) + mid))
        p.end()

    def mouseMoveEvent(self, event) -> None:
        xl, xr = self._x()
        i = int(event.position().y() // self.row()) - 1
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
