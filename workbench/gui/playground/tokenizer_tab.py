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
from workbench.gui.theme import colors, current_is_dark, notifier
from workbench.gui.widgets import MessageBanner
from workbench.gui.widgets.empty_state import EmptyStack, EmptyState

if TYPE_CHECKING:
    from workbench.predict import TokenSpan

PALETTE = ("#ffd6a5", "#caffbf", "#9bf6ff", "#bdb2ff", "#ffc6ff", "#fdffb6")  # the light theme's
DARK_PALETTE = ("#6b4a22", "#2f5e2a", "#1f5560", "#463d7a", "#6a3566", "#5c5a22")  # the same hues, deep


def span_colors() -> tuple[str, ...]:
    """The tokens' alternating backgrounds: pale in the light theme, deep in the dark one (the
    theme's text colour reads on both)."""
    return DARK_PALETTE if current_is_dark() else PALETTE


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
        self.shown: Tokenized | None = None
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
        # The first split is computed as soon as a model is in (it is cheap); until it arrives:
        self.stack = EmptyStack(split, EmptyState(
            translate("TokenizerTab", "Computing ..."),
            translate("TokenizerTab", "Your text split into the tokenizer's pieces, each with its id, as you type."),
            "mdi6.format-letter-case"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(translate("TokenizerTab", "Text (updates as you type)")))
        lay.addWidget(self.text)
        lay.addWidget(self.banner)
        lay.addWidget(self.counts)
        lay.addWidget(self.stack, 1)
        self.text.textChanged.connect(self.timer.start)
        self.timer.timeout.connect(self.refresh)
        notifier().changed.connect(self._on_theme)  # a bound method: disconnected when the tab goes

    def _on_theme(self, _colors: Any) -> None:
        if self.shown is not None:
            self.show_spans(self.shown)

    def set_model(self, _loaded: Any) -> None:
        self.shown = None
        self.counts.setText("")
        self.stack.show_content(False)
        self.refresh()

    def refresh(self) -> None:
        loaded = self.state.loaded
        if loaded is None:
            return
        self.banner.hide()
        self.state.runner.start("tokenize", _tokenize_job, loaded.tokenizer, self.text.toPlainText(),
                                on_done=lambda result, t=loaded.tokenizer: self._arrived(result, t),
                                on_error=lambda m, d: self.banner.show_error(m, d))

    def _arrived(self, result: Tokenized, tokenizer: Any) -> None:
        loaded = self.state.loaded
        if loaded is not None and loaded.tokenizer is tokenizer:  # else: the new model's split is on its way
            self.show_spans(result)

    def show_spans(self, result: Tokenized) -> None:
        text, spans = result.text, result.spans
        if text != self.text.toPlainText():
            return  # a newer request is on its way
        self.spans = spans
        self.shown = result
        self.stack.show_content(True)
        c, palette = colors(), span_colors()
        parts = []
        for i, s in enumerate(spans):
            shown = html.escape(s.label or s.token).replace("↵", "↵<br>")
            style = (f"border:1px solid {c.muted};color:{c.muted}" if s.special
                     else f"background:{palette[i % len(palette)]};color:{c.text}")
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
