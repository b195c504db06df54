"""Small widgets shared by the views."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QPlainTextEdit, QVBoxLayout, QWidget

from workbench.gui.i18n import translate


class MessageBanner(QFrame):
    """An inline message (error or info) with its details one click away; never a modal dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MessageBanner")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.details_button = QPushButton(translate("MessageBanner", "Details"))
        self.details_button.setCheckable(True)
        from workbench.gui.theme import icon

        self.close_button = QPushButton(icon("mdi6.close"), "")
        self.close_button.setFixedSize(28, 28)
        self.close_button.setToolTip(translate("MessageBanner", "Close"))
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(160)
        self.details.hide()
        top = QHBoxLayout()
        top.addWidget(self.label, 1)
        top.addWidget(self.details_button)
        top.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        lay.addLayout(top)
        lay.addWidget(self.details)
        self.details_button.toggled.connect(self.details.setVisible)
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def show_error(self, text: str, details: str = "") -> None:
        from workbench.gui.theme import current_is_dark

        self._show(text, details, *(("#4a2120", "#ffd7d4") if current_is_dark() else ("#fde2e1", "#8a1c14")))

    def show_info(self, text: str, details: str = "") -> None:
        from workbench.gui.theme import current_is_dark

        self._show(text, details, *(("#1c3450", "#d6e8ff") if current_is_dark() else ("#e3f0fd", "#0b3d6e")))

    def _show(self, text: str, details: str, bg: str, fg: str) -> None:
        self.setStyleSheet(f"#MessageBanner {{ background: {bg}; border-radius: 4px; }}"
                           f" #MessageBanner QLabel {{ color: {fg}; }}")
        self.label.setText(text)
        self.details.setPlainText(details)
        self.details_button.setVisible(bool(details))
        self.details_button.setChecked(False)
        self.show()


def prob_color(p: float) -> QColor:
    """Background for a token of probability p: red (unlikely) through yellow to green (likely);
    pale in the light theme, deep in the dark one, so that the theme's text stays readable on it."""
    from workbench.gui.theme import current_is_dark

    p = max(0.0, min(1.0, p))
    hue = int(120 * p)  # 0 = red, 120 = green
    return QColor.fromHsv(hue, 150, 100) if current_is_dark() else QColor.fromHsv(hue, 90, 255)


def heading(text: str, role: str = "title") -> QLabel:
    """A page's or a section's title on the type scale (theme.TYPE_SCALE)."""
    from workbench.gui.theme import set_role

    label = QLabel(text)
    set_role(label, role)
    return label
