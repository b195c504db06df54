"""Marking the core's user-facing strings for translation, without Qt.

The core and the CLI speak English. A string of the core that the GUI shows (a built-in's
description, a task's name, a progress message) is written N_("...") where it is made, with its
variable parts as named fields:

    DESCRIPTION = N_("A small BART that writes a one-sentence summary of a story")
    progress(N_("Exporting the {role} graph", role=role))

packaging/translations.py collects those literals into the catalogue's empty context, like the
templates of errors (workbench/errors.py), and the GUI shows them with
workbench.gui.i18n.core_text(). What N_ returns is a str (the filled-in English, what the CLI
prints and the logs keep) that remembers its template and fields.
"""

from __future__ import annotations

from typing import Any


class Text(str):
    """A filled-in English string that keeps the template and fields it was made from."""

    template: str
    fields: dict[str, Any]


def N_(template: str, **fields: Any) -> Text:  # noqa: N802  (the gettext convention for "translate later")
    """`template` filled in with `fields`, marked for the catalogue."""
    text = Text(template.format(**fields) if fields else template)
    text.template, text.fields = template, fields
    return text


def error_message(exc: BaseException) -> str:
    """An error's English sentence, keeping its template and fields (workbench/errors.py), for a
    result that stores the error as text (an Evaluate row) and is shown in the GUI later."""
    template = getattr(exc, "template", "")
    if not template:
        return str(exc)
    text = Text(str(exc))
    text.template, text.fields = template, dict(getattr(exc, "fields", None) or {})
    return text
