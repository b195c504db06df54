"""User-facing errors: one readable sentence, shown in the GUI and printed by the CLI (exit 2).

A message is an English template with named fields, so that the GUI can show it translated:

    raise InputError("{path} has no column {name!r}; choose the right column", path=path, name=name)

str(error) is the filled-in English sentence (what the CLI prints); error.template and
error.fields are what workbench.gui.i18n.error_text() looks up in the catalogue and fills in.
The template is a string literal, never an f-string: pyside6-lupdate collects the literals of
these calls (packaging/translations.py), and tests/gui/test_i18n.py checks that every raise is one.
"""

from __future__ import annotations

from typing import Any


class WorkbenchError(Exception):
    """An error caused by the user's input or environment, with a message fit to show as is."""

    def __init__(self, message: str = "", **fields: Any) -> None:
        self.template, self.fields = message, fields
        super().__init__(message.format(**fields) if fields else message)


class ModelLoadError(WorkbenchError):
    """The model could not be opened (missing path, bad config, corrupt weights, offline ...)."""


class InputError(WorkbenchError):
    """Bad input text or settings for an otherwise working model."""


class Cancelled(WorkbenchError):
    """The user cancelled the work (a Control's cancel) before it could finish."""
