"""Runs history: earlier runs read from their folders. Tick runs to overlay their loss curves;
show a run on the dashboard (its curves, attention snapshots and samples; also a double-click);
open a run's model in the Playground or the Attention explorer; resume a stopped run."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from workbench.gui.i18n import translate
from workbench.gui.widgets.empty_state import EmptyStack, EmptyState
from workbench.training.curves import CurveStore
from workbench.training.runs import RunSummary


def columns() -> list[str]:
    """The runs list's column headers (COLUMNS) in the UI's language."""
    return [translate("RunsPanel", "Run"), translate("RunsPanel", "Task"), translate("RunsPanel", "Model"),
            translate("RunsPanel", "State"), translate("RunsPanel", "Step"), translate("RunsPanel", "Loss"),
            translate("RunsPanel", "Eval loss")]


def task_name(task: str) -> str:
    """A run's task (TrainConfig.task) as the list shows it; an unknown one as it is."""
    names = {"causal-lm": translate("RunsPanel", "language model"), "chat": translate("RunsPanel", "chat"),
             "sequence-classification": translate("RunsPanel", "classification"),
             "seq2seq": translate("RunsPanel", "seq2seq")}
    return names.get(task, task)


def state_name(state: str) -> str:
    """A run's state (workbench.training.runs.STATES) as the list shows it; the logic keeps the key."""
    names = {"running": translate("RunsPanel", "running"), "finished": translate("RunsPanel", "finished"),
             "stopped": translate("RunsPanel", "stopped"), "failed": translate("RunsPanel", "failed"),
             "interrupted": translate("RunsPanel", "interrupted")}
    return names.get(state, state)


def model_name(model: str) -> str:
    """A run's model as RunSummary gives it ("scratch gpt2 4x128" or a source) in the UI's language."""
    if model.startswith("scratch "):
        return translate("RunsPanel", "{shape}, from scratch").format(shape=model[len("scratch "):])
    return model


def _list_job(ctx: Any, root: str) -> list[RunSummary]:
    from pathlib import Path

    from workbench.training.runs import list_runs, runs_root

    return list_runs(Path(root) if root else runs_root())


@dataclass(frozen=True)
class RunCurves:
    path: str
    store: CurveStore


def _curves_job(ctx: Any, path: str) -> RunCurves:
    return RunCurves(path, CurveStore.from_run(path))


class RunsPanel(QWidget):
    overlay_changed = Signal(str, object)  # run path, CurveStore or None (untick)
    open_requested = Signal(str, str)  # model folder, page title ("Playground" / "Attention")
    resume_requested = Signal(str)  # run folder
    show_requested = Signal(str)  # run folder, to show on the dashboard
    example_requested = Signal()  # the empty list's action: start the built-in example run

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.root = ""  # "" = the default runs folder
        self._listing = 0  # number of the newest listing asked for; older answers are dropped
        self.runs: list[RunSummary] = []
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(columns())
        self.tree.setRootIsDecorated(False)
        # Run names, model ids and paths are elided in the middle (both ends tell runs apart); the
        # whole text is each cell's tooltip. The name column fits its text up to a third of the list.
        self.tree.setTextElideMode(Qt.ElideMiddle)
        self.tree.header().setSectionResizeMode(QHeaderView.Interactive)
        self.tree.header().setStretchLastSection(True)
        self.empty = EmptyState(translate("RunsPanel", "No runs yet"),
                                translate("RunsPanel", "Every run you start is listed here with its task, model, "
                                                       "state and last loss: tick runs to compare their loss "
                                                       "curves, open a trained model, or resume a stopped run."),
                                "mdi6.history", translate("RunsPanel", "Start from an example"),
                                self.example_requested.emit)
        self.stack = EmptyStack(self.tree, self.empty)
        self.refresh_button = QPushButton(translate("RunsPanel", "Refresh"))
        self.show_button = QPushButton(translate("RunsPanel", "Show"))
        self.show_button.setToolTip(translate("RunsPanel", "Show the run's curves, attention snapshots and samples "
                                                           "on the Curves tab"))
        self.playground_button = QPushButton(translate("RunsPanel", "Open in Playground"))
        self.attention_button = QPushButton(translate("RunsPanel", "Open in Attention"))
        self.resume_button = QPushButton(translate("RunsPanel", "Resume from checkpoint"))
        row = QHBoxLayout()
        for b in (self.refresh_button, self.show_button, self.playground_button, self.attention_button,
                  self.resume_button):
            row.addWidget(b)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack, 1)
        lay.addLayout(row)
        self.refresh_button.clicked.connect(self.refresh)
        self.show_button.clicked.connect(self._show)
        self.tree.itemDoubleClicked.connect(lambda *_: self._show())
        self.playground_button.clicked.connect(lambda: self._open("Playground"))
        self.attention_button.clicked.connect(lambda: self._open("Attention"))
        self.resume_button.clicked.connect(self._resume)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.currentItemChanged.connect(lambda *_: self._sync_buttons())
        self._sync_buttons()

    def refresh(self) -> None:
        # Listings run on the pool and can finish out of order (one asked for before the root changed
        # may arrive last), so only the newest request's answer is shown.
        self._listing += 1
        asked = self._listing
        self.state.runner.start("list runs", _list_job, self.root,
                                on_done=lambda runs: self.show_runs(runs) if asked == self._listing else None)

    def show_runs(self, runs: list[RunSummary]) -> None:
        ticked = set(self.ticked())
        self.runs = runs
        self.tree.blockSignals(True)
        self.tree.clear()
        for r in runs:
            loss = f"{r.last_loss:.4f}" if math.isfinite(r.last_loss) else ""
            ev = f"{r.last_eval_loss:.4f}" if math.isfinite(r.last_eval_loss) else ""
            item = QTreeWidgetItem([r.name, task_name(r.task), model_name(r.model), state_name(r.state),
                                    f"{r.step}/{r.total_steps}", loss, ev])
            item.setData(0, Qt.UserRole, r.path)
            item.setCheckState(0, Qt.Checked if r.path in ticked else Qt.Unchecked)
            item.setToolTip(0, r.path)
            for column in range(1, item.columnCount()):
                item.setToolTip(column, item.text(column))
            self.tree.addTopLevelItem(item)
        self.tree.blockSignals(False)
        self.stack.show_content(bool(runs))
        self._fit_columns()
        self._sync_buttons()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Columns as wide as their text; when they do not all fit, the run name and model columns
        give up the width (down to a quarter of the list each), their text elided in the middle."""
        avail = self.tree.viewport().width()
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
        excess = sum(self.tree.columnWidth(c) for c in range(self.tree.columnCount())) - avail
        for column in (0, 2):
            if excess <= 0:
                break
            width = self.tree.columnWidth(column)
            cut = min(excess, max(0, width - max(120, avail // 4)))
            self.tree.setColumnWidth(column, width - cut)
            excess -= cut

    def ticked(self) -> list[str]:
        return [self.tree.topLevelItem(i).data(0, Qt.UserRole) for i in range(self.tree.topLevelItemCount())
                if self.tree.topLevelItem(i).checkState(0) == Qt.Checked]

    def set_ticked(self, path: str, on: bool) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, Qt.UserRole) == path:
                item.setCheckState(0, Qt.Checked if on else Qt.Unchecked)

    def select(self, path: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            if self.tree.topLevelItem(i).data(0, Qt.UserRole) == path:
                self.tree.setCurrentItem(self.tree.topLevelItem(i))

    def selected(self) -> RunSummary | None:
        item = self.tree.currentItem()
        path = item.data(0, Qt.UserRole) if item else None
        return next((r for r in self.runs if r.path == path), None)

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 0:
            return
        path = item.data(0, Qt.UserRole)
        if item.checkState(0) == Qt.Checked:
            self.state.runner.start("read run", _curves_job, path,
                                    on_done=lambda res: self.overlay_changed.emit(res.path, res.store))
        else:
            self.overlay_changed.emit(path, None)

    def _sync_buttons(self) -> None:
        run = self.selected()
        openable = run is not None and run.state in ("finished", "stopped", "interrupted")
        self.show_button.setEnabled(run is not None)
        self.playground_button.setEnabled(openable)
        self.attention_button.setEnabled(openable)
        self.resume_button.setEnabled(run is not None and run.state in ("stopped", "interrupted", "failed"))

    def _open(self, page: str) -> None:
        from workbench.training.runs import RunFolder

        run = self.selected()
        folder = RunFolder(run.path).openable_model() if run else None
        if folder is None:
            self.state.status.emit(translate("RunsPanel", "This run has no saved model or checkpoint yet"))
            return
        self.open_requested.emit(str(folder), page)

    def _show(self) -> None:
        run = self.selected()
        if run is not None:
            self.show_requested.emit(run.path)

    def _resume(self) -> None:
        run = self.selected()
        if run is not None:
            self.resume_requested.emit(run.path)
