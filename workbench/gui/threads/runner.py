"""The one place where work crosses threads.

A job is a plain function `fn(ctx, *args) -> result` run on a QThreadPool thread. It reports
through `ctx.emit(item)` (stream items: tokens, progress events) and `ctx.message(text)`, and
polls `ctx.control.cancelled`. The Job object lives on the GUI thread: its private relay's
signals are emitted from the worker and, because Job (the receiver) lives on the GUI thread,
arrive queued in Job's @Slot methods, which re-emit Job's public signals on the GUI thread.
So anything connected to a Job's signals, lambdas included, runs on the GUI thread.

A job returns a typed object (a frozen dataclass, a model, a list of them) or a plain value, never
a bare tuple or dict: the receiver then reads fields by name, and a job that changes what it
returns fails where it returns (the Runner turns it into an error) rather than where the result
is unpacked on the GUI thread.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from workbench.control import Control
from workbench.errors import WorkbenchError
from workbench.gui.i18n import core_text, error_text, translate


class _Relay(QObject):
    item = Signal(object)
    message = Signal(str)
    done = Signal(object)
    error = Signal(str, str)


class JobContext:
    """What the worker function sees."""

    def __init__(self, relay: _Relay, control: Control) -> None:
        self._relay = relay
        self.control = control

    def emit(self, item: Any) -> None:
        self._relay.item.emit(item)

    def message(self, text: str) -> None:
        """A progress line from the core: shown in the UI's language when it is marked N_()."""
        self._relay.message.emit(core_text(text))


class Job(QObject):
    """Handle of one background job. Signals arrive on the GUI thread."""

    item = Signal(object)
    message = Signal(str)
    done = Signal(object)  # the function's return value
    error = Signal(str, str)  # readable message, details (traceback for unexpected errors)
    finished = Signal()  # always last, after done or error (or after a cancel)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.control = Control()
        self.running = True
        self._relay = _Relay()  # created on the GUI thread, so its queued delivery targets us
        self._relay.item.connect(self._on_item)
        self._relay.message.connect(self._on_message)
        self._relay.done.connect(self._on_done)
        self._relay.error.connect(self._on_error)

    def cancel(self) -> None:
        self.control.cancel()

    @Slot(object)
    def _on_item(self, item: Any) -> None:
        self.item.emit(item)

    @Slot(str)
    def _on_message(self, text: str) -> None:
        self.message.emit(text)

    @Slot(object)
    def _on_done(self, result: Any) -> None:
        self.running = False
        self.done.emit(result)
        self.finished.emit()

    @Slot(str, str)
    def _on_error(self, text: str, details: str) -> None:
        logging.getLogger("workbench").warning("%s: %s", self.name, text)
        self.running = False
        self.error.emit(text, details)
        self.finished.emit()


class _Task(QRunnable):
    def __init__(self, job: Job, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        super().__init__()
        self.job, self.fn, self.args = job, fn, args
        self.relay = job._relay  # keep a Python reference for the worker's lifetime

    def run(self) -> None:  # on the pool thread
        ctx = JobContext(self.relay, self.job.control)
        try:
            try:
                result = self.fn(ctx, *self.args)
            except WorkbenchError as exc:
                self.relay.error.emit(error_text(exc), "")
            except Exception as exc:  # unexpected: readable line, traceback one click away
                line = translate("Runner", "Unexpected error: {kind}: {detail}").format(kind=type(exc).__name__, detail=exc)
                self.relay.error.emit(line.splitlines()[0][:400], traceback.format_exc())
            else:
                if isinstance(result, (tuple, dict)):
                    self.relay.error.emit(translate("Runner", "Internal error: the {job} job returned a {kind}; "
                                                    "jobs return typed objects").format(
                        job=self.job.name, kind=type(result).__name__), "")
                    return
                self.relay.done.emit(result)
        except RuntimeError:
            pass  # the window (and this job's relay) was deleted while the job ran: nobody to tell


class Runner(QObject):
    """Starts jobs on a thread pool and keeps track of them so the window can stop them on close."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 4) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self.jobs: list[Job] = []

    def start(self, name: str, fn: Callable[..., Any], *args: Any,
              on_item: Callable[[Any], None] | None = None,
              on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[str, str], None] | None = None,
              on_message: Callable[[str], None] | None = None,
              on_finished: Callable[[], None] | None = None) -> Job:
        job = Job(name, self)
        for sig, cb in ((job.item, on_item), (job.done, on_done), (job.error, on_error),
                        (job.message, on_message), (job.finished, on_finished)):
            if cb is not None:
                sig.connect(cb)
        job.finished.connect(lambda j=job: self._forget(j))
        self.jobs.append(job)
        self.pool.start(_Task(job, fn, args))
        return job

    def _forget(self, job: Job) -> None:
        if job in self.jobs:
            self.jobs.remove(job)

    def shutdown(self, timeout_ms: int = 10000) -> bool:
        """Cancel every job and wait for the threads; True if all stopped in time."""
        for job in list(self.jobs):
            job.cancel()
        return self.pool.waitForDone(timeout_ms)
