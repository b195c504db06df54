"""A seq2seq run's samples beside the curves: for the latest evaluation, each eval source, its
target and what the model wrote (greedy), from the SamplesGenerated event or a run's metrics.jsonl.
The examples are the same at every evaluation, so the outputs can be watched improving."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QTextBrowser, QVBoxLayout, QWidget

from workbench.gui.i18n import translate
from workbench.gui.theme import colors, notifier
from workbench.gui.widgets.empty_state import EmptyStack, EmptyState
from workbench.training.events import EvalLogged, SamplesGenerated

# The empty state in English (tests compare with it); the panel shows empty_text(), its translation.
EMPTY_TEXT = "Samples of the model's output appear here at each evaluation (summarize / translate runs)"


def empty_text() -> str:
    return translate("SamplesPanel", "Samples of the model's output appear here at each evaluation "
                                     "(summarize / translate runs)")
SOURCE_CHARS = 400  # a long article is cut here on screen (the full text is in metrics.jsonl)


class SamplesPanel(QWidget):
    example_requested = Signal()  # the empty state's action: fill the form with the summarizer example

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.samples: SamplesGenerated | None = None
        self.scores: dict[int, dict[str, float]] = {}  # step -> that evaluation's ROUGE / BLEU / chrF
        self.step_label = QLabel("")
        self.step_label.setWordWrap(True)
        # A label's minimum width is its longest word's when it wraps; Ignored keeps the panel from
        # widening the page with a long line.
        self.step_label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.browser = QTextBrowser()  # wraps at the widget's width
        self.browser.setOpenLinks(False)
        content = QWidget()
        cl = QVBoxLayout(content)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.step_label)
        cl.addWidget(self.browser, 1)
        self.empty = EmptyState(translate("SamplesPanel", "No samples yet"), empty_text(), "mdi6.text-box-outline",
                                translate("SamplesPanel", "Use the summarizer example"), self.example_requested.emit)
        self.empty.button.setToolTip(translate("SamplesPanel", "Fill in the settings of the built-in summarizer "
                                                               "example (a small BART trained from scratch)"))
        self.stack = EmptyStack(content, self.empty)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)
        notifier().changed.connect(self._on_theme)

    def _on_theme(self, _colors: object) -> None:
        if self.samples is not None:
            self._show_html()

    def clear(self) -> None:
        self.samples, self.scores = None, {}
        self.step_label.setText("")
        self.browser.clear()
        self.stack.show_content(False)

    def is_empty(self) -> bool:
        return self.stack.is_empty()

    def add_eval(self, e: EvalLogged) -> None:
        """Keep the evaluation's generation scores for the step label (they come just before the samples)."""
        scores = {k: v for k, v in e.metrics.items() if k in ("rougeL", "bleu", "chrf")}
        if scores:
            self.scores[e.step] = scores
            if self.samples is not None and self.samples.step == e.step:
                self._show_label()

    def show_samples(self, e: SamplesGenerated) -> None:
        """Show the latest evaluation's samples (replacing the earlier ones)."""
        self.samples = e
        self._show_label()
        self._show_html()
        self.stack.show_content(True)

    def _show_html(self) -> None:
        c = colors()
        self.browser.setHtml("".join(_sample_html(i + 1, s.source, s.target, s.prediction, c.muted, c.success)
                                     for i, s in enumerate(self.samples.samples)))

    def _show_label(self) -> None:
        e = self.samples
        scores = self.scores.get(e.step, {})
        parts = [f"ROUGE-L {scores['rougeL']:.1f}"] if "rougeL" in scores else []
        parts += [f"BLEU {scores['bleu']:.1f}"] if "bleu" in scores else []
        title = translate("SamplesPanel", "<b>Samples at step {step}</b>").format(step=e.step)
        self.step_label.setText(f"{title} · {', '.join(parts)}" if parts else title)

    def texts(self) -> str:
        """The panel's text as shown (tests, the log): the empty state's sentence before any samples."""
        if self.stack.is_empty():
            return self.empty.body.text()
        return self.step_label.text() + "\n" + self.browser.toPlainText()


def _sample_html(number: int, source: str, target: str, prediction: str, muted: str, success: str) -> str:
    """One sample as HTML, in the theme's muted and success colours."""
    shown = source if len(source) <= SOURCE_CHARS else source[:SOURCE_CHARS].rsplit(" ", 1)[0] + " …"
    exact = prediction.strip() == target.strip()
    mark = translate("SamplesPanel", "<span style='color:{color}'>✓ exact</span>").format(color=success) if exact else ""
    output = html.escape(prediction) if prediction.strip() else translate("SamplesPanel", "<i>(empty)</i>")
    return (f"<p style='margin-bottom:10px'><b>{number}.</b> <span style='color:{muted}'>{html.escape(shown)}</span><br>"
            + translate("SamplesPanel", "<span style='color:{color}'>Target:</span> {target}<br>"
                                        "<span style='color:{color}'>Model:</span> <b>{output}</b> {mark}</p>").format(
                target=html.escape(target), output=output, mark=mark, color=muted))
