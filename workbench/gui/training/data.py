"""The Data section: file or built-in set, column mapping, label names, split, length, a preview
table and the dataset's token count (both computed off the GUI thread)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from workbench.gui.i18n import translate
from workbench.gui.training.form_widgets import combo, dspin, spin
from workbench.gui.widgets import MessageBanner
from workbench.gui.widgets.empty_state import EmptyStack, EmptyState
from workbench.training.config import BUILTIN_DATA, DATA_FORMATS, TrainConfig

if TYPE_CHECKING:
    from workbench.training.data import DataPreview

COLUMN_ROLES = {  # which column menus each task shows
    "causal-lm": ("text",), "sequence-classification": ("text", "label"),
    "chat": ("messages", "prompt", "response"), "seq2seq": ("source", "target")}
PREVIEW_ROWS = 20
RECENT_KEY, RECENT_MAX = "recent_datasets", 8


def format_name(fmt: str) -> str:
    """A data format (DATA_FORMATS, or a preview's "builtin") as the UI names it."""
    names = {"auto": translate("DataSection", "auto"), "text": translate("DataSection", "plain text"),
             "csv": "CSV", "jsonl": "JSONL", "builtin": translate("DataSection", "built-in")}
    return names.get(fmt, fmt)


def _role_label(role: str) -> str:
    """The form's label of a column menu (COLUMN_ROLES); the role itself stays the config's key."""
    labels = {"text": translate("DataSection", "Text column"), "label": translate("DataSection", "Label column"),
              "prompt": translate("DataSection", "Prompt column"),
              "response": translate("DataSection", "Response column"),
              "messages": translate("DataSection", "Messages column"),
              "source": translate("DataSection", "Source column"), "target": translate("DataSection", "Target column")}
    return labels.get(role, role)


def _preview_job(ctx: Any, path: str, fmt: str) -> DataPreview:
    from workbench.training.data import preview_file

    return preview_file(path, fmt, PREVIEW_ROWS)


def _count_job(ctx: Any, cfg: TrainConfig) -> str:
    """Load, validate and tokenize the data exactly as training will; a one-line summary."""
    from workbench.training.data import load_raw
    from workbench.training.encode import prepare_data

    raw = load_raw(cfg.data, cfg.task)
    if cfg.scratch is not None:
        from workbench.training.scratch import scratch_tokenizer

        ctx.message(translate("DataSection", "Training the BPE tokenizer ..."))
        tokenizer = scratch_tokenizer(raw.dataset, cfg.task, cfg.scratch)
        block = min(cfg.data.max_length, cfg.scratch.context_length)
    else:
        from workbench.training.modelling import load_tokenizer_for

        tokenizer, block = load_tokenizer_for(cfg), cfg.data.max_length
    ctx.message(translate("DataSection", "Tokenising ..."))
    data = prepare_data(cfg, tokenizer, raw, block, ctx.control)
    counts = dict(train=f"{data.train_examples:,}", eval=f"{data.eval_examples:,}", tokens=f"{data.train_tokens:,}")
    if cfg.task == "causal-lm":
        text = translate("DataSection", "{train} training and {eval} eval blocks of {block} tokens; "
                                        "{tokens} training tokens").format(block=block, **counts)
    else:
        text = translate("DataSection", "{train} training and {eval} eval examples; "
                                        "{tokens} training tokens").format(**counts)
    if data.label_names:  # the names are the data's
        text = translate("DataSection", "{summary}; labels: {names}").format(summary=text,
                                                                             names=", ".join(data.label_names))
    return text


class DataSection(QWidget):
    def __init__(self, state: Any, full_config: Callable[[], TrainConfig | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self.full_config = state, full_config
        self.task = "causal-lm"
        self.path = QLineEdit()
        self.path.setPlaceholderText(translate("DataSection", ".txt, .csv or .jsonl file, or a built-in set"))
        self.browse = QPushButton(translate("DataSection", "File..."))
        self.builtin = QComboBox()  # built-in sets, then the recently used files
        # A long recent path is elided in the list; the closed box never widens the form for it.
        self.builtin.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.builtin.setMinimumContentsLength(16)
        self.builtin.view().setTextElideMode(Qt.ElideMiddle)
        self._fill_choices()
        self.format = combo([(format_name(f), f) for f in DATA_FORMATS])
        self.columns = {role: QComboBox() for role in ("text", "label", "prompt", "response", "messages",
                                                        "source", "target")}
        for role, box in self.columns.items():
            box.setEditable(True)
            box.setEditText(role)
        self.label_names = QLineEdit()
        self.label_names.setPlaceholderText(translate("DataSection", "from the data (sorted); or e.g. negative, positive"))
        self.eval_fraction = dspin(0, 0.5, 0.1, 2, 0.05)
        self.eval_path = QLineEdit()
        self.eval_path.setPlaceholderText(translate("DataSection", "optional separate eval file"))
        self.max_length = spin(8, 32768, 128, 16)
        self.doc_blocks = QCheckBox(translate("DataSection", "Every block starts at a document"))
        self.doc_blocks.setToolTip(translate("DataSection", "Language modelling: start each block of max-length "
                                                            "tokens at a document (repeating the start of a document "
                                                            "that does not fit) instead of cutting the concatenated "
                                                            "text anywhere. Helps models learn to refer back, e.g. to "
                                                            "names."))
        self.max_examples = spin(0, 100_000_000, 0, 100)
        self.max_examples.setSpecialValueText(translate("DataSection", "all"))
        self.preview_button = QPushButton(translate("DataSection", "Preview"))
        self.count_button = QPushButton(translate("DataSection", "Count tokens"))
        self.count_job: Any = None
        self._preview_path = ""  # the data the preview table shows (or is being read)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.banner = MessageBanner()
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.table.setMinimumHeight(160)
        self.table_empty = EmptyState(translate("DataSection", "No preview yet"),
                                      translate("DataSection", "The first rows of the data appear here, with its "
                                                               "columns, once you choose a file or a built-in set."),
                                      "mdi6.table-eye", translate("DataSection", "Preview"), self.preview)
        self.table_stack = EmptyStack(self.table, self.table_empty)
        self._layout()
        self.browse.clicked.connect(self._browse)
        self.builtin.activated.connect(self._pick_builtin)
        self.preview_button.clicked.connect(self.preview)
        self.count_button.clicked.connect(self.count_tokens)

    def _layout(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.form = QFormLayout()
        self.form.addRow(translate("DataSection", "Data"), row)
        self.form.addRow("", self.builtin)
        self.form.addRow(translate("DataSection", "Format"), self.format)
        for role, box in self.columns.items():
            self.form.addRow(_role_label(role), box)
        self.form.addRow(translate("DataSection", "Label names"), self.label_names)
        self.form.addRow(translate("DataSection", "Eval fraction"), self.eval_fraction)
        self.form.addRow(translate("DataSection", "Eval file"), self.eval_path)
        self.form.addRow(translate("DataSection", "Max sequence length"), self.max_length)
        self.form.addRow("", self.doc_blocks)
        self.form.addRow(translate("DataSection", "Max examples"), self.max_examples)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.count_button)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addLayout(buttons)
        lay.addWidget(self.banner)
        lay.addWidget(self.summary)
        lay.addWidget(self.table_stack, 1)

    def set_task(self, task: str) -> None:
        """Show only the column menus (and label names) the task uses."""
        self.task = task
        for role, box in self.columns.items():
            self.form.setRowVisible(box, role in COLUMN_ROLES.get(task, ()))
        self.form.setRowVisible(self.label_names, task == "sequence-classification")
        self.form.setRowVisible(self.doc_blocks, task == "causal-lm")

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("DataSection", "Training data"), "",
                                              translate("DataSection", "Data (*.txt *.csv *.tsv *.jsonl *.json)"))
        if path:
            self.path.setText(path)
            self.preview()

    def _pick_builtin(self, _index: int) -> None:
        if self.builtin.currentData():
            self.set_path(self.builtin.currentData())

    def set_path(self, path: str) -> None:
        self.path.setText(path)
        self.preview()

    def recent(self) -> list[str]:
        value = self.state.settings.value(RECENT_KEY, [])
        return [value] if isinstance(value, str) else list(value or [])

    def _remember(self, path: str) -> None:
        if not path or path.startswith("builtin:"):
            return
        paths = [path] + [p for p in self.recent() if p != path]
        self.state.settings.setValue(RECENT_KEY, paths[:RECENT_MAX])
        self._fill_choices()

    def _fill_choices(self) -> None:
        self.builtin.clear()
        self.builtin.addItem(translate("DataSection", "Built-in or recent data ..."), "")
        for name in BUILTIN_DATA:
            self.builtin.addItem(name, name)
        recent = self.recent()
        if recent:
            self.builtin.insertSeparator(self.builtin.count())
            for path in recent:
                self.builtin.addItem(path, path)

    # -- jobs ---------------------------------------------------------------------------------------
    def preview(self) -> None:
        self.banner.hide()
        path = self.path.text().strip()
        self._preview_path = path
        self.state.runner.start("preview data", _preview_job, path, self.format.currentData(),
                                on_done=lambda preview: (self.show_preview(preview), self._remember(path)),
                                on_error=self.banner.show_error)

    def show_preview(self, preview: Any) -> None:
        cols = list(preview.columns)
        self.table.setColumnCount(len(cols))
        self.table.setHorizontalHeaderLabels(cols)
        self.table.setRowCount(len(preview.rows))
        for r, row in enumerate(preview.rows):
            for c, col in enumerate(cols):
                self.table.setItem(r, c, QTableWidgetItem(str(row.get(col, ""))[:300]))
        self.table_stack.show_content(bool(cols))
        for box in self.columns.values():  # offer the file's columns, keep the current choice
            current = box.currentText()
            box.clear()
            box.addItems(cols)
            box.setEditText(current if current in cols or not cols else self._guess(box, cols, current))
        fields = dict(rows=f"{preview.num_rows:,}", format=format_name(preview.format), shown=len(preview.rows))
        if preview.encoding == "utf-8":
            text = translate("DataSection", "{rows} rows ({format}); showing the first {shown}").format(**fields)
        else:
            text = translate("DataSection", "{rows} rows ({format}, read as {encoding}); showing the first "
                                            "{shown}").format(encoding=preview.encoding.upper(), **fields)
        self.summary.setText(text)

    def _guess(self, box: QComboBox, cols: list[str], current: str) -> str:
        role = next(r for r, b in self.columns.items() if b is box)
        aliases = {"text": ("text", "sentence", "review", "content", "document"), "label": ("label", "labels",
                   "sentiment", "class", "target"), "prompt": ("prompt", "instruction", "question", "input"),
                   "response": ("response", "answer", "output", "completion"), "messages": ("messages", "conversation"),
                   "source": ("source", "article", "document", "text", "src", "input"),
                   "target": ("target", "summary", "highlights", "translation", "tgt", "output")}
        return next((c for c in cols if c.lower() in aliases[role]), current)

    def count_tokens(self) -> None:
        """Tokenise the data as training will (a big file takes a while); clicking again cancels."""
        if self.count_job is not None and self.count_job.running:
            self.count_job.cancel()
            return
        self.banner.hide()
        cfg = self.full_config()
        if cfg is None:
            self.banner.show_error(translate("DataSection", "Complete the model and data settings first (the token "
                                                           "count uses the model's tokenizer)"))
            return
        self.summary.setText(translate("DataSection", "Counting tokens ..."))
        self.count_button.setText(translate("DataSection", "Cancel counting"))
        self.count_job = self.state.runner.start(
            "count tokens", _count_job, cfg, on_done=self.summary.setText, on_message=self.summary.setText,
            on_error=self._count_failed,
            on_finished=lambda: self.count_button.setText(translate("DataSection", "Count tokens")))

    def _count_failed(self, message: str, details: str) -> None:
        self.summary.setText("")
        if self.count_job is not None and self.count_job.control.cancelled:
            self.banner.show_info(translate("DataSection", "Token count cancelled."))
        else:
            self.banner.show_error(message, details)

    # -- config -------------------------------------------------------------------------------------
    def apply(self, cfg: TrainConfig) -> None:
        d = cfg.data
        d.path, d.format = self.path.text().strip(), self.format.currentData()
        d.text_column, d.label_column = self.columns["text"].currentText(), self.columns["label"].currentText()
        d.prompt_column, d.response_column = self.columns["prompt"].currentText(), self.columns["response"].currentText()
        d.messages_column = self.columns["messages"].currentText()
        d.source_column, d.target_column = self.columns["source"].currentText(), self.columns["target"].currentText()
        d.label_names = [n.strip() for n in self.label_names.text().split(",") if n.strip()]
        d.eval_fraction, d.eval_path = self.eval_fraction.value(), self.eval_path.text().strip()
        d.max_length, d.max_examples = self.max_length.value(), self.max_examples.value()
        d.packing = "documents" if self.doc_blocks.isChecked() else "concat"

    def show_config(self, cfg: TrainConfig) -> None:
        d = cfg.data
        if d.path != self._preview_path:  # the table showed other data: back to its empty state
            self._preview_path = ""
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self.table_stack.show_content(False)
            self.summary.setText("")
        self.path.setText(d.path)
        self.format.setCurrentIndex(max(0, self.format.findData(d.format)))
        for role, value in (("text", d.text_column), ("label", d.label_column), ("prompt", d.prompt_column),
                            ("response", d.response_column), ("messages", d.messages_column),
                            ("source", d.source_column), ("target", d.target_column)):
            self.columns[role].setEditText(value)
        self.label_names.setText(", ".join(d.label_names))
        self.eval_fraction.setValue(d.eval_fraction)
        self.eval_path.setText(d.eval_path)
        self.max_length.setValue(d.max_length)
        self.max_examples.setValue(d.max_examples)
        self.doc_blocks.setChecked(d.packing == "documents")
