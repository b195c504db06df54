"""Light, dark, or the system's colours, switched at run time (no restart)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


def apply_theme(name: str) -> None:
    app = QApplication.instance()
    if app is None:
        return
    hints = QGuiApplication.styleHints()
    scheme = {"Light": Qt.ColorScheme.Light, "Dark": Qt.ColorScheme.Dark}.get(name, Qt.ColorScheme.Unknown)
    if hasattr(hints, "setColorScheme"):  # Qt >= 6.8 follows the system when Unknown
        hints.setColorScheme(scheme)
    app.setStyle("Fusion")
    app.setPalette(app.style().standardPalette() if name != "Dark" else _dark_palette())


def _dark_palette() -> QPalette:
    from PySide6.QtGui import QColor

    p = QPalette()
    base, text = QColor(37, 37, 38), QColor(220, 220, 220)
    for role, color in ((QPalette.Window, QColor(45, 45, 48)), (QPalette.WindowText, text),
                        (QPalette.Base, base), (QPalette.AlternateBase, QColor(50, 50, 52)),
                        (QPalette.Text, text), (QPalette.Button, QColor(55, 55, 58)),
                        (QPalette.ButtonText, text), (QPalette.Highlight, QColor(42, 130, 218)),
                        (QPalette.HighlightedText, QColor(255, 255, 255)),
                        (QPalette.ToolTipBase, base), (QPalette.ToolTipText, text)):
        p.setColor(role, color)
    return p


def current_is_dark() -> bool:
    app = QApplication.instance()
    return bool(app) and app.palette().color(QPalette.Window).lightness() < 128
