"""Text that never runs out of its box: elided in the middle with the whole of it on hover, and
token labels thinned so that they never overlap on an axis."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


def elide_middle(text: str, metrics: QFontMetrics, width: int) -> str:
    """text shortened with "…" in the middle to fit width pixels (a path keeps both ends)."""
    return metrics.elidedText(text, Qt.ElideMiddle, max(0, width))


def short_label(token: str, max_chars: int = 10) -> str:
    """A token as an axis shows it: at most max_chars characters, the middle elided."""
    if len(token) <= max_chars:
        return token
    keep = max_chars - 1
    return token[: (keep + 1) // 2] + "…" + token[len(token) - keep // 2:]


def label_step(labels: Sequence[str], metrics: QFontMetrics, pixels_per_label: float, gap: int = 6) -> int:
    """Show every n-th label so that, at pixels_per_label pixels per label slot along a horizontal
    axis, no two shown labels overlap: n = ceil((widest label + gap) / pixels_per_label)."""
    if not labels or pixels_per_label <= 0:
        return max(1, len(labels))
    widest = max(metrics.horizontalAdvance(text) for text in labels) + gap
    return max(1, math.ceil(widest / pixels_per_label))


class ElidedLabel(QLabel):
    """A one-line label that elides its text in the middle when narrower than it, with the whole text
    as its tooltip. Its minimum width is small, so a long model name or path never widens a page."""

    def __init__(self, text: str = "", parent: QWidget | None = None, min_width: int = 60) -> None:
        super().__init__(parent)
        self._full = ""
        self.setMinimumWidth(min_width)
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        super().setText(elide_middle(self._full, self.fontMetrics(), self.width()))

    def sizeHint(self):  # noqa: N802 - the whole text's width, not the elided one's
        hint = super().sizeHint()
        margins = self.contentsMargins()
        hint.setWidth(self.fontMetrics().horizontalAdvance(self._full) + 2 * self.margin() + margins.left()
                      + margins.right() + 2)
        return hint

    def minimumSizeHint(self):  # noqa: N802 - the clipped-text check reads this: eliding is by design
        hint = super().minimumSizeHint()
        hint.setWidth(self.minimumWidth())
        return hint
