"""The look: both palettes are readable (WCAG contrast), the theme switches at run time and follows
the system's colour scheme, plots take its colours, and every icon the window names exists."""

from __future__ import annotations

import pytest

from workbench.gui.theme import DARK, LIGHT, NAV_ICONS, Colors


def luminance(hex_color: str) -> float:
    r, g, b = (int(hex_color[i:i + 2], 16) / 255 for i in (1, 3, 5))
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("c", [LIGHT, DARK], ids=["light", "dark"])
def test_palettes_are_readable(c: Colors):
    for background in (c.window, c.surface, c.surface_alt):
        assert contrast(c.text, background) >= 7, background  # body text: WCAG AAA
        assert contrast(c.muted, background) >= 4.5, background  # secondary text: AA
    assert contrast(c.on_accent, c.accent) >= 3  # text on a primary button: AA for its bold, large text
    assert contrast(c.muted, c.plot) >= 4.5  # axis labels


@pytest.fixture
def restore_theme(qapp, few_widgets):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from workbench.gui.theme import apply_theme

    yield
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Unknown)
    apply_theme("Light")


def test_switching_restyles_the_palette_and_plots(qtbot, restore_theme):
    import pyqtgraph as pg
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from workbench.gui.theme import apply_theme, style_plot

    plot = style_plot(pg.PlotWidget())
    qtbot.addWidget(plot)
    seen = []
    from workbench.gui.theme import notifier

    notifier().changed.connect(seen.append)
    for name, c in (("Dark", DARK), ("Light", LIGHT)):
        apply_theme(name)
        assert QApplication.instance().palette().color(QPalette.Window).name() == c.window
        assert plot.backgroundBrush().color().name() == c.plot
        axis = plot.getPlotItem().getAxis("bottom")
        assert axis.textPen().color().name() == c.muted
    assert seen == [DARK, LIGHT]


def test_system_theme_follows_the_desktop(qtbot, restore_theme):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QPalette
    from PySide6.QtWidgets import QApplication

    from workbench.gui.theme import apply_theme, colors

    hints = QGuiApplication.styleHints()
    window = lambda: QApplication.instance().palette().color(QPalette.Window).name()  # noqa: E731
    apply_theme("System")
    # What Qt emits when the desktop switches (the offscreen platform has no scheme of its own).
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert colors() == DARK and window() == DARK.window
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert colors() == LIGHT and window() == LIGHT.window
    apply_theme("Dark")  # a chosen theme stays when the desktop switches
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert window() == DARK.window


def test_every_named_icon_exists(qapp):
    from workbench.gui.theme import icon

    names = set(NAV_ICONS.values()) | {"mdi6.information-outline", "mdi6.rocket-launch-outline",
                                       "mdi6.folder-open-outline", "mdi6.history", "mdi6.cube-outline"}
    missing = [n for n in sorted(names) if icon(n).isNull()]
    assert not missing
