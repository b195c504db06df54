"""Attention explorer: heatmap, model view (grid), head view, compare, embeddings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QScrollArea, QSpinBox, QTabWidget, QVBoxLayout, QWidget, QListWidget, QSplitter)

from workbench.attention.select import head_options, select_matrix
from workbench.errors import InputError
from workbench.gui.state import AppState
from workbench.gui.attention.budget_box import BudgetBox
from workbench.gui.attention.compare import Compared, CompareView, compare_job
from workbench.gui.attention.embeddings import EmbeddingsView
from workbench.gui.attention.grid import ModelGrid
from workbench.gui.attention.headview import HEAD_COLORS, HeadView
from workbench.gui.i18n import core_text, error_text, translate
from workbench.gui.widgets.heatmap import HeatmapView
from workbench.gui.widgets import MessageBanner, heading

if TYPE_CHECKING:
    from workbench.attention.maps import AttentionMaps
    from workbench.backends import Backend


def extract_job(ctx: Any, loaded: Backend, text: str, pair: str | None, generate: int) -> AttentionMaps:
    from workbench.attention.maps import extract_generated
    from workbench.config import GenerationSettings

    if generate and loaded.task == "causal-lm" and loaded.backend == "pytorch":
        return extract_generated(loaded, text, GenerationSettings(max_new_tokens=generate, greedy=True))
    return loaded.attention_maps(text, pair)  # PyTorch, or an ONNX export's own Attention ops


def pattern_text(p: Any) -> str:
    """A head pattern (workbench.attention.aggregate.HeadPattern) as the list and tooltips show it:
    HeadPattern.describe() in the UI's language, built from its fields."""
    share = f"{p.share:.0%}"
    if p.pattern == "broad":
        return translate("AttentionPage", "L{layer} H{head}: broad (no pattern above {share})").format(
            layer=p.layer, head=p.head, share=share)
    names = {"previous token": translate("AttentionPage", "previous token"),
             "first token": translate("AttentionPage", "first token"),
             "separator": translate("AttentionPage", "separator"),
             "self": translate("AttentionPage", "self")}
    return translate("AttentionPage", "L{layer} H{head}: {pattern} ({share} of the weight)").format(
        layer=p.layer, head=p.head, pattern=names.get(p.pattern, p.pattern), share=share)


class AttentionPage(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.maps: Any = None
        self._derived_key: tuple[Any, ...] | None = None  # what _derived_value was computed for
        self._derived_value: tuple[Any, list[Any]] = (None, [])
        self.job: Any = None
        self.pending_focus: int | None = None
        self._build()
        state.model_changed.connect(self.set_model)

    # -- layout --------------------------------------------------------------------------------
    def _build(self) -> None:
        self._make_widgets()
        self.tabs = self._make_tabs()
        lay = QVBoxLayout(self)
        lay.addWidget(heading(translate("AttentionPage", "Attention")))
        lay.addLayout(self._text_row())
        lay.addLayout(self._selector_row())
        lay.addWidget(self.banner)
        lay.addWidget(self.notes)
        lay.addWidget(self.tabs, 1)
        self._connect()

    def _make_widgets(self) -> None:
        self.text = QLineEdit("The cat sat on the mat because it was tired.")
        self.pair = QLineEdit()
        self.pair.setPlaceholderText(translate("AttentionPage", "Optional: second sentence (encoders) or target text "
                                                                "(encoder-decoders)"))
        self.generate = QSpinBox(minimum=0, maximum=256, value=0)
        self.generate.setSpecialValueText(translate("AttentionPage", "no"))
        self.compute_button = QPushButton(translate("AttentionPage", "Show attention"))
        self.budget = BudgetBox(self.state.settings)
        self.kind = QComboBox()
        self.kind.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.layer = QSpinBox(minimum=0, maximum=0)
        self.head = QComboBox()
        self.hide_special = QCheckBox(translate("AttentionPage", "Hide special tokens"))
        self.merge = QCheckBox(translate("AttentionPage", "Merge sub-words"))
        self.log_scale = QCheckBox(translate("AttentionPage", "Log scale"))
        self.banner = MessageBanner()
        self.notes = QLabel("")
        self.notes.setWordWrap(True)
        self.heatmap = HeatmapView()
        self.patterns = QListWidget()
        self.grid = ModelGrid()
        self.headview = HeadView()
        self.head_checks: list[QCheckBox] = []
        self.head_checks_row = QHBoxLayout()
        self.compare = CompareView()
        self.embeddings = EmbeddingsView(self.state)

    def _make_tabs(self) -> QTabWidget:
        tabs = QTabWidget()
        tabs.addTab(self._heatmap_tab(), translate("AttentionPage", "Heatmap"))
        tabs.addTab(self.grid, translate("AttentionPage", "Model view"))
        tabs.addTab(self._headview_tab(), translate("AttentionPage", "Head view"))
        tabs.addTab(self.compare, translate("AttentionPage", "Compare"))
        tabs.addTab(self.embeddings, translate("AttentionPage", "Embeddings"))
        return tabs

    def _heatmap_tab(self) -> QWidget:
        """The heatmap, with the head patterns of the shown layer beside it."""
        heat = QSplitter()
        heat.addWidget(self.heatmap)
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(QLabel(translate("AttentionPage", "Head patterns (this layer)")))
        sl.addWidget(self.patterns)
        heat.addWidget(side)
        heat.setStretchFactor(0, 4)
        return heat

    def _headview_tab(self) -> QWidget:
        """The head checkboxes above the scrollable head view."""
        hv = QWidget()
        hl = QVBoxLayout(hv)
        hl.addLayout(self.head_checks_row)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.headview)
        hl.addWidget(scroll, 1)
        return hv

    def _text_row(self) -> QHBoxLayout:
        row1 = QHBoxLayout()
        row1.addWidget(QLabel(translate("AttentionPage", "Text")))
        row1.addWidget(self.text, 3)
        row1.addWidget(self.pair, 2)
        self.text.setMinimumWidth(160)
        self.pair.setMinimumWidth(120)
        row1.addWidget(QLabel(translate("AttentionPage", "Generate")))
        row1.addWidget(self.generate)
        row1.addWidget(self.budget)
        row1.addWidget(self.compute_button)
        return row1

    def _selector_row(self) -> QHBoxLayout:
        """Kind, layer, head, the view filters and the save buttons."""
        row2 = QHBoxLayout()
        for label, w in ((translate("AttentionPage", "Attention"), self.kind),
                         (translate("AttentionPage", "Layer"), self.layer),
                         (translate("AttentionPage", "Head"), self.head)):
            row2.addWidget(QLabel(label))
            row2.addWidget(w)
        for w in (self.hide_special, self.merge, self.log_scale):
            row2.addWidget(w)
        row2.addStretch(1)
        for label, slot in (("PNG", self.save_png), (".npz", self.save_npz), ("CSV", self.save_csv)):
            b = QPushButton(label)
            b.setToolTip(translate("AttentionPage", "Save the current view or maps as {format}").format(format=label))
            b.clicked.connect(slot)
            row2.addWidget(b)
        return row2

    def _connect(self) -> None:
        self.compute_button.clicked.connect(self.compute)
        self.text.returnPressed.connect(self.compute)
        for sig in (self.layer.valueChanged, self.head.currentIndexChanged, self.kind.currentIndexChanged,
                    self.hide_special.toggled, self.merge.toggled):
            sig.connect(self.refresh)
        self.log_scale.toggled.connect(self.heatmap.set_log_scale)
        self.heatmap.step.connect(self._step)
        self.grid.head_clicked.connect(self.open_head)
        self.compare.load_button.clicked.connect(self._compare)

    # -- model and text ----------------------------------------------------------------------------
    def set_model(self, loaded: Backend | None) -> None:
        self.maps, self._derived_key = None, None
        self.generate.setEnabled(loaded is not None and loaded.task == "causal-lm" and loaded.backend == "pytorch")

    def show_text(self, loaded: Backend, text: str, focus_token_index: int | None = None) -> None:
        """Called by the Playground: show `text`'s attention with the focus token's row highlighted."""
        self.text.setText(text)
        self.generate.setValue(0)
        self.pending_focus = focus_token_index
        self.tabs.setCurrentIndex(0)
        self.compute()

    def compute(self) -> None:
        loaded = self.state.loaded
        if loaded is None:
            self.banner.show_error(translate("AttentionPage", "Load a model first (Models page)."))
            return
        if self.job is not None and self.job.running:
            return
        self.banner.hide()
        self.compute_button.setEnabled(False)
        pair = self.pair.text().strip() or None
        self.job = self.state.runner.start("attention", extract_job, loaded, self.text.text(), pair,
                                           self.generate.value() if self.generate.isEnabled() else 0,
                                           on_done=self.show_maps, on_error=lambda m, d: self.banner.show_error(m, d),
                                           on_finished=lambda: self.compute_button.setEnabled(True))

    def show_maps(self, maps: Any) -> None:
        self.maps, self._derived_key = maps, None  # an id() may be reused by the next maps
        self.kind.blockSignals(True)
        self.kind.clear()
        for kind, s in maps.sets.items():
            self.kind.addItem(core_text(s.label), kind)
        self.kind.blockSignals(False)
        notes = [core_text(n) for n in maps.notes]  # marked N_ in the core
        if maps.prompt_length is not None:
            notes.append(translate("AttentionPage", "Tokens from {start} on were generated by the "
                                                    "model.").format(start=maps.prompt_length))
        self.notes.setText(" ".join(notes))
        self._setup_selectors()
        self.refresh()
        if self.pending_focus is not None:
            n = len(self.current_set().query_tokens)
            self.heatmap.select_row(min(self.pending_focus, n - 1))
            self.pending_focus = None

    def _setup_selectors(self) -> None:
        s = self.maps.primary
        self.layer.blockSignals(True)
        self.layer.setMaximum(s.num_layers - 1)
        self.layer.setValue(min(self.layer.value(), s.num_layers - 1))
        self.layer.blockSignals(False)
        self.head.blockSignals(True)
        current = self.head.currentIndex()
        self.head.clear()
        for choice, label in head_options(s.num_heads):  # label: "head 3", or an aggregation's (marked N_)
            text = (translate("AttentionPage", "head {head}").format(head=choice) if choice.isdigit()
                    else core_text(label))
            self.head.addItem(text, choice)
        self.head.setCurrentIndex(current if 0 <= current < self.head.count() else 0)
        self.head.blockSignals(False)
        for cb in self.head_checks:
            cb.deleteLater()
        self.head_checks = []
        for h in range(s.num_heads):
            cb = QCheckBox(f"H{h}")
            cb.setStyleSheet(f"color: {HEAD_COLORS[h % len(HEAD_COLORS)]}; font-weight: bold")
            cb.setChecked(h == 0)
            cb.toggled.connect(self._refresh_headview)
            self.head_checks.append(cb)
            self.head_checks_row.addWidget(cb)

    # -- what is shown ------------------------------------------------------------------------------
    def current_set(self) -> Any:
        return self._derived()[0]

    def _derived(self) -> tuple[Any, list[Any]]:
        """(the shown set, its head patterns), computed once per maps, kind and filter choice:
        a layer or head change reuses them (at 2,048 tokens on 24 x 14 heads the patterns take
        half a second, and a new filtered array would drop the model view's thumbnails)."""
        from workbench.attention.aggregate import head_patterns
        from workbench.attention.filters import hide_special, merge_subwords

        kind = self.kind.currentData() or next(iter(self.maps.sets))
        key = (id(self.maps), kind, self.hide_special.isChecked(), self.merge.isChecked())
        if self._derived_key != key:
            s = self.maps.sets[kind]
            if self.hide_special.isChecked():
                s = hide_special(s)
            if self.merge.isChecked():
                s = merge_subwords(s)
            self._derived_key, self._derived_value = key, (s, head_patterns(s))
        return self._derived_value

    def matrix_of(self, s: Any) -> np.ndarray:
        """The (q, k) matrix of set `s` for the chosen layer and head; a choice the set cannot take
        (rollout of cross-attention) shows the mean of heads instead, and says so."""
        layer, head = self.layer.value(), self.head.currentData()
        try:
            return select_matrix(s.weights, layer, head)
        except InputError as exc:
            self.banner.show_error(translate("AttentionPage", "{error}. Showing the mean of heads instead.").format(
                error=error_text(exc)))
            return select_matrix(s.weights, layer, "mean")

    def refresh(self) -> None:
        if self.maps is None or self.head.count() == 0:
            return
        s, pats = self._derived()
        self.heatmap.set_matrix(self.matrix_of(s), s.query_tokens, s.key_tokens, (s.query_hover, s.key_hover))
        layer = self.layer.value()
        self.patterns.clear()
        for p in pats:
            if p.layer == layer:
                self.patterns.addItem(pattern_text(p))
        self.grid.set_weights(s.weights, {(p.layer, p.head): pattern_text(p) for p in pats})
        self._refresh_headview()
        self.compare.update_view(s, self.kind.currentData(), self.matrix_of)

    def _refresh_headview(self) -> None:
        if self.maps is None:
            return
        s = self.current_set()
        heads = [h for h, cb in enumerate(self.head_checks) if cb.isChecked()]
        self.headview.set_layer(s.weights[self.layer.value()], s.query_tokens, s.key_tokens, heads,
                                (s.query_hover, s.key_hover))

    def open_head(self, layer: int, head: int) -> None:
        self.layer.setValue(layer)
        self.head.setCurrentIndex(head)
        self.tabs.setCurrentIndex(0)

    def _step(self, dl: int, dh: int) -> None:
        if self.maps is None:
            return
        self.layer.setValue(max(0, min(self.layer.maximum(), self.layer.value() + dl)))
        self.head.setCurrentIndex(max(0, min(self.head.count() - 1, self.head.currentIndex() + dh)))

    # -- compare and export ---------------------------------------------------------------------------
    def _compare(self) -> None:
        source = self.compare.source.text().strip()
        if not source or self.maps is None:
            self.compare.banner.show_error(translate("AttentionPage", "Show attention for a text first, then name a "
                                                                      "second model."))
            return
        pair = self.pair.text().strip() or None
        self.state.runner.start("compare", compare_job, source, self.text.text(), pair,
                                on_done=self._compared, on_message=self.compare.status.setText,
                                on_error=lambda m, d: self.compare.banner.show_error(m, d))

    def _compared(self, result: Compared) -> None:
        self.compare.set_other(result.name, result.maps)
        self.refresh()

    def save_png(self, path: str | None = None) -> None:
        path = path or QFileDialog.getSaveFileName(self, translate("AttentionPage", "Save view as PNG"), "attention.png",
                                                  translate("AttentionPage", "PNG image (*.png)"))[0]
        if path:
            self.tabs.currentWidget().grab().save(path)
            self.state.status.emit(translate("AttentionPage", "Saved {path}").format(path=path))

    def save_npz(self, path: str | None = None) -> None:
        from workbench.attention.export_maps import save_npz

        if self.maps is None:
            return
        path = path or QFileDialog.getSaveFileName(self, translate("AttentionPage", "Save maps"), "attention.npz",
                                                  translate("AttentionPage", "NumPy archive (*.npz)"))[0]
        if path:
            save_npz(self.maps, path)
            self.state.status.emit(translate("AttentionPage", "Saved {path}").format(path=path))

    def save_csv(self, path: str | None = None) -> None:
        from workbench.attention.export_maps import save_csv

        if self.maps is None:
            return
        path = path or QFileDialog.getSaveFileName(self, translate("AttentionPage", "Save matrix"), "attention.csv",
                                                  translate("AttentionPage", "CSV file (*.csv)"))[0]
        if path:
            s = self.current_set()
            save_csv(self.matrix_of(s), s.query_tokens, s.key_tokens, path)
            self.state.status.emit(translate("AttentionPage", "Saved {path}").format(path=path))
