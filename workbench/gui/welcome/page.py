"""First-run welcome: the built-in models, what each area does, how to open other models."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from workbench.gui.i18n import core_text, translate
from workbench.gui.state import AppState
from workbench.gui.widgets import heading
from workbench.models.builtins import BUILTINS

AREAS = ("Models", "Playground", "Attention", "Training", "Export", "Learn")  # page titles


def area_texts() -> dict[str, str]:
    """What each area does, in the UI's language, by page title."""
    return {
        "Models": translate("WelcomePage", "Open a model: a Hugging Face hub id (e.g. gpt2, from your local cache "
                            "when offline), a folder you drop on the window, or a built-in model."),
        "Playground": translate("WelcomePage", "Try the model: generate text token by token and see how likely "
                                "each token was, chat, classify, fill in [MASK], compare sentence embeddings, "
                                "inspect tokens."),
        "Attention": translate("WelcomePage", "Look inside: what every layer and head attends to, as heatmaps "
                               "and line views."),
        "Training": translate("WelcomePage", "Fine-tune a model or train a small one from scratch while the loss "
                              "curves update; drop a .txt, .csv or .jsonl file on the window to train on it."),
        "Export": translate("WelcomePage", "Export to ONNX with a parity check and run it offline with ONNX "
                            "Runtime."),
        "Learn": translate("WelcomePage", "The ideas behind it on your model: tokenisation, attention step by "
                           "step, the loss, and a prediction before and after fine-tuning."),
    }


class WelcomePage(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        lay = QVBoxLayout(self)
        lay.addWidget(heading(translate("WelcomePage", "Welcome to Workbench")))
        intro = QLabel(translate("WelcomePage", "A desk for experimenting with transformer language models. "
                                 "Everything here works offline; start with one of the built-in models, trained "
                                 "by this project on text it generates itself:"))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.open_buttons: dict[str, QPushButton] = {}
        for b in BUILTINS.values():
            row = QHBoxLayout()
            button = QPushButton(translate("WelcomePage", "Open {name}").format(name=b.name))
            button.clicked.connect(lambda _=False, n=b.name: self._open(n))
            self.open_buttons[b.name] = button
            row.addWidget(button)
            row.addWidget(QLabel(translate("WelcomePage", "{description} ({task})").format(
                description=core_text(b.description), task=b.task)), 1)
            lay.addLayout(row)
        lay.addSpacing(12)
        lay.addWidget(heading(translate("WelcomePage", "What each area does")))
        from workbench.gui.main_window import page_label

        pages = getattr(parent, "page_titles", lambda: list(AREAS))()
        texts = area_texts()
        for title in AREAS:
            if title in pages:
                label = QLabel(translate("WelcomePage", "<b>{area}</b> — {text}").format(
                    area=page_label(title), text=texts[title]))
                label.setWordWrap(True)
                lay.addWidget(label)
        lay.addSpacing(12)
        tips = QLabel(translate("WelcomePage", "To open your own model: type a hub id on the Models page, use "
                                "File → Open model folder (Ctrl+O), or drag a folder with config.json (or an "
                                "ONNX export) onto the window. Ctrl+1 … Ctrl+7 switch between areas."))
        tips.setWordWrap(True)
        lay.addWidget(tips)
        lay.addStretch(1)

    def _open(self, name: str) -> None:
        window = self.window()
        if hasattr(window, "open_model"):
            window.open_model("builtin:" + name)
