"""Models page: open a model (hub id, folder, built-in), the library list, and the info card."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QProgressBar, QPushButton, QSplitter, QStyledItemDelegate,
                               QTableWidget,
                               QTableWidgetItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
                               QHeaderView)

from workbench.gui.i18n import core_text, translate
from workbench.gui.state import AppState
from workbench.gui.theme import SPACE, colors, font, notifier, set_role
from workbench.gui.widgets import MessageBanner, heading
from workbench.gui.widgets.elide import ElidedLabel
from workbench.gui.widgets.empty_state import EmptyStack, EmptyState

if TYPE_CHECKING:
    from workbench.backends import Backend
    from workbench.models.spec import ModelSpec
    from workbench.models.library import LibraryEntry

log = logging.getLogger("workbench")
TASK_CHOICES = ("auto", "causal-lm", "seq2seq-lm", "masked-lm", "sequence-classification",
                "feature-extraction")
BUILTIN = "builtin:tiny-stories"  # what the empty info card offers to open
GROUPS = ("Built-in", "Recent", "Hub cache")  # the library's groups, in order (Library.groups' titles)


class _ElideRight(QStyledItemDelegate):
    """A description column: a sentence elides at its end (names, in the other column, in the middle)."""

    def initStyleOption(self, option: Any, index: Any) -> None:  # noqa: N802 - Qt's name
        super().initStyleOption(option, index)
        option.textElideMode = Qt.ElideRight


def _load_job(ctx: Any, spec: ModelSpec) -> Backend:
    """Worker: open the model (imports torch/transformers, or ONNX Runtime for an export, on first use)."""
    from workbench.backends import open_model
    from workbench.models.library import add_recent

    loaded = open_model(spec.source, task=spec.task, device=spec.device, dtype=spec.dtype,
                        trust_remote_code=spec.trust_remote_code, progress=ctx.message)
    add_recent(spec.source)
    return loaded


@dataclass(frozen=True)
class Library:
    """What the Models page lists: the library's groups, in order, and the devices to load on."""

    groups: tuple[tuple[str, list[LibraryEntry]], ...]  # (title of GROUPS, entries): built-ins, recent, hub cache
    devices: list[str]
    device_text: str  # the status bar's description of this machine's devices


def _library_job(ctx: Any) -> Library:
    from workbench.gui.sysinfo import device_text
    from workbench.models.library import builtin_entries, cached_entries, recent_entries
    from workbench.models.loading import available_devices

    groups = ((GROUPS[0], builtin_entries()), (GROUPS[1], recent_entries()), (GROUPS[2], cached_entries()))
    return Library(groups, available_devices(), device_text())


@dataclass(frozen=True)
class MemoryRow:
    """One row of the info card's memory estimates."""

    label: str  # as shown (translated)
    value: str
    tooltip: str  # the estimate's parts
    over: bool  # more than the memory available where the model runs


ATTENTION_TOKENS = (512, 2048)


def _memory_row(label: str, estimates: list[tuple[str, str, Any]], available: int) -> MemoryRow:
    """estimates: (note shown in the value, what the tooltip calls it, the Estimate)."""
    from workbench.models.spec import human_bytes

    value = translate("ModelsPage", ", ").join(
        translate("ModelsPage", "{size} {note}").format(size=human_bytes(e.total), note=note).strip()
        for note, _, e in estimates)
    tip = "\n".join(translate("ModelsPage", "{what}: {total} ({parts})").format(
        what=what, total=human_bytes(e.total),
        parts=" + ".join(f"{core_text(name)} {human_bytes(n)}" for name, n in e.parts if n))
        for _, what, e in estimates)
    over = any(e.total > available for _, _, e in estimates)
    if over:
        value = translate("ModelsPage", "{value} (more than the {available} available)").format(
            value=value, available=human_bytes(available))
    return MemoryRow(label, value, tip, over)


def memory_rows(loaded: Backend) -> list[MemoryRow]:
    """What each page needs of this model: inference at its context (at most 2,048 tokens), the
    Attention page's maps at 512 and 2,048 tokens, a full fine-tune with AdamW and LoRA at the
    Training page's default batch (8 x 128 tokens). ONNX exports: inference only."""
    from workbench.attention.budget import extraction_bytes
    from workbench.models.memory import Estimate, inference_estimate, shape_from_config, shape_from_info
    from workbench.models.spec import human_bytes
    from workbench.training.config import TrainConfig
    from workbench.training.memory_check import available_memory, training_estimate

    info = loaded.info
    config = getattr(loaded, "config", None) or getattr(getattr(loaded, "model", None), "config", None)
    shape = shape_from_config(config, info.num_parameters) if config is not None else shape_from_info(info)
    device = "cuda" if str(loaded.device).startswith("cuda") else "cpu"
    available = available_memory(device)

    def row(label: str, estimates: list[tuple[str, str, Any]]) -> MemoryRow:
        return _memory_row(label, estimates, available)

    def at(n: int) -> str:
        return translate("ModelsPage", "at {tokens} tokens").format(tokens=f"{n:,}")

    tokens = min(info.context_length or 2048, 2048)
    rows = [row("  " + translate("ModelsPage", "for inference"),
                [(at(tokens), translate("ModelsPage", "inference at {tokens} tokens").format(tokens=f"{tokens:,}"),
                  inference_estimate(shape, tokens, info.dtype))])]
    if loaded.backend != "pytorch":
        return rows
    maps = []
    for n in ATTENTION_TOKENS:
        # The Attention page's forward (no cache) and its maps, as attention.budget counts them.
        what = translate("ModelsPage", "attention maps at {tokens} tokens").format(tokens=f"{n:,}")
        parts = (*inference_estimate(shape, n, info.dtype, kv_cache=False).parts,
                 (translate("ModelsPage", "maps"), extraction_bytes(shape.layers, shape.heads, n)))
        maps.append((at(n), what, Estimate(what, parts)))
    rows.append(row("  " + translate("ModelsPage", "for attention maps"), maps))
    task = "sequence-classification" if info.task == "sequence-classification" else "causal-lm"
    cfg = TrainConfig(task=task, model=info.source)
    full = training_estimate(cfg, shape, device)
    cfg.lora.enabled = True
    lora = training_estimate(cfg, shape, device)
    batch, length = cfg.batch_size, f"{cfg.data.max_length:,}"
    rows.append(row("  " + translate("ModelsPage", "for a full fine-tune"), [(
        translate("ModelsPage", "with AdamW (batch {batch} x {tokens} tokens)").format(batch=batch, tokens=length),
        translate("ModelsPage", "full fine-tune with AdamW at batch {batch} x {tokens} tokens").format(
            batch=batch, tokens=length), full)]))
    rows.append(row("  " + translate("ModelsPage", "for LoRA"), [(
        translate("ModelsPage", "with rank-{rank} adapters (batch {batch} x {tokens} tokens)").format(
            rank=cfg.lora.r, batch=batch, tokens=length),
        translate("ModelsPage", "LoRA with rank-{rank} adapters at batch {batch} x {tokens} tokens").format(
            rank=cfg.lora.r, batch=batch, tokens=length), lora)]))
    return rows


def group_title(title: str) -> str:
    """A library group's title (one of GROUPS) in the UI's language."""
    return {"Built-in": translate("ModelsPage", "Built-in"), "Recent": translate("ModelsPage", "Recent"),
            "Hub cache": translate("ModelsPage", "Hub cache")}.get(title, title)


def info_rows(info: Any) -> list[tuple[str, str, str]]:
    """The info card's rows: (English label, label as shown, value)."""
    rows = []
    for label, value in info.as_rows():
        if label == "Heads" and info.num_kv_heads and info.num_heads and info.num_kv_heads != info.num_heads:
            value = translate("ModelsPage", "{heads} ({kv_heads} key/value heads)").format(
                heads=f"{info.num_heads:,}", kv_heads=info.num_kv_heads)
        rows.append((label, core_text(label), value))
    return rows


class ModelsPage(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.job: Any = None
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(translate("ModelsPage", "Hub id (gpt2, bert-base-uncased ...), a folder, "
                                                      "or builtin:tiny-stories"))
        self.open_button = QPushButton(translate("ModelsPage", "Open"))
        self.browse_button = QPushButton(translate("ModelsPage", "Folder..."))
        self._build_load_options()
        self.trust_check = QCheckBox(translate("ModelsPage", "Trust remote code (this model only)"))
        self.banner = MessageBanner()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.progress_label = ElidedLabel()  # "Opening /a/long/path ...": elided in the middle, whole on hover
        self.cancel_button = QPushButton(translate("ModelsPage", "Cancel"))
        self.cancel_button.hide()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([translate("ModelsPage", "Model"), translate("ModelsPage", "Detail")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.Interactive)  # sized in _fill_library, capped
        self.tree.setTextElideMode(Qt.ElideMiddle)  # a long folder keeps both ends; whole in its tooltip
        self._detail_delegate = _ElideRight(self.tree)
        self.tree.setItemDelegateForColumn(1, self._detail_delegate)
        self.info_table = QTableWidget(0, 2)
        self.info_table.setHorizontalHeaderLabels([translate("ModelsPage", "Property"), translate("ModelsPage", "Value")])
        self.info_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.info_table.verticalHeader().hide()
        self.info_table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.info_table.setTextElideMode(Qt.ElideMiddle)  # a long folder keeps both ends; whole in its tooltip
        self.info_title = ElidedLabel()  # the loaded model's source, elided in the middle
        self.info_title.setFont(font("subtitle"))  # its own font (not a role): it elides with the font it is drawn in
        self.info_note = QLabel(translate("ModelsPage", "ready in the Playground"))
        set_role(self.info_note, "muted")
        self.info_empty = EmptyState(
            translate("ModelsPage", "No model loaded"),
            translate("ModelsPage", "Pick one in the library on the left, type a hub id above, or drop a folder "
                                    "here. Its architecture, size and the memory each page needs appear here."),
            "mdi6.cube-outline", translate("ModelsPage", "Open {model}").format(model=BUILTIN),
            lambda: self.open_source(BUILTIN))
        self.info_stack = EmptyStack(self.info_table, self.info_empty)
        self._layout()
        self.open_button.clicked.connect(lambda: self.open_source(self.source_edit.text()))
        self.source_edit.returnPressed.connect(lambda: self.open_source(self.source_edit.text()))
        self.browse_button.clicked.connect(self.browse_folder)
        self.cancel_button.clicked.connect(self._cancel)
        self.tree.itemActivated.connect(self._on_tree_activated)
        self.state.model_changed.connect(self._show_info)
        notifier().changed.connect(self._on_theme)
        self.refresh_library()

    def _build_load_options(self) -> None:
        """The task, device and dtype choices (item data: the key the loader takes)."""
        from workbench.models.spec import DTYPES
        from workbench.models.tasks import TASK_TITLES

        self.task_combo = QComboBox()  # "auto" = detect from the config
        for task in TASK_CHOICES:
            self.task_combo.addItem(translate("ModelsPage", "auto") if task == "auto" else task, task)
            self.task_combo.setItemData(self.task_combo.count() - 1, core_text(TASK_TITLES[task]) if task in TASK_TITLES
                                        else translate("ModelsPage", "Detect the task from the model's config"),
                                        Qt.ToolTipRole)
        self.device_combo = QComboBox()
        self._set_devices(["auto", "cpu"])
        self.dtype_combo = QComboBox()
        for dtype in DTYPES:
            self.dtype_combo.addItem(dtype, dtype)

    def _on_theme(self, _colors: object = None) -> None:  # a bound method: disconnected when the page goes
        self._show_info(self.state.loaded)

    def _layout(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.source_edit, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.browse_button)
        opts = QFormLayout()
        opts.addRow(translate("ModelsPage", "Task"), self.task_combo)
        opts.addRow(translate("ModelsPage", "Device"), self.device_combo)
        opts.addRow(translate("ModelsPage", "Dtype"), self.dtype_combo)
        opts.addRow("", self.trust_check)
        options = QGroupBox(translate("ModelsPage", "Load options"))
        options.setLayout(opts)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel(translate("ModelsPage", "Library (double-click to open)")))
        ll.addWidget(self.tree, 1)
        ll.addWidget(options)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        title_row = QHBoxLayout()
        title_row.setSpacing(SPACE[1])
        title_row.addWidget(self.info_title, 100)  # up to its text's width (its maximum), then the spacer
        title_row.addWidget(self.info_note, 0)
        title_row.addStretch(1)
        self.title_box = QWidget()
        self.title_box.setLayout(title_row)
        title_row.setContentsMargins(0, 0, 0, 0)
        self.title_box.hide()
        rl.addWidget(self.title_box)
        rl.addWidget(self.info_stack, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        busy = QHBoxLayout()
        busy.addWidget(self.progress_label, 1)
        busy.addWidget(self.progress)
        busy.addWidget(self.cancel_button)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(translate("ModelsPage", "Models")))
        lay.addLayout(row)
        lay.addWidget(self.banner)
        lay.addLayout(busy)
        lay.addWidget(split, 1)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._size_tree()  # the list's width is known once shown

    # -- library --------------------------------------------------------------------------------
    def refresh_library(self) -> None:
        self.state.runner.start("library", _library_job, on_done=self._fill_library,
                                on_error=lambda m, d: self.banner.show_error(m, d))

    def _fill_library(self, library: Library) -> None:
        self.tree.clear()
        for title, entries in library.groups:
            top = QTreeWidgetItem([group_title(title), "" if entries else translate("ModelsPage", "(none)")])
            top.setFlags(Qt.ItemIsEnabled)
            self.tree.addTopLevelItem(top)
            for entry in entries:
                item = QTreeWidgetItem([entry.source, core_text(entry.detail)])
                item.setData(0, Qt.UserRole, entry.source)
                item.setToolTip(0, entry.source)
                item.setToolTip(1, core_text(entry.detail))
                top.addChild(item)
            top.setExpanded(True)
        self._size_tree()
        self._set_devices(library.devices)
        window = self.window()
        if hasattr(window, "set_device_text"):
            window.set_device_text(library.device_text)

    def _size_tree(self) -> None:
        """The model column as wide as its names, but at most 70% of the list: a long folder elides."""
        self.tree.resizeColumnToContents(0)
        cap = max(120, int(self.tree.viewport().width() * 0.7))
        if self.tree.columnWidth(0) > cap:
            self.tree.setColumnWidth(0, cap)

    def _set_devices(self, devices: list[str]) -> None:
        """The device menu: its items' data are the devices ("auto" shown translated); keeps the choice."""
        current = self.device_combo.currentData()
        self.device_combo.clear()
        for device in devices:
            self.device_combo.addItem(translate("ModelsPage", "auto") if device == "auto" else device, device)
        if current in devices:
            self.device_combo.setCurrentIndex(self.device_combo.findData(current))

    def _on_tree_activated(self, item: QTreeWidgetItem, _col: int) -> None:
        source = item.data(0, Qt.UserRole)
        if source:
            self.open_source(source)

    # -- loading ----------------------------------------------------------------------------------
    def browse_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, translate("ModelsPage", "Open a model folder (with config.json)"))
        if folder:
            self.open_source(folder)

    def open_source(self, source: str) -> None:
        from workbench.models.spec import ModelSpec

        source = source.strip()
        if not source:
            self.banner.show_error(translate("ModelsPage", "Type a hub id, a folder path or builtin:NAME first."))
            return
        if self.job is not None and self.job.running:
            self.banner.show_error(translate("ModelsPage", "A model is already loading; wait or cancel it first."))
            return
        self.source_edit.setText(source)
        task = self.task_combo.currentData()
        spec = ModelSpec(source=source, task=None if task == "auto" else task,
                         device=self.device_combo.currentData() or "auto", dtype=self.dtype_combo.currentData(),
                         trust_remote_code=self.trust_check.isChecked())
        self.banner.hide()
        self._busy(True, translate("ModelsPage", "Opening {source} ...").format(source=source))
        self.job = self.state.runner.start("load", _load_job, spec, on_done=self._on_loaded,
                                           on_error=self._on_error,
                                           on_message=lambda text: self.progress_label.setText(core_text(text)),
                                           on_finished=lambda: self._busy(False))

    def _cancel(self) -> None:
        # from_pretrained cannot be interrupted; the result is discarded when it arrives.
        if self.job is not None:
            self.job.cancel()
        self._busy(False)
        self.banner.show_info(translate("ModelsPage", "Loading cancelled; the previous model stays loaded."))

    def _busy(self, busy: bool, text: str = "") -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.open_button.setEnabled(not busy)
        self.progress_label.setText(text)

    def _on_loaded(self, loaded: Backend) -> None:
        if self.job is not None and self.job.control.cancelled:
            return
        self.state.set_model(loaded)
        self.state.status.emit(translate("ModelsPage", "Loaded {source}").format(source=loaded.info.source))
        self.refresh_library()

    def _on_error(self, text: str, details: str) -> None:
        kept = self.state.loaded.info.source if self.state.loaded is not None else None
        if kept:
            text = translate("ModelsPage", "{error} ({model} is still loaded.)").format(error=text, model=kept)
        self.banner.show_error(text, details)

    def _show_info(self, loaded: Backend | None) -> None:
        self.title_box.setVisible(loaded is not None)
        self.info_stack.show_content(loaded is not None)
        if loaded is None:
            return
        card = info_rows(loaded.info)
        rows = [MemoryRow(label, value, "", False) for _, label, value in card]
        at = next((i for i, (key, _, _) in enumerate(card) if key == "Estimated memory"), len(rows) - 1)
        rows[at] = replace(rows[at], value=translate("ModelsPage", "{size} of weights ({dtype})").format(
            size=rows[at].value, dtype=loaded.info.dtype))
        try:
            rows[at + 1:at + 1] = memory_rows(loaded)
        except Exception:  # an estimate that cannot be made leaves the card as it was
            log.warning(translate("ModelsPage", "No memory estimate for {source}").format(source=loaded.info.source),
                        exc_info=True)
        self.info_title.setText(loaded.info.source)
        # as wide as the source needs, but never wider than the card: a long path elides in the middle
        self.info_title.setMaximumWidth(self.info_title.fontMetrics().horizontalAdvance(loaded.info.source) + SPACE[1])
        self.info_table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            self.info_table.setItem(i, 0, QTableWidgetItem(r.label))
            value = QTableWidgetItem(r.value)
            value.setToolTip(r.tooltip or r.value)
            if r.over:
                value.setForeground(QColor(colors().danger))
            self.info_table.setItem(i, 1, value)
        self.info_table.resizeColumnToContents(0)
