"""First-run welcome, as cards: try a built-in (and an example in English or Chinese), open your own
model, the recent models and runs, and what each area does with a small picture of it."""

from __future__ import annotations

from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from workbench.gui.i18n import core_text, translate
from workbench.gui.state import AppState
from workbench.gui.theme import SPACE, set_role
from workbench.gui.welcome.cards import area_card, card, recent_list
from workbench.gui.widgets import heading
from workbench.models.builtins import BUILTINS

AREAS = ("Models", "Playground", "Attention", "Training", "Export", "Evaluate", "Learn")  # page titles
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
        "Evaluate": translate("WelcomePage", "Compare models, training runs and exports side by side on your "
                              "own data: accuracy, perplexity, ROUGE and BLEU, example by example."),
        "Learn": translate("WelcomePage", "The ideas behind it on your model: tokenisation, attention step by "
                           "step, the loss, and a prediction before and after fine-tuning."),
    }


class WelcomePage(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.pending: tuple[str, str, str] | None = None  # (source, page, text) to show once it is loaded
        state.model_changed.connect(self._on_model_changed)
        inner = QWidget()
        lay = QVBoxLayout(inner)
        lay.setContentsMargins(SPACE[4], SPACE[4], SPACE[4], SPACE[4])
        lay.setSpacing(SPACE[3])
        lay.addWidget(heading(translate("WelcomePage", "Welcome to Workbench"), "display"))
        intro = QLabel(translate("WelcomePage", "A desk for experimenting with transformer language models. "
                                 "Everything here works offline; start with one of the built-in models, trained "
                                 "by this project on text it generates itself:"))
        intro.setWordWrap(True)
        set_role(intro, "muted")
        lay.addWidget(intro)
        top = QHBoxLayout()
        top.setSpacing(SPACE[3])
        top.addWidget(self._builtins_card(), 3)
        top.addWidget(self._own_model_card(), 2)
        lay.addLayout(top)
        self.recent_models, self.recent_runs = QVBoxLayout(), QVBoxLayout()
        for rows in (self.recent_models, self.recent_runs):  # not the columns' 24 px they would inherit
            rows.setSpacing(SPACE[0])
        lay.addWidget(self._recent_card())
        lay.addWidget(heading(translate("WelcomePage", "What each area does"), "subtitle"))
        lay.addLayout(self._areas_grid(parent))
        lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.refresh_recent()

    def on_shown(self) -> None:
        self.refresh_recent()

    def _builtins_card(self) -> QFrame:
        box, lay = card(translate("WelcomePage", "Try a built-in model"), "mdi6.rocket-launch-outline")
        self.open_buttons: dict[str, QPushButton] = {}
        for b in BUILTINS.values():
            row = QHBoxLayout()
            button = QPushButton(translate("WelcomePage", "Open {name}").format(name=b.name))
            button.clicked.connect(lambda _=False, n=b.name: self._open(n))
            self.open_buttons[b.name] = button
            text = QLabel(translate("WelcomePage", "{description} ({task})").format(
                description=core_text(b.description), task=b.task))
            text.setWordWrap(True)
            row.addWidget(button)
            row.addWidget(text, 1)
            lay.addLayout(row)
        lay.addWidget(heading(translate("WelcomePage", "Try an example"), "subtitle"))
        row = QHBoxLayout()
        self.example_buttons: dict[str, QPushButton] = {}
        labels = example_labels()
        from workbench.gui.main_window import page_label

        for key, source, page, text in EXAMPLES:
            button = QPushButton(labels[key])
            button.setToolTip(translate("WelcomePage", "Opens {source} and puts “{text}” on the {page} page").format(
                source=source, text=text, page=page_label(page)))
            button.clicked.connect(lambda _=False, k=key: self.try_example(k))
            self.example_buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        lay.addLayout(row)
        return box

    def _own_model_card(self) -> QFrame:
        box, lay = card(translate("WelcomePage", "Open your own model"), "mdi6.folder-open-outline")
        tips = QLabel(translate("WelcomePage", "Type a Hugging Face hub id (e.g. gpt2, from your local cache when "
                                "offline) on the Models page, open a folder with config.json or an ONNX export, "
                                "or drag one onto the window."))
        tips.setWordWrap(True)
        lay.addWidget(tips)
        row = QHBoxLayout()
        self.open_folder_button = QPushButton(translate("WelcomePage", "Open a folder ..."))
        set_role(self.open_folder_button, "primary")
        self.open_folder_button.clicked.connect(self._open_folder)
        self.hub_button = QPushButton(translate("WelcomePage", "Type a hub id"))
        self.hub_button.clicked.connect(lambda: self.state.show_page("Models"))
        row.addWidget(self.open_folder_button)
        row.addWidget(self.hub_button)
        row.addStretch(1)
        lay.addLayout(row)
        keys = QLabel(translate("WelcomePage", "Ctrl+1 … Ctrl+8 switch between areas; Ctrl+O opens a folder."))
        keys.setWordWrap(True)
        set_role(keys, "muted")
        lay.addWidget(keys)
        lay.addStretch(1)
        return box

    def _recent_card(self) -> QFrame:
        box, lay = card(translate("WelcomePage", "Recent"), "mdi6.history")
        row = QHBoxLayout()
        row.setSpacing(SPACE[4])
        for title, target in ((translate("WelcomePage", "Models"), self.recent_models),
                              (translate("WelcomePage", "Training runs"), self.recent_runs)):
            col = QVBoxLayout()
            col.addWidget(heading(title, "subtitle"))
            col.addLayout(target)
            col.addStretch(1)
            row.addLayout(col, 1)
        lay.addLayout(row)
        return box

    def refresh_recent(self) -> None:
        """The five newest models opened and training runs (cheap: a JSON list and small files)."""
        from workbench.gui.training.runs import model_name, state_name
        from workbench.models.library import recent_sources
        from workbench.training.runs import list_runs

        try:
            runs = list_runs()[:5]
        except OSError:
            runs = []
        models = [(s, s, lambda _=False, s=s: self._open_source(s)) for s in recent_sources()[:5]]
        self.recent_model_rows = recent_list(self.recent_models, models, translate(
            "WelcomePage", "No model opened yet: the models you open are listed here."))
        template = translate("WelcomePage", "{name}: {model}, step {step} of {total}, {state}")
        rows = [(r.name, template.format(name=r.name, model=model_name(r.model), step=r.step, total=r.total_steps,
                                         state=state_name(r.state)), lambda _=False, p=r.path: self._open_run(p))
                for r in runs]
        self.recent_run_rows = recent_list(self.recent_runs, rows, translate(
            "WelcomePage", "No training run yet: runs you start on the Training page are listed here."))

    def _areas_grid(self, parent: QWidget | None) -> QGridLayout:
        from workbench.gui.main_window import page_label

        grid = QGridLayout()
        grid.setSpacing(SPACE[3])
        pages = getattr(parent, "page_titles", lambda: list(AREAS))()
        texts = area_texts()
        shown = [title for title in AREAS if title in pages]
        for i, title in enumerate(shown):
            grid.addWidget(area_card(title, page_label(title), texts[title],
                                     lambda _=False, t=title: self.state.show_page(t)), i // 4, i % 4)
        for col in range(4):
            grid.setColumnStretch(col, 1)
        return grid

    def _open_folder(self) -> None:
        window = self.window()
        if hasattr(window, "_open_folder"):
            window._open_folder()

    def _open_source(self, source: str) -> None:
        window = self.window()
        if hasattr(window, "open_model"):
            window.open_model(source)

    def _open_run(self, path: str) -> None:
        page = self.state.show_page("Training")
        if page is not None and hasattr(page, "show_run"):
            page.show_run(path)

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
        self.refresh_recent()  # the model just opened heads Recent (the start-up load shows on Welcome)
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
