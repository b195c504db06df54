"""One small bar chart per figure, in a grid: a horizontal bar per model, the best one dark.

Painted with QPainter (no plotting library): a handful of bars needs no axes, and a chart is only
made for a figure some model has, so there is never an empty plot.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from workbench.evaluate.results import EvalResults
from workbench.gui.evaluate.formatting import best_rows, chart_title, charted_names, format_figure, is_missing
from workbench.gui.i18n import translate
from workbench.gui.theme import blend, colors, notifier
from workbench.gui.widgets.empty_state import EmptyState

BAR_H, ROW_H, TITLE_H = 16, 22, 24


def bar_colors() -> tuple[QColor, QColor, QColor]:
    """(best bar, other bars, the track behind them) in the theme's colours."""
    c = colors()
    return QColor(c.accent), blend(c.surface, c.accent, 0.45), QColor(c.surface_alt)


class FigureChart(QWidget):
    """The bars of one figure: (model name, value or nan, ran to the end) per row. Only the models that
    ran to the end compete for "best" (a stopped one's figures cover fewer examples)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.title = chart_title(name)
        self.items: list[tuple[str, float, bool]] = []
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        notifier().changed.connect(self._on_theme)

    def _on_theme(self, _colors: object = None) -> None:  # a bound method: disconnected when the chart goes
        self.update()

    def set_items(self, items: list[tuple[str, float, bool]]) -> None:
        self.items = list(items)
        self.setFixedHeight(TITLE_H + ROW_H * max(1, len(self.items)) + 6)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(240, TITLE_H + ROW_H * max(1, len(self.items)) + 6)

    def paintEvent(self, _event: object) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        text = self.palette().windowText().color()
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(text)
        p.drawText(QRectF(0, 0, self.width(), TITLE_H - 4), Qt.AlignLeft | Qt.AlignVCenter, self.title)
        p.setFont(self.font())
        self._paint_bars(p, text)
        p.end()

    def _paint_bars(self, p: QPainter, text: QColor) -> None:
        metrics = p.fontMetrics()
        label_w = min(int(self.width() * 0.4), max(metrics.horizontalAdvance(n) for n, _, _ in self.items) + 8) \
            if self.items else 0
        failed = translate("FigureChart", "failed")
        value_w = max([metrics.horizontalAdvance(format_figure(self.name, v) if not is_missing(v) else failed)
                       for _, v, _ in self.items] + [30]) + 8
        bar_w = max(10.0, self.width() - label_w - value_w)
        top = max([v for _, v, _ in self.items if not is_missing(v)] + [0.0])
        best = best_rows([v if ok else None for _, v, ok in self.items], self.name)
        best_color, other_color, track = bar_colors()
        for row, (name, value, ok) in enumerate(self.items):
            y = TITLE_H + row * ROW_H
            p.setPen(text)
            p.drawText(QRectF(0, y, label_w - 6, ROW_H), Qt.AlignRight | Qt.AlignVCenter,
                       metrics.elidedText(name, Qt.ElideMiddle, label_w - 6))
            p.setPen(Qt.NoPen)
            p.setBrush(track)
            p.drawRoundedRect(QRectF(label_w, y + (ROW_H - BAR_H) / 2, bar_w, BAR_H), 3, 3)
            if not is_missing(value) and top > 0:
                p.setBrush(best_color if row in best or (ok and not best) else other_color)
                p.drawRoundedRect(QRectF(label_w, y + (ROW_H - BAR_H) / 2, bar_w * value / top, BAR_H), 3, 3)
            p.setPen(text if not is_missing(value) else QColor(colors().muted))
            shown = format_figure(self.name, value) if not is_missing(value) else failed
            p.drawText(QRectF(label_w + bar_w + 6, y, value_w, ROW_H), Qt.AlignLeft | Qt.AlignVCenter, shown)


class ChartsGrid(QWidget):
    """A FigureChart per figure of the results' kind (a figure no model has gets none)."""

    COLUMNS = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.charts: dict[str, FigureChart] = {}
        self.grid = QGridLayout(self)
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(14)
        self.none = EmptyState(translate("ChartsGrid", "No figures yet"),
                               translate("ChartsGrid", "A bar chart per figure appears here as each model finishes; "
                                                       "the best model's bar is the dark one."), "mdi6.chart-bar")
        self.grid.addWidget(self.none, 0, 0, 1, self.COLUMNS)

    def show_results(self, results: EvalResults) -> None:
        for chart in self.charts.values():
            self.grid.removeWidget(chart)
            chart.deleteLater()
        self.charts = {}
        names = [n for n in charted_names(results.kind)
                 if any(not is_missing(m.figures.get(n)) for m in results.models)]
        self.none.setVisible(not names)
        for i, name in enumerate(names):
            chart = FigureChart(name)
            chart.set_items([(m.name, m.figures.get(name, float("nan")), m.ok) for m in results.models])
            self.grid.addWidget(chart, i // self.COLUMNS, i % self.COLUMNS)
            self.charts[name] = chart
        self.grid.setRowStretch(len(names) // self.COLUMNS + 1, 1)
