"""What a person would see wrong on a page, found from the widgets themselves: text clipped by a
widget narrower than its text, axis labels drawn over each other, a page wider than the window,
empty axes and blank tables. Used by test_screens.py; each returns a list of readable problems."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QHeaderView, QLabel, QTableView, QTabBar,
                               QWidget)


def _shown(widget: QWidget, page: QWidget) -> bool:
    """Visible on the page as it is now (not on a hidden tab, not scrolled out of a zero-size box)."""
    return widget.isVisibleTo(page) and widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _name(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    return f"{type(widget).__name__} {text[:40]!r}"


def clipped_text(page: QWidget) -> list[str]:
    """Labels and buttons narrower than their text's minimum size hint (their text is cut off)."""
    problems = []
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, (QLabel, QAbstractButton, QComboBox)) or not _shown(widget, page):
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.text() or widget.pixmap() is not None
                                           and not widget.pixmap().isNull()):
            continue
        if isinstance(widget, QAbstractButton) and not widget.text():
            continue
        hint = widget.minimumSizeHint()
        if widget.width() + 1 < hint.width():
            problems.append(f"{_name(widget)} is {widget.width()} px wide, its text needs {hint.width()}")
    return problems


def too_wide(window: QWidget, page: QWidget, width: int | None = None) -> list[str]:
    """The page needs more width than a window `width` px wide gives it (the window would grow past
    the screen, or clip it); width defaults to the window's own."""
    width = width or window.width()
    room = width - (window.width() - page.width())  # the window less the navigation and margins
    need = page.minimumSizeHint().width()
    problems = [f"the page needs {need} px, a {width} px window gives it {room}"] if need > room + 1 else []
    if window.width() > width + 1:
        problems.append(f"the window grew to {window.width()} px (asked for {width})")
    return problems


def _axes(page: QWidget) -> list:
    import sys

    if "pyqtgraph" not in sys.modules:
        return []
    import pyqtgraph as pg

    out = []
    for view in page.findChildren(pg.GraphicsView):
        if _shown(view, page):
            out += [(view, item) for item in view.scene().items() if isinstance(item, pg.AxisItem)
                    and item.isVisible() and item.style.get("showValues", True)]
    return out


def overlapping_axis_labels(page: QWidget) -> list[str]:
    """Tick labels of one axis whose boxes intersect (e.g. token labels run together)."""
    problems = []
    image = QImage(8, 8, QImage.Format_ARGB32)
    for _view, axis in _axes(page):
        painter = QPainter(image)
        try:
            specs = axis.generateDrawSpecs(painter)
        finally:
            painter.end()
        if not specs:
            continue
        rects = [(QRectF(rect), text) for rect, _flags, text in specs[2] if text]
        for i, (a, text_a) in enumerate(rects):
            for b, text_b in rects[i + 1:]:
                if a.adjusted(0.5, 0.5, -0.5, -0.5).intersects(b.adjusted(0.5, 0.5, -0.5, -0.5)):
                    problems.append(f"{axis.orientation} axis: {text_a!r} overlaps {text_b!r}")
                    break
    return problems


def empty_axes(page: QWidget) -> list[str]:
    """Plots on show with nothing drawn in them."""
    import sys

    if "pyqtgraph" not in sys.modules:
        return []
    import pyqtgraph as pg

    problems = []
    for view in page.findChildren(pg.GraphicsView):
        if not _shown(view, page):
            continue
        # A ColorBarItem is a PlotItem too: it is the legend of an image, not a plot of its own.
        plots = [i for i in view.scene().items() if isinstance(i, pg.PlotItem) and i.isVisible()
                 and not isinstance(i, pg.ColorBarItem)]
        for plot in plots:
            items = plot.listDataItems() + [i for i in plot.items if isinstance(i, pg.ImageItem)]
            if not any(_has_data(i) for i in items):
                problems.append(f"a plot with no data is shown ({plot.titleLabel.text or 'untitled'})")
    return problems


def _has_data(item) -> bool:
    import pyqtgraph as pg

    if isinstance(item, pg.ImageItem):
        return item.image is not None and item.image.size > 1
    if hasattr(item, "getData"):
        x, _y = item.getData()
        return x is not None and len(x) > 0
    return True


def blank_tables(page: QWidget) -> list[str]:
    """Tables and lists on show without a row."""
    problems = []
    for view in page.findChildren(QAbstractItemView):
        if not _shown(view, page) or isinstance(view, (QComboBox, QHeaderView)) or view.model() is None:
            continue
        if getattr(view, "placeholder", ""):  # it paints what belongs in it while it is empty
            continue
        if view.model().rowCount() == 0 and not isinstance(view.parent(), QComboBox) and \
                type(view).__name__ != "QComboBoxListView":
            problems.append(f"{type(view).__name__} {view.objectName()!r} is shown with no rows")
    return problems


def tabs_clipped(page: QWidget) -> list[str]:
    """Tab bars whose tabs do not fit (Qt elides or scrolls them)."""
    problems = []
    for bar in page.findChildren(QTabBar):
        if _shown(bar, page) and bar.count() and bar.sizeHint().width() > bar.width() + 1 and \
                bar.tabRect(bar.count() - 1).right() > bar.width():
            problems.append(f"tab bar {[bar.tabText(i) for i in range(bar.count())]} needs "
                            f"{bar.sizeHint().width()} px, has {bar.width()}")
    return problems


def all_problems(window: QWidget, page: QWidget, width: int | None = None) -> list[str]:
    return (clipped_text(page) + too_wide(window, page, width) + overlapping_axis_labels(page) + empty_axes(page)
            + blank_tables(page) + tabs_clipped(page))


__all__ = ["all_problems", "blank_tables", "clipped_text", "empty_axes", "overlapping_axis_labels",
           "tabs_clipped", "too_wide", "QTableView"]
