"""What the Learn tabs share: one background job at a time for the whole page, the first example
computed when a tab is first shown, and an EmptyState in place of the results until they arrive."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from workbench.gui.i18n import translate
from workbench.gui.state import AppState
from workbench.gui.theme import notifier
from workbench.gui.widgets.empty_state import EmptyStack, EmptyState

BUILTIN = "builtin:tiny-stories"  # what a tab offers to open when no model is loaded


class JobGate:
    """At most one Learn job runs at a time; a tab that asks while one runs waits its turn (and
    starts with what its fields hold then)."""

    def __init__(self) -> None:
        self.job: Any = None
        self.waiting: list[ExampleTab] = []

    def busy(self) -> bool:
        return self.job is not None and self.job.running

    def submit(self, tab: ExampleTab) -> None:
        if self.busy():
            if tab not in self.waiting:
                self.waiting.append(tab)
            return
        job = tab.start_job()
        if job is not None:
            self.job = job
            job.finished.connect(self._next)

    def _next(self) -> None:
        self.job = None
        while self.waiting and not self.busy():
            self.waiting.pop(0).run()


class ExampleTab(QWidget):
    """A Learn tab whose results sit in an EmptyStack. Subclasses build `self.stack` with
    `make_stack(content)` and implement `start_job()` (start the job, return it, or None) and the
    texts of their empty states."""

    def __init__(self, state: AppState, gate: JobGate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.gate = gate or JobGate()
        self.computed_for: Any = None  # the model the results shown were computed on
        self.job: Any = None
        self.job_model: Any = None
        self.stack: EmptyStack | None = None
        self.open_builtin = self._open_builtin  # the page sets its own: it comes back once the model is in
        notifier().changed.connect(self._on_theme)  # a bound method: disconnected when the tab goes

    def _on_theme(self, _colors: Any) -> None:
        """The tables' cells are coloured for the theme: repaint them in the new one's colours."""
        if self.stack is not None and not self.stack.is_empty():
            self.repaint_results()

    def repaint_results(self) -> None:
        """Show the results again (subclasses: the same result, in the theme's colours now)."""

    # -- the empty state -------------------------------------------------------------------------
    def make_stack(self, content: QWidget, icon_name: str) -> EmptyStack:
        empty = EmptyState("", "", icon_name, action=" ", on_action=self._on_empty_action)
        self.stack = EmptyStack(content, empty)
        self.show_empty()
        return self.stack

    def what_appears(self) -> tuple[str, str]:
        """(title, sentence) of what the results will show."""
        raise NotImplementedError

    def run_text(self) -> str:
        """The tab's button text (its one action once a model is loaded)."""
        return self.run_button.text()

    def needs_model(self) -> bool:
        return True

    def show_empty(self) -> None:
        """The empty state that fits now: no model, computing, or ready to compute."""
        if self.stack is None:
            return
        self.stack.show_content(False)
        title, body = self.what_appears()
        if self.needs_model() and self.state.loaded is None:
            self.stack.empty.set_texts(title, translate("ExampleTab", "{what} Open a model to see it computed on "
                                                                      "it, or start with the built-in story model.").format(
                what=body), translate("ExampleTab", "Open tiny-stories"))
        elif self.busy():
            self.stack.empty.set_texts(translate("ExampleTab", "Computing ..."), body, "")
        else:
            self.stack.empty.set_texts(title, body, self.run_text())

    def _on_empty_action(self) -> None:
        if self.needs_model() and self.state.loaded is None:
            self.open_builtin()
            return
        self.run()

    def _open_builtin(self) -> None:
        window = self.window()
        if hasattr(window, "open_model"):
            window.open_model(BUILTIN)

    # -- running ---------------------------------------------------------------------------------
    def busy(self) -> bool:
        return (self.job is not None and self.job.running) or self in self.gate.waiting

    def run(self) -> None:
        """Compute now, or as soon as the page's running job is done."""
        self.gate.submit(self)
        if self.stack is not None and self.stack.is_empty():
            self.show_empty()

    def start_job(self) -> Any:
        raise NotImplementedError

    def model_for_job(self) -> Any:
        """The loaded model a job starts on, its banner cleared; None (the empty state shown) without one."""
        loaded = self.state.loaded
        if loaded is None:
            self.show_empty()
            return None
        self.banner.hide()
        return loaded

    def started(self, job: Any, loaded: Any) -> Any:
        """Record a job start_job started on `loaded` (its finish refreshes the empty state)."""
        self.job, self.job_model = job, loaded
        job.finished.connect(self._on_finished)
        return job

    def _on_finished(self) -> None:
        if self.stack is not None and self.stack.is_empty():
            self.show_empty()

    def arrived(self, loaded: Any) -> bool:
        """Call when a result arrives: False when it belongs to a model that has been replaced
        since (the new one's is on its way), True after showing the results."""
        if loaded is not self.state.loaded:
            return False
        self.computed_for = loaded
        if self.stack is not None:
            self.stack.show_content(True)
        return True

    def compute_first(self) -> None:
        """Shown: compute the first example if the results are not of the loaded model yet."""
        if self.needs_model() and self.state.loaded is None:
            self.show_empty()
            return
        if self.computed_for is self.state.loaded or self in self.gate.waiting:
            return
        if self.job is not None and self.job.running and self.job_model is self.state.loaded:
            return  # on its way
        self.run()  # (after the running job, if one runs: a result of a replaced model is dropped)

    def model_changed(self, loaded: Any) -> None:
        """A new model: the results shown are of the old one."""
        self.computed_for = None
        if self.needs_model():
            self.show_empty()

