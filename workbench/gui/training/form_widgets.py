"""Small form helpers shared by the training views: spin boxes, combos with data, scroll areas."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QScrollArea, QSpinBox, QWidget


def spin(lo: int, hi: int, value: int, step: int = 1) -> QSpinBox:
    w = QSpinBox()
    w.setRange(lo, hi)
    w.setSingleStep(step)
    w.setValue(value)
    return w


def dspin(lo: float, hi: float, value: float, decimals: int = 2, step: float = 0.1) -> QDoubleSpinBox:
    w = QDoubleSpinBox()
    w.setRange(lo, hi)
    w.setDecimals(decimals)
    w.setSingleStep(step)
    w.setValue(value)
    return w


def combo(items: Any, current: str = "") -> QComboBox:
    w = QComboBox()
    for item in items:
        label, value = item if isinstance(item, tuple) else (item, item)
        w.addItem(label, value)
    if current:
        w.setCurrentIndex(max(0, w.findData(current)))
    return w


def scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # fields shrink to fit, never hide under it
    area.setFrameShape(QScrollArea.NoFrame)
    return area
