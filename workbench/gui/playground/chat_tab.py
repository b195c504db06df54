"""Chat tab: a conversation formatted with the tokenizer's chat template (or a plain transcript)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from workbench.gui.i18n import translate
from workbench.gui.state import AppState
from workbench.gui.playground.examples import Prefill
from workbench.gui.playground.generate_tab import generate_job
from workbench.gui.playground.sampling_form import SamplingForm
from workbench.gui.widgets import MessageBanner
from workbench.gui.widgets.empty_state import EmptyStack, EmptyState

if TYPE_CHECKING:
    from workbench.backends import Backend


class ChatTab(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.job: Any = None
        self.messages: list[dict[str, str]] = []
        self.reply = ""
        self.transcript = QTextBrowser()
        self.template_label = QLabel()
        self.template_label.setWordWrap(True)
        self.input = QLineEdit(translate("ChatTab", "Hello! Can you tell me a short story?"))
        self.input.setPlaceholderText(translate("ChatTab", "Type a message and press Enter"))
        self.prefill = Prefill(self.input)
        self.send_button = QPushButton(translate("ChatTab", "Send"))
        self.stop_button = QPushButton(translate("ChatTab", "Stop"))
        self.stop_button.setEnabled(False)
        self.clear_button = QPushButton(translate("ChatTab", "Clear"))
        self.form = SamplingForm(max_new_tokens=96)
        self.banner = MessageBanner()
        row = QHBoxLayout()
        row.addWidget(self.input, 1)
        row.addWidget(self.send_button)
        row.addWidget(self.stop_button)
        row.addWidget(self.clear_button)
        left = QVBoxLayout()
        left.addWidget(self.template_label)
        self.transcript_stack = EmptyStack(self.transcript, EmptyState(
            translate("ChatTab", "The conversation will appear here"),
            translate("ChatTab", "Your messages and the model's replies, sent to it with its chat template (or as a "
                                 "plain transcript)."), "mdi6.forum-outline", action=self.send_button.text(),
            on_action=self.send))
        left.addWidget(self.transcript_stack, 1)
        left.addWidget(self.banner)
        left.addLayout(row)
        lay = QHBoxLayout(self)
        lay.addLayout(left, 3)
        lay.addWidget(self.form, 1)
        self.send_button.clicked.connect(self.send)
        self.input.returnPressed.connect(self.send)
        self.stop_button.clicked.connect(lambda: self.job and self.job.cancel())
        self.clear_button.clicked.connect(self.clear)

    def set_model(self, loaded: Backend) -> None:
        has = bool(getattr(loaded.tokenizer, "chat_template", None))
        self.template_label.setText(translate("ChatTab", "Using the tokenizer's chat template.") if has else
                                    translate("ChatTab", "This tokenizer has no chat template: the conversation is "
                                              "sent as a plain 'User: / Assistant:' transcript."))
        self.prefill.set(translate("ChatTab", "Hello! Can you tell me a short story?"))
        self.clear()

    def clear(self) -> None:
        self.messages = []
        self.transcript.clear()
        self.transcript_stack.show_content(False)

    def send(self) -> None:
        from workbench.generation.chat import chat_prompt

        loaded = self.state.loaded
        text = self.input.text().strip()
        if loaded is None or not text or (self.job is not None and self.job.running):
            if loaded is not None and not text:
                self.banner.show_error(translate("ChatTab", "Type a message first."))
            return
        self.banner.hide()
        self.input.clear()
        self.transcript_stack.show_content(True)
        self.messages.append({"role": "user", "content": text})
        self._append(translate("ChatTab", "<p><b>You:</b> {text}</p><p><b>Model:</b> ").format(text=html.escape(text)))
        self.reply = ""
        prompt = chat_prompt(loaded.tokenizer, self.messages)
        self.send_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.job = self.state.runner.start("chat", generate_job, loaded, prompt, self.form.settings(),
                                           on_item=self._on_token, on_error=self._on_error,
                                           on_finished=self._on_finished)

    def _append(self, fragment: str) -> None:
        cursor = self.transcript.textCursor()
        cursor.movePosition(QTextCursor.End)
        self.transcript.setTextCursor(cursor)
        self.transcript.insertHtml(fragment)

    def _on_token(self, tok: Any) -> None:
        self.reply += tok.text
        shown = html.escape(tok.text).replace("\n", "<br>")
        self._append(f'<span style="white-space:pre-wrap">{shown}</span>')

    def _on_error(self, text: str, details: str) -> None:
        self.banner.show_error(text, details)
        if self.messages and self.messages[-1]["role"] == "user":
            self.messages.pop()

    def _on_finished(self) -> None:
        from workbench.generation.chat import trim_reply

        self.send_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        if self.messages and self.messages[-1]["role"] == "user" and not self.banner.isVisible():
            self.messages.append({"role": "assistant", "content": trim_reply(self.reply)})
        self._append("</p><br>")
