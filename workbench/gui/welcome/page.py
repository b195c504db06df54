"""First-run welcome: the built-in models, examples to try in English and Chinese, what each area
does, how to open other models."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from workbench.gui.i18n import core_text, translate
from workbench.gui.state import AppState
from workbench.gui.widgets import heading
from workbench.models.builtins import BUILTINS

AREAS = ("Models", "Playground", "Attention", "Training", "Export", "Learn")  # page titles
# (key, built-in, page, text): the texts are the built-ins' own languages (their corpus grammars),
# shown as they are in either UI language; the buttons' labels are translated (example_labels).
EXAMPLES = (
    ("story-en", "builtin:tiny-stories", "Playground", "Once upon a time, there was a little"),
    ("story-zh", "builtin:tiny-stories", "Playground", "从前，有一只勇敢的小狮子，叫妞妞。"),
    ("review-zh", "builtin:tiny-sentiment", "Playground", "我本以为会很差劲，没想到很讨人喜欢。"),
    ("attention-zh", "builtin:tiny-stories", "Attention", "乐乐找不到他的小鼓了。乐乐请亮亮帮忙。"),
)


def example_labels() -> dict[str, str]:
    return {"story-en": translate("WelcomePage", "An English story"),
            "story-zh": translate("WelcomePage", "A Chinese story"),
            "review-zh": translate("WelcomePage", "A Chinese review"),
            "attention-zh": translate("WelcomePage", "Attention on Chinese")}


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
        from workbench.gui.main_window import page_label

        self.state = state
        self.pending: tuple[str, str, str] | None = None  # (source, page, text) to show once it is loaded
        state.model_changed.connect(self._on_model_changed)
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
        lay.addWidget(heading(translate("WelcomePage", "Try an example")))
        row = QHBoxLayout()
        self.example_buttons: dict[str, QPushButton] = {}
        labels = example_labels()
        for key, source, page, text in EXAMPLES:
            button = QPushButton(labels[key])
            button.setToolTip(translate("WelcomePage", "Opens {source} and puts “{text}” on the {page} page").format(
                source=source, text=text, page=page_label(page)))
            button.clicked.connect(lambda _=False, k=key: self.try_example(k))
            self.example_buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addSpacing(12)
        lay.addWidget(heading(translate("WelcomePage", "What each area does")))
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

    def try_example(self, key: str) -> None:
        """Open the example's built-in (unless it is the loaded model) and put its text on its page."""
        source, page, text = next((src, pg, txt) for k, src, pg, txt in EXAMPLES if k == key)
        loaded = self.state.loaded
        if loaded is not None and loaded.info.source == source:
            self._show(page, text)
            return
        self.pending = (source, page, text)
        window = self.window()
        if hasattr(window, "open_model"):
            window.open_model(source)

    def _on_model_changed(self, loaded: object) -> None:
        if self.pending is None:
            return
        source, page, text = self.pending
        self.pending = None  # another model loaded meanwhile: the example is not shown with it
        if loaded is not None and getattr(getattr(loaded, "info", None), "source", None) == source:
            self._show(page, text)

    def _show(self, title: str, text: str) -> None:
        window = self.window()
        page = window.show_page(title) if hasattr(window, "show_page") else None
        if title == "Attention" and page is not None:
            page.show_text(self.state.loaded, text)
        elif page is not None and hasattr(page, "set_input"):
            page.set_input(text)
