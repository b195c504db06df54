"""Benchmark tab: PyTorch eager vs ONNX Runtime in one run, as a table and a speedup chart."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPlainTextEdit, QProgressBar, QPushButton, QSpinBox, QSplitter, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from workbench.gui.i18n import core_text, translate
from workbench.gui.state import AppState
from workbench.gui.theme import colors, notifier, style_plot
from workbench.gui.widgets import MessageBanner
from workbench.gui.widgets.elide import ElidedLabel
from workbench.gui.widgets.empty_state import EmptyStack, EmptyState

if TYPE_CHECKING:
    from workbench.export.bench import BenchConfig, BenchResult

SIZES = ("base", "tiny")  # the model shapes' ids (BenchConfig.size)
COLUMNS = ("Bench", "Shape", "Metric", "Backend", "Value", "Speedup", "Memory MB", "% of bound", "Provider",
           "Note")  # the table's columns, by key (their titles: column_titles)


def column_titles() -> list[str]:
    return [translate("BenchTab", "Bench"), translate("BenchTab", "Shape"), translate("BenchTab", "Metric"),
            translate("BenchTab", "Backend"), translate("BenchTab", "Value"), translate("BenchTab", "Speedup"),
            translate("BenchTab", "Memory MB"), translate("BenchTab", "% of bound"), translate("BenchTab", "Provider"),
            translate("BenchTab", "Note")]


def bench_job(ctx: Any, cfg: BenchConfig) -> BenchResult:
    from workbench.export.bench import run_bench

    return run_bench(cfg, progress=ctx.message, control=ctx.control)


def _short(backend: str) -> str:
    return backend.replace("onnxruntime", "ORT").replace(" (Workbench stream)", " stream")


def speedup_bars(rows: list[Any]) -> tuple[list[str], np.ndarray]:
    """(labels, speedups) of the non-baseline rows that have a speedup, in table order."""
    picked = [r for r in rows if r.speedup is not None and r.backend != "pytorch eager fp32"]
    labels = [f"{_short(r.backend)} | {core_text(r.metric)} | {r.shape}" for r in picked]
    return labels, np.array([r.speedup for r in picked], dtype=float)


class BenchTab(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.job: Any = None
        self.result: Any = None
        self.size = QComboBox()
        for size, label in zip(SIZES, (translate("BenchTab", "base"), translate("BenchTab", "tiny"))):
            self.size.addItem(label, size)
        self.device = QComboBox()
        self.device.addItems(["cpu", "cuda"])
        self.decoder = QCheckBox(translate("BenchTab", "Decoder (GPT-2-small shape): prefill, decode tokens/s"))
        self.decoder.setChecked(True)
        self.encoder = QCheckBox(translate("BenchTab", "Encoder (BERT-base shape): latency by batch x sequence"))
        self.encoder.setChecked(True)
        self.new_tokens = QSpinBox(minimum=8, maximum=1024, value=128)
        self.threads = QSpinBox(minimum=0, maximum=256, value=0)
        self.threads.setSpecialValueText(translate("BenchTab", "all cores"))
        self.out = QLineEdit(str(Path.home() / "workbench-bench"))
        self.run_button = QPushButton(translate("BenchTab", "Run benchmark"))
        self.cancel_button = QPushButton(translate("BenchTab", "Cancel"))
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.banner = MessageBanner()
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setMaximumHeight(140)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(column_titles())
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.plot = style_plot(pg.PlotWidget())
        self.plot.getAxis("bottom").setLabel(translate("BenchTab", "speedup vs PyTorch eager fp32 (higher is faster)"))
        self.plot.showAxis("bottom")
        self.plot.invertY(True)  # first table row on top
        self.plot.getAxis("left").setWidth(330)  # room for "backend | metric | shape" labels (set in _plot)
        self.bars: pg.BarGraphItem | None = None
        self.one_line: pg.InfiniteLine | None = None  # speedup 1: as fast as PyTorch eager
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.files_label = ElidedLabel()  # "Saved: /a/long/path.csv, ...": elided in the middle, whole on hover
        self.files_label.hide()
        self.empty = EmptyState(translate("BenchTab", "No benchmark yet"), self._empty_text(), "mdi6.speedometer",
                                translate("BenchTab", "Run the benchmark"), self.start)
        self._layout()
        self.run_button.clicked.connect(self.start)
        notifier().changed.connect(self._on_theme)
        self.cancel_button.clicked.connect(lambda: self.job is not None and self.job.cancel())

    def _on_theme(self, _colors: object = None) -> None:  # a bound method: disconnected when the tab goes
        if self.result is not None:
            self._plot(self.result.rows)

    def _layout(self) -> None:
        def compact(*widgets: QWidget) -> QHBoxLayout:
            h = QHBoxLayout()
            for w in widgets:
                h.addWidget(w)
            h.addStretch(1)
            return h

        form = QFormLayout()
        form.addRow(translate("BenchTab", "Model shapes"),
                    compact(self.size, QLabel(translate("BenchTab", "Device")), self.device))
        form.addRow("", self.decoder)
        form.addRow("", self.encoder)
        form.addRow(translate("BenchTab", "New tokens"),
                    compact(self.new_tokens, QLabel(translate("BenchTab", "Threads (both backends)")), self.threads))
        form.addRow(translate("BenchTab", "Save to"), self.out)
        form.addRow("", compact(self.run_button, self.cancel_button))
        self.log.setPlaceholderText(translate("BenchTab", "Progress of the benchmark appears here."))
        top = QHBoxLayout()
        top.addLayout(form, 3)
        top.addWidget(self.log, 2)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.plot)
        split.setSizes([300, 300])
        results = QWidget()
        rl = QVBoxLayout(results)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.summary)
        rl.addWidget(self.files_label)
        rl.addWidget(split, 1)
        self.stack = EmptyStack(results, self.empty)  # the table and chart once there is a result
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.progress)
        lay.addWidget(self.banner)
        lay.addWidget(self.stack, 1)

    @staticmethod
    def _empty_text() -> str:
        return translate("BenchTab", "A table of PyTorch eager against ONNX Runtime (tokens/s, latency, memory) and a "
                                     "chart of the speedups appear here. The benchmark builds its own models of the "
                                     "shapes above, so it needs no export.")

    def config(self) -> Any:
        from workbench.export.bench import BenchConfig

        which = tuple(w for w, box in (("decoder", self.decoder), ("encoder", self.encoder)) if box.isChecked())
        return BenchConfig(device=self.device.currentText(), which=which, size=str(self.size.currentData()),
                           new_tokens=self.new_tokens.value(), threads=self.threads.value() or None,
                           out=Path(self.out.text()))

    def start(self) -> None:
        cfg = self.config()
        if not cfg.which:
            self.banner.show_error(translate("BenchTab", "Tick the decoder and/or the encoder benchmark first."))
            return
        if self.job is not None and self.job.running:
            return
        self.banner.hide()
        self.log.clear()
        self._busy(True)
        self.job = self.state.runner.start("bench", bench_job, cfg, on_message=self._log,
                                           on_done=self.show_result, on_error=self.banner.show_error,
                                           on_finished=lambda: self._busy(False))

    def _log(self, message: str) -> None:
        """A progress line of the benchmark (the core's; the marked ones translated, indent kept)."""
        text = message.lstrip(" ")
        self.log.appendPlainText(message[:len(message) - len(text)] + core_text(text))

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.run_button.setEnabled(not busy)
        if busy:
            self.empty.set_texts(translate("BenchTab", "Benchmarking…"), self._empty_text(), "")
        else:
            self.empty.set_texts(translate("BenchTab", "No benchmark yet"), self._empty_text(),
                                 translate("BenchTab", "Run the benchmark"))

    def show_result(self, result: Any) -> None:
        self.result = result
        self.table.setRowCount(len(result.rows))
        for i, r in enumerate(result.rows):
            cells = (core_text(r.bench), r.shape, core_text(r.metric), r.backend, f"{r.value:.2f}",
                     "-" if r.speedup is None else f"{r.speedup:.2f}x",
                     "-" if r.memory_mb is None else f"{r.memory_mb:.0f}",
                     "-" if r.bound_pct is None else f"{r.bound_pct:.0f}%", r.provider, core_text(r.note))
            for c, text in enumerate(cells):
                self.table.setItem(i, c, QTableWidgetItem(text))
        self._plot(result.rows)
        notes = [core_text(n) for n in result.meta.get("notes", [])]
        files = ", ".join(str(p) for p in result.files)
        bw = result.meta.get("bandwidth_gb_s")
        parts = [translate("BenchTab", "{device} with {threads} threads.").format(
            device=result.meta.get("device"), threads=result.meta.get("threads"))]
        if bw:
            parts.append(translate("BenchTab", "% of bound: weights read once per token at {bandwidth} GB/s, "
                                               "measured in this run.").format(bandwidth=f"{bw:.1f}"))
        parts += notes
        self.files_label.setText(translate("BenchTab", "Saved: {files}").format(files=files) if files else "")
        self.files_label.setVisible(bool(files))
        self.summary.setText(" ".join(parts))
        self.stack.show_content(True)
        if notes:
            self.banner.show_info(" ".join(notes))

    def _plot(self, rows: list[Any]) -> None:
        labels, speedups = speedup_bars(rows)
        if self.bars is not None:
            self.plot.removeItem(self.bars)
        if self.one_line is not None:
            self.plot.removeItem(self.one_line)
        c = colors()
        y = np.arange(len(speedups))
        brushes = [pg.mkBrush(c.success if s >= 1 else c.danger) for s in speedups]
        self.bars = pg.BarGraphItem(x0=0, y=y, height=0.7, width=speedups, brushes=brushes, pen=pg.mkPen(None))
        self.plot.addItem(self.bars)
        self.one_line = self.plot.addLine(x=1.0, pen=pg.mkPen(c.muted, style=Qt.DashLine))
        left = self.plot.getAxis("left")
        left.setTicks([list(zip(y.tolist(), labels))])
        widest = max((QFontMetrics(left.font()).horizontalAdvance(t) for t in labels), default=0)
        left.setWidth(min(330, widest + 24))  # as wide as the longest label, at most a third of the plot
        self.plot.setYRange(-0.6, max(len(speedups) - 0.4, 0.4))
        self.plot.setXRange(0, max([1.2] + (speedups * 1.1).tolist()))
