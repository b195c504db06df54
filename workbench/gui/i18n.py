"""The GUI's languages: Qt's translation system, with the catalogue in resources/i18n.

Every visible string goes through translate(context, text), then .format(name=...) for its
{named} fields: both arguments are string literals, and nothing else is passed, because that is
the only form pyside6-lupdate collects (a keyword argument inside the call hides it from lupdate;
see packaging/translations.py). The fields are filled in after the lookup, so that a translation
can put them in its own order. Errors from the core are shown with error_text(), which looks up the
error's template (workbench/errors.py). The CLI never comes here: it stays English.

The catalogue's sources are resources/i18n/<language>/*.ts (one per part of the GUI, so that
several people can translate at once); the compiled .qm is built by `make translations` and by
the packaging, and, where it is missing or older than its sources (a fresh checkout), compiled
here with pyside6-lrelease into the Workbench home's cache.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from workbench.paths import resource_path

log = logging.getLogger("workbench")

# code -> the language's name in that language (what View -> Language lists)
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
SETTING = "language"  # "system" (the default), or a code of LANGUAGES
_installed: list[QTranslator] = []  # kept alive: Qt does not own installed translators


def translate(context: str, text: str) -> str:
    """The text in the UI's language (its {fields} still to fill in with .format)."""
    return QCoreApplication.translate(context, text)


def core_text(text: str) -> str:
    """A string of the core marked N_("...") (workbench/texts.py), in the UI's language: its template
    translated and filled in with its fields (themselves translated when they are marked phrases).
    Any other string is looked up as it is, and shown as it is when the catalogue has no entry."""
    if not text:
        return text
    template, fields = getattr(text, "template", None), getattr(text, "fields", None)
    if not template or not fields:
        return QCoreApplication.translate("", str(text))
    return _filled(template, fields, fallback=str(text))


def _filled(template: str, fields: dict, fallback: str) -> str:
    if not fields:  # filled in only when there are fields (as the core does): braces may be literal
        return QCoreApplication.translate("", template)
    fields = {k: core_text(v) if isinstance(v, str) else v for k, v in fields.items()}
    try:
        return QCoreApplication.translate("", template).format(**fields)
    except (KeyError, IndexError, ValueError):  # a translation that lost a field: English is better than nothing
        return fallback


def error_text(exc: BaseException) -> str:
    """A core error as the user reads it: its template translated (context "") and filled in."""
    template, fields = getattr(exc, "template", None), getattr(exc, "fields", None)
    if not template:
        return str(exc)
    return _filled(template, fields or {}, fallback=str(exc))


def chosen_language(settings: QSettings) -> str:
    """The setting, or for "system" the system locale's language when there is a catalogue for it."""
    value = str(settings.value(SETTING, "system"))
    if value in LANGUAGES:
        return value
    name = QLocale.system().name()  # e.g. "zh_CN", "zh_TW", "en_US"
    return "zh_CN" if name.startswith("zh") else "en"


def install_language(code: str) -> bool:
    """Install the catalogue of `code` (and Qt's own, for standard dialogs); remove any other.

    False (and English) when there is no catalogue for it."""
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if code == "en":
        return True
    ours = catalogue(code)
    if ours is None:
        return False
    for path in (ours, Path(QLibraryInfo.path(QLibraryInfo.TranslationsPath)) / f"qtbase_{code}.qm"):
        translator = QTranslator()
        if path.exists() and translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
        elif path == ours:
            log.warning("could not load the %s catalogue %s", code, path)
            return False
    return True


def sources(code: str) -> list[Path]:
    return sorted(resource_path("i18n", code).glob("*.ts"))


def catalogue(code: str) -> Path | None:
    """The compiled catalogue of `code`: the built one, else one compiled now into the cache."""
    ts = sources(code)
    if not ts:
        return None
    newest = max(p.stat().st_mtime for p in ts)
    built = resource_path("i18n", f"workbench_{code}.qm")
    if built.exists() and (getattr(sys, "frozen", False) or built.stat().st_mtime >= newest):
        return built
    from workbench.models.library import workbench_home

    cached = workbench_home() / "cache" / "i18n" / f"workbench_{code}.qm"
    if cached.exists() and cached.stat().st_mtime >= newest:
        return cached
    try:
        release(ts, cached)
    except (OSError, subprocess.CalledProcessError) as exc:
        log.warning("could not compile the %s catalogue: %s", code, exc)
        return None
    return cached


def lrelease_command() -> list[str]:
    """pyside6-lrelease: beside this Python, or on PATH."""
    here = Path(sys.executable).parent / "pyside6-lrelease"
    found = str(here) if here.exists() else shutil.which("pyside6-lrelease")
    if not found:
        raise OSError("pyside6-lrelease is not installed")
    return [found]


def release(ts: list[Path], out: Path) -> None:
    """Compile .ts sources into one .qm (written beside, then moved, so a reader never sees half)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(f".{os.getpid()}.tmp")
    subprocess.run([*lrelease_command(), "-silent", *map(str, ts), "-qm", str(tmp)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)
    os.replace(tmp, out)
