"""A seq2seq run's samples beside the curves: for the latest evaluation, each eval source, its
target and what the model wrote (greedy), from the SamplesGenerated event or a run's metrics.jsonl.
The examples are the same at every evaluation, so the outputs can be watched improving."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QSizePolicy, QTextBrowser, QVBoxLayout, QWidget

from workbench.gui.i18n import translate
from workbench.training.events import EvalLogged, SamplesGenerated

# The empty state in English (tests compare with it); the panel shows empty_text(), its translation.
EMPTY_TEXT = "Samples of the model's output appear here at each evaluation (summarize / translate runs)"


def empty_text() -> str:
    return translate("SamplesPanel", "Samples of the model's output appear here at each evaluation "
                                     "(summarize / translate runs)")
SOURCE_CHARS = 400  # a long article is cut here on screen (the full text is in metrics.jsonl)


class SamplesPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.samples: SamplesGenerated | None = None
        self.scores: dict[int, dict[str, float]] = {}  # step -> that evaluation's ROUGE / BLEU / chrF
        self.step_label = QLabel(empty_text())
        self.step_label.setWordWrap(True)
        # A label's minimum width is its longest word's when it wraps; Ignored keeps the panel from
        # widening the page with a long line.
        self.step_label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.browser = QTextBrowser()  # wraps at the widget's width
        self.browser.setOpenLinks(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.step_label)
        lay.addWidget(self.browser, 1)

    def clear(self) -> None:
        self.samples, self.scores = None, {}
        self.step_label.setText(empty_text())
        self.browser.clear()

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
        self.browser.setHtml("".join(_sample_html(i + 1, s.source, s.target, s.prediction)
                                     for i, s in enumerate(e.samples)))

    def _show_label(self) -> None:
        e = self.samples
        scores = self.scores.get(e.step, {})
        parts = [f"ROUGE-L {scores['rougeL']:.1f}"] if "rougeL" in scores else []
        parts += [f"BLEU {scores['bleu']:.1f}"] if "bleu" in scores else []
        title = translate("SamplesPanel", "<b>Samples at step {step}</b>").format(step=e.step)
        self.step_label.setText(f"{title} · {', '.join(parts)}" if parts else title)

    def texts(self) -> str:
        """The panel's text as shown (tests, the log)."""
        return self.step_label.text() + "\n" + self.browser.toPlainText()


def _sample_html(number: int, source: str, target: str, prediction: str) -> str:
    shown = source if len(source) <= SOURCE_CHARS else source[:SOURCE_CHARS].rsplit(" ", 1)[0] + " …"
    exact = prediction.strip() == target.strip()
    mark = translate("SamplesPanel", "<span style='color:#2b8a3e'>✓ exact</span>") if exact else ""
    output = html.escape(prediction) if prediction.strip() else translate("SamplesPanel", "<i>(empty)</i>")
    return (f"<p style='margin-bottom:10px'><b>{number}.</b> <span style='color:#666'>{html.escape(shown)}</span><br>"
            + translate("SamplesPanel", "<span style='color:#666'>Target:</span> {target}<br>"
                                        "<span style='color:#666'>Model:</span> <b>{output}</b> {mark}</p>").format(
                target=html.escape(target), output=output, mark=mark))
