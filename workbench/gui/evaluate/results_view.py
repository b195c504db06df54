"""The results side of the Evaluate page: the side-by-side table, the charts, the confusion matrix
and the examples of the selected model; before any results, what will appear and one action."""

from __future__ import annotations

import html
import time
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QScrollArea,
                               QTableView, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout,
                               QWidget)

from workbench.evaluate.results import EvalResults, ModelResult
from workbench.gui.evaluate.charts import ChartsGrid
from workbench.gui.evaluate.examples_model import ExamplesModel
from workbench.gui.evaluate.formatting import (backend_text, best_rows, column_title, figure_names, format_figure,
                                               kind_title, model_error_text, state_text)
from workbench.gui.i18n import translate
from workbench.gui.theme import blend, colors, current_is_dark, notifier
from workbench.gui.widgets.elide import ElidedLabel, short_label
from workbench.gui.widgets.empty_state import EmptyStack, EmptyState

MODEL_COLUMN_MAX = 280  # px: a long model name (a run's checkpoint path) elides in its cell, whole on hover
NAME_CHARS = 60  # a model or data name in a sentence: at most this many characters (middle elided)


def grey() -> QColor:
    return QColor(colors().muted)


def red() -> QColor:
    return QColor(colors().danger)


def best_color() -> QColor:
    return QColor(colors().success)


class SummaryTable(QTableWidget):
    """One row per model: name, backend, examples, each figure (best bold), error; then the waiting ones."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 0, parent)
        self.keys: list[str] = []
        self.verticalHeader().hide()
        self.setEditTriggers(QTableWidget.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setWordWrap(False)  # one line per model; a long error is elided, whole in its tooltip
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.horizontalHeader().setMinimumSectionSize(40)
        self.horizontalHeader().setStretchLastSection(True)
        self.setTextElideMode(Qt.ElideMiddle)
        self._paint_selection()
        notifier().changed.connect(self._paint_selection)

    def _paint_selection(self, _colors: object = None) -> None:
        """A pale (or, dark, deep) selection, so that the selected row's best values stay readable."""
        c = colors()
        palette = self.palette()
        palette.setColor(QPalette.Highlight, blend(c.surface, c.accent, 0.35 if current_is_dark() else 0.22))
        palette.setColor(QPalette.HighlightedText, QColor(c.text))
        self.setPalette(palette)

    def show_results(self, results: EvalResults, pending: list[str]) -> None:
        names = list(figure_names(results.kind))
        self.keys = ["model", "backend", "examples", *names, "error"]
        self.blockSignals(True)
        self.clear()
        self.setColumnCount(len(self.keys))
        self.setHorizontalHeaderLabels([translate("SummaryTable", "Model"), translate("SummaryTable", "Backend"),
                                        translate("SummaryTable", "Examples"),
                                        *[column_title(n, True) for n in names], translate("SummaryTable", "Error")])
        self.setRowCount(len(results.models) + len(pending))
        for r, m in enumerate(results.models):
            self._model_row(r, m)
        for name in names:
            self._mark_best(results.models, name)
        for k, name in enumerate(pending):
            self._pending_row(len(results.models) + k, name, translate("SummaryTable", "waiting…"))
        self.blockSignals(False)
        self._cap_model_column()
        self._fit_height()

    def _cap_model_column(self) -> None:
        """The model column as wide as its names, at most MODEL_COLUMN_MAX: a long one never widens the page."""
        header, c = self.horizontalHeader(), self.keys.index("model")
        width = min(MODEL_COLUMN_MAX, max(header.sectionSizeHint(c), self.sizeHintForColumn(c)))
        header.setSectionResizeMode(c, QHeaderView.Interactive)
        self.setColumnWidth(c, width)

    def _set(self, row: int, key: str, text: str, color: QColor | None = None, tip: str = "") -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        if key not in ("model", "backend", "error"):
            item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
        if color is not None:
            item.setForeground(color)
        item.setToolTip(tip or text)
        self.setItem(row, self.keys.index(key), item)
        return item

    def _model_row(self, r: int, m: ModelResult) -> None:
        self._set(r, "model", m.name, tip=m.source)
        self._set(r, "backend", backend_text(m.backend, m.variant, m.device))
        self._set(r, "examples", f"{len(m.examples):,}")
        for key in self.keys[3:-1]:
            self._set(r, key, format_figure(key, m.figures.get(key)))
        self._set(r, "error", model_error_text(m.error), red() if m.error else None)
        self.setRowHeight(r, 26)

    def _mark_best(self, models: list[ModelResult], name: str) -> None:
        """Bold (and green) the best value of a column, among the models that ran to the end."""
        for best in best_rows([m.figures.get(name) if m.ok else None for m in models], name):
            item = self.item(best, self.keys.index(name))
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
            item.setForeground(best_color())
            item.setToolTip(translate("SummaryTable", "{value}: the best of the models compared").format(
                value=item.text()))

    def _pending_row(self, r: int, name: str, status: str) -> None:
        self._set(r, "model", name, grey())
        self._set(r, "examples", status, grey())

    def set_status(self, row: int, text: str) -> None:
        """The 'examples' cell of a model still running ("312 / 1,000")."""
        if 0 <= row < self.rowCount() and self.keys:
            self._set(row, "examples", text, grey())

    def _fit_height(self) -> None:
        """As tall as its rows (six at most), plus the scroll bar only when the columns overflow."""
        rows = min(self.rowCount(), 6)
        height = self.horizontalHeader().height() + sum(self.rowHeight(r) for r in range(rows)) + 2 * self.frameWidth()
        if self.horizontalHeader().length() > self.viewport().width():
            height += self.horizontalScrollBar().sizeHint().height()
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def cell(self, row: int, key: str) -> str:
        item = self.item(row, self.keys.index(key))
        return item.text() if item is not None else ""


def _shade(share: float, right: bool) -> QColor:
    """The table's background to green (the diagonal: right) or to red (wrong), by the share of the row;
    at most half-way, so that the theme's text stays readable on it, light or dark."""
    c = colors()
    return blend(c.surface, c.success if right else c.danger, 0.5 * max(0.0, min(1.0, share)))


def fill_confusion(table: QTableWidget, labels: list[str], counts: list[list[int]]) -> None:
    """Counts per (true label, predicted label); the shade is the share of the true label's examples."""
    table.setRowCount(len(labels))
    table.setColumnCount(len(labels))
    table.setVerticalHeaderLabels([translate("ResultsView", "true {label}").format(label=n) for n in labels])
    table.setHorizontalHeaderLabels([translate("ResultsView", "predicted {label}").format(label=n) for n in labels])
    for r, row in enumerate(counts):
        total = max(1, sum(row))
        for c, count in enumerate(row):
            item = QTableWidgetItem(f"{count:,}")
            item.setTextAlignment(Qt.AlignCenter)
            item.setBackground(_shade(count / total, r == c))
            item.setToolTip(translate("ResultsView", "{count} of {total} '{label}' examples were called "
                                                     "'{predicted}'").format(count=f"{count:,}", total=f"{sum(row):,}",
                                                                             label=labels[r], predicted=labels[c]))
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


class ExamplesPanel(QWidget):
    """The selected model's examples: a hint line, then the table (sortable; double-click opens one)."""

    activated = Signal(int)  # example index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ExamplesModel(self)
        self.hint = QLabel("")
        self.hint.setWordWrap(True)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)  # no per-row measuring
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.doubleClicked.connect(lambda index: self.activated.emit(self.model.example_index(index.row())))
        self.empty = EmptyState(translate("ExamplesPanel", "No examples yet"),
                                translate("ExamplesPanel", "The examples appear when the first model has finished."),
                                "mdi6.table-search")
        self.stack = EmptyStack(self.view, self.empty)  # never a blank table
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.hint)
        lay.addWidget(self.stack, 1)

    def show_model(self, results: EvalResults, index: int, opens: str) -> None:
        m = results.models[index] if 0 <= index < len(results.models) else None
        self.model.set_result(results.kind, results.inputs, m)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)
        self._size_columns()
        self.stack.show_content(bool(m is not None and m.examples))
        self.hint.setVisible(bool(m is not None and m.examples))
        if m is None:
            self.hint.setText("")
            self.empty.set_texts(translate("ExamplesPanel", "No examples yet"),
                                 translate("ExamplesPanel", "The examples appear when the first model has finished."))
        elif not m.examples:
            self.hint.setText("")
            self.empty.set_texts(translate("ExamplesPanel", "No scored examples"),
                                 translate("ExamplesPanel", "{name} has no scored examples: {error}").format(
                                     name=short_label(m.name, NAME_CHARS),
                                     error=model_error_text(m.error) or translate("ExamplesPanel", "none were read")))
        else:
            worst = "ROUGE-L" if results.kind == "seq2seq" else translate("ExamplesModel", "Loss")
            self.hint.setText(translate("ExamplesPanel", "<b>{name}</b>: {count} examples. Click a column to sort "
                                                         "({column} finds the worst); double-click one to open it "
                                                         "{where}. Another model: select its row above.").format(
                name=html.escape(short_label(m.name, NAME_CHARS)), count=f"{len(m.examples):,}", column=worst, where=opens))

    def _size_columns(self) -> None:
        """Texts share the width (a summary's reference and prediction as much as its source); the
        numbers and a classifier's labels get what they need. Fixed widths: no measuring 100k rows."""
        header = self.view.horizontalHeader()
        stretch = ("text", "reference", "prediction") if self.model.kind == "seq2seq" else ("text",)
        widths = {"row": 56, "line": 56, "reference": 96, "prediction": 96, "tokens": 64}
        for c, key in enumerate(self.model.keys):
            header.setSectionResizeMode(c, QHeaderView.Stretch if key in stretch else QHeaderView.Interactive)
            if key not in stretch:
                self.view.setColumnWidth(c, widths.get(key, 80))
        if "line" in self.model.keys:  # built-in data has no line numbers: no column of dashes
            self.view.setColumnHidden(self.model.keys.index("line"), not self.model.has_lines())


class ResultsView(QWidget):
    example_activated = Signal(int, int)  # model index, example index
    try_requested = Signal()
    open_folder_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.results: EvalResults | None = None
        self.pending: list[str] = []  # the models still to come in the run shown
        self.selected = 0
        notifier().changed.connect(self._on_theme)
        # set by the page: where a model's example opens
        self.opens_in: Any = lambda _m: translate("EvaluatePage", "in Attention")
        self._empty_callback: Any = lambda: self.try_requested.emit()
        self.what = translate("ResultsView", "One row per model with its figures (the best in bold), a bar chart per "
                                             "figure, the confusion matrix of a classifier, and every example's score "
                                             "appear here: sort by loss to find where a model fails, double-click an "
                                             "example to open it.")
        self.empty = EmptyState(translate("ResultsView", "Compare models on your own held-out data"), self.what,
                                "mdi6.scale-balance", translate("ResultsView", "Try it: compare tiny-stories on "
                                                                               "built-in stories"),
                                lambda: self._empty_callback())
        self.empty_label, self.try_button = self.empty.body, self.empty.button
        self.stack = EmptyStack(self._results_page(), self.empty)  # the empty state until there are results
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)

    def set_empty(self, body: str, action: str, on_action: Any) -> None:
        """What the empty results say below their title, and the one action that fills them (set by the page
        as its inputs change: try the example, add the loaded model, run)."""
        self.empty.set_texts(self.empty.title.text(), f"{self.what}\n\n{body}" if body else self.what, action)
        self._empty_callback = on_action

    def _results_page(self) -> QWidget:
        page = QWidget()
        self.title = QLabel("")
        self.title.setWordWrap(True)
        self.folder_label = ElidedLabel()  # "Saved in /a/long/path": elided in the middle, whole on hover
        self.open_folder_button = QPushButton(translate("ResultsView", "Open folder"))
        self.open_folder_button.clicked.connect(lambda: self.open_folder_requested.emit(self.folder))
        self.table = SummaryTable()
        self.table.itemSelectionChanged.connect(self._on_table_selection)
        self.errors_label = QLabel("")  # the failed rows' errors in full (the table elides them)
        self.errors_label.setWordWrap(True)
        self.errors_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.tabs = self._tabs()
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.open_folder_button)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.title)
        lay.addLayout(folder_row)
        lay.addWidget(self.table)
        lay.addWidget(self.errors_label)
        lay.addWidget(self.tabs, 1)
        return page

    def _tabs(self) -> QTabWidget:
        tabs = QTabWidget()
        self.charts = ChartsGrid()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.charts)
        self.confusion = QTableWidget()
        self.confusion.setEditTriggers(QTableWidget.NoEditTriggers)
        self.confusion_title = QLabel("")
        self.confusion_title.setWordWrap(True)
        self.confusion_empty = EmptyState(translate("ResultsView", "No predictions"), "", "mdi6.grid")
        self.confusion_stack = EmptyStack(self.confusion, self.confusion_empty)  # never a blank table
        confusion = QWidget()
        cl = QVBoxLayout(confusion)
        cl.addWidget(self.confusion_title)
        cl.addWidget(self.confusion_stack, 1)
        self.examples = ExamplesPanel()
        self.examples.activated.connect(lambda i: self.example_activated.emit(self.selected, i))
        tabs.addTab(scroll, translate("ResultsView", "Charts"))
        tabs.addTab(confusion, translate("ResultsView", "Confusion matrix"))
        tabs.addTab(self.examples, translate("ResultsView", "Examples"))
        return tabs

    def _on_theme(self, _c: object) -> None:
        """The table's and the matrix's colours are the theme's: paint them again."""
        if self.results is not None:
            self.show_results(self.results, self.pending)

    @property
    def folder(self) -> str:
        return self.results.folder if self.results is not None else ""

    def show_empty(self) -> None:
        self.results = None
        self.stack.show_content(False)

    def show_results(self, results: EvalResults, pending: list[str] | None = None) -> None:
        """Show (or refresh, as each model finishes) the results; `pending`: the models still to come."""
        self.results, self.pending = results, list(pending or [])
        self.stack.show_content(True)
        self.title.setText(self._title(results, pending or []))
        self.folder_label.setText(translate("ResultsView", "Saved in {folder}").format(folder=results.folder)
                                  if results.folder else "")
        self.open_folder_button.setEnabled(bool(results.folder))
        self.table.show_results(results, pending or [])
        failed = [m for m in results.models if m.error]
        self.errors_label.setText("<br>".join(f"<span style='color:{colors().danger}'>⚠ <b>"
                                              f"{html.escape(short_label(m.name, NAME_CHARS))}</b>: "
                                              f"{html.escape(model_error_text(m.error))}</span>" for m in failed))
        self.errors_label.setVisible(bool(failed))
        self.charts.show_results(results)
        self.tabs.setTabVisible(1, results.kind == "classification")
        first_ok = next((i for i, m in enumerate(results.models) if m.ok), 0)
        self.select_model(self.selected if 0 <= self.selected < len(results.models) else first_ok)

    def _title(self, results: EvalResults, pending: list[str]) -> str:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(results.created))
        if len(pending) == 1:
            state = translate("ResultsView", "running, 1 model to go")
        elif pending:
            state = translate("ResultsView", "running, {count} models to go").format(count=len(pending))
        else:
            state = state_text(results.state)
        return translate("ResultsView", "<b>{kind}</b> on <b>{data}</b> — {count} examples, {when}, {state}").format(
            kind=html.escape(kind_title(results.kind)), data=html.escape(short_label(results.data, NAME_CHARS)),
            count=f"{len(results.inputs):,}", when=when, state=state)

    def select_model(self, index: int) -> None:
        """Show one model's confusion matrix and examples (and select its table row)."""
        if self.results is None:
            return
        self.selected = index
        if self.table.currentRow() != index and index < self.table.rowCount():
            self.table.blockSignals(True)
            self.table.selectRow(index)
            self.table.blockSignals(False)
        m = self.results.models[index] if 0 <= index < len(self.results.models) else None
        self.examples.show_model(self.results, index, self.opens_in(m) if m is not None else "")
        self._show_confusion(m)

    def _show_confusion(self, m: ModelResult | None) -> None:
        if m is None or not m.confusion:
            self.confusion.setRowCount(0)
            self.confusion.setColumnCount(0)
            self.confusion_title.setText("")
            self.confusion_title.hide()
            self.confusion_empty.body.setText(
                translate("ResultsView", "No confusion matrix: {name} has no predictions.").format(
                    name=short_label(m.name, NAME_CHARS)) if m is not None
                else translate("ResultsView", "No confusion matrix: no model yet."))
            self.confusion_stack.show_content(False)
            return
        self.confusion_title.show()
        self.confusion_title.setText(translate("ResultsView", "<b>{name}</b>: rows are the true labels, columns what "
                                                              "the model predicted; the diagonal is right. Select "
                                                              "another model in the table above.").format(
            name=html.escape(short_label(m.name, NAME_CHARS))))
        fill_confusion(self.confusion, m.labels, m.confusion)
        self.confusion_stack.show_content(True)

    def _on_table_selection(self) -> None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        if len(rows) == 1 and self.results is not None and (row := rows.pop()) < len(self.results.models):
            self.select_model(row)

    def set_status(self, row: int, text: str) -> None:
        self.table.set_status(row, text)

