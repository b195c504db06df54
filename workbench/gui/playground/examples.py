"""The Playground's prefilled inputs: an example that suits the loaded model, put into a field only
while the field still holds the previous example (or nothing), so that a text the user typed, or one
Welcome or Evaluate put there, is never replaced."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

# Data, not UI text: the built-in summarizer and most hub seq2seq models read English.
STORY = ("Rosa was a sleepy girl who lived in a little town. Every day, Rosa played with her friend Tim. "
         "One day, Rosa could not find her ball. \"Oh no!\" said Rosa. Rosa asked Tim for help, and they "
         "found the ball under a big tree. It was the best day ever.")
SENTENCE = "The weather is nice today, so we are going to the park."


def seq2seq_example(loaded: Any) -> str:
    """An input a summarizer or translator can work on: T5 wants its task prefix, a Marian
    translator one sentence, others (BART and the built-in summarizer) a short story."""
    model_type = getattr(getattr(loaded, "info", None), "model_type", "") or ""
    if model_type == "marian":
        return SENTENCE
    if model_type in ("t5", "mt5", "umt5", "longt5"):
        return "summarize: " + STORY
    return STORY


def text_of(field: QLineEdit | QPlainTextEdit) -> str:
    return field.text() if isinstance(field, QLineEdit) else field.toPlainText()


class Prefill:
    """Remembers the example it put into a field; replaces it only while it is still there."""

    def __init__(self, field: QLineEdit | QPlainTextEdit) -> None:
        self.field = field
        self.example = text_of(field)  # the constructor's text is the first example

    def set(self, example: str) -> None:
        current = text_of(self.field)
        if current.strip() and current != self.example:
            return  # the user's text (or one another page put there)
        self.example = example
        if current != example:
            if isinstance(self.field, QLineEdit):
                self.field.setText(example)
            else:
                self.field.setPlainText(example)
