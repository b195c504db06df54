"""A dock with what the app did (model loads, exports, training runs, files written).

The core logs to the standard `logging` logger "workbench"; this handler forwards each record
through a signal, so records logged on worker threads arrive queued on the GUI thread.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QDockWidget, QPlainTextEdit, QWidget


class _Forwarder(QObject):
    record = Signal(str, int)


class _QtHandler(logging.Handler):
    def __init__(self, forwarder: _Forwarder) -> None:
        super().__init__(logging.INFO)
        self.forwarder = forwarder

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.forwarder.record.emit(self.format(record), record.levelno)
        except RuntimeError:  # the panel was deleted while a worker was still logging
            pass


class LogPanel(QDockWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Log", parent)
        self.setObjectName("LogPanel")
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setMaximumBlockCount(5000)
        self.setWidget(self.text)
        self.forwarder = _Forwarder(self)
        self.forwarder.record.connect(self._append, Qt.QueuedConnection)
        self.handler = _QtHandler(self.forwarder)
        self.handler.setFormatter(logging.Formatter("%(message)s"))
        logger = logging.getLogger("workbench")
        logger.setLevel(logging.INFO)
        logger.addHandler(self.handler)

    @Slot(str, int)
    def _append(self, message: str, level: int) -> None:
        stamp = time.strftime("%H:%M:%S")
        prefix = "ERROR " if level >= logging.ERROR else "WARNING " if level >= logging.WARNING else ""
        self.text.appendPlainText(f"{stamp}  {prefix}{message}")

    def lines(self) -> list[str]:
        return self.text.toPlainText().splitlines()

    def detach(self) -> None:
        logging.getLogger("workbench").removeHandler(self.handler)
