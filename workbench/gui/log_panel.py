"""A dock with what the app did (model loads, exports, training runs, files written).

The core logs to the standard `logging` logger "workbench"; threads/log_records.py forwards each
record through a signal, so records logged on worker threads arrive queued on the GUI thread.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QDockWidget, QPlainTextEdit, QWidget

from workbench.gui.i18n import core_text, translate
from workbench.gui.threads.log_records import LogForwarder, QtLogHandler


class TranslatingFormatter(logging.Formatter):
    """The record's message in the UI's language: a format string the core marked N_("...") is
    looked up before its %-arguments are filled in (English when there is no entry, or when the
    translation lost an argument)."""

    def format(self, record: logging.LogRecord) -> str:
        if isinstance(record.msg, str):
            translated = core_text(record.msg)
            if translated != record.msg:
                try:
                    if record.args:
                        translated % record.args
                except (TypeError, ValueError, KeyError):
                    return super().format(record)
                record = logging.makeLogRecord({**record.__dict__, "msg": translated})
        return super().format(record)


class LogPanel(QDockWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("LogPanel", "Log"), parent)
        self.setObjectName("LogPanel")
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setMaximumBlockCount(5000)
        self.setWidget(self.text)
        self.forwarder = LogForwarder(self)
        self.forwarder.record.connect(self._append, Qt.QueuedConnection)
        self.handler = QtLogHandler(self.forwarder)
        self.handler.setFormatter(TranslatingFormatter("%(message)s"))
        logger = logging.getLogger("workbench")
        logger.setLevel(logging.INFO)
        logger.addHandler(self.handler)

    @Slot(str, int)
    def _append(self, message: str, level: int) -> None:
        stamp = time.strftime("%H:%M:%S")
        prefix = (translate("LogPanel", "ERROR") + " " if level >= logging.ERROR else
                  translate("LogPanel", "WARNING") + " " if level >= logging.WARNING else "")
        self.text.appendPlainText(f"{stamp}  {prefix}{message}")

    def lines(self) -> list[str]:
        return self.text.toPlainText().splitlines()

    def detach(self) -> None:
        logging.getLogger("workbench").removeHandler(self.handler)
