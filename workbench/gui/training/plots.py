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
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QSlider, QVBoxLayout, QWidget

from workbench.gui.i18n import translate
from workbench.gui.theme import colors, notifier, style_plot
from workbench.gui.widgets.empty_state import EmptyStack, EmptyState
from workbench.training.curves import CurveStore, ema

# Curve colours, (light plot, dark plot): saturated on the white plot, lighter on the dark one, so
# that every curve reads on both. The accent, danger and success ones are the theme's own.
_EXTRA = {"purple": ("#7048c8", "#b197fc"), "blue": ("#1864ab", "#74c0fc"), "orange": ("#d9480f", "#ffa94d"),
          "pink": ("#c2255c", "#f783ac"), "marker": ("#e67700", "#ffc078")}
OVERLAY_COLORS = (("#e8590c", "#ff922b"), ("#2b8a3e", "#69db7c"), ("#862e9c", "#da77f2"),
                  ("#c2255c", "#f783ac"), ("#1864ab", "#74c0fc"), ("#5c940d", "#a9e34b"))
GIB = 2**30


def plot_is_dark() -> bool:
    return QColor(colors().plot).lightness() < 128


def series_colors() -> dict[str, str]:
    """The colour of each curve on the plot background in use."""
    c, dark = colors(), int(plot_is_dark())
    extra = {name: pair[dark] for name, pair in _EXTRA.items()}
    return {"loss": c.accent, "eval": c.danger, "perplexity": c.danger, "accuracy": c.success, "f1": extra["purple"],
            "rougeL": extra["blue"], "bleu": extra["orange"], "learning_rate": c.success, "grad": c.warning,
            "speed": extra["purple"], "allocated": extra["blue"], "peak": extra["pink"], "marker": extra["marker"],
            "crosshair": c.muted}


def overlay_color(index: int) -> str:
    return OVERLAY_COLORS[index % len(OVERLAY_COLORS)][int(plot_is_dark())]


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
    example_requested = Signal()  # the empty state's action: start the built-in example run

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
        content = QWidget()
        cl = QVBoxLayout(content)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addLayout(self.controls)
        cl.addWidget(self.readout)
        cl.addWidget(self.graphics, 1)
        # Before a run: what will appear here, and the one action that fills it; the plots come
        # with the first logged point (or a run's history).
        self.empty = EmptyState(*self._empty_texts(), "mdi6.chart-line",
                                translate("CurvesPanel", "Start from an example"), self.example_requested.emit)
        self.empty.button.setToolTip(translate("CurvesPanel", "Fill in the settings for a tiny run on the built-in "
                                                              "stories (from scratch, under a minute on a CPU) and start it"))
        self.stack = EmptyStack(content, self.empty)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)
        style_plot(self.graphics)
        self._apply_colors()
        notifier().changed.connect(self._on_theme)
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
        """The curves in the plots, and their legends (their colours: _apply_colors)."""
        self.loss_plot.addLegend(offset=(-10, 10))
        self.raw_curve = self.loss_plot.plot(name=translate("CurvesPanel", "train (raw)"))
        self.smooth_curve = self.loss_plot.plot(name=translate("CurvesPanel", "train (smoothed)"))
        self.eval_curve = self.loss_plot.plot(symbol="o", symbolSize=6, name=translate("CurvesPanel", "eval"))
        self.metric_curves = {
            "perplexity": self.metric_plot.plot(symbol="o", symbolSize=5),
            "accuracy": self.metric_plot.plot(symbol="o", symbolSize=5),
            "f1": self.metric_plot.plot(symbol="t", symbolSize=6),
            # seq2seq: the scores of the greedy outputs at each evaluation (percentages)
            "rougeL": self.metric_plot.plot(symbol="o", symbolSize=5),
            "bleu": self.metric_plot.plot(symbol="t", symbolSize=6)}
        self.lr_curve = self.lr_plot.plot()
        self.grad_curve = self.grad_plot.plot()
        self.speed_curve = self.speed_plot.plot()
        self.memory_legend = legend = self.memory_plot.addLegend(labelTextSize="7pt", verSpacing=-5, frame=False)
        # Halfway up on the right: auto-range puts the lowest allocated point at the bottom and the
        # peak at the top, so the corners are where the curves are.
        legend.anchor(itemPos=(1, 0.5), parentPos=(1, 0.5), offset=(-5, 0))
        self.allocated_curve = self.memory_plot.plot(name=translate("CurvesPanel", "allocated"))
        self.peak_curve = self.memory_plot.plot(name=translate("CurvesPanel", "peak"))

    def _apply_colors(self) -> None:
        """Give every curve its colour for the plot background in use (now and after a theme switch)."""
        k = series_colors()
        raw = QColor(k["loss"])
        raw.setAlpha(90)
        self.raw_curve.setPen(pg.mkPen(raw, width=1))
        self.smooth_curve.setPen(pg.mkPen(k["loss"], width=2))
        self.eval_curve.setPen(pg.mkPen(k["eval"], width=2))
        self.eval_curve.setSymbolBrush(k["eval"])
        self.eval_curve.setSymbolPen(k["eval"])
        for name, curve in self.metric_curves.items():
            curve.setPen(pg.mkPen(k[name], width=2))
            curve.setSymbolBrush(k[name])
            curve.setSymbolPen(k[name])
        self.lr_curve.setPen(pg.mkPen(k["learning_rate"], width=2))
        self.grad_curve.setPen(pg.mkPen(k["grad"], width=1))
        self.speed_curve.setPen(pg.mkPen(k["speed"], width=1))
        self.allocated_curve.setPen(pg.mkPen(k["allocated"], width=1))
        self.peak_curve.setPen(pg.mkPen(k["peak"], width=1))
        self.vline.setPen(pg.mkPen(k["crosshair"], style=Qt.DashLine))
        self.marker.setPen(pg.mkPen(k["marker"], width=2))
        for i, (_store, curve) in enumerate(self.overlays.values()):
            curve.setPen(pg.mkPen(overlay_color(i), width=2, style=Qt.DashLine))
        # The memory plot's legend has no frame (style_plot gives legends one).
        self.memory_legend.setPen(None)
        self.memory_legend.setBrush(None)

    def _on_theme(self, _colors: object) -> None:
        self._apply_colors()
        self._draw_metrics()  # its title names the seq2seq curves in their colours

    def _empty_texts(self) -> tuple[str, str]:
        return (translate("CurvesPanel", "No run yet"),
                translate("CurvesPanel", "The loss curve, the eval metric, the learning rate, the gradient norm and "
                                         "the training speed appear here live as a run trains. Start one with the "
                                         "settings on the left, or try the built-in example."))

    def set_waiting(self) -> None:
        """A run is starting: the empty state says the curves come with its first step."""
        self.empty.set_texts(translate("CurvesPanel", "Starting the run"),
                             translate("CurvesPanel", "The curves appear here with the first logged step (the "
                                                      "data and the model are being prepared)."), "")
        self._sync_empty()

    def set_idle(self) -> None:
        """No run is starting: the empty state offers its action again (shown only without data)."""
        self.empty.set_texts(*self._empty_texts(), translate("CurvesPanel", "Start from an example"))
        self._sync_empty()

    def has_data(self) -> bool:
        return bool(self.overlays) or any(series.n for series in self.store.series.values())

    def _sync_empty(self) -> None:
        self.stack.show_content(self.has_data())

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
        self.vline = pg.InfiniteLine(angle=90, movable=False)
        self.vline.hide()  # until the mouse is over the loss plot
        self.loss_plot.addItem(self.vline, ignoreBounds=True)
        self.marker = pg.InfiniteLine(angle=90, movable=False)
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
        self.set_idle()

    def set_store(self, store: CurveStore) -> None:
        self.store = store
        self._smoothed = np.empty(0)
        self._drawn = -1
        self._sync_empty()

    def add_event(self, event: Any) -> None:
        if self.store.add(event) and self.stack.is_empty():  # drawn by the timer, not here
            self.stack.show_content(True)

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
            k = series_colors()
            title = (f"<span style='color:{k['rougeL']}'>ROUGE-L</span> / "
                     f"<span style='color:{k['bleu']}'>BLEU</span>")
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
        if store is not None:
            loss = store["loss"]
            curve = self.loss_plot.plot(loss.xs, ema(loss.ys, self._smooth_weight),
                                        pen=pg.mkPen(overlay_color(len(self.overlays)), width=2, style=Qt.DashLine),
                                        name=label or key)
            self.overlays[key] = (store, curve)
        self._sync_empty()

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
        self.vline.show()
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
