"""The third thread bridge: log records from any thread to the GUI thread.

The core logs to the standard `logging` logger "workbench" from whichever thread does the work;
QtLogHandler forwards each record through a signal of a GUI-thread QObject, so the receiver gets
it queued on the GUI thread.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal


class LogForwarder(QObject):
    record = Signal(str, int)  # the formatted message, the level


class QtLogHandler(logging.Handler):
    def __init__(self, forwarder: LogForwarder) -> None:
        super().__init__(logging.INFO)
        self.forwarder = forwarder

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.forwarder.record.emit(self.format(record), record.levelno)
        except RuntimeError:  # the panel was deleted while a worker was still logging
            pass
