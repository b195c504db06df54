"""The results side of the Evaluate page: the side-by-side table, the charts, the confusion matrix
and the examples of the selected model; before any results, what will appear and one action."""

from __future__ import annotations

import html
import time
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QScrollArea, QSizePolicy,
                               QStackedWidget, QTableView, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout,
                               QWidget)

from workbench.evaluate.results import EvalResults, ModelResult
from workbench.gui.evaluate.charts import ChartsGrid
from workbench.gui.evaluate.examples_model import ExamplesModel
from workbench.gui.evaluate.formatting import (backend_text, best_rows, column_title, figure_names, format_figure,
                                               kind_title, model_error_text, state_text)
from workbench.gui.i18n import translate

GREY, RED, BEST = QColor("#868e96"), QColor("#c92a2a"), QColor("#2b8a3e")


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
        palette = self.palette()  # a light selection, so the selected row's best values stay readable
        palette.setColor(QPalette.Highlight, QColor("#d0e2fc"))
        palette.setColor(QPalette.HighlightedText, QColor("#1a1a1a"))
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
        self._fit_height()

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
        self._set(r, "error", model_error_text(m.error), RED if m.error else None)
        self.setRowHeight(r, 26)

    def _mark_best(self, models: list[ModelResult], name: str) -> None:
        """Bold (and green) the best value of a column, among the models that ran to the end."""
        for best in best_rows([m.figures.get(name) if m.ok else None for m in models], name):
            item = self.item(best, self.keys.index(name))
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
            item.setForeground(BEST)
            item.setToolTip(translate("SummaryTable", "{value}: the best of the models compared").format(
                value=item.text()))

    def _pending_row(self, r: int, name: str, status: str) -> None:
        self._set(r, "model", name, GREY)
        self._set(r, "examples", status, GREY)

    def set_status(self, row: int, text: str) -> None:
        """The 'examples' cell of a model still running ("312 / 1,000")."""
        if 0 <= row < self.rowCount() and self.keys:
            self._set(row, "examples", text, GREY)

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
    """White to green (the diagonal: right) or to red (wrong), by the share of the row."""
    to = QColor("#8ce99a") if right else QColor("#ffa8a8")
    return QColor(int(255 + (to.red() - 255) * share), int(255 + (to.green() - 255) * share),
                  int(255 + (to.blue() - 255) * share))


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
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.hint)
        lay.addWidget(self.view, 1)

    def show_model(self, results: EvalResults, index: int, opens: str) -> None:
        m = results.models[index] if 0 <= index < len(results.models) else None
        self.model.set_result(results.kind, results.inputs, m)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)
        self._size_columns()
        if m is None:
            self.hint.setText(translate("ExamplesPanel", "The examples appear when the first model has finished."))
        elif not m.examples:
            self.hint.setText(translate("ExamplesPanel", "<b>{name}</b> has no scored examples: {error}").format(
                name=html.escape(m.name),
                error=html.escape(model_error_text(m.error)) or translate("ExamplesPanel", "none were read")))
        else:
            worst = "ROUGE-L" if results.kind == "seq2seq" else translate("ExamplesModel", "Loss")
            self.hint.setText(translate("ExamplesPanel", "<b>{name}</b>: {count} examples. Click a column to sort "
                                                         "({column} finds the worst); double-click one to open it "
                                                         "{where}. Another model: select its row above.").format(
                name=html.escape(m.name), count=f"{len(m.examples):,}", column=worst, where=opens))

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
        self.selected = 0
        # set by the page: where a model's example opens
        self.opens_in: Any = lambda _m: translate("EvaluatePage", "in Attention")
        self.stack = QStackedWidget()
        self.stack.addWidget(self._empty_page())
        self.stack.addWidget(self._results_page())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)

    def _empty_page(self) -> QWidget:
        page = QWidget()
        self.empty_label = QLabel(translate(
            "ResultsView", "<h3>Compare models on your own held-out data</h3>"
            "<p>Add models on the left — a built-in, a hub id or a folder, a training run (each checkpoint and its "
            "final model) or an ONNX export (each variant) — choose a data file and press Run.</p>"
            "<p>Here you will see one row per model with its figures (the best in bold), a bar chart per figure, "
            "the confusion matrix of a classifier, and every example's score: sort by loss to find where a model "
            "fails, double-click an example to open it.</p>"))
        self.empty_label.setWordWrap(True)
        self.try_button = QPushButton(translate("ResultsView", "Try it: compare tiny-stories on built-in stories"))
        self.try_button.clicked.connect(self.try_requested)
        box = QWidget()  # a column of readable width, centred (a wrapped label sized by its box)
        box.setMaximumWidth(560)
        bl = QVBoxLayout(box)
        bl.addWidget(self.empty_label)
        bl.addWidget(self.try_button, 0, Qt.AlignLeft)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 4)
        row.addStretch(1)
        lay = QVBoxLayout(page)
        lay.addStretch(1)
        lay.addLayout(row)
        lay.addStretch(2)
        return page

    def _results_page(self) -> QWidget:
        page = QWidget()
        self.title = QLabel("")
        self.title.setWordWrap(True)
        self.folder_label = QLabel("")
        self.folder_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.folder_label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)  # a long path never widens
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
        confusion = QWidget()
        cl = QVBoxLayout(confusion)
        cl.addWidget(self.confusion_title)
        cl.addWidget(self.confusion, 1)
        self.examples = ExamplesPanel()
        self.examples.activated.connect(lambda i: self.example_activated.emit(self.selected, i))
        tabs.addTab(scroll, translate("ResultsView", "Charts"))
        tabs.addTab(confusion, translate("ResultsView", "Confusion matrix"))
        tabs.addTab(self.examples, translate("ResultsView", "Examples"))
        return tabs

    @property
    def folder(self) -> str:
        return self.results.folder if self.results is not None else ""

    def show_empty(self) -> None:
        self.results = None
        self.stack.setCurrentIndex(0)

    def show_results(self, results: EvalResults, pending: list[str] | None = None) -> None:
        """Show (or refresh, as each model finishes) the results; `pending`: the models still to come."""
        self.results = results
        self.stack.setCurrentIndex(1)
        self.title.setText(self._title(results, pending or []))
        self.folder_label.setText(translate("ResultsView", "Saved in {folder}").format(folder=results.folder)
                                  if results.folder else "")
        self.folder_label.setToolTip(results.folder)
        self.open_folder_button.setEnabled(bool(results.folder))
        self.table.show_results(results, pending or [])
        failed = [m for m in results.models if m.error]
        self.errors_label.setText("<br>".join(f"<span style='color:#c92a2a'>⚠ <b>{html.escape(m.name)}</b>: "
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
            kind=html.escape(kind_title(results.kind)), data=html.escape(results.data),
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
            self.confusion_title.setText(
                translate("ResultsView", "No confusion matrix: {name} has no predictions.").format(name=m.name)
                if m is not None else translate("ResultsView", "No confusion matrix: no model yet."))
            return
        self.confusion_title.setText(translate("ResultsView", "<b>{name}</b>: rows are the true labels, columns what "
                                                              "the model predicted; the diagonal is right. Select "
                                                              "another model in the table above.").format(
            name=html.escape(m.name)))
        fill_confusion(self.confusion, m.labels, m.confusion)

    def _on_table_selection(self) -> None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        if len(rows) == 1 and self.results is not None and (row := rows.pop()) < len(self.results.models):
            self.select_model(row)

    def set_status(self, row: int, text: str) -> None:
        self.table.set_status(row, text)

