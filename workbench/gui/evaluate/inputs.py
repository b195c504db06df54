"""The Evaluate page's inputs: the models to compare and the data (file, kind, columns, limit).

Every action has a method that needs no dialog (add_source, set_data, ...): the buttons that open
a file dialog only call those, so tests and other pages (Export's "what does int8 cost") drive it.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPushButton, QSizePolicy, QSpinBox,
                               QVBoxLayout, QWidget)

from workbench.errors import WorkbenchError
from workbench.evaluate.data import Columns
from workbench.evaluate.run import EvalJob
from workbench.gui.evaluate.formatting import state_text
from workbench.gui.evaluate.sources import (DATA_FOR_KIND, SourceRow, builtin_data, describe_source, guess_column,
                                            guess_kind, kind_labels, read_columns)
from workbench.gui.i18n import error_text, translate
from workbench.gui.theme import SPACE, colors

NO_COLUMN = "(none)"  # the second text's "no column" entry, in English (shown translated: DataForm.no_column)
DEVICES = ("auto", "cpu", "cuda")
FIELDS = ("text", "label", "text_pair", "source", "target")  # the column menus, by Columns' field
FIELDS_OF_KIND = {"lm": ("text",), "classification": ("text", "label", "text_pair"), "seq2seq": ("source", "target")}


def _shrinkable(combo: QComboBox) -> QComboBox:
    """A combo whose long entries (paths, hub ids) never widen the page."""
    combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    combo.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
    return combo


class SourceList(QListWidget):
    """The list of sources; empty, it says what goes in it (never a blank box)."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placeholder = placeholder

    def paintEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if self.count():
            return
        from PySide6.QtGui import QColor, QPainter

        p = QPainter(self.viewport())
        p.setPen(QColor(colors().muted))
        m = SPACE[1]
        p.drawText(self.viewport().rect().adjusted(m, m, -m, -m), Qt.AlignCenter | Qt.TextWordWrap, self.placeholder)
        p.end()


class ModelList(QGroupBox):
    """The models to compare, one row per source (a run or an export stands for several models)."""

    error = Signal(str)
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("ModelList", "Models to compare"), parent)
        self.rows: list[SourceRow] = []
        self.list = SourceList(translate("ModelList", "No models yet. Add the current model, a built-in, a hub "
                                                      "id, a training run or an ONNX export below."))
        self.list.setMinimumHeight(90)
        self.list.setMaximumHeight(130)
        self.list.setWordWrap(True)  # a long row wraps rather than scrolling sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.model_combo = _shrinkable(QComboBox())
        self.model_combo.setEditable(True)
        self.model_combo.lineEdit().setPlaceholderText(translate("ModelList",
                                                                 "builtin:NAME, a hub id or a model folder"))
        self.add_model_button = QPushButton(translate("ModelList", "Add model"))
        self.run_combo = _shrinkable(QComboBox())
        self.add_run_button = QPushButton(translate("ModelList", "Add run"))
        self.add_current_button = QPushButton(translate("ModelList", "Add current model"))
        self.add_export_button = QPushButton(translate("ModelList", "Add export…"))
        self.add_export_button.setToolTip(translate("ModelList", "An ONNX export folder: each variant that passed "
                                                                 "its parity check is a row"))
        self.remove_button = QPushButton(translate("ModelList", "Remove"))
        self._layout()
        self.add_model_button.clicked.connect(lambda: self.add_source(self.model_combo.currentText()))
        self.model_combo.lineEdit().returnPressed.connect(lambda: self.add_source(self.model_combo.currentText()))
        self.add_run_button.clicked.connect(self._add_run)
        self.add_export_button.clicked.connect(self.browse_export)
        self.remove_button.clicked.connect(self.remove_selected)

    def _layout(self) -> None:
        grid = QGridLayout()
        grid.addWidget(self.model_combo, 0, 0)
        grid.addWidget(self.add_model_button, 0, 1)
        grid.addWidget(self.run_combo, 1, 0)
        grid.addWidget(self.add_run_button, 1, 1)
        grid.setColumnStretch(0, 1)
        buttons = QHBoxLayout()
        for b in (self.add_current_button, self.add_export_button, self.remove_button):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(self.list)
        lay.addLayout(buttons)
        lay.addLayout(grid)

    def refresh_choices(self) -> None:
        """The built-ins and recent models, and the training runs (cheap: small files only)."""
        from workbench.models.library import builtin_entries, recent_entries
        from workbench.training.runs import list_runs

        typed = self.model_combo.currentText()
        self.model_combo.clear()
        for entry in builtin_entries() + recent_entries():
            self.model_combo.addItem(entry.source)
        self.model_combo.setCurrentText(typed)
        self.run_combo.clear()
        for run in list_runs():
            self.run_combo.addItem(translate("ModelList", "{name} — {task}, {state}").format(
                name=run.name, task=run.task, state=state_text(run.state)), run.path)
        if not self.run_combo.count():
            self.run_combo.addItem(translate("ModelList", "(no training runs yet)"), "")
        self.add_run_button.setEnabled(bool(self.run_combo.currentData()))

    def add_source(self, source: str) -> bool:
        """Add a model source, run or export folder; False (and `error`) if it cannot be evaluated."""
        source = source.strip()
        if not source:
            self.error.emit(translate("ModelList", "Type or pick a model first: builtin:NAME, a hub id or a model "
                                                   "folder."))
            return False
        if any(r.source == source for r in self.rows):
            return True
        try:
            row = describe_source(source)
        except WorkbenchError as exc:
            self.error.emit(error_text(exc))
            return False
        self.rows.append(row)
        item = QListWidgetItem(row.text)
        item.setToolTip(f"{row.source}\n{row.detail}")
        self.list.addItem(item)
        self.changed.emit()
        return True

    def _add_run(self) -> None:
        if self.run_combo.currentData():
            self.add_source(str(self.run_combo.currentData()))

    def browse_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, translate("ModelList", "An ONNX export folder (with export_report.json)"))
        if folder:
            self.add_source(folder)

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.rows):
            self.list.takeItem(row)
            del self.rows[row]
            self.changed.emit()

    def clear(self) -> None:
        self.rows.clear()
        self.list.clear()
        self.changed.emit()

    def sources(self) -> list[str]:
        return [r.source for r in self.rows]

    def first_kind(self) -> str:
        return self.rows[0].kind if self.rows else ""


class DataForm(QGroupBox):
    """The held-out data: a file or built-in set, the kind of evaluation, the columns, the limit."""

    error = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("DataForm", "Data"), parent)
        self.data_columns: tuple[str, ...] = ()
        self.no_column = translate("DataForm", "(none)")
        self.model_kind: Any = lambda: ""  # set by the page: the kind the first model's task calls for
        self._make_widgets()
        self._layout()
        self._fill_columns(())
        self._note("")
        self.data_edit.editingFinished.connect(lambda: self.set_data(self.data_edit.text()))
        self.browse_button.clicked.connect(self.browse)
        self.builtin_combo.activated.connect(self._on_builtin)
        self.kind.currentIndexChanged.connect(lambda _i: self.update_fields())

    def _make_widgets(self) -> None:
        self.data_edit = QLineEdit()
        self.data_edit.setPlaceholderText(translate("DataForm", ".txt, .csv or .jsonl file, or builtin:NAME"))
        self.browse_button = QPushButton(translate("DataForm", "File…"))
        self.builtin_combo = _shrinkable(QComboBox())
        self.builtin_combo.addItem(translate("DataForm", "Built-in data…"), "")
        for name, label in builtin_data().items():
            self.builtin_combo.addItem(label, name)
        self.kind = _shrinkable(QComboBox())
        for key, label in kind_labels().items():
            self.kind.addItem(label, key)
        self.columns: dict[str, QComboBox] = {}
        for field in FIELDS:
            combo = _shrinkable(QComboBox())
            combo.setEditable(True)  # a column the first row does not show can still be typed
            self.columns[field] = combo
        self.limit = QSpinBox(minimum=0, maximum=100_000_000, value=0)
        self.limit.setSpecialValueText(translate("DataForm", "all"))
        self.limit.setToolTip(translate("DataForm", "Evaluate the first N examples only (0 = all)"))
        self.limit.setGroupSeparatorShown(True)
        self.max_new_tokens = QSpinBox(minimum=1, maximum=2048, value=64)
        self.device = QComboBox()
        for device in DEVICES:  # the device ids are the item data; "auto" is shown translated
            self.device.addItem(translate("DataForm", "auto") if device == "auto" else device, device)
        self.note = QLabel("")
        self.note.setWordWrap(True)

    def _layout(self) -> None:
        data_row = QHBoxLayout()
        data_row.addWidget(self.data_edit, 1)
        data_row.addWidget(self.browse_button)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.form.addRow(translate("DataForm", "File"), data_row)
        self.form.addRow("", self.builtin_combo)
        self.form.addRow("", self.note)
        self.form.addRow(translate("DataForm", "Evaluate as"), self.kind)
        labels = {"text": translate("DataForm", "Text column"), "label": translate("DataForm", "Label column"),
                  "text_pair": translate("DataForm", "Second text"), "source": translate("DataForm", "Source column"),
                  "target": translate("DataForm", "Target column")}
        for field in FIELDS:
            self.form.addRow(labels[field], self.columns[field])
        self.form.addRow(translate("DataForm", "Max new tokens"), self.max_new_tokens)
        limits = QHBoxLayout()
        limits.addWidget(self.limit, 1)
        limits.addWidget(QLabel(translate("DataForm", "Device")))
        limits.addWidget(self.device)
        self.form.addRow(translate("DataForm", "Limit"), limits)
        self.setLayout(self.form)

    # -- data ------------------------------------------------------------------------------------------
    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("DataForm", "Held-out data"), "",
                                              translate("DataForm", "Data (*.txt *.csv *.tsv *.jsonl *.json)"))
        if path:
            self.set_data(path)

    def _on_builtin(self, index: int) -> None:
        name = self.builtin_combo.itemData(index)
        if name:
            self.set_data(name)
        self.builtin_combo.setCurrentIndex(0)

    def set_data(self, path: str) -> bool:
        """Use this data; fill the column menus from its first row (False, with a note, if unreadable)."""
        path = path.strip()
        self.data_edit.setText(path)
        if not path:
            self._fill_columns(())
            self._note("")
            return False
        try:
            columns = read_columns(path)
        except WorkbenchError as exc:
            self._fill_columns(())
            self._note(f"<span style='color:{colors().danger}'>{html.escape(error_text(exc))}</span>")
            return False
        self._fill_columns(columns)
        self._note(translate("DataForm", "Columns: {columns}").format(columns=", ".join(columns)) if columns
                   else translate("DataForm", "Columns: none found"))
        return True

    def _note(self, text: str) -> None:
        self.note.setText(text)
        self.form.setRowVisible(self.note, bool(text))  # no empty row before data is chosen

    def _fill_columns(self, columns: tuple[str, ...]) -> None:
        """Each column menu lists the data's columns, set to the likeliest one (Columns' default if none)."""
        self.data_columns = columns
        defaults = Columns()
        for field, combo in self.columns.items():
            combo.clear()
            combo.addItems(([self.no_column] if field == "text_pair" else []) + list(columns))
            guess = guess_column(columns, field) if columns else getattr(defaults, field)
            combo.setCurrentText(guess or (self.no_column if field == "text_pair" else getattr(defaults, field)))
        self.update_fields()

    # -- kind and columns ------------------------------------------------------------------------------
    def chosen_kind(self) -> str:
        return str(self.kind.currentData())

    def shown_kind(self) -> str:
        """The kind whose columns are shown: the chosen one, else the first model's, else the data's look."""
        if self.chosen_kind() != "auto":
            return self.chosen_kind()
        return self.model_kind() or (guess_kind(self.data_columns) if self.data_columns else "lm")

    def update_fields(self) -> None:
        wanted = FIELDS_OF_KIND[self.shown_kind()]
        for field, combo in self.columns.items():
            self.form.setRowVisible(combo, field in wanted)
        self.form.setRowVisible(self.max_new_tokens, self.shown_kind() == "seq2seq")

    def suggest_data(self, kind: str) -> None:
        """No data chosen yet: take the built-in set that fits the first model."""
        if not self.data_edit.text().strip() and kind in DATA_FOR_KIND:
            self.set_data(DATA_FOR_KIND[kind])
        self.update_fields()

    def column_choice(self) -> Columns:
        def pick(field: str) -> str:
            text = self.columns[field].currentText().strip()
            return "" if text in (NO_COLUMN, self.no_column) else text

        defaults = Columns()
        return Columns(text=pick("text") or defaults.text, label=pick("label") or defaults.label,
                       source=pick("source") or defaults.source, target=pick("target") or defaults.target,
                       text_pair=pick("text_pair"))


def build_job(models: ModelList, data: DataForm) -> EvalJob:
    """The EvalJob the inputs describe; WorkbenchError (shown in the banner) when something is missing."""
    from workbench.errors import InputError

    if not models.sources():
        raise InputError(translate("EvaluatePage", "Add at least one model to compare (Add current model, Add model, "
                                                   "Add run or Add export)."))
    path = data.data_edit.text().strip()
    if not path:
        raise InputError(translate("EvaluatePage", "Choose the data to evaluate on: a file (File…) or a built-in "
                                                   "data set."))
    return EvalJob(path, tuple(models.sources()), data.chosen_kind(), data.column_choice(), data.limit.value(),
                   data.max_new_tokens.value(), str(data.device.currentData()))

