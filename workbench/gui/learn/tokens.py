"""Learn → Tokenisation: the user's text through this model's tokenizer, step by step, down to
the rows of the embedding matrix the ids select (core: workbench/explain/tokens.py)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from workbench.gui.learn.common import ExampleTab, JobGate
from workbench.gui.state import AppState
from workbench.gui.widgets.examples import ExamplesButton
from workbench.gui.widgets.matrix_table import fill_matrix
from workbench.gui.i18n import core_text, translate
from workbench.gui.widgets import MessageBanner

if TYPE_CHECKING:
    from workbench.explain.tokens import TokenSteps
    from workbench.models.spec import LoadedModel


def _explain_job(ctx: Any, loaded: LoadedModel, text: str) -> TokenSteps:
    from workbench.explain.tokens import explain_tokens

    return explain_tokens(loaded, text)


class TokensTab(ExampleTab):
    def __init__(self, state: AppState, gate: JobGate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(state, gate, parent)
        self.result: Any = None
        self.text = QLineEdit(translate("TokensTab", "Unbelievable, the dragon's friends played!"))
        self.run_button = QPushButton(translate("TokensTab", "Explain"))
        self.banner = MessageBanner()
        self.step1 = QLabel("")
        self.words = QTableWidget(0, 3)
        self.words.setHorizontalHeaderLabels([translate("TokensTab", "Word"), translate("TokensTab", "Vocabulary pieces"),
                                              translate("TokensTab", "Ids")])
        self.step3 = QLabel("")
        self.step4 = QLabel("")
        self.embeddings = QTableWidget(0, 0)
        for label in (self.step1, self.step3, self.step4):
            label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        row.addWidget(ExamplesButton(self.text, (("en", "Unbelievable, the dragon's friends played!"),
                                                 ("zh", "注意力机制让每个词看到其他词"),
                                                 ("ja", "東京で寿司を食べた 🍣 café"))))
        row.addWidget(self.run_button)
        lay = QVBoxLayout(self)
        intro = QLabel(translate("TokensTab", "A model never sees letters: its tokenizer cuts the text into pieces "
                                              "from a fixed vocabulary and hands over their numbers (ids). Each id "
                                              "picks one row of the embedding matrix, and that vector is what the "
                                              "first layer works on."))
        intro.setWordWrap(True)
        results = QWidget()
        rl = QVBoxLayout(results)
        rl.setContentsMargins(0, 0, 0, 0)
        for w in (self.step1, self.words, self.step3, self.step4, self.embeddings):
            rl.addWidget(w)
        rl.addStretch(1)
        for w in (intro, row, self.banner):
            (lay.addLayout if isinstance(w, QHBoxLayout) else lay.addWidget)(w)
        lay.addWidget(self.make_stack(results, "mdi6.format-letter-case"), 1)
        self.run_button.clicked.connect(self.run)
        self.text.returnPressed.connect(self.run)

    def what_appears(self) -> tuple[str, str]:
        return (translate("TokensTab", "The text, step by step through the tokenizer"),
                translate("TokensTab", "Its words, the vocabulary pieces they are cut into, their ids and the "
                                       "embedding rows those ids select."))

    def repaint_results(self) -> None:
        if self.result is not None:
            self.show_steps(self.result, self.computed_for)

    def start_job(self) -> Any:
        loaded = self.model_for_job()
        if loaded is None:
            return None
        return self.started(self.state.runner.start(
            "explain tokens", _explain_job, loaded, self.text.text(),
            on_done=lambda s, m=loaded: self.show_steps(s, m), on_error=self.banner.show_error), loaded)

    def show_steps(self, s: Any, loaded: Any = None) -> None:
        if not self.arrived(self.state.loaded if loaded is None else loaded):
            return  # computed on a model that has been replaced since
        self.result = s
        from workbench.explain.tokens import ALGORITHMS

        explanation = (core_text(ALGORITHMS[s.algorithm]) if s.algorithm in ALGORITHMS
                       else translate("TokensTab", "the {algorithm} tokenizer's own rules").format(algorithm=s.algorithm))
        self.step1.setText(translate("TokensTab", "<b>1. Words, 2. pieces.</b> This tokenizer uses {explanation}. Its "
                                                  "vocabulary has {size} pieces; a word that is not one of them is cut "
                                                  "into several.").format(explanation=escape(explanation),
                                                                          size=f"{s.vocab_size:,}"))
        self.words.setRowCount(len(s.words))
        for r, w in enumerate(s.words):
            # Text, never raw byte-level entries ("æ³¨"): a piece of a character reads "注(1/3)"; the
            # raw entry and its bytes are in the tooltip.
            raw = "\n".join(w.hovers)
            for c, v in enumerate((w.text or w.word, "  ".join(w.labels or w.pieces), " ".join(map(str, w.ids)))):
                item = QTableWidgetItem(v)
                item.setToolTip(raw)
                self.words.setItem(r, c, item)
        self.words.resizeColumnsToContents()
        self.words.setFixedHeight(min(260, 30 + 26 * len(s.words)))
        added = (translate("TokensTab", "The tokenizer adds its special tokens {tokens}.").format(
                     tokens=", ".join(map(escape, s.special))) if s.special
                 else translate("TokensTab", "This tokenizer adds no special tokens."))
        self.step3.setText(translate("TokensTab", "<b>3. Ids.</b> The model receives {count} ids: <tt>{ids}</tt>. "
                                                  "{special}").format(count=len(s.ids), ids=" ".join(map(str, s.ids)),
                                                                      special=added))
        if s.embedding_rows is None:
            self.step4.setText(translate("TokensTab", "<b>4. Embeddings.</b> (An ONNX export: its embedding matrix is "
                                                      "inside the graph.)"))
            self.embeddings.hide()
            return
        vocab, hidden = s.embedding_shape
        k = s.embedding_rows.shape[1]
        self.step4.setText(translate("TokensTab", "<b>4. Embeddings.</b> The embedding matrix is {rows} × {hidden} (a "
                                                  "row per vocabulary piece). Each id selects its row; the first {k} of "
                                                  "its {hidden} numbers:").format(rows=f"{vocab:,}", hidden=hidden, k=k))
        self.embeddings.show()
        fill_matrix(self.embeddings, s.embedding_rows, [f"{t} ({i})" for t, i in zip(s.tokens, s.ids)],
                    [str(j) for j in range(k)])
