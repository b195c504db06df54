"""The look: a light and a dark palette, a type scale, spacing, one stylesheet, icons, plot colours.

Light, Dark, or System (the default), which follows the desktop's colour scheme as it changes
(Qt >= 6.5: QStyleHints.colorScheme and colorSchemeChanged).

Why our own stylesheet rather than a theme package (checked 2026-12): pyqtdarktheme 2.1 is
unmaintained since 2022 and refuses Python >= 3.12; its fork, qdarkstyle and qt-material restyle
every widget with 1,000+ lines of QSS (qt-material also pulls jinja2 and upper-cases buttons), and
none follows the system's scheme through Qt's own signal. Fusion plus a palette does most of the
work; the stylesheet below adds only radii, spacing, the navigation, cards and roles.

Roles, set as a dynamic property on a widget (``widget.setProperty("role", "title")``):
  title, subtitle, muted (QLabel); card (QFrame); primary (QPushButton); nav (QListWidget);
  chip (QLabel: the current model and backend in the window's header).
"""

from __future__ import annotations

import os
import weakref
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QWidget

THEMES = ("System", "Light", "Dark")
SPACE = (4, 8, 12, 16, 24, 32)  # the spacing scale, px: margins and gaps use these only
RADIUS = 6
# The type scale, in points relative to the application's base font (body = 0).
TYPE_SCALE = {"caption": -1, "body": 0, "subtitle": 2, "title": 5, "display": 9}


@dataclass(frozen=True)
class Colors:
    window: str      # page background
    surface: str     # cards, inputs, tables
    surface_alt: str  # alternate rows, hovered items
    border: str
    text: str
    muted: str       # secondary text, axis labels
    accent: str      # selection, primary buttons, current navigation item
    on_accent: str   # text on the accent
    danger: str
    warning: str
    success: str
    plot: str        # plot background
    grid: str        # plot grid and axis lines


LIGHT = Colors(window="#f5f6f8", surface="#ffffff", surface_alt="#eef0f3", border="#d5d9e0",
               text="#1f2328", muted="#5b6470", accent="#2f6fde", on_accent="#ffffff",
               danger="#c62828", warning="#b45f06", success="#2e7d32", plot="#ffffff", grid="#c9ced6")
DARK = Colors(window="#1e1f22", surface="#2a2b2f", surface_alt="#33353a", border="#43464d",
              text="#e3e5e8", muted="#a0a6b0", accent="#4c8dff", on_accent="#ffffff",
              danger="#ef5350", warning="#f0a030", success="#66bb6a", plot="#232428", grid="#4a4d55")


class _Notifier(QObject):
    changed = Signal(object)  # Colors


_notifier: _Notifier | None = None
_plots: "weakref.WeakSet[Any]" = weakref.WeakSet()  # the PlotWidgets style_plot was given
_chosen = "System"
_system_scheme: list = []  # the scheme colorSchemeChanged last reported (the platform's own otherwise)


def notifier() -> _Notifier:
    """Emits changed(Colors) after each theme change; pages with hand-drawn colours connect here."""
    global _notifier
    if _notifier is None:
        _notifier = _Notifier()
    return _notifier


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = _system_scheme[-1] if _system_scheme else getattr(hints, "colorScheme", lambda: None)()
    return scheme == Qt.ColorScheme.Dark


def _on_system_scheme(scheme: Qt.ColorScheme) -> None:
    """The desktop switched between light and dark: follow it when the theme is System."""
    _system_scheme[:] = [scheme]
    if _chosen == "System":
        apply_theme("System")


def resolve(name: str) -> Colors:
    """The colours a theme name stands for now (System: the desktop's scheme)."""
    if name == "Dark" or (name not in ("Light", "Dark") and system_is_dark()):
        return DARK
    return LIGHT


def colors() -> Colors:
    """The colours in use."""
    return resolve(_chosen)


def apply_theme(name: str) -> None:
    """Switch the whole application to a theme at run time: palette, stylesheet, plots, icons."""
    global _chosen
    app = QApplication.instance()
    if app is None:
        return
    _chosen = name if name in THEMES else "System"
    hints = QGuiApplication.styleHints()
    if not getattr(app, "_workbench_follows_system", False) and hasattr(hints, "colorSchemeChanged"):
        hints.colorSchemeChanged.connect(_on_system_scheme)
        app._workbench_follows_system = True
    c = colors()
    if not getattr(app, "_workbench_fusion", False):  # a new style re-polishes every widget: only once
        app.setStyle("Fusion")  # (with a stylesheet on, app.style() is Qt's proxy, named "")
        app._workbench_fusion = True
    sheet = stylesheet(c, app.font().pointSizeF())
    if app.styleSheet() != sheet:  # the same theme again (System after the desktop switched back)
        app.setPalette(palette(c))
        app.setStyleSheet(sheet)
    _style_pyqtgraph(c)
    notifier().changed.emit(c)


def palette(c: Colors) -> QPalette:
    p = QPalette()
    roles = {QPalette.Window: c.window, QPalette.WindowText: c.text, QPalette.Base: c.surface,
             QPalette.AlternateBase: c.surface_alt, QPalette.Text: c.text, QPalette.Button: c.surface,
             QPalette.ButtonText: c.text, QPalette.Highlight: c.accent, QPalette.HighlightedText: c.on_accent,
             QPalette.ToolTipBase: c.surface, QPalette.ToolTipText: c.text, QPalette.PlaceholderText: c.muted,
             QPalette.Link: c.accent, QPalette.Mid: c.border, QPalette.Dark: c.border, QPalette.Light: c.surface}
    for role, color in roles.items():
        p.setColor(role, QColor(color))
    for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):
        p.setColor(QPalette.Disabled, role, QColor(c.muted))
    return p


def blend(a: str, b: str, t: float) -> QColor:
    """The colour t of the way from a to b (0: a, 1: b)."""
    x, y = QColor(a), QColor(b)
    return QColor(round(x.red() + (y.red() - x.red()) * t), round(x.green() + (y.green() - x.green()) * t),
                  round(x.blue() + (y.blue() - x.blue()) * t))


def point_size(role: str, base: float | None = None) -> float:
    """A role's size on the type scale, in points."""
    app = QApplication.instance()
    if base is None:
        base = app.font().pointSizeF() if app is not None else 10.0
    return max(6.0, base + TYPE_SCALE.get(role, 0))


def font(role: str) -> QFont:
    f = QFont(QApplication.font())
    f.setPointSizeF(point_size(role))
    if role in ("title", "display", "subtitle"):
        f.setWeight(QFont.DemiBold)
    return f


def stylesheet(c: Colors, base_pt: float = 10.0) -> str:
    """The application's stylesheet: only what Fusion and the palette do not already do."""
    return _roles_sheet(c, base_pt) + _controls_sheet(c)


def _roles_sheet(c: Colors, base_pt: float) -> str:
    """Text on the type scale, cards, the header and the navigation (the roles of set_role)."""
    s, r = SPACE, RADIUS
    return f"""
QLabel[role="display"] {{ font-size: {point_size('display', base_pt)}pt; font-weight: 600; }}
QLabel[role="title"] {{ font-size: {point_size('title', base_pt)}pt; font-weight: 600; }}
QLabel[role="subtitle"] {{ font-size: {point_size('subtitle', base_pt)}pt; font-weight: 600; }}
QLabel[role="muted"] {{ color: {c.muted}; }}
QLabel[role="chip"] {{ background: {c.surface_alt}; border: 1px solid {c.border}; border-radius: {r + 4}px;
    padding: 2px {s[2]}px; }}
QFrame[role="card"] {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: {r + 2}px; }}
QFrame[role="card"] QLabel {{ background: transparent; border: none; }}
QFrame[role="empty"] {{ background: {c.surface}; border: 1px dashed {c.border}; border-radius: {r + 2}px; }}
QFrame[role="empty"] QLabel {{ background: transparent; border: none; }}
QWidget#header {{ background: {c.surface}; border-bottom: 1px solid {c.border}; }}
"""


def _controls_sheet(c: Colors) -> str:
    """Buttons, inputs, indicators, tabs and tables. (Spin boxes keep Fusion's frame: a border rule
    here makes Qt drop Fusion's arrows.)"""
    s, r = SPACE, RADIUS
    check = indicator_image("mdi6.check-bold", c.on_accent)
    chevron, chevron_off = indicator_image("mdi6.chevron-down", c.text), indicator_image("mdi6.chevron-down", c.border)
    return f"""
QPushButton {{ padding: {s[0] + 1}px {s[2]}px; border-radius: {r}px; border: 1px solid {c.border};
    background: {c.surface}; }}
QPushButton:hover {{ background: {c.surface_alt}; }}
QPushButton:disabled {{ color: {c.muted}; }}
QToolButton[popupMode="2"] {{ padding: {s[0]}px 20px {s[0]}px {s[1]}px; border-radius: {r}px;
    border: 1px solid {c.border}; background: {c.surface}; }}
QToolButton[popupMode="2"]::menu-indicator {{ image: url({chevron}); width: 10px; height: 10px;
    subcontrol-origin: padding; subcontrol-position: right center; right: 5px; }}
QPushButton[role="primary"] {{ background: {c.accent}; color: {c.on_accent}; border-color: {c.accent}; }}
QPushButton[role="primary"]:disabled {{ background: {c.border}; border-color: {c.border}; }}
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox {{
    border: 1px solid {c.border}; border-radius: {r - 2}px; padding: 2px {s[0]}px; background: {c.surface}; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus {{ border-color: {c.accent}; }}
QComboBox::drop-down {{ border: none; width: 18px; }}
QComboBox::down-arrow {{ image: url({chevron}); width: 12px; height: 12px; }}
QComboBox::down-arrow:disabled {{ image: url({chevron_off}); }}
QCheckBox::indicator {{ width: 14px; height: 14px; border: 1px solid {c.muted}; border-radius: 3px;
    background: {c.surface}; }}
QCheckBox::indicator:checked {{ background: {c.accent}; border-color: {c.accent}; image: url({check}); }}
QCheckBox::indicator:disabled {{ border-color: {c.border}; }}
QRadioButton::indicator {{ width: 14px; height: 14px; border: 1px solid {c.muted}; border-radius: 8px;
    background: {c.surface}; }}
QRadioButton::indicator:checked {{ width: 8px; height: 8px; border: 4px solid {c.accent}; background: {c.on_accent}; }}
QRadioButton::indicator:disabled {{ border-color: {c.border}; }}
QTabWidget::pane {{ border: 1px solid {c.border}; border-radius: {r}px; top: -1px; background: {c.surface}; }}
QTabBar::tab {{ padding: {s[0] + 1}px {s[3]}px; border: 1px solid transparent; border-bottom: none;
    border-top-left-radius: {r}px; border-top-right-radius: {r}px; color: {c.muted}; }}
QTabBar::tab:selected {{ background: {c.surface}; border-color: {c.border}; color: {c.text}; }}
QTabBar::tab:hover:!selected {{ color: {c.text}; }}
QListWidget[role="nav"] {{ background: {c.surface}; border: none; border-right: 1px solid {c.border};
    padding: {s[1]}px {s[0]}px; outline: 0; }}
QListWidget[role="nav"]::item {{ padding: {s[1]}px {s[1]}px; border-radius: {r}px; margin: 1px 0; }}
QListWidget[role="nav"]::item:hover {{ background: {c.surface_alt}; }}
QListWidget[role="nav"]::item:selected {{ background: {c.accent}; color: {c.on_accent}; }}
QHeaderView::section {{ background: {c.surface_alt}; border: none; border-bottom: 1px solid {c.border};
    padding: {s[0]}px {s[1]}px; }}
QTableView, QTableWidget, QTreeView, QListView {{ gridline-color: {c.border}; border: 1px solid {c.border};
    border-radius: {r - 2}px; }}
QGroupBox {{ border: 1px solid {c.border}; border-radius: {r}px; margin-top: {s[3]}px; padding-top: {s[1]}px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: {s[2]}px; padding: 0 {s[0]}px; }}
QStatusBar {{ border-top: 1px solid {c.border}; }}
QToolTip {{ border: 1px solid {c.border}; padding: {s[0]}px; }}
"""


def indicator_image(name: str, color: str) -> str:
    """A 32 px PNG of an icon, for the stylesheet's url() (a stylesheet cannot take a QIcon); written
    once per name and colour into a folder of this process's, as a path with forward slashes."""
    import tempfile
    from pathlib import Path

    global _image_dir
    if _image_dir is None:
        import atexit
        import shutil

        _image_dir = tempfile.mkdtemp(prefix="workbench-theme-")
        atexit.register(shutil.rmtree, _image_dir, True)
    path = Path(_image_dir) / f"{name.replace('.', '-')}-{color.lstrip('#')}.png"
    if not path.exists() and QApplication.instance() is not None:
        icon(name, color).pixmap(32, 32).save(str(path))
    return path.as_posix()


_image_dir: str | None = None


# -- plots -------------------------------------------------------------------------------------
def _style_pyqtgraph(c: Colors) -> None:
    """New plots take the theme's colours; existing ones given to style_plot are restyled."""
    import sys

    if "pyqtgraph" not in sys.modules:  # not imported yet: style_plot sets the options on first use
        return
    import pyqtgraph as pg

    pg.setConfigOptions(background=c.plot, foreground=c.muted, antialias=True)
    from shiboken6 import isValid

    for plot in list(_plots):
        if isValid(plot):  # a plot whose window has gone is still in the set until Python collects it
            _restyle(plot, c)


def style_plot(plot: Any) -> Any:
    """Give a pyqtgraph PlotWidget (or GraphicsLayoutWidget) the theme's colours, now and after
    every theme change. Returns the plot, so that it can wrap a constructor."""
    import pyqtgraph as pg

    c = colors()
    pg.setConfigOptions(background=c.plot, foreground=c.muted, antialias=True)
    _plots.add(plot)
    _restyle(plot, c)
    return plot


def _restyle(plot: Any, c: Colors) -> None:
    import pyqtgraph as pg

    plot.setBackground(c.plot)
    for item in plot.scene().items():
        if isinstance(item, pg.AxisItem):
            item.setPen(pg.mkPen(c.grid))
            item.setTextPen(pg.mkPen(c.muted))
            if item.label is not None:
                item.label.setDefaultTextColor(QColor(c.muted))
        elif isinstance(item, pg.LabelItem):
            item.setAttr("color", c.text)
            item.setText(item.text)
        elif isinstance(item, pg.LegendItem):
            item.setLabelTextColor(c.text)
            item.setBrush(pg.mkBrush(QColor(c.surface)))
            item.setPen(pg.mkPen(c.border))


# -- icons -------------------------------------------------------------------------------------
# qtawesome (MIT); the names are Material Design Icons 6 (Apache 2.0).
NAV_ICONS = {"Welcome": "mdi6.home-outline", "Models": "mdi6.cube-outline", "Playground": "mdi6.chat-processing-outline",
             "Attention": "mdi6.grid", "Training": "mdi6.chart-line", "Export": "mdi6.export-variant",
             "Evaluate": "mdi6.scale-balance", "Learn": "mdi6.school-outline"}


def icon(name: str, color: str | None = None, active_color: str | None = None) -> QIcon:
    """A qtawesome icon in the theme's text colour (or the one given); an empty icon when the name
    is unknown to the installed qtawesome, so that a renamed icon never breaks a page."""
    os.environ.setdefault("QT_API", "pyside6")  # qtpy picks the binding we use, never PyQt
    import qtawesome as qta

    c = colors()
    try:
        return qta.icon(name, color=color or c.text, color_active=active_color or color or c.text,
                        color_selected=c.on_accent)
    except Exception:  # noqa: BLE001 - qtawesome raises its own Exception for an unknown name
        return QIcon()


def set_role(widget: QWidget, role: str) -> QWidget:
    """Set a stylesheet role (see the module's docstring) and re-polish, so it applies at once."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    return widget


def current_is_dark() -> bool:
    app = QApplication.instance()
    return bool(app) and app.palette().color(QPalette.Window).lightness() < 128
