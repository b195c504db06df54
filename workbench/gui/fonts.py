"""A CJK font that is always there: the bundled Droid Sans Fallback, as the interface font's fallback.

Without a CJK font on the system (a bare Linux install, a minimal container), Qt draws every
Chinese character as an empty box. The bundled font (resources/fonts, Apache 2.0) is registered
with Qt's font database and substituted for each font family the interface uses, so a character
the interface font lacks is taken from it; Latin text keeps the system font.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from workbench.gui.i18n import translate
from workbench.paths import resource_path

log = logging.getLogger("workbench")
CJK_FONT = "DroidSansFallbackFull.ttf"
_family: list[str] = []  # the registered family, once per process


def install_cjk_font() -> str | None:
    """Register the bundled CJK font and make it every interface family's fallback; its family,
    or None when the file is missing (the system's fonts are used then). Idempotent."""
    if _family:
        return _family[0]
    path = resource_path("fonts", CJK_FONT)
    font_id = QFontDatabase.addApplicationFont(str(path)) if path.is_file() else -1
    if font_id < 0:
        log.warning(translate("MainWindow", "The bundled CJK font {path} could not be loaded; Chinese may show "
                              "as boxes").format(path=path))
        return None
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    app_family = QGuiApplication.font().family() if QGuiApplication.instance() else ""
    for name in {app_family, "Sans Serif", "sans-serif", "DejaVu Sans", "Monospace", "monospace"} - {""}:
        QFont.insertSubstitution(name, family)
    _family.append(family)
    return family
