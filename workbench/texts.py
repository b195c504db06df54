"""Marking the core's user-facing strings for translation, without Qt.

The core and the CLI speak English. A string of the core that the GUI shows as is (a built-in's
description, a task's name, a metric's label) is written N_("...") where it is defined:
packaging/translations.py collects those literals into the catalogue's empty context, like the
templates of errors (workbench/errors.py), and the GUI shows it with workbench.gui.i18n.core_text().
"""

from __future__ import annotations


def N_(text: str) -> str:  # noqa: N802  (the gettext convention for "translate later")
    """The text unchanged; the call only marks the literal for the catalogue."""
    return text
