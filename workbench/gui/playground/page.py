"""Playground: try the loaded model. Only the tabs that work for its task are shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from workbench.gui.i18n import translate
from workbench.gui.state import AppState, runtime_text
from workbench.gui.playground.chat_tab import ChatTab
from workbench.gui.playground.generate_tab import GenerateTab
from workbench.gui.playground.task_tabs import ClassifyTab, EmbeddingsTab, FillMaskTab
from workbench.gui.playground.tokenizer_tab import TokenizerTab
from workbench.gui.widgets import heading
from workbench.gui.widgets.elide import ElidedLabel
from workbench.gui.widgets.empty_state import EmptyStack, EmptyState

if TYPE_CHECKING:
    from workbench.backends import Backend

BUILTIN = "builtin:tiny-stories"  # what the page offers to open when no model is loaded

# Which tabs each task shows, by tab title.
TABS_FOR_TASK = {
    "causal-lm": ("Generate", "Chat", "Embeddings", "Tokenizer"),
    "seq2seq-lm": ("Generate", "Embeddings", "Tokenizer"),
    "masked-lm": ("Fill-mask", "Embeddings", "Tokenizer"),
    "sequence-classification": ("Classify", "Embeddings", "Tokenizer"),
    "feature-extraction": ("Embeddings", "Tokenizer"),
}


def tab_label(title: str) -> str:
    """A tab's name as shown (its title, a key of TABS_FOR_TASK, stays English for the code)."""
    return {"Generate": translate("PlaygroundPage", "Generate"), "Chat": translate("PlaygroundPage", "Chat"),
            "Classify": translate("PlaygroundPage", "Classify"), "Fill-mask": translate("PlaygroundPage", "Fill-mask"),
            "Embeddings": translate("PlaygroundPage", "Embeddings"),
            "Tokenizer": translate("PlaygroundPage", "Tokenizer")}.get(title, title)


class PlaygroundPage(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.source_label = ElidedLabel()  # the model's id or folder: elided, whole on hover
        bold = self.source_label.font()
        bold.setBold(True)
        self.source_label.setFont(bold)
        self.title = QLabel("")  # its task, size and backend
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.PlainText)
        self.return_to = ""  # the built-in the empty state opened: the page comes back when it is in
        self.tabs = QTabWidget()
        self.generate = GenerateTab(state)
        self.chat = ChatTab(state)
        self.classify = ClassifyTab(state)
        self.fill_mask = FillMaskTab(state)
        self.embeddings = EmbeddingsTab(state)
        self.tokenizer = TokenizerTab(state)
        self.by_title: dict[str, QWidget] = {
            "Generate": self.generate, "Chat": self.chat, "Classify": self.classify,
            "Fill-mask": self.fill_mask, "Embeddings": self.embeddings, "Tokenizer": self.tokenizer}
        for title, tab in self.by_title.items():
            self.tabs.addTab(tab, tab_label(title))
            self.tabs.setTabVisible(self.tabs.indexOf(tab), False)
        self.stack = EmptyStack(self.tabs, EmptyState(
            translate("PlaygroundPage", "Try a model here"),
            translate("PlaygroundPage", "Generate text token by token and see how likely each token was, chat, "
                                        "classify, fill in [MASK], compare sentence embeddings and watch the "
                                        "tokenizer split your text: the tabs that fit the model appear here. Open "
                                        "a model on the Models page, or start with the built-in story model."),
            "mdi6.chat-processing-outline", action=translate("PlaygroundPage", "Open tiny-stories"),
            on_action=self.open_builtin))
        lay = QVBoxLayout(self)
        lay.addWidget(heading(translate("PlaygroundPage", "Playground")))
        lay.addWidget(self.source_label)
        lay.addWidget(self.title)
        lay.addWidget(self.stack, 1)
        self._show_header(False)
        state.model_changed.connect(self.set_model)
        if state.loaded is not None:
            self.set_model(state.loaded)

    def _show_header(self, on: bool) -> None:
        self.source_label.setVisible(on)
        self.title.setVisible(on)
        self.stack.show_content(on)

    def open_builtin(self) -> None:
        """Open the built-in story model (on the Models page, which shows the progress), then come back."""
        window = self.window()
        if hasattr(window, "open_model"):
            self.return_to = BUILTIN
            window.open_model(BUILTIN)

    def visible_tabs(self) -> list[str]:
        return [t for t, w in self.by_title.items() if self.tabs.isTabVisible(self.tabs.indexOf(w))]

    def set_model(self, loaded: Backend | None) -> None:
        if self.return_to:
            if loaded is not None and loaded.info.source == self.return_to:
                QTimer.singleShot(0, lambda: self.state.show_page("Playground"))
            self.return_to = ""
        if loaded is None:
            self._show_header(False)
            return
        self._show_header(True)
        wanted = TABS_FOR_TASK.get(loaded.task, ("Tokenizer",))
        for title, tab in self.by_title.items():
            self.tabs.setTabVisible(self.tabs.indexOf(tab), title in wanted)
            if title in wanted and hasattr(tab, "set_model"):
                tab.set_model(loaded)
        self.generate.set_seq2seq(loaded.is_encoder_decoder)
        self.tabs.setTabText(self.tabs.indexOf(self.generate),
                             translate("PlaygroundPage", "Summarize / translate") if loaded.task == "seq2seq-lm"
                             else tab_label("Generate"))
        self.tabs.setCurrentWidget(self.by_title[wanted[0]])
        self.source_label.setText(loaded.info.source)
        self.title.setText(translate("PlaygroundPage", "{task}, {parameters} parameters; backend: {runtime}").format(
            task=loaded.task, parameters=f"{loaded.info.num_parameters:,}", runtime=runtime_text(loaded)))

    def set_input(self, text: str) -> None:
        """Put `text` in the input of the tab the loaded model uses (Evaluate opens an example here):
        the prompt or the text to summarize / translate, or the text to classify. Nothing is run."""
        self.generate.prompt.setPlainText(text)
        self.classify.text.setPlainText(text)
        loaded = self.state.loaded
        tab = self.classify if loaded is not None and loaded.task == "sequence-classification" else self.generate
        if self.tabs.isTabVisible(self.tabs.indexOf(tab)):
            self.tabs.setCurrentWidget(tab)

    def shutdown(self) -> None:
        for tab in self.by_title.values():
            job = getattr(tab, "job", None)
            if job is not None:
                job.cancel()
