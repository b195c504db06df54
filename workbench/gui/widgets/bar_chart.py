"""A horizontal bar chart of (label, probability) pairs, painted directly (no plotting library).

Colours from the theme (the track in the border colour, the best bar in the accent, the others a paler
accent), repainted on every theme switch; a label too long for its column is elided in the middle,
with the whole label as the row's tooltip."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from workbench.gui.theme import colors, notifier
from workbench.gui.widgets.elide import elide_middle

ROW = 34  # px per bar
TOP = 6
MAX_LABEL = 220  # the label column's widest, px


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[tuple[str, float]] = []
        self.setMinimumHeight(80)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        notifier().changed.connect(self._theme_changed)

    def _theme_changed(self, *_: object) -> None:
        self.update()

    def set_items(self, items: list[tuple[str, float]]) -> None:
        self.items = list(items)
        self.setMinimumHeight(max(80, ROW * len(self.items) + 10))
        self.update()

    def _label_width(self) -> int:
        fm = self.fontMetrics()
        return min(MAX_LABEL, max(fm.horizontalAdvance(label) for label, _ in self.items) + 16)

    def row_at(self, y: float) -> int | None:
        i = int((y - TOP) // ROW)
        return i if self.items and 0 <= i < len(self.items) else None

    def event(self, event) -> bool:
        if event.type() == QEvent.ToolTip:
            i = self.row_at(event.position().y() if hasattr(event, "position") else event.pos().y())
            if i is None:
                QToolTip.hideText()
            else:
                label, value = self.items[i]
                QToolTip.showText(event.globalPos(), f"{label}: {value:.1%}", self)
            return True
        return super().event(event)

    def paintEvent(self, _event: object) -> None:
        if not self.items:
            return
        c = colors()
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        label_w = self._label_width()
        bar_w = max(10, self.width() - label_w - 80)
        text_color = QColor(c.text)
        best = max(v for _, v in self.items)
        accent = QColor(c.accent)
        pale = QColor(c.accent)
        pale.setAlphaF(0.45)
        fm = p.fontMetrics()
        for i, (label, value) in enumerate(self.items):
            y = TOP + i * ROW
            p.setPen(text_color)
            p.drawText(QRectF(0, y, label_w - 8, 26), Qt.AlignRight | Qt.AlignVCenter,
                       elide_middle(label, fm, label_w - 8))
            p.setPen(Qt.NoPen)
            p.setBrush(QColor(c.border))
            p.drawRoundedRect(QRectF(label_w, y + 3, bar_w, 20), 3, 3)
            p.setBrush(accent if value == best else pale)
            p.drawRoundedRect(QRectF(label_w, y + 3, bar_w * max(0.0, min(1.0, value)), 20), 3, 3)
            p.setPen(text_color)
            p.drawText(QRectF(label_w + bar_w + 6, y, 74, 26), Qt.AlignLeft | Qt.AlignVCenter, f"{value:.1%}")
        p.end()
