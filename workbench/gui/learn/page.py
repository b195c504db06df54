"""Learn: the concepts behind the model, computed on the loaded model and the user's text.

Tokenisation (text -> words -> pieces -> ids -> embedding rows, learn_tokens.py), attention step by step for one layer and head
(Q, K, QK^T, / sqrt(d_k), softmax, weighted sum of V), the loss position by position, and a
training run's model before and after (learn_finetune.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
                               QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget, QScrollArea)

from workbench.gui.state import AppState
from workbench.gui.learn.common import BUILTIN, ExampleTab, JobGate
from workbench.gui.learn.finetune import FineTuneTab
from workbench.gui.learn.tokens import TokensTab
from workbench.gui.training.form_widgets import scrolled
from workbench.gui.i18n import translate
from workbench.gui.widgets.examples import ExamplesButton
from workbench.gui.widgets.matrix_table import fill_matrix
from workbench.gui.widgets import MessageBanner, heading, prob_color
from workbench.gui.widgets.elide import ElidedLabel

if TYPE_CHECKING:
    from workbench.explain.attention_steps import AttentionSteps
    from workbench.explain.loss import LossBreakdown
    from workbench.backends import Backend
    from workbench.models.spec import LoadedModel


def steps() -> tuple[tuple[str, str, str], ...]:
    """(key, title, explanation) of each step, in the UI's language."""
    return (
        ("q", translate("AttentionStepsTab", "1. Queries Q"),
         translate("AttentionStepsTab", "Each token's hidden state times the query weights W_Q: what this token is "
                                        "looking for.")),
        ("k", translate("AttentionStepsTab", "2. Keys K"),
         translate("AttentionStepsTab", "Times the key weights W_K: what each token offers to be found by.")),
        ("scores", translate("AttentionStepsTab", "3. Scores QKᵀ"),
         translate("AttentionStepsTab", "Every query dotted with every key: how well they match (row = query, "
                                        "column = key).")),
        ("scaled", translate("AttentionStepsTab", "4. Scaled by 1/√d_k"),
         translate("AttentionStepsTab", "Divided by √d_k so the scores do not grow with the head size and the softmax "
                                        "stays soft.")),
        ("masked", translate("AttentionStepsTab", "5. Mask"),
         translate("AttentionStepsTab", "A causal model may not look at later tokens: those scores become −∞.")),
        ("weights", translate("AttentionStepsTab", "6. Softmax"),
         translate("AttentionStepsTab", "Each row becomes probabilities that sum to 1: the attention map.")),
        ("v", translate("AttentionStepsTab", "7. Values V"),
         translate("AttentionStepsTab", "Times the value weights W_V: what each token passes on.")),
        ("output", translate("AttentionStepsTab", "8. Output = weights · V"),
         translate("AttentionStepsTab", "Each token's new vector is the weighted average of the values.")),
    )


def _steps_job(ctx: Any, loaded: LoadedModel, text: str, layer: int, head: int) -> AttentionSteps:
    from workbench.explain.attention_steps import explain_attention

    return explain_attention(loaded, text, layer, head)


def _loss_job(ctx: Any, loaded: LoadedModel, text: str) -> LossBreakdown:
    from workbench.explain.loss import explain_loss

    return explain_loss(loaded, text)


class AttentionStepsTab(ExampleTab):
    def __init__(self, state: AppState, gate: JobGate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(state, gate, parent)
        self.steps: Any = None
        # The default is an example in the UI's language (the built-in story model knows both).
        self.text = QLineEdit(translate("AttentionStepsTab", "the cat sat on the mat"))
        self.layer = QSpinBox(minimum=0, maximum=0)
        self.head = QSpinBox(minimum=0, maximum=0)
        self.dims = QSpinBox(minimum=1, maximum=64, value=8)
        self.run_button = QPushButton(translate("AttentionStepsTab", "Compute"))
        self.banner = MessageBanner()
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.tables: dict[str, QTableWidget] = {}
        form = QHBoxLayout()
        for label, w in ((translate("AttentionStepsTab", "Text"), self.text),
                         (translate("AttentionStepsTab", "Layer"), self.layer),
                         (translate("AttentionStepsTab", "Head"), self.head),
                         (translate("AttentionStepsTab", "Dims shown"), self.dims)):
            form.addWidget(QLabel(label))
            form.addWidget(w, 3 if w is self.text else 0)
        form.addWidget(ExamplesButton(self.text, (("en", "the cat sat on the mat"), ("zh", "乐乐请亮亮帮忙。"))))
        form.addWidget(self.run_button)
        body = QWidget()
        bl = QVBoxLayout(body)
        for key, title, explanation in steps():
            label = QLabel(f"<b>{title}</b> — {explanation}")
            label.setWordWrap(True)
            bl.addWidget(label)
            table = QTableWidget()
            table.setMinimumHeight(120)
            self.tables[key] = table
            bl.addWidget(table)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        results = QWidget()
        rl = QVBoxLayout(results)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.summary)
        rl.addWidget(scroll, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.banner)
        lay.addWidget(self.make_stack(results, "mdi6.grid"), 1)
        self.run_button.clicked.connect(self.run)
        self.text.returnPressed.connect(self.run)

    def set_model(self, loaded: Backend | None) -> None:
        self.layer.setMaximum(max(0, (loaded.info.num_layers or 1) - 1))
        self.head.setMaximum(max(0, (loaded.info.num_heads or 1) - 1))

    def what_appears(self) -> tuple[str, str]:
        return (translate("AttentionStepsTab", "One attention head, step by step"),
                translate("AttentionStepsTab", "The queries, keys, scores, softmax weights and values of one layer "
                                               "and head, as small tables over the tokens of the text."))

    def repaint_results(self) -> None:
        if self.steps is not None:
            self.show_steps(self.steps, self.computed_for)

    def start_job(self) -> Any:
        loaded = self.model_for_job()
        if loaded is None:
            return None
        return self.started(self.state.runner.start(
            "attention steps", _steps_job, loaded, self.text.text(), self.layer.value(), self.head.value(),
            on_done=lambda s, m=loaded: self.show_steps(s, m), on_error=self.banner.show_error), loaded)

    def show_steps(self, s: Any, loaded: Any = None) -> None:
        if not self.arrived(self.state.loaded if loaded is None else loaded):
            return  # computed on a model that has been replaced since
        self.steps = s
        toks = list(s.tokens)
        n = min(self.dims.value(), s.d_k)
        dims = [f"d{i}" for i in range(n)]
        for key in ("q", "k", "v", "output"):
            fill_matrix(self.tables[key], getattr(s, key)[:, :n], toks, dims)
        for key in ("scores", "scaled", "masked"):
            fill_matrix(self.tables[key], getattr(s, key), toks, toks)
        fill_matrix(self.tables["weights"], s.weights, toks, toks, prob=True)
        kind = (translate("AttentionStepsTab", "Causal model: later tokens are masked.") if s.causal
                else translate("AttentionStepsTab", "Encoder: every token sees every token."))
        self.summary.setText(translate("AttentionStepsTab", "Layer {layer}, head {head}: d_k = {d_k}, so scores are "
                                                            "divided by √{d_k} = {root}. {kind} Showing the first {n} "
                                                            "of {d_k} dimensions of Q, K, V and the output.").format(
            layer=s.layer, head=s.head, d_k=s.d_k, root=f"{np.sqrt(s.d_k):.2f}", kind=kind, n=n))


class LossTab(ExampleTab):
    def __init__(self, state: AppState, gate: JobGate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(state, gate, parent)
        self.result: Any = None
        self.text = QLineEdit(translate("LossTab", "Once upon a time there was a little cat."))
        self.run_button = QPushButton(translate("LossTab", "Compute"))
        self.banner = MessageBanner()
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([translate("LossTab", "Context"), translate("LossTab", "True next token"),
                                              translate("LossTab", "p(true)"), translate("LossTab", "−ln p"),
                                              translate("LossTab", "Model expected")])
        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        row.addWidget(ExamplesButton(self.text, (("en", "Once upon a time there was a little cat."),
                                                 ("zh", "从前，有一只勇敢的小狮子，叫妞妞。"))))
        row.addWidget(self.run_button)
        lay = QVBoxLayout(self)
        intro = QLabel(translate("LossTab", "A language model is trained to give the true next token a high "
                                            "probability. Its loss at each position is the cross-entropy −ln p(true "
                                            "next token); the training loss is the mean over positions, and "
                                            "perplexity is e^loss."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        lay.addLayout(row)
        lay.addWidget(self.banner)
        results = QWidget()
        rl = QVBoxLayout(results)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.summary)
        rl.addWidget(self.table, 1)
        lay.addWidget(self.make_stack(results, "mdi6.chart-bell-curve"), 1)
        self.run_button.clicked.connect(self.run)
        self.text.returnPressed.connect(self.run)

    def what_appears(self) -> tuple[str, str]:
        return (translate("LossTab", "The loss, position by position"),
                translate("LossTab", "For each token of the text: the probability the model gave it, its "
                                     "cross-entropy and what the model expected instead."))

    def repaint_results(self) -> None:
        if self.result is not None:
            self.show_loss(self.result, self.computed_for)

    def start_job(self) -> Any:
        loaded = self.model_for_job()
        if loaded is None:
            return None
        return self.started(self.state.runner.start(
            "loss", _loss_job, loaded, self.text.text(), on_done=lambda br, m=loaded: self.show_loss(br, m),
            on_error=self.banner.show_error), loaded)

    def show_loss(self, br: Any, loaded: Any = None) -> None:
        if not self.arrived(self.state.loaded if loaded is None else loaded):
            return  # computed on a model that has been replaced since
        self.result = br
        self.table.setRowCount(len(br.positions))
        for r, p in enumerate(br.positions):
            ctx = p.context if len(p.context) < 40 else "…" + p.context[-39:]
            expected = ", ".join(f"{t!r} {q:.2f}" for t, q in p.top[:3])
            for c, v in enumerate((ctx, repr(p.target), f"{p.prob:.3f}", f"{p.cross_entropy:.2f}", expected)):
                item = QTableWidgetItem(v)
                if c == 2:
                    item.setBackground(prob_color(p.prob))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.summary.setText(translate("LossTab", "Mean cross-entropy over {count} positions: <b>{loss}</b> (the "
                                                  "model's own loss: {model_loss}); perplexity {perplexity}.").format(
            count=len(br.positions), loss=f"{br.mean_loss:.3f}", model_loss=f"{br.model_loss:.3f}",
            perplexity=f"{br.perplexity:.1f}"))


class LearnPage(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.gate = JobGate()  # one Learn job at a time: the tabs' first examples queue behind each other
        self.tabs = QTabWidget()
        self.attention = AttentionStepsTab(state, self.gate)
        self.loss = LossTab(state, self.gate)
        self.tokens = TokensTab(state, self.gate)
        self.tokens_scroll = scrolled(self.tokens)  # tall: scrolls on 800-pixel screens
        self.tabs.addTab(self.tokens_scroll, translate("LearnPage", "Tokenisation"))
        self.tabs.addTab(self.attention, translate("LearnPage", "Attention, step by step"))
        self.tabs.addTab(self.loss, translate("LearnPage", "The loss"))
        self.finetune = FineTuneTab(state, self.gate)
        self.tabs.addTab(self.finetune, translate("LearnPage", "Fine-tuning: before and after"))
        self.tabs.currentChanged.connect(lambda _i: self.isVisible() and self.current_tab().compute_first())
        self.return_to = ""  # the built-in an empty state opened: the page comes back when it is in
        for tab in (self.tokens, self.attention, self.loss):
            tab.open_builtin = self.open_builtin
        self.source_label = ElidedLabel()
        bold = self.source_label.font()
        bold.setBold(True)
        self.source_label.setFont(bold)
        self.source_label.hide()
        self.note = QLabel(translate("LearnPage", "Load a model to see these ideas computed on it."))
        self.note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(translate("LearnPage", "Learn")))
        lay.addWidget(self.source_label)
        lay.addWidget(self.note)
        lay.addWidget(self.tabs, 1)
        state.model_changed.connect(self.set_model)
        if state.loaded is not None:
            self.set_model(state.loaded)

    def current_tab(self) -> ExampleTab:
        widget = self.tabs.currentWidget()
        return self.tokens if widget is self.tokens_scroll else widget

    def on_shown(self) -> None:
        """The window shows the page: the visible tab computes its first example (the others do
        when they are first shown)."""
        self.current_tab().compute_first()

    def open_builtin(self) -> None:
        """Open the built-in story model (on the Models page, which shows the progress), then come back."""
        window = self.window()
        if hasattr(window, "open_model"):
            self.return_to = BUILTIN
            window.open_model(BUILTIN)

    def set_model(self, loaded: Backend | None) -> None:
        if self.return_to:
            if loaded is not None and loaded.info.source == self.return_to:
                QTimer.singleShot(0, lambda: self.state.show_page("Learn"))
            self.return_to = ""
        for tab in (self.tokens, self.attention, self.loss, self.finetune):
            tab.model_changed(loaded)
        if loaded is None:
            self.source_label.hide()
            self.note.setText(translate("LearnPage", "Load a model to see these ideas computed on it."))
            return
        self.attention.set_model(loaded)
        self.tabs.setTabVisible(self.tabs.indexOf(self.loss), loaded.task == "causal-lm")
        self.source_label.setText(translate("LearnPage", "Computed on {source}").format(source=loaded.info.source))
        self.source_label.show()
        self.note.setText(translate("LearnPage", "{layers} layers × {heads} heads, vocabulary of {vocab} tokens "
                                                 "(Playground → Tokenizer shows the same split live as you "
                                                 "type).").format(
            layers=loaded.info.num_layers, heads=loaded.info.num_heads, vocab=f"{loaded.info.vocab_size:,}"))
        if self.isVisible():
            self.current_tab().compute_first()
