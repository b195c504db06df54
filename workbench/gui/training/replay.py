"""Attention over training time: the probe sentence's maps at every evaluation, replayed with a
step slider (the loss plot shows the chosen step as a marker)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSlider, QSpinBox, QVBoxLayout, QWidget

from workbench.attention.select import select_matrix
from workbench.gui.i18n import translate
from workbench.gui.widgets.empty_state import EmptyStack, EmptyState
from workbench.gui.widgets.heatmap import HeatmapView


class AttentionReplay(QWidget):
    step_selected = Signal(int)
    probe_requested = Signal()  # the empty state's action: show the form's probe sentence field

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snapshots: list[tuple[int, list[str], np.ndarray]] = []  # (step, tokens, maps)
        self.follow = True  # jump to each new snapshot unless the user moved the slider back
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setRange(0, 0)
        self.slider.valueChanged.connect(self._show)
        self.step_label = QLabel("")
        self.step_label.setWordWrap(True)
        self.layer_spin = QSpinBox()
        self.head_spin = QSpinBox()
        self.mean_check = QCheckBox(translate("AttentionReplay", "Mean of heads"))
        for w in (self.layer_spin, self.head_spin):
            w.valueChanged.connect(lambda _v: self._show(self.slider.value()))
        self.mean_check.toggled.connect(lambda _v: self._show(self.slider.value()))
        self.heatmap = HeatmapView()  # the Attention page's heatmap: token axes, hover read-out
        row = QHBoxLayout()
        for label, w in ((translate("AttentionReplay", "Layer"), self.layer_spin),
                         (translate("AttentionReplay", "Head"), self.head_spin)):
            row.addWidget(QLabel(label))
            row.addWidget(w)
        row.addWidget(self.mean_check)
        row.addStretch(1)
        content = QWidget()
        cl = QVBoxLayout(content)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addLayout(row)
        cl.addWidget(self.heatmap, 1)
        cl.addWidget(self.step_label)
        cl.addWidget(self.slider)
        # Until the first snapshot: what will appear here and how to get it (a probe sentence).
        self.empty = EmptyState(translate("AttentionReplay", "No attention snapshots yet"),
                                translate("AttentionReplay", "Attention snapshots of the probe sentence appear here "
                                                             "at each evaluation, so you can replay how the heads "
                                                             "learn. Set a probe sentence before starting."),
                                "mdi6.grid", translate("AttentionReplay", "Set a probe sentence"),
                                self.probe_requested.emit)
        self.stack = EmptyStack(content, self.empty)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)
        self.slider.sliderMoved.connect(lambda v: setattr(self, "follow", v == self.slider.maximum()))

    def clear(self) -> None:
        self.snapshots = []
        self.follow = True
        self.slider.setRange(0, 0)
        self.heatmap.set_matrix(np.zeros((1, 1), dtype=np.float32), ("",), ("",))
        self.heatmap.image.clear()
        self.step_label.setText("")
        self.stack.show_content(False)  # the empty state until the next run's first snapshot

    def add_snapshot(self, step: int, tokens: list[str], maps: np.ndarray) -> None:
        self.snapshots = [s for s in self.snapshots if s[0] < step]  # a resume replaces later ones
        self.snapshots.append((step, list(tokens), np.asarray(maps, dtype=np.float32)))
        layers, heads = maps.shape[:2]
        self.layer_spin.setRange(0, layers - 1)
        self.head_spin.setRange(0, heads - 1)
        self.slider.setRange(0, len(self.snapshots) - 1)
        if self.follow:
            self.slider.setValue(len(self.snapshots) - 1)
        self.stack.show_content(True)
        self._show(self.slider.value())

    def current(self) -> tuple[int, np.ndarray] | None:
        """(step, the 2-D map on screen) or None."""
        if not self.snapshots:
            return None
        step, _tokens, maps = self.snapshots[self.slider.value()]
        head = "mean" if self.mean_check.isChecked() else self.head_spin.value()
        return step, select_matrix(maps, self.layer_spin.value(), head)

    def _show(self, index: int) -> None:
        if not self.snapshots:
            return
        step, tokens, _maps = self.snapshots[index]
        _step, matrix = self.current()
        labels = tuple(t.strip() or repr(t) for t in tokens)
        self.heatmap.set_matrix(matrix, labels, labels)
        self.step_label.setText(translate("AttentionReplay", "Step {step}  ({number} of {count} snapshots)").format(
            step=step, number=index + 1, count=len(self.snapshots)))
        self.step_selected.emit(step)
