"""Generation tab: prompt in, tokens streamed out, each coloured by its probability.

Hovering or clicking a token shows its probability and the alternatives the model considered;
"Show attention" opens the Attention page on prompt + output at that token.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSplitter, QTableWidget,
                               QTableWidgetItem, QTextBrowser, QVBoxLayout, QWidget, QHeaderView)

from workbench.gui.i18n import translate
from workbench.gui.state import AppState
from workbench.gui.playground.examples import Prefill, seq2seq_example
from workbench.gui.playground.sampling_form import SamplingForm
from workbench.gui.theme import colors, notifier
from workbench.gui.widgets import MessageBanner, prob_color
from workbench.gui.widgets.empty_state import EmptyStack, EmptyState

if TYPE_CHECKING:
    from workbench.backends import Backend
    from workbench.config import GenerationSettings


def generate_job(ctx: Any, loaded: Backend, prompt: str, settings: GenerationSettings) -> int:
    """Streams tokens from either backend (PyTorch or ONNX Runtime); returns how many."""
    n = 0
    for tok in loaded.generate_stream(prompt, settings, ctx.control):
        ctx.emit(tok)
        n += 1
    return n


def token_html(index: int, text: str, prob: float) -> str:
    """A generated token on its probability's colour (pale in the light theme, deep in the dark
    one) in the theme's text colour."""
    color = prob_color(prob).name()
    shown = html.escape(text).replace("\n", "↵<br>")
    return (f'<a href="tok:{index}" style="background:{color};color:{colors().text};text-decoration:none;'
            f'white-space:pre-wrap">{shown}</a>')


def token_hover(label: Any) -> str:
    """A token label's hover (workbench.token_text.TokenLabel.hover) in the UI's language."""
    if label.special:
        return translate("GenerateTab", "special token {raw}").format(raw=label.raw)
    return translate("GenerateTab", "piece {raw} · bytes {bytes}").format(
        raw=repr(label.raw), bytes=" ".join(f"{b:02x}" for b in label.data))


def rate_text(count: int, elapsed_s: float, stopped: bool = False) -> str:
    rate = f"{count / elapsed_s if elapsed_s > 0 else 0.0:.1f}"
    if stopped:
        return translate("GenerateTab", "{count} tokens, {rate} tokens/s (stopped)").format(count=count, rate=rate)
    return translate("GenerateTab", "{count} tokens, {rate} tokens/s").format(count=count, rate=rate)


class GenerateTab(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.job: Any = None
        self.tokens: list[Any] = []
        self.tokenizer: Any = None
        self.prompt_used = ""
        self.selected: int | None = None
        self.prompt = QPlainTextEdit(translate("GenerateTab", "Once upon a time"))
        self.prompt.setMaximumHeight(110)
        self.prefill = Prefill(self.prompt)
        self.seq2seq = False
        self.show_prompt = True  # decoders: the output starts with the prompt
        self.input_label = QLabel(translate("GenerateTab", "Prompt"))
        self.form = SamplingForm()
        self.generate_button = QPushButton(translate("GenerateTab", "Generate"))
        self.generate_button.setShortcut("Ctrl+Return")
        self.stop_button = QPushButton(translate("GenerateTab", "Stop"))
        self.stop_button.setEnabled(False)
        self.output = QTextBrowser()
        self.output.setOpenLinks(False)
        self.stats = QLabel("")
        self.banner = MessageBanner()
        self.detail_title = QLabel(translate("GenerateTab", "Hover or click a generated token to see the alternatives."))
        self.detail_title.setWordWrap(True)
        self.alt_table = QTableWidget(0, 2)
        self.alt_table.setHorizontalHeaderLabels([translate("GenerateTab", "Alternative"),
                                                  translate("GenerateTab", "Probability")])
        self.alt_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.alt_table.verticalHeader().hide()
        self.attention_button = QPushButton(translate("GenerateTab", "Show attention for this token"))
        self.attention_button.setEnabled(False)
        self.output_stack = EmptyStack(self.output, EmptyState(*self._empty_texts(), "mdi6.text-box-outline",
                                                               action=self.generate_button.text(),
                                                               on_action=self.start))
        self.alt_stack = EmptyStack(self.alt_table, EmptyState(
            translate("GenerateTab", "Alternatives"),
            translate("GenerateTab", "Hover or click a generated token: the tokens the model considered in its "
                                     "place appear here, with their probabilities."), "mdi6.format-list-numbered"))
        self.detail_title.hide()  # the alternatives' empty state says it until a token is picked
        self._layout()
        self.detail_tok: Any = None  # the token whose alternatives are shown
        notifier().changed.connect(self._on_theme)  # a bound method: disconnected when the tab goes
        self.generate_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        self.output.highlighted.connect(self._on_hover)
        self.output.anchorClicked.connect(self._on_click)
        self.attention_button.clicked.connect(self._open_attention)

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.generate_button)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.stats, 1)
        center = QWidget()
        cl = QVBoxLayout(center)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.input_label)
        cl.addWidget(self.prompt)
        cl.addLayout(buttons)
        cl.addWidget(self.banner)
        cl.addWidget(QLabel(translate("GenerateTab", "Output (colour = the model's probability of each token: "
                                      "red low, green high)")))
        cl.addWidget(self.output_stack, 1)
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.form)
        sl.addWidget(self.detail_title)
        sl.addWidget(self.alt_stack, 1)
        sl.addWidget(self.attention_button)
        split = QSplitter()
        split.addWidget(center)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(split)

    def set_seq2seq(self, on: bool) -> None:
        self.seq2seq = on
        self.input_label.setText(translate("GenerateTab", "Input text (the model writes a new text from it)") if on
                                 else translate("GenerateTab", "Prompt"))
        self.output_stack.empty.set_texts(*self._empty_texts())

    def _empty_texts(self) -> tuple[str, str]:
        if self.seq2seq:
            return (translate("GenerateTab", "The model's text will appear here"),
                    translate("GenerateTab", "It writes a new text from your input (a summary or a translation), "
                                             "token by token, each token coloured by how likely the model found it."))
        return (translate("GenerateTab", "The continuation will appear here"),
                translate("GenerateTab", "The model continues your prompt token by token, each token coloured by "
                                         "how likely the model found it: red low, green high."))

    def set_model(self, loaded: Backend) -> None:
        """A new model: its example input, and none of the old model's output."""
        self.set_seq2seq(loaded.is_encoder_decoder)
        self.prefill.set(seq2seq_example(loaded) if loaded.is_encoder_decoder
                         else translate("GenerateTab", "Once upon a time"))
        self.tokens = []
        self.selected = None
        self.output.clear()
        self.stats.setText("")
        self.output_stack.show_content(False)
        self._clear_details()

    def _on_theme(self, _colors: Any) -> None:
        """Repaint what carries the theme's colours: the tokens and their alternatives."""
        if self.tokens:
            self._render()
        if self.detail_tok is not None and not self.alt_stack.is_empty():
            self.show_details(self.detail_tok)

    def _clear_details(self) -> None:
        self.detail_tok = None
        self.alt_table.setRowCount(0)
        self.alt_stack.show_content(False)
        self.detail_title.hide()
        self.attention_button.setEnabled(False)

    # -- running -------------------------------------------------------------------------------
    def start(self) -> None:
        loaded = self.state.loaded
        if loaded is None:
            self.banner.show_error(translate("GenerateTab", "Load a model first (Models page)."))
            return
        if self.job is not None and self.job.running:
            return
        self.banner.hide()
        self.tokens = []
        self.tokenizer = loaded.tokenizer  # token labels for the details, even after another model opens
        self.prompt_used = self.prompt.toPlainText()
        self.show_prompt = not loaded.is_encoder_decoder
        self.selected = None
        self._clear_details()
        self._render()
        self.output_stack.show_content(True)
        self.generate_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.stats.setText(translate("GenerateTab", "Generating ..."))
        self.job = self.state.runner.start("generate", generate_job, loaded, self.prompt_used,
                                           self.form.settings(), on_item=self._on_token,
                                           on_error=lambda m, d: self.banner.show_error(m, d),
                                           on_finished=self._on_finished)

    def stop(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _on_token(self, tok: Any) -> None:
        self.tokens.append(tok)
        self._append_token(tok)
        self.stats.setText(rate_text(len(self.tokens), tok.elapsed_s))

    def _append_token(self, tok: Any) -> None:
        cursor = self.output.textCursor()
        cursor.movePosition(QTextCursor.End)
        self.output.setTextCursor(cursor)
        # A byte piece of a character adds no text until the character's last piece: it shows then,
        # once (its details name the piece: '注(3/3)'). Other empty tokens (end of text) show '·'.
        byte_piece = not tok.text and tok.token_id not in set(getattr(self.tokenizer, "all_special_ids", ()))
        self.output.insertHtml(token_html(tok.index, tok.text or ("" if byte_piece else "·"), tok.prob))

    def _render(self) -> None:
        """The prompt (decoders) and the tokens so far, in the theme's colours (again after a switch)."""
        self.output.clear()
        if self.show_prompt:
            prompt = html.escape(self.prompt_used).replace(chr(10), "<br>")
            self.output.insertHtml(f'<b style="white-space:pre-wrap">{prompt}</b>')
        for tok in self.tokens:
            self._append_token(tok)

    def _on_finished(self) -> None:
        self.generate_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        if self.tokens:
            last = self.tokens[-1]
            cancelled = self.job is not None and self.job.control.cancelled
            self.stats.setText(rate_text(len(self.tokens), last.elapsed_s, cancelled))
        elif not self.banner.isVisible():
            self.stats.setText(translate("GenerateTab", "No tokens generated"))

    def output_text(self) -> str:
        return "".join(t.text for t in self.tokens)

    # -- token details ---------------------------------------------------------------------------
    def _token_at(self, url: QUrl) -> Any:
        s = url.toString()
        if not s.startswith("tok:"):
            return None
        i = int(s[4:])
        return self.tokens[i] if 0 <= i < len(self.tokens) else None

    def _on_hover(self, url: QUrl) -> None:
        tok = self._token_at(url)
        if tok is not None:
            self.show_details(tok)

    def _on_click(self, url: QUrl) -> None:
        tok = self._token_at(url)
        if tok is not None:
            self.selected = tok.index
            self.show_details(tok)
            self.attention_button.setEnabled("Attention" in getattr(self.window(), "pages", {}))

    def show_details(self, tok: Any) -> None:
        from workbench.token_text import token_labels

        label = token_labels(self.tokenizer, [t.token_id for t in self.tokens])[tok.index]
        self.detail_title.setText(translate("GenerateTab", "Token {index}: {text} (id {id}, {hover}), p = {prob}").format(
            index=tok.index + 1, text=repr(label.text), id=tok.token_id, hover=token_hover(label), prob=f"{tok.prob:.3f}"))
        self.detail_tok = tok
        self.detail_title.show()
        self.alt_stack.show_content(bool(tok.alternatives))
        self.alt_table.setRowCount(len(tok.alternatives))
        for r, alt in enumerate(tok.alternatives):
            mark = "  " + translate("GenerateTab", "← chosen") if alt.token_id == tok.token_id else ""
            self.alt_table.setItem(r, 0, QTableWidgetItem(repr(alt.text) + mark))
            item = QTableWidgetItem(f"{alt.prob:.4f}")
            item.setBackground(prob_color(alt.prob))
            self.alt_table.setItem(r, 1, item)

    def _open_attention(self) -> None:
        loaded = self.state.loaded
        if self.selected is None or loaded is None:
            return
        page = self.state.page("Attention")
        if page is not None and hasattr(page, "show_text"):
            text = self.prompt_used + "".join(t.text for t in self.tokens[: self.selected + 1])
            if loaded.backend == "onnxruntime":
                self.banner.show_error(translate("GenerateTab", "Attention maps come from the PyTorch model; open "
                                                 "the model itself (not its ONNX export) to see them."))
                return
            prompt_len = len(loaded.tokenizer(self.prompt_used)["input_ids"]) if not loaded.is_encoder_decoder else 0
            page.show_text(loaded, text, prompt_len + self.selected)
