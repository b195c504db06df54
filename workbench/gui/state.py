"""Application state shared by the pages: the loaded model and the navigation hooks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from workbench.gui.gc_guard import full_collect
from workbench.gui.i18n import core_text
from workbench.gui.threads.runner import Runner

if TYPE_CHECKING:
    from workbench.backends import Backend


class AppState(QObject):
    """Owns the current model (a Backend: PyTorch or ONNX Runtime). Pages listen to model_changed
    instead of polling."""

    model_changed = Signal(object)  # Backend or None
    status = Signal(str)  # a short message for the status bar

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.runner = Runner(self)
        self.loaded: Backend | None = None
        # Set by the main window: navigate to a page by title, and cross-page actions.
        self.show_page: Callable[[str], Any] = lambda _title: None

    def set_model(self, loaded: Backend | None) -> None:
        replaced = self.loaded is not None
        self.loaded = loaded
        self.model_changed.emit(loaded)
        if replaced:  # the old model's memory, if it sits in reference cycles (see gc_guard)
            QTimer.singleShot(0, full_collect)

    def page(self, title: str) -> Any:
        """The page widget with that title (after navigating to it), or None."""
        return self.show_page(title)


def runtime_text(loaded: Backend) -> str:
    """loaded.describe() in the UI's language: "PyTorch on cpu", "ONNX Runtime fp32 on
    CPUExecutionProvider (why it is not the one asked for)" (marked N_ in the core)."""
    return core_text(loaded.describe())
