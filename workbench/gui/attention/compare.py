"""Compare: the same text through a second model, side by side with the difference map."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from workbench.attention.maps import AttentionMaps
from workbench.gui.i18n import core_text, translate
from workbench.gui.widgets.elide import ElidedLabel
from workbench.gui.widgets.empty_state import EmptyStack, EmptyState
from workbench.gui.widgets.heatmap import HeatmapView
from workbench.gui.widgets import MessageBanner


@dataclass(frozen=True)
class Compared:
    name: str  # the second model, as its title shows it
    maps: AttentionMaps


def compare_job(ctx: Any, source: str, text: str, pair: str | None) -> Compared:
    from workbench.backends import open_model

    ctx.message(translate("CompareView", "Loading {source} ...").format(source=source))
    other = open_model(source)  # an ONNX export folder opens on ONNX Runtime: its own maps
    ctx.message(translate("CompareView", "Extracting attention ..."))
    name = f"{source} (ONNX Runtime, {other.provider})" if other.backend == "onnxruntime" else other.info.source
    return Compared(name, other.attention_maps(text, pair))


class CompareView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.other_maps: Any = None
        self.other_name = ""
        self.source = QLineEdit()
        self.source.setPlaceholderText(translate("CompareView", "Second model: a folder (a fine-tuned run's model, or "
                                                               "an ONNX export made with attention maps), hub id or "
                                                               "builtin:NAME"))
        self.load_button = QPushButton(translate("CompareView", "Load and compare"))
        self.banner = MessageBanner()
        self.status = QLabel(translate("CompareView", "Compare the current text through a second model with the same tokenizer."))
        self.status.setWordWrap(True)
        self.left, self.right = HeatmapView(), HeatmapView()
        self.diff = HeatmapView(diverging=True)
        self.titles = [ElidedLabel(translate("CompareView", "Loaded model")),
                       ElidedLabel(translate("CompareView", "Second model")),
                       ElidedLabel(translate("CompareView", "Difference (second − loaded)"))]
        row = QHBoxLayout()
        row.addWidget(self.source, 1)
        row.addWidget(self.load_button)
        maps_box = QWidget()
        maps = QHBoxLayout(maps_box)
        maps.setContentsMargins(0, 0, 0, 0)
        for title, view in zip(self.titles, (self.left, self.right, self.diff)):
            col = QVBoxLayout()
            col.addWidget(title)
            col.addWidget(view, 1)
            maps.addLayout(col, 1)
        self.maps_stack = EmptyStack(maps_box, EmptyState(
            translate("CompareView", "Both maps and their difference will appear here"),
            translate("CompareView", "Name a second model above (a folder, a hub id or builtin:NAME) that splits "
                                     "the text into the same tokens, then press Load and compare."),
            "mdi6.compare-horizontal"))
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.banner)
        lay.addWidget(self.status)
        lay.addWidget(self.maps_stack, 1)

    def clear(self) -> None:
        """Forget the second model's maps (the loaded model changed): back to the empty view."""
        self.other_maps, self.other_name = None, ""
        self.titles[1].setText(translate("CompareView", "Second model"))
        self.status.setText(translate("CompareView", "Compare the current text through a second model with the same "
                                                     "tokenizer."))
        self.banner.hide()
        self.maps_stack.show_content(False)

    def set_other(self, name: str, maps: Any) -> None:
        self.other_name, self.other_maps = name, maps
        self.titles[1].setText(translate("CompareView", "Second model: {name}").format(name=name))

    def update_view(self, base_set: Any, kind: str, matrix_of: Any) -> None:
        """matrix_of(set) -> (q, k) for the page's current layer/head selection."""
        if self.other_maps is None or base_set is None:
            return
        other = self.other_maps.sets.get(kind)
        if other is None:
            from workbench.attention.maps import KIND_LABELS

            self.banner.show_error(translate("CompareView", "The second model has no attention of the kind shown "
                                                            "({kind}).").format(kind=core_text(KIND_LABELS.get(kind, kind))))
            return
        if other.query_tokens != base_set.query_tokens or other.key_tokens != base_set.key_tokens:
            self.banner.show_error(translate("CompareView", "The two models split the text into different tokens, so "
                                                            "their maps cannot be subtracted; compare models that "
                                                            "share a tokenizer."))
            return
        if other.weights.shape[:2] != base_set.weights.shape[:2]:
            self.banner.show_error(translate("CompareView", "The two models have different numbers of layers or heads."))
            return
        self.banner.hide()
        a, b = matrix_of(base_set), matrix_of(other)
        self.left.set_matrix(a, base_set.query_tokens, base_set.key_tokens)
        self.right.set_matrix(b, other.query_tokens, other.key_tokens)
        self.diff.set_matrix(b - a, other.query_tokens, other.key_tokens)
        self.maps_stack.show_content(True)
        diff = np.abs(b - a)
        self.status.setText(translate("CompareView", "Largest difference {largest}, mean {mean}").format(
            largest=f"{float(diff.max()):.3g}", mean=f"{float(diff.mean()):.3g}"))
