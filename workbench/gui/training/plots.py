"""Live training curves (pyqtgraph): loss raw + smoothed + eval, metric (perplexity, accuracy / F1,
or a seq2seq run's ROUGE-L / BLEU), learning rate, gradient
norm, tokens/s and, on a GPU, memory allocated and peak. Events are appended to a CurveStore; a
timer redraws only what changed, with peak downsampling and clip-to-view so 100,000 points stay
smooth; each tick repaints one group of plots, so no single repaint holds the GUI thread for long."""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QSlider, QVBoxLayout, QWidget

from workbench.gui.i18n import translate
from workbench.training.curves import CurveStore, ema

OVERLAY_COLORS = ("#e8590c", "#2b8a3e", "#862e9c", "#c2255c", "#1864ab", "#5c940d")
GIB = 2**30


def _plot(layout: Any, title: str, row: int, col: int, colspan: int = 1, grid: bool = False) -> Any:
    plot = layout.addPlot(row=row, col=col, colspan=colspan, title=title)
    if grid:  # grid lines are most of the paint time of a plot: only the main one has them
        plot.showGrid(x=True, y=True, alpha=0.2)
    plot.setDownsampling(auto=True, mode="peak")
    plot.setClipToView(True)
    plot.getAxis("bottom").setLabel(translate("CurvesPanel", "step"))
    return plot


class CurvesPanel(QWidget):
    """The dashboard's plots with log-scale, smoothing and a crosshair readout."""

    step_hovered = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = CurveStore()
        self.overlays: dict[str, tuple[CurveStore, Any]] = {}  # run path -> (store, curve)
        self._drawn = -1
        self._group_version = -1
        self._next_group = 0
        self._pending_x: tuple[float, float] | None = None
        self._smooth_weight = 0.6
        self._smoothed = np.empty(0)
        self._build_plots()
        self._build_curves()
        self._build_crosshair()
        self._build_controls()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(self.controls)
        lay.addWidget(self.readout)
        lay.addWidget(self.graphics, 1)
        self.timer = QTimer(self)
        # 3 groups, so each plot is refreshed every 450 ms: live to the eye, and the GUI thread's
        # painting (which holds the GIL) costs the training thread under 2% (bench_training.py).
        self.timer.setInterval(150)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    # -- plots ------------------------------------------------------------------------------------
    def _build_plots(self) -> None:
        """The plot grid: loss on top, the small plots below follow its step range."""
        self.graphics = pg.GraphicsLayoutWidget()
        g = self.graphics
        self.loss_plot = _plot(g, translate("CurvesPanel", "Loss"), 0, 0, colspan=2, grid=True)
        self.metric_plot = _plot(g, translate("CurvesPanel", "Perplexity"), 1, 0)
        self.lr_plot = _plot(g, translate("CurvesPanel", "Learning rate"), 1, 1)
        # The bottom row is a layout of its own so that the memory plot, shown on a GPU only,
        # takes a third of it without leaving an empty column under the plots above.
        bottom = g.addLayout(row=2, col=0, colspan=2)
        bottom.setContentsMargins(0, 0, 0, 0)
        self.grad_plot = _plot(bottom, translate("CurvesPanel", "Gradient norm"), 0, 0)
        self.speed_plot = _plot(bottom, translate("CurvesPanel", "Tokens / second"), 0, 1)
        self.memory_plot = _plot(bottom, translate("CurvesPanel", "GPU memory (GB)"), 0, 2)
        self.memory_plot.hide()  # until a step reports GPU memory: a CPU run never shows it
        self.followers = (self.metric_plot, self.lr_plot, self.grad_plot, self.speed_plot, self.memory_plot)
        self._groups = ((self.loss_plot,), (self.metric_plot, self.lr_plot),
                        (self.grad_plot, self.speed_plot, self.memory_plot))
        for p in self.followers:
            # The loss plot chooses the steps shown (zoom, pan, auto-range) and the others follow.
            # Not setXLink: it lines plots up in screen space, which shifts side-by-side plots.
            p.enableAutoRange(x=False)
            p.setAutoVisible(y=True)
        self.loss_plot.sigXRangeChanged.connect(self._follow_x)
        g.ci.layout.setRowStretchFactor(0, 2)

    def _build_curves(self) -> None:
        """The curves in the plots, and their legends."""
        self.loss_plot.addLegend(offset=(-10, 10))
        self.raw_curve = self.loss_plot.plot(pen=pg.mkPen((80, 130, 220, 90), width=1), name=translate("CurvesPanel", "train (raw)"))
        self.smooth_curve = self.loss_plot.plot(pen=pg.mkPen("#1c5fd4", width=2), name=translate("CurvesPanel", "train (smoothed)"))
        self.eval_curve = self.loss_plot.plot(pen=pg.mkPen("#e03131", width=2), symbol="o", symbolSize=6,
                                              symbolBrush="#e03131", name=translate("CurvesPanel", "eval"))
        self.metric_curves = {
            "perplexity": self.metric_plot.plot(pen=pg.mkPen("#e03131", width=2), symbol="o", symbolSize=5),
            "accuracy": self.metric_plot.plot(pen=pg.mkPen("#2b8a3e", width=2), symbol="o", symbolSize=5),
            "f1": self.metric_plot.plot(pen=pg.mkPen("#862e9c", width=2), symbol="t", symbolSize=6),
            # seq2seq: the scores of the greedy outputs at each evaluation (percentages)
            "rougeL": self.metric_plot.plot(pen=pg.mkPen("#1864ab", width=2), symbol="o", symbolSize=5),
            "bleu": self.metric_plot.plot(pen=pg.mkPen("#e8590c", width=2), symbol="t", symbolSize=6)}
        self.lr_curve = self.lr_plot.plot(pen=pg.mkPen("#2b8a3e", width=2))
        self.grad_curve = self.grad_plot.plot(pen=pg.mkPen("#e8590c", width=1))
        self.speed_curve = self.speed_plot.plot(pen=pg.mkPen("#5f3dc4", width=1))
        legend = self.memory_plot.addLegend(labelTextSize="7pt", verSpacing=-5, frame=False)
        # Halfway up on the right: auto-range puts the lowest allocated point at the bottom and the
        # peak at the top, so the corners are where the curves are.
        legend.anchor(itemPos=(1, 0.5), parentPos=(1, 0.5), offset=(-5, 0))
        self.allocated_curve = self.memory_plot.plot(pen=pg.mkPen("#4dabf7", width=1), name=translate("CurvesPanel", "allocated"))
        self.peak_curve = self.memory_plot.plot(pen=pg.mkPen("#f06595", width=1), name=translate("CurvesPanel", "peak"))

    def _follow_x(self, _view: Any, x_range: Any) -> None:
        # Applied to the small plots on their own redraw tick (see tick()), not now: setting it
        # here would repaint all of them together with the loss plot.
        self._pending_x = tuple(x_range)

    # -- controls ---------------------------------------------------------------------------------
    def _build_controls(self) -> None:
        self.log_check = QCheckBox(translate("CurvesPanel", "Log scale"))
        self.log_check.toggled.connect(self.set_log_scale)
        self.smooth_slider = QSlider(Qt.Horizontal)
        self.smooth_slider.setRange(0, 99)
        self.smooth_slider.setValue(int(self._smooth_weight * 100))
        self.smooth_slider.setFixedWidth(160)
        self.smooth_slider.valueChanged.connect(lambda v: self.set_smoothing(v / 100))
        self.smooth_label = QLabel(translate("CurvesPanel", "Smoothing {weight}").format(weight=f"{self._smooth_weight:.2f}"))
        self.readout = QLabel(" ")
        self.readout.setTextInteractionFlags(Qt.TextSelectableByMouse)
        # A row of its own, wrapped: on one line the readout (a GPU run adds memory and MFU) was
        # cut off, or as a label's minimum width is its text's, widened the window. Two lines are
        # kept free so that the plots do not move when the mouse first hovers.
        self.readout.setWordWrap(True)
        self.readout.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.readout.setMinimumHeight(2 * self.readout.fontMetrics().lineSpacing())
        self.controls = QHBoxLayout()
        for w in (self.log_check, self.smooth_label, self.smooth_slider):
            self.controls.addWidget(w)
        self.controls.addStretch(1)

    def _build_crosshair(self) -> None:
        self.vline = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen((120, 120, 120), style=Qt.DashLine))
        self.loss_plot.addItem(self.vline, ignoreBounds=True)
        self.marker = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#f08c00", width=2))
        self.marker.hide()  # the attention replay's step
        self.loss_plot.addItem(self.marker, ignoreBounds=True)
        self._proxy = pg.SignalProxy(self.loss_plot.scene().sigMouseMoved, rateLimit=30, slot=self._mouse_moved)

    def set_log_scale(self, on: bool) -> None:
        self.loss_plot.setLogMode(y=on)
        self.metric_plot.setLogMode(y=on)
        self._drawn = -1

    def set_smoothing(self, weight: float) -> None:
        self._smooth_weight = max(0.0, min(0.99, weight))
        self.smooth_label.setText(translate("CurvesPanel", "Smoothing {weight}").format(weight=f"{self._smooth_weight:.2f}"))
        self._smoothed = np.empty(0)  # recompute the whole smoothed curve once
        self._drawn = -1

    def set_marker(self, step: int | None) -> None:
        if step is None:
            self.marker.hide()
        else:
            self.marker.setPos(step)
            self.marker.show()

    # -- data -------------------------------------------------------------------------------------
    def clear(self) -> None:
        self.store = CurveStore()
        self._smoothed = np.empty(0)
        self._drawn = -1
        self.redraw()

    def set_store(self, store: CurveStore) -> None:
        self.store = store
        self._smoothed = np.empty(0)
        self._drawn = -1

    def add_event(self, event: Any) -> None:
        self.store.add(event)  # drawn by the timer, not here

    def smoothed(self) -> np.ndarray:
        loss = self.store["loss"]
        done = len(self._smoothed)
        if done > loss.n:  # a resume rewound the curve
            done = 0
        self._smoothed = ema(loss.ys, self._smooth_weight, done, self._smoothed)
        return self._smoothed

    def redraw(self) -> None:
        """Push new data to the curves. The timer calls tick() instead, which spreads the work."""
        if self.store.version == self._drawn and not self._pending_x:
            return
        for group in range(len(self._groups)):
            self._draw_group(group)
        self._drawn = self.store.version

    def tick(self) -> None:
        """One group of plots per timer tick (the big loss plot, then two rows of small ones):
        painting the whole dashboard at once was the GUI thread's longest stall."""
        if not self.isVisible() or (self.store.version == self._drawn and not self._pending_x):
            return
        self._draw_group(self._next_group)
        self._next_group = (self._next_group + 1) % len(self._groups)
        if self._next_group == 0:
            self._drawn = self._group_version  # every group now shows data up to this version

    def _draw_group(self, group: int) -> None:
        s = self.store
        if group == 0:
            self._group_version = s.version
            self.raw_curve.setData(s["loss"].xs, s["loss"].ys)
            self.smooth_curve.setData(s["loss"].xs, self.smoothed())
            self.eval_curve.setData(s["eval_loss"].xs, s["eval_loss"].ys)
            return
        for plot in self._groups[group]:
            if self._pending_x is not None:
                plot.setXRange(*self._pending_x, padding=0)
        if group == 1:
            self._draw_metrics()
            self.lr_curve.setData(s["learning_rate"].xs, s["learning_rate"].ys)
        else:
            grad = s["grad_norm"]
            finite = np.isfinite(grad.ys)
            self.grad_curve.setData(grad.xs[finite], grad.ys[finite])
            self.speed_curve.setData(s["tokens_per_second"].xs, s["tokens_per_second"].ys)
            self._draw_memory()
            self._pending_x = None  # the last group has applied the loss plot's range

    def _draw_metrics(self) -> None:
        """The eval metric plot: accuracy / F1 (classification), ROUGE-L / BLEU (seq2seq; its
        perplexity is the eval loss on the loss plot, and on another scale) or else perplexity."""
        s = self.store
        scored = s["rougeL"].n > 0
        for name, curve in self.metric_curves.items():
            hidden = name == "perplexity" and scored
            curve.setData(s[name].xs[:0] if hidden else s[name].xs, s[name].ys[:0] if hidden else s[name].ys)
        title = translate("CurvesPanel", "Accuracy / F1") if s["accuracy"].n else translate("CurvesPanel", "Perplexity")
        if scored:  # the colours of the two curves name them
            title = "<span style='color:#1864ab'>ROUGE-L</span> / <span style='color:#e8590c'>BLEU</span>"
        self.metric_plot.setTitle(title)

    def _draw_memory(self) -> None:
        allocated, peak = self.store["gpu_allocated_bytes"], self.store["gpu_memory_bytes"]
        self.allocated_curve.setData(allocated.xs, allocated.ys / GIB)
        self.peak_curve.setData(peak.xs, peak.ys / GIB)
        # A CPU run logs 0 bytes: its dashboard shows no memory plot rather than an empty one.
        self.memory_plot.setVisible(bool(np.any(peak.ys > 0)))

    # -- runs history overlays ----------------------------------------------------------------------
    def set_overlay(self, key: str, store: CurveStore | None, label: str = "") -> None:
        """Show (or, with store=None, remove) another run's smoothed loss on the loss plot."""
        if key in self.overlays:
            self.loss_plot.removeItem(self.overlays.pop(key)[1])
        if store is None:
            return
        color = OVERLAY_COLORS[len(self.overlays) % len(OVERLAY_COLORS)]
        loss = store["loss"]
        curve = self.loss_plot.plot(loss.xs, ema(loss.ys, self._smooth_weight),
                                    pen=pg.mkPen(color, width=2, style=Qt.DashLine), name=label or key)
        self.overlays[key] = (store, curve)

    # -- crosshair ----------------------------------------------------------------------------------
    def _mouse_moved(self, args: Any) -> None:
        pos = args[0]
        if not self.loss_plot.sceneBoundingRect().contains(pos):
            return
        x = self.loss_plot.vb.mapSceneToView(pos).x()
        loss = self.store["loss"]
        if not loss.n:
            return
        i = int(np.clip(np.searchsorted(loss.xs, x), 0, loss.n - 1))
        if i > 0 and abs(loss.xs[i - 1] - x) < abs(loss.xs[i] - x):
            i -= 1
        step = int(loss.xs[i])
        self.vline.setPos(step)
        # Lines break between the values only: "loss 1.6667" keeps its (single) space unbroken.
        self.readout.setText(re.sub(r"(?<! ) (?! )", "\u00a0", self.describe(step)))
        self.step_hovered.emit(step)

    def describe(self, step: int) -> str:
        """The values at `step` (nearest logged point of each series) for the crosshair readout."""
        s = self.store
        parts = [translate("CurvesPanel", "step {step}").format(step=step)]
        # Each value is "{label} {value}"; the short labels of the readout, translated where Chinese
        # has its own word (ROUGE-L, BLEU and F1 are the metrics' names).
        for name, label, fmt in (("loss", translate("CurvesPanel", "loss"), ".4f"),
                                 ("eval_loss", translate("CurvesPanel", "eval"), ".4f"),
                                 ("perplexity", translate("CurvesPanel", "ppl"), ".2f"),
                                 ("accuracy", translate("CurvesPanel", "acc"), ".3f"), ("f1", "F1", ".3f"),
                                 ("rougeL", "ROUGE-L", ".1f"), ("bleu", "BLEU", ".1f"),
                                 ("learning_rate", translate("CurvesPanel", "lr"), ".2e"),
                                 ("grad_norm", translate("CurvesPanel", "grad"), ".3f"),
                                 ("tokens_per_second", translate("CurvesPanel", "tok/s"), ",.0f")):
            value = self._value_at(name, step)
            if value is not None:
                parts.append(f"{label} {value:{fmt}}")
        allocated, mfu = self._value_at("gpu_allocated_bytes", step), self._value_at("mfu", step)
        if allocated:  # 0 on a CPU run, and MFU too (its peak is unknown)
            parts.append(translate("CurvesPanel", "GPU {value} GB").format(value=f"{allocated / GIB:.2f}"))
        if mfu:
            parts.append(translate("CurvesPanel", "MFU {value}").format(value=f"{mfu:.0%}"))
        smoothed = self._smoothed
        loss = s["loss"]
        if len(smoothed) == loss.n and loss.n:
            j = int(np.clip(np.searchsorted(loss.xs, step), 0, loss.n - 1))
            parts.insert(2, translate("CurvesPanel", "smoothed {value}").format(value=f"{smoothed[j]:.4f}"))
        return "   ".join(parts)

    def _value_at(self, name: str, step: int) -> float | None:
        """The series' value at the logged point nearest `step`; None if none is near or it is nan."""
        series = self.store[name]
        if not series.n:
            return None
        j = int(np.clip(np.searchsorted(series.xs, step), 0, series.n - 1))
        value = float(series.ys[j])
        return value if abs(series.xs[j] - step) <= max(1, step * 0.02) and math.isfinite(value) else None
