"""One training run on its own QThread, and the GUI-thread object that receives its events.

The worker QObject is moved onto a dedicated QThread and calls the Qt-free engine there. Its
signals are connected to @Slot methods of TrainingSession, which lives on the GUI thread, so they
arrive queued on the GUI thread and are re-emitted from there: anything connected to a
TrainingSession signal may touch widgets. Pause/stop are plain flags (workbench.control.Control)
the engine polls between steps; the thread is never killed.
"""

from __future__ import annotations

import traceback
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from workbench.control import Control
from workbench.gui.gc_guard import collect_young, pause_freezing
from workbench.errors import WorkbenchError
from workbench.gui.i18n import error_text, translate


class _Worker(QObject):
    event = Signal(object)  # the engine's frozen events
    done = Signal(object)  # RunResult
    failed = Signal(str, str)  # readable message, details

    def __init__(self, config: Any, resume_dir: str, control: Control) -> None:
        super().__init__()
        self.config, self.resume_dir, self.control = config, resume_dir, control

    @Slot()
    def run(self) -> None:  # on the training thread
        from workbench.gui.gc_guard import quiet_accelerate_gc
        from workbench.training.engine import resume_run, run_training

        quiet_accelerate_gc()  # no gc.collect() on this thread: it can deadlock with Qt
        try:
            if self.resume_dir:
                result = resume_run(self.resume_dir, notify=self.event.emit, control=self.control)
            else:
                result = run_training(self.config, notify=self.event.emit, control=self.control)
        except WorkbenchError as exc:
            self.failed.emit(error_text(exc), "")
        except Exception as exc:  # noqa: BLE001 - shown with its traceback one click away
            line = translate("TrainingSession", "Unexpected error: {kind}: {detail}").format(
                kind=type(exc).__name__, detail=exc)
            self.failed.emit(line.splitlines()[0][:400], traceback.format_exc())
        else:
            self.done.emit(result)
        finally:
            # End the thread's event loop from here: at shutdown the GUI thread is blocked in
            # wait() and could not run a queued quit().
            self.thread().quit()


class TrainingSession(QObject):
    """Start/pause/resume/stop one run at a time. Signals are delivered on the GUI thread."""

    event = Signal(object)
    done = Signal(object)
    failed = Signal(str, str)
    ended = Signal()  # after done or failed, once the thread has finished

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.control = Control()
        self.thread: QThread | None = None
        self.worker: _Worker | None = None
        self._active = False  # from start() until done/failed has been delivered here

    @property
    def running(self) -> bool:
        """True until the run's last event and its outcome have reached the GUI thread."""
        return self._active

    def start(self, config: Any = None, resume_dir: str = "") -> None:
        if self.running:
            raise WorkbenchError(translate("TrainingSession", "A training run is already going; stop it first"))
        self.control = Control()
        self._active = True
        pause_freezing()  # the run's objects stay cheap to collect when it ends
        self.thread = QThread()
        self.worker = _Worker(config, resume_dir, self.control)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        # Receivers are @Slot methods of this GUI-thread object: queued delivery, GUI thread.
        self.worker.event.connect(self._on_event)
        self.worker.done.connect(self._on_done)
        self.worker.failed.connect(self._on_failed)
        self.thread.start()

    def pause(self) -> None:
        self.control.pause()

    def resume(self) -> None:
        self.control.resume()

    @property
    def paused(self) -> bool:
        return self.control.paused

    def stop(self) -> None:
        """Ask the run to save a checkpoint and end after the current step."""
        self.control.cancel()

    def wait(self, timeout_ms: int) -> bool:
        """Block until the training thread has ended (used at shutdown); True if it did."""
        return self.thread is None or self.thread.wait(timeout_ms)

    @property
    def thread_running(self) -> bool:
        return self.thread is not None and self.thread.isRunning()

    @Slot(object)
    def _on_event(self, event: Any) -> None:
        self.event.emit(event)

    @Slot(object)
    def _on_done(self, result: Any) -> None:
        self.done.emit(result)
        self._finish()

    @Slot(str, str)
    def _on_failed(self, message: str, details: str) -> None:
        self.failed.emit(message, details)
        self._finish()

    def _finish(self) -> None:
        if self.thread is not None:
            self.thread.quit()  # the worker's run() has returned; no event loop work remains
            self.thread.wait(10000)
        self.thread, self.worker = None, None
        self._active = False
        self.ended.emit()
        collect_young()  # the run's model, optimizer and data sit in reference cycles (see gc_guard)
