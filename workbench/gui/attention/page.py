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
from workbench.gui.attention.headview import HeadView, head_color
from workbench.gui.i18n import core_text, error_text, translate
from workbench.gui.theme import SPACE, notifier, set_role
from workbench.gui.widgets.empty_state import EmptyStack, EmptyState
from workbench.gui.widgets.heatmap import HeatmapView
from workbench.gui.widgets import MessageBanner, heading

if TYPE_CHECKING:
    from workbench.attention.maps import AttentionMaps
    from workbench.backends import Backend

EXAMPLE_MODEL = "builtin:tiny-stories"  # what the empty views open when no model is loaded


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
        self._open_then_show = False  # the empty views' action opened the example model: show it
        self.stacks: dict[str, EmptyStack] = {}  # tab -> its EmptyStack (empty until maps arrive)
        self._build()
        state.model_changed.connect(self.set_model)
        notifier().changed.connect(self._paint_head_checks)
        self._update_empty()

    # -- layout --------------------------------------------------------------------------------
    def _build(self) -> None:
        self._make_widgets()
        self.tabs = self._make_tabs()
        lay = QVBoxLayout(self)
        lay.setSpacing(SPACE[1])
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
        self.patterns.setWordWrap(True)
        self.patterns.setMinimumWidth(180)  # the side panel's width: a pattern reads on two lines
        self.grid = ModelGrid()
        self.headview = HeadView()
        self.head_checks: list[QCheckBox] = []
        self.head_checks_row = QHBoxLayout()
        self.head_checks_row.addStretch(1)  # the checkboxes go before it, packed to the left
        self.compare = CompareView()
        self.embeddings = EmbeddingsView(self.state)

    def _make_tabs(self) -> QTabWidget:
        """Each tab an EmptyStack: what will appear there and the one action that fills it, until
        there is something to show (no empty axes, no blank panel)."""
        tabs = QTabWidget()
        views = (
            ("heatmap", self._heatmap_tab(), translate("AttentionPage", "Heatmap"), "mdi6.grid",
             translate("AttentionPage", "The attention heatmap will appear here"),
             translate("AttentionPage", "One row per token of the text: how much it attends to each token, for the "
                                        "layer and head chosen above. Hover a cell to read its weight.")),
            ("grid", self.grid, translate("AttentionPage", "Model view"), "mdi6.view-grid-outline",
             translate("AttentionPage", "Every layer and head at a glance"),
             translate("AttentionPage", "A thumbnail of each head's attention, layers down and heads across; click "
                                        "one to open it in the heatmap.")),
            ("headview", self._headview_tab(), translate("AttentionPage", "Head view"), "mdi6.vector-line",
             translate("AttentionPage", "Lines from each token to the tokens it attends to"),
             translate("AttentionPage", "The text's tokens in two columns, joined by one colour per head; the "
                                        "stronger the attention, the darker the line.")),
            ("compare", self.compare, translate("AttentionPage", "Compare"), "mdi6.compare-horizontal",
             translate("AttentionPage", "The same text through two models, side by side"),
             translate("AttentionPage", "Show attention for the text first; then name a second model with the same "
                                        "tokenizer to see both maps and their difference.")),
            ("embeddings", self.embeddings, translate("AttentionPage", "Embeddings"), "mdi6.scatter-plot-outline",
             translate("AttentionPage", "The model's vocabulary as a map"),
             translate("AttentionPage", "Each vocabulary entry's input embedding, projected to 2-D: tokens used "
                                        "alike end up close together.")),
        )
        self.empty_texts: dict[str, tuple[str, str]] = {}
        for key, content, tab, icon_name, title, body in views:
            empty = EmptyState(title, body, icon_name, translate("AttentionPage", "Show attention"),
                               self._empty_action)
            self.empty_texts[key] = (title, body)
            self.stacks[key] = EmptyStack(content, empty)
            tabs.addTab(self.stacks[key], tab)
        return tabs

    def _heatmap_tab(self) -> QWidget:
        """The heatmap, with the head patterns of the shown layer beside it."""
        heat = QSplitter()
        heat.setChildrenCollapsible(False)
        heat.setContentsMargins(SPACE[1], SPACE[1], SPACE[1], SPACE[1])
        heat.addWidget(self.heatmap)
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        title = QLabel(translate("AttentionPage", "Head patterns (this layer)"))
        title.setWordWrap(True)
        set_role(title, "muted")
        sl.addWidget(title)
        sl.addWidget(self.patterns)
        heat.addWidget(side)
        heat.setStretchFactor(0, 4)
        heat.setStretchFactor(1, 1)
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
        self.save_buttons: list[QPushButton] = []
        for label, slot in (("PNG", self.save_png), (".npz", self.save_npz), ("CSV", self.save_csv)):
            b = QPushButton(label)
            b.setToolTip(translate("AttentionPage", "Save the current view or maps as {format}").format(format=label))
            b.clicked.connect(lambda _checked=False, slot=slot: slot())
            row2.addWidget(b)
            self.save_buttons.append(b)
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
        self.maps, self._derived_key = None, None  # the maps were the old model's: the views empty
        self.generate.setEnabled(loaded is not None and loaded.task == "causal-lm" and loaded.backend == "pytorch")
        self.compare.clear()
        self.embeddings.reset()
        self._update_empty()
        if self._open_then_show:
            self._open_then_show = False
            if loaded is not None and getattr(getattr(loaded, "info", None), "source", None) == EXAMPLE_MODEL:
                window = self.window()
                if hasattr(window, "show_page"):
                    window.show_page("Attention")
                self.compute()

    # -- empty views -----------------------------------------------------------------------------
    def _update_empty(self) -> None:
        """Empty views until there are maps (the embeddings: until there is a model); their action
        is "Show attention" on the Text field's example, or, with no model, opening the example model."""
        has_model = self.state.loaded is not None
        has_maps = self.maps is not None
        busy = self.job is not None and self.job.running
        no_model = translate("AttentionPage", "No model is loaded yet: open the small built-in story model "
                                              "(tiny-stories) to see its attention on the example text.")
        action = (translate("AttentionPage", "Show attention") if has_model
                  else translate("AttentionPage", "Open tiny-stories and show attention"))
        for key, stack in self.stacks.items():
            title, body = self.empty_texts[key]
            stack.empty.set_texts(title, body if has_model else f"{body}\n\n{no_model}", action)
            stack.empty.button.setEnabled(not busy)
            stack.show_content(has_model if key == "embeddings" else has_maps)
        for w in (*self.save_buttons, self.kind, self.layer, self.head):
            w.setEnabled(has_maps)

    def _empty_action(self) -> None:
        if self.state.loaded is not None:
            self.compute()
            return
        window = self.window()
        if hasattr(window, "open_model"):
            self._open_then_show = True
            window.open_model(EXAMPLE_MODEL)

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
                                           on_finished=self._finished)
        self._update_empty()

    def _finished(self) -> None:
        self.compute_button.setEnabled(True)
        self._update_empty()

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
        self._update_empty()
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
            cb.setChecked(h == 0)
            cb.toggled.connect(self._refresh_headview)
            self.head_checks.append(cb)
            self.head_checks_row.insertWidget(self.head_checks_row.count() - 1, cb)
        self._paint_head_checks()

    def _paint_head_checks(self, *_: object) -> None:
        """Each head's checkbox in its line colour (lightened in the dark theme, as the lines are)."""
        for h, cb in enumerate(self.head_checks):
            cb.setStyleSheet(f"color: {head_color(h).name()}; font-weight: bold")

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
