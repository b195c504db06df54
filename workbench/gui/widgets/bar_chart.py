"""A horizontal bar chart of (label, probability) pairs, painted directly (no plotting library)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[tuple[str, float]] = []
        self.setMinimumHeight(80)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def set_items(self, items: list[tuple[str, float]]) -> None:
        self.items = list(items)
        self.setMinimumHeight(max(80, 34 * len(self.items) + 10))
        self.update()

    def paintEvent(self, _event: object) -> None:
        if not self.items:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        label_w = min(220, max(p.fontMetrics().horizontalAdvance(l) for l, _ in self.items) + 16)
        bar_w = max(10, self.width() - label_w - 80)
        text_color = self.palette().windowText().color()
        best = max(v for _, v in self.items)
        for i, (label, value) in enumerate(self.items):
            y = 6 + i * 34
            p.setPen(text_color)
            p.drawText(QRectF(0, y, label_w - 8, 26), Qt.AlignRight | Qt.AlignVCenter, label)
            p.setPen(Qt.NoPen)
            p.setBrush(QColor("#d0d7de"))
            p.drawRoundedRect(QRectF(label_w, y + 3, bar_w, 20), 3, 3)
            p.setBrush(QColor("#2f81f7") if value == best else QColor("#8cb4f0"))
            p.drawRoundedRect(QRectF(label_w, y + 3, bar_w * max(0.0, min(1.0, value)), 20), 3, 3)
            p.setPen(text_color)
            p.drawText(QRectF(label_w + bar_w + 6, y, 74, 26), Qt.AlignLeft | Qt.AlignVCenter, f"{value:.1%}")
        p.end()
