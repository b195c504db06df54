"""Tokenizer inspector: the text split into tokens, coloured spans, ids and counts (live)."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QLabel, QPlainTextEdit, QSplitter, QTableWidget, QTableWidgetItem, QTextBrowser,
                               QVBoxLayout, QWidget, QHeaderView)
from PySide6.QtCore import Qt

from workbench.gui.i18n import translate
from workbench.gui.playground.generate_tab import token_hover
from workbench.gui.state import AppState
from workbench.gui.widgets import MessageBanner

if TYPE_CHECKING:
    from workbench.predict import TokenSpan

PALETTE = ("#ffd6a5", "#caffbf", "#9bf6ff", "#bdb2ff", "#ffc6ff", "#fdffb6")


@dataclass(frozen=True)
class Tokenized:
    text: str  # what was split (the box may hold newer text by the time this arrives)
    spans: list[TokenSpan]
    hovers: list[str]  # each span's hover (its piece and bytes) in the UI's language


def _tokenize_job(ctx: Any, tokenizer: Any, text: str) -> Tokenized:
    from workbench.predict import tokenize
    from workbench.token_text import token_labels

    spans = tokenize(tokenizer, text)
    labels = token_labels(tokenizer, [s.id for s in spans]) if spans else []
    return Tokenized(text, spans, [token_hover(label) for label in labels])


class TokenizerTab(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.spans: list[Any] = []
        self.text = QPlainTextEdit(translate("TokenizerTab", "Tokenizers split text into pieces from a fixed "
                                             "vocabulary: unbelievable words become several tokens."))
        self.text.setMaximumHeight(120)
        self.view = QTextBrowser()
        self.counts = QLabel("")
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([translate("TokenizerTab", "Id"), translate("TokenizerTab", "Token"),
                                              translate("TokenizerTab", "Text")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.verticalHeader().hide()
        self.banner = MessageBanner()
        self.timer = QTimer(self, singleShot=True, interval=200)  # debounce typing
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.table)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(translate("TokenizerTab", "Text (updates as you type)")))
        lay.addWidget(self.text)
        lay.addWidget(self.banner)
        lay.addWidget(self.counts)
        lay.addWidget(split, 1)
        self.text.textChanged.connect(self.timer.start)
        self.timer.timeout.connect(self.refresh)

    def set_model(self, _loaded: Any) -> None:
        self.refresh()

    def refresh(self) -> None:
        loaded = self.state.loaded
        if loaded is None:
            return
        self.state.runner.start("tokenize", _tokenize_job, loaded.tokenizer, self.text.toPlainText(),
                                on_done=self.show_spans, on_error=lambda m, d: self.banner.show_error(m, d))

    def show_spans(self, result: Tokenized) -> None:
        text, spans = result.text, result.spans
        if text != self.text.toPlainText():
            return  # a newer request is on its way
        self.spans = spans
        parts = []
        for i, s in enumerate(spans):
            shown = html.escape(s.label or s.token).replace("↵", "↵<br>")
            style = "border:1px solid #888;color:#555" if s.special else f"background:{PALETTE[i % len(PALETTE)]};color:#111"
            hover = result.hovers[i] if i < len(result.hovers) else s.hover
            parts.append(f'<span style="{style}" title="id {s.id} · {html.escape(hover)}">{shown}</span>')
        self.view.setHtml("<div style='font-size:13pt;line-height:160%'>" + "".join(parts) + "</div>")
        n_chars = len(text)
        n = len(spans)
        special = sum(s.special for s in spans)
        self.counts.setText(translate("TokenizerTab", "{tokens} tokens ({special} special), {chars} characters, "
                                      "{ratio} characters per token").format(
            tokens=n, special=special, chars=n_chars, ratio=f"{n_chars / max(1, n - special):.2f}"))
        self.table.setRowCount(n)
        for r, s in enumerate(spans):
            for c, v in enumerate((str(s.id), s.token, s.label)):
                self.table.setItem(r, c, QTableWidgetItem(v))
