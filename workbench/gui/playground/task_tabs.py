"""Playground tabs for one-shot tasks: classification, fill-mask, embeddings."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget, QHeaderView)

from workbench.gui.i18n import translate
from workbench.gui.state import AppState
from workbench.gui.widgets.bar_chart import BarChart
from workbench.gui.widgets import MessageBanner, prob_color

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
    """Input, a Run button, a message banner; subclasses add the result widgets."""

    job_name = "Run"  # the runner's name of the job (English: the log and its messages)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.job: Any = None
        self.banner = MessageBanner()
        self.run_button = QPushButton(self.button_text())
        self.run_button.setShortcut("Ctrl+Return")
        self.note = QLabel("")
        self.run_button.clicked.connect(self.run)
        self.lay = QVBoxLayout(self)

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
        fn, args = self.job_args()
        self.job = self.state.runner.start(self.job_name, fn, self.state.loaded, *args,
                                           on_done=self.show_result,
                                           on_error=lambda m, d: self.banner.show_error(m, d),
                                           on_finished=lambda: self.run_button.setEnabled(True))

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
        self.chart = BarChart()
        self.lay.addWidget(QLabel(translate("ClassifyTab", "Text to classify")))
        self.lay.addWidget(self.text)
        self.lay.addWidget(self.run_button)
        self.lay.addWidget(self.banner)
        self.lay.addWidget(self.note)
        self.lay.addWidget(self.chart, 1)

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
        self.table = QTableWidget(0, 0)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.lay.addWidget(QLabel(translate("FillMaskTab", "Text with [MASK] where a word should be predicted")))
        self.lay.addWidget(self.text)
        self.lay.addWidget(self.run_button)
        self.lay.addWidget(self.banner)
        self.lay.addWidget(self.table, 1)
        self.text.returnPressed.connect(self.run)

    def set_model(self, loaded: Backend) -> None:
        mask = getattr(loaded.tokenizer, "mask_token", None)
        if mask:
            self.text.setPlaceholderText(translate("FillMaskTab", "Use {mask} or [MASK]").format(mask=mask))

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
        self.lay.addWidget(self.result)
        self.lay.addStretch(1)

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
