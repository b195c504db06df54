"""Playground tabs for one-shot tasks: classification, fill-mask, embeddings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget, QHeaderView)

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

    button_text = "Run"

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.job: Any = None
        self.banner = MessageBanner()
        self.run_button = QPushButton(self.button_text)
        self.run_button.setShortcut("Ctrl+Return")
        self.note = QLabel("")
        self.run_button.clicked.connect(self.run)
        self.lay = QVBoxLayout(self)

    def run(self) -> None:
        if self.state.loaded is None:
            self.banner.show_error("Load a model first (Models page).")
            return
        if self.job is not None and self.job.running:
            return
        self.banner.hide()
        self.run_button.setEnabled(False)
        fn, args = self.job_args()
        self.job = self.state.runner.start(self.button_text, fn, self.state.loaded, *args,
                                           on_done=self.show_result,
                                           on_error=lambda m, d: self.banner.show_error(m, d),
                                           on_finished=lambda: self.run_button.setEnabled(True))

    def job_args(self) -> tuple[Any, tuple[Any, ...]]:
        raise NotImplementedError

    def show_result(self, result: Any) -> None:
        raise NotImplementedError


class ClassifyTab(_TaskTab):
    button_text = "Classify"

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.text = QPlainTextEdit("The food was wonderful and the staff were very friendly.")
        self.text.setMaximumHeight(120)
        self.chart = BarChart()
        self.lay.addWidget(QLabel("Text to classify"))
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
        note = f"Prediction: <b>{top}</b> ({p:.1%})"
        if result.truncated_to:
            note += f" — the text was truncated to {result.truncated_to} tokens"
        self.note.setText(note)


class FillMaskTab(_TaskTab):
    button_text = "Fill"

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.text = QLineEdit("The cat sat on the [MASK].")
        self.table = QTableWidget(0, 0)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.lay.addWidget(QLabel("Text with [MASK] where a word should be predicted"))
        self.lay.addWidget(self.text)
        self.lay.addWidget(self.run_button)
        self.lay.addWidget(self.banner)
        self.lay.addWidget(self.table, 1)
        self.text.returnPressed.connect(self.run)

    def set_model(self, loaded: Backend) -> None:
        mask = getattr(loaded.tokenizer, "mask_token", None)
        if mask:
            self.text.setPlaceholderText(f"Use {mask} or [MASK]")

    def job_args(self) -> tuple[Any, tuple[Any, ...]]:
        return _fill_mask_job, (self.text.text(), 5)

    def show_result(self, preds: Any) -> None:
        self.table.setColumnCount(len(preds))
        self.table.setHorizontalHeaderLabels([f"Mask {i + 1}" for i in range(len(preds))])
        rows = max((len(p.candidates) for p in preds), default=0)
        self.table.setRowCount(rows)
        for c, pred in enumerate(preds):
            for r, (tok, prob) in enumerate(pred.candidates):
                item = QTableWidgetItem(f"{tok}   {prob:.1%}")
                item.setBackground(prob_color(prob))
                self.table.setItem(r, c, item)


class EmbeddingsTab(_TaskTab):
    button_text = "Compare"

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.a = QLineEdit("A cat sat on the mat.")
        self.b = QLineEdit("A kitten rested on the rug.")
        self.result = QLabel("")
        self.result.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Text A", self.a)
        form.addRow("Text B", self.b)
        self.lay.addWidget(QLabel("Sentence embeddings (mean of the last hidden states) and their cosine similarity"))
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
        self.result.setText(f"<p style='font-size:16pt'>Cosine similarity: <b>{cos:.4f}</b></p>"
                            f"<p>Each text becomes a vector of {va.shape[0]} numbers. "
                            f"Text A starts [{head}, ...], norm {float((va ** 2).sum() ** 0.5):.2f}; "
                            f"text B norm {float((vb ** 2).sum() ** 0.5):.2f}.</p>")
