"""Playground tabs for one-shot tasks: classification, fill-mask, embeddings."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget, QHeaderView)

from workbench.gui.i18n import translate
from workbench.gui.playground.examples import Prefill
from workbench.gui.state import AppState
from workbench.gui.theme import notifier
from workbench.gui.widgets.bar_chart import BarChart
from workbench.gui.widgets import MessageBanner, prob_color
from workbench.gui.widgets.empty_state import EmptyStack, EmptyState

if TYPE_CHECKING:
    import numpy as np

    from workbench.backends import Backend
    from workbench.predict import Classification, MaskPrediction


# The jobs use only the Backend protocol, so an ONNX export works here like the model.
def _classify_job(ctx: Any, loaded: Backend, text: str) -> Classification:
    return loaded.classify(text)


def _fill_mask_job(ctx: Any, loaded: Backend, text: str, k: int) -> list[MaskPrediction]:
    return loaded.fill_mask(text, k)


@dataclass(frozen=True)
class Similarity:
    cosine: float
    a: np.ndarray  # (hidden,) text A's embedding
    b: np.ndarray  # (hidden,) text B's


def _similarity_job(ctx: Any, loaded: Backend, a: str, b: str) -> Similarity:
    import numpy as np

    va, vb = loaded.embed([a, b])
    cos = float(np.dot(va, vb) / (np.linalg.norm(va) * np.linalg.norm(vb) + 1e-12))
    return Similarity(cos, va, vb)


class _TaskTab(QWidget):
    """Input, a Run button, a message banner; subclasses add the result widgets, in an EmptyStack
    (make_stack) that says what will appear there until the first run's result arrives."""

    job_name = "Run"  # the runner's name of the job (English: the log and its messages)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.job: Any = None
        self.banner = MessageBanner()
        self.run_button = QPushButton(self.button_text())
        self.run_button.setShortcut("Ctrl+Return")
        self.note = QLabel("")
        self.note.setWordWrap(True)
        self.run_button.clicked.connect(self.run)
        self.lay = QVBoxLayout(self)
        self.stack: EmptyStack | None = None
        self.empty_texts = ("", "")
        self.last_result: Any = None
        notifier().changed.connect(self._on_theme)  # a bound method: disconnected when the tab goes

    def _on_theme(self, _colors: Any) -> None:
        """Repaint the cells coloured by probability in the new theme's colours."""
        if self.last_result is not None and self.stack is not None and not self.stack.is_empty():
            self.show_result(self.last_result)

    def make_stack(self, content: QWidget, title: str, body: str, icon_name: str) -> EmptyStack:
        """The result widgets, behind what they will show and the Run button's action."""
        self.empty_texts = (title, body)
        self.stack = EmptyStack(content, EmptyState(title, body, icon_name, action=self.button_text(),
                                                    on_action=self.run))
        return self.stack

    def set_model(self, loaded: Backend) -> None:
        """A new model: its example input, and none of the old model's results."""
        self.note.setText("")
        if self.stack is not None:
            self.stack.show_content(False)
            self.stack.empty.set_texts(*self.empty_texts, self.button_text())

    def button_text(self) -> str:
        """The Run button's text, in the UI's language."""
        return translate("_TaskTab", "Run")

    def run(self) -> None:
        if self.state.loaded is None:
            self.banner.show_error(translate("_TaskTab", "Load a model first (Models page)."))
            return
        if self.job is not None and self.job.running:
            return
        self.banner.hide()
        self.run_button.setEnabled(False)
        if self.stack is not None and self.stack.is_empty():
            self.stack.empty.set_texts(translate("_TaskTab", "Computing ..."), self.empty_texts[1], "")
        fn, args = self.job_args()
        loaded = self.state.loaded
        self.job = self.state.runner.start(self.job_name, fn, loaded, *args,
                                           on_done=lambda result, m=loaded: self._arrived(result, m),
                                           on_error=lambda m, d: self.banner.show_error(m, d),
                                           on_finished=self._finished)

    def _arrived(self, result: Any, loaded: Any) -> None:
        if loaded is not self.state.loaded:
            return  # of a model replaced since
        self.last_result = result
        self.show_result(result)
        if self.stack is not None:
            self.stack.show_content(True)

    def _finished(self) -> None:
        self.run_button.setEnabled(True)
        if self.stack is not None and self.stack.is_empty():  # an error: the action again
            self.stack.empty.set_texts(*self.empty_texts, self.button_text())

    def job_args(self) -> tuple[Any, tuple[Any, ...]]:
        raise NotImplementedError

    def show_result(self, result: Any) -> None:
        raise NotImplementedError


class ClassifyTab(_TaskTab):
    job_name = "Classify"

    def button_text(self) -> str:
        return translate("ClassifyTab", "Classify")

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.text = QPlainTextEdit(translate("ClassifyTab", "The food was wonderful and the staff were very friendly."))
        self.text.setMaximumHeight(120)
        self.prefill = Prefill(self.text)
        self.chart = BarChart()
        results = QWidget()
        rl = QVBoxLayout(results)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.note)
        rl.addWidget(self.chart, 1)
        self.lay.addWidget(QLabel(translate("ClassifyTab", "Text to classify")))
        self.lay.addWidget(self.text)
        self.lay.addWidget(self.run_button)
        self.lay.addWidget(self.banner)
        self.lay.addWidget(self.make_stack(
            results, translate("ClassifyTab", "The model's labels will appear here"),
            translate("ClassifyTab", "How likely the model finds each of its labels for your text, as bars."),
            "mdi6.chart-bar"), 1)

    def set_model(self, loaded: Backend) -> None:
        super().set_model(loaded)
        self.chart.set_items([])
        self.prefill.set(translate("ClassifyTab", "The food was wonderful and the staff were very friendly."))

    def job_args(self) -> tuple[Any, tuple[Any, ...]]:
        return _classify_job, (self.text.toPlainText(),)

    def show_result(self, result: Any) -> None:
        pairs = sorted(zip(result.labels, result.probs), key=lambda x: -x[1])
        self.chart.set_items(pairs)
        top, p = result.top
        if result.truncated_to:
            note = translate("ClassifyTab", "Prediction: <b>{label}</b> ({prob}) — the text was truncated to "
                             "{tokens} tokens").format(label=html.escape(str(top)), prob=f"{p:.1%}",
                                                       tokens=result.truncated_to)
        else:
            note = translate("ClassifyTab", "Prediction: <b>{label}</b> ({prob})").format(
                label=html.escape(str(top)), prob=f"{p:.1%}")
        self.note.setText(note)


class FillMaskTab(_TaskTab):
    job_name = "Fill"

    def button_text(self) -> str:
        return translate("FillMaskTab", "Fill")

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.text = QLineEdit(translate("FillMaskTab", "The cat sat on the [MASK]."))
        self.prefill = Prefill(self.text)
        self.table = QTableWidget(0, 0)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.lay.addWidget(QLabel(translate("FillMaskTab", "Text with [MASK] where a word should be predicted")))
        self.lay.addWidget(self.text)
        self.lay.addWidget(self.run_button)
        self.lay.addWidget(self.banner)
        self.lay.addWidget(self.make_stack(
            self.table, translate("FillMaskTab", "The model's guesses will appear here"),
            translate("FillMaskTab", "For each [MASK] in your text: the five words the model finds most likely "
                                     "there, with their probabilities."), "mdi6.form-textbox"), 1)
        self.text.returnPressed.connect(self.run)

    def set_model(self, loaded: Backend) -> None:
        super().set_model(loaded)
        self.table.setRowCount(0)
        mask = getattr(loaded.tokenizer, "mask_token", None)
        example = translate("FillMaskTab", "The cat sat on the [MASK].")
        if mask:
            self.text.setPlaceholderText(translate("FillMaskTab", "Use {mask} or [MASK]").format(mask=mask))
            example = example.replace("[MASK]", mask)  # the model's own mask token
        self.prefill.set(example)

    def job_args(self) -> tuple[Any, tuple[Any, ...]]:
        return _fill_mask_job, (self.text.text(), 5)

    def show_result(self, preds: Any) -> None:
        self.table.setColumnCount(len(preds))
        self.table.setHorizontalHeaderLabels([translate("FillMaskTab", "Mask {number}").format(number=i + 1)
                                              for i in range(len(preds))])
        rows = max((len(p.candidates) for p in preds), default=0)
        self.table.setRowCount(rows)
        for c, pred in enumerate(preds):
            for r, (tok, prob) in enumerate(pred.candidates):
                item = QTableWidgetItem(f"{tok}   {prob:.1%}")
                item.setBackground(prob_color(prob))
                self.table.setItem(r, c, item)


class EmbeddingsTab(_TaskTab):
    job_name = "Compare"

    def button_text(self) -> str:
        return translate("EmbeddingsTab", "Compare")

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.a = QLineEdit(translate("EmbeddingsTab", "A cat sat on the mat."))
        self.b = QLineEdit(translate("EmbeddingsTab", "A kitten rested on the rug."))
        self.prefill_a, self.prefill_b = Prefill(self.a), Prefill(self.b)
        self.result = QLabel("")
        self.result.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate("EmbeddingsTab", "Text A"), self.a)
        form.addRow(translate("EmbeddingsTab", "Text B"), self.b)
        self.lay.addWidget(QLabel(translate("EmbeddingsTab", "Sentence embeddings (mean of the last hidden states) "
                                            "and their cosine similarity")))
        self.lay.addLayout(form)
        self.lay.addWidget(self.run_button)
        self.lay.addWidget(self.banner)
        results = QWidget()
        rl = QVBoxLayout(results)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.result)
        rl.addStretch(1)
        self.lay.addWidget(self.make_stack(
            results, translate("EmbeddingsTab", "Their similarity will appear here"),
            translate("EmbeddingsTab", "The cosine similarity of the two texts' embeddings (1 = the same "
                                       "direction) and a glimpse of the vectors."), "mdi6.vector-line"), 1)

    def set_model(self, loaded: Backend) -> None:
        super().set_model(loaded)
        self.result.setText("")
        self.prefill_a.set(translate("EmbeddingsTab", "A cat sat on the mat."))
        self.prefill_b.set(translate("EmbeddingsTab", "A kitten rested on the rug."))

    def job_args(self) -> tuple[Any, tuple[Any, ...]]:
        return _similarity_job, (self.a.text(), self.b.text())

    def show_result(self, result: Similarity) -> None:
        cos, va, vb = result.cosine, result.a, result.b
        head = ", ".join(f"{x:+.3f}" for x in va[:6])
        self.result.setText(translate("EmbeddingsTab", "<p style='font-size:16pt'>Cosine similarity: <b>{cosine}</b></p>"
                                      "<p>Each text becomes a vector of {size} numbers. Text A starts [{head}, ...], "
                                      "norm {norm_a}; text B norm {norm_b}.</p>").format(
            cosine=f"{cos:.4f}", size=va.shape[0], head=head, norm_a=f"{float((va ** 2).sum() ** 0.5):.2f}",
            norm_b=f"{float((vb ** 2).sum() ** 0.5):.2f}"))
