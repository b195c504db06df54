"""An "Examples" button: sample texts in several languages for a text field (Learn's tabs)."""

from __future__ import annotations

from typing import Sequence

from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QToolButton, QWidget

from workbench.gui.i18n import translate

# (language key, text): the texts are data, in the built-ins' languages, shown as they are.
LANGUAGE_KEYS = ("en", "zh", "ja")


def language_label(key: str) -> str:
    return {"en": translate("ExamplesButton", "English"), "zh": translate("ExamplesButton", "Chinese"),
            "ja": translate("ExamplesButton", "Japanese and emoji")}[key]


class ExamplesButton(QToolButton):
    """Its menu lists (language, text) pairs; choosing one puts the text into `target`."""

    def __init__(self, target: QLineEdit | QPlainTextEdit, examples: Sequence[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = target
        self.setText(translate("ExamplesButton", "Examples"))
        self.setToolTip(translate("ExamplesButton", "Put a sample text in the field, in English or Chinese"))
        self.setPopupMode(QToolButton.InstantPopup)
        menu = QMenu(self)
        for key, text in examples:
            action = menu.addAction(translate("ExamplesButton", "{language}: “{text}”").format(
                language=language_label(key), text=text))
            action.triggered.connect(lambda _=False, t=text: self.choose(t))
        self.setMenu(menu)

    def choose(self, text: str) -> None:
        if isinstance(self.target, QLineEdit):
            self.target.setText(text)
        else:
            self.target.setPlainText(text)
