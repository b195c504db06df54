"""What a view shows before it has anything to show: what will appear there, and the one action
that fills it. EmptyStack swaps between that and the real content, so that no page ever shows
empty axes or a blank table."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from workbench.gui.theme import SPACE, icon, notifier, set_role

MAX_LINE = 560  # px: the longest line of an empty state's text


class EmptyState(QFrame):
    """An icon, a title, a sentence of what will appear, and an optional action button."""

    def __init__(self, title: str, body: str, icon_name: str = "mdi6.information-outline",
                 action: str = "", on_action: Callable[[], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "empty")
        self.icon_name = icon_name
        self.icon_label = QLabel()
        self.icon_label.setAlignment(Qt.AlignCenter)
        self.title = QLabel(title)
        set_role(self.title, "subtitle")
        self.body = QLabel(body)
        set_role(self.body, "muted")
        for label in (self.title, self.body):
            label.setAlignment(Qt.AlignCenter)
            label.setWordWrap(True)
        self.button = QPushButton(action)
        set_role(self.button, "primary")
        self.button.setVisible(bool(action))
        if on_action is not None:
            self.button.clicked.connect(on_action)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(SPACE[4], SPACE[4], SPACE[4], SPACE[4])
        lay.setSpacing(SPACE[2])
        lay.addStretch(1)
        # No alignment flag on the wrapped labels: with one, a layout gives them their one-line
        # height and cuts the wrapped text off. resizeEvent keeps the lines short instead.
        for w in (self.icon_label, self.title, self.body):
            lay.addWidget(w)
        lay.addWidget(self.button, 0, Qt.AlignHCenter)
        lay.addStretch(1)
        self._paint_icon()
        notifier().changed.connect(self._paint_icon)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Side margins that keep the text at a readable line length (MAX_LINE px) in a wide view."""
        side = max(SPACE[4], (event.size().width() - MAX_LINE) // 2)
        self.layout().setContentsMargins(side, SPACE[4], side, SPACE[4])
        super().resizeEvent(event)

    def minimumSizeHint(self):  # noqa: N802 - without the side margins resizeEvent added: they are
        hint = super().minimumSizeHint()  # there only while the view is wide, never a reason to be wide
        margins = self.layout().contentsMargins()
        hint.setWidth(hint.width() - (margins.left() + margins.right() - 2 * SPACE[4]))
        return hint

    def _paint_icon(self, _colors: object = None) -> None:
        from workbench.gui.theme import colors

        self.icon_label.setPixmap(icon(self.icon_name, colors().muted).pixmap(48, 48))

    def set_texts(self, title: str, body: str, action: str | None = None) -> None:
        self.title.setText(title)
        self.body.setText(body)
        if action is not None:
            self.button.setText(action)
            self.button.setVisible(bool(action))


class EmptyStack(QStackedWidget):
    """Either an EmptyState or the content it stands for; starts empty."""

    def __init__(self, content: QWidget, empty: EmptyState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content, self.empty = content, empty
        self.addWidget(empty)
        self.addWidget(content)
        self.setCurrentWidget(empty)

    def show_content(self, on: bool = True) -> None:
        self.setCurrentWidget(self.content if on else self.empty)

    def is_empty(self) -> bool:
        return self.currentWidget() is self.empty
