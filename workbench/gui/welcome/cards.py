"""The Welcome page's building blocks: a card, an area's card with a small picture of it, and a list
of recent items whose long names elide in the middle."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLayout, QPushButton, QVBoxLayout

from workbench.gui.i18n import translate
from workbench.gui.theme import NAV_ICONS, SPACE, colors, icon, set_role
from workbench.gui.widgets import heading
from workbench.gui.widgets.elide import ElidedLabel
from workbench.paths import resource_path

PICTURE_WIDTH = 200  # px; resources/welcome/<Area>.png are screenshots (packaging/welcome_pictures.py)


def card(title: str, icon_name: str) -> tuple[QFrame, QVBoxLayout]:
    """A framed card with an icon and a title; returns it and the layout to fill."""
    box = QFrame()
    set_role(box, "card")
    lay = QVBoxLayout(box)
    lay.setContentsMargins(SPACE[3], SPACE[3], SPACE[3], SPACE[3])
    lay.setSpacing(SPACE[1])
    row = QHBoxLayout()
    mark = QLabel()
    mark.setPixmap(icon(icon_name, colors().accent).pixmap(22, 22))
    row.addWidget(mark)
    row.addWidget(heading(title, "subtitle"), 1)
    lay.addLayout(row)
    return box, lay


def picture(title: str) -> QLabel:
    """The area's screenshot, scaled to PICTURE_WIDTH; its icon, large, where there is none."""
    label = QLabel()
    label.setAlignment(Qt.AlignCenter)
    path = resource_path("welcome", f"{title}.png")
    pixmap = QPixmap(str(path)) if path.is_file() else QPixmap()
    if pixmap.isNull():
        pixmap = icon(NAV_ICONS.get(title, "mdi6.circle-outline"), colors().accent).pixmap(64, 64)
    else:
        pixmap = pixmap.scaledToWidth(PICTURE_WIDTH, Qt.SmoothTransformation)
    label.setPixmap(pixmap)
    label.setMinimumHeight(pixmap.height())
    return label


def area_card(title: str, label: str, text: str, on_open: Callable[..., None]) -> QFrame:
    """One area of the app: its picture, name, what it does, and a button that goes there."""
    box, lay = card(label, NAV_ICONS.get(title, "mdi6.circle-outline"))
    lay.addWidget(picture(title))
    body = QLabel(text)
    body.setWordWrap(True)
    set_role(body, "muted")
    lay.addWidget(body, 1)
    button = QPushButton(translate("WelcomePage", "Go to {area}").format(area=label))
    button.clicked.connect(on_open)
    lay.addWidget(button, 0, Qt.AlignLeft)
    box.setObjectName(f"area-{title}")
    return box


def clear(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:  # off screen now: a deferred delete waits for the event loop
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        elif item.layout() is not None:
            clear(item.layout())


def recent_list(layout: QVBoxLayout, items: Sequence[tuple[str, str, Callable[..., None]]],
                empty: str) -> list[tuple[ElidedLabel, QPushButton]]:
    """Fill layout with (name, tooltip, on_open) rows: the name elided in the middle and an Open
    button; the sentence `empty` where there are none. Returns the rows."""
    clear(layout)
    if not items:
        note = QLabel(empty)
        note.setWordWrap(True)
        set_role(note, "muted")
        layout.addWidget(note)
        return []
    rows = []
    for name, tooltip, on_open in items:
        row = QHBoxLayout()
        label = ElidedLabel(name)
        label.setToolTip(tooltip)
        button = QPushButton(translate("WelcomePage", "Open"))
        button.clicked.connect(on_open)
        row.addWidget(label, 1)
        row.addWidget(button)
        layout.addLayout(row)
        rows.append((label, button))
    return rows
