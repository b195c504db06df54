"""Learn → Fine-tuning: a text through a run's model before and after training, side by side."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (QComboBox, QFileDialog, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from workbench.gui.state import AppState
from workbench.gui.widgets.bar_chart import BarChart
from workbench.gui.i18n import core_text, translate
from workbench.gui.widgets import MessageBanner

if TYPE_CHECKING:
    from workbench.explain.before_after import BeforeAfter


def _compare_job(ctx: Any, run_dir: str, text: str) -> BeforeAfter:
    from workbench.explain.before_after import before_after

    ctx.message(translate("FineTuneTab", "Loading the run's models ..."))
    return before_after(run_dir, text)


def _runs() -> list[Any]:
    from workbench.training.runs import list_runs

    return [r for r in list_runs() if r.state in ("finished", "stopped", "interrupted")]


class SidePanel(QWidget):
    """One model's answer: its title, then a continuation and loss, or label bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("")
        self.title.setWordWrap(True)
        self.body = QLabel("")
        self.body.setWordWrap(True)
        self.chart = BarChart()
        self.chart.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.title)
        lay.addWidget(self.body)
        lay.addWidget(self.chart)
        lay.addStretch(1)

    def show_side(self, side: Any, text: str) -> None:
        from html import escape

        self.title.setText(f"<b>{escape(core_text(side.title))}</b>")  # marked N_ in the core
        if side.classes:
            self.chart.set_items(list(side.classes))
            self.chart.show()
            self.body.setText(translate("SidePanel", "Prediction: <b>{label}</b> ({probability})").format(
                label=escape(side.classes[0][0]), probability=f"{side.classes[0][1]:.1%}"))
            return
        self.chart.hide()
        loss = "" if side.loss is None else translate("SidePanel", "Loss on your text: <b>{loss}</b> (lower is "
                                                                   "better)").format(loss=f"{side.loss:.3f}") + "<br>"
        greedy = translate("SidePanel", "Greedy continuation:")
        self.body.setText(f"{loss}{greedy}<br><span style='color:gray'>{escape(text)}</span>"
                          f"<b>{escape(side.continuation or '')}</b>")


class FineTuneTab(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.result: Any = None
        self.run_combo = QComboBox()
        self.run_combo.setMinimumContentsLength(40)
        self.refresh_button = QPushButton(translate("FineTuneTab", "Refresh"))
        self.folder_button = QPushButton(translate("FineTuneTab", "Run folder..."))
        self.text = QLineEdit("Once upon a time there was a little cat.")
        self.compare_button = QPushButton(translate("FineTuneTab", "Compare"))
        self.banner = MessageBanner()
        self.note = QLabel("")
        self.note.setWordWrap(True)
        self.before, self.after = SidePanel(), SidePanel()
        intro = QLabel(translate("FineTuneTab", "Fine-tuning changes a model's weights with your data. Pick a training "
                                                "run: the same text goes through the model it started from and the "
                                                "model it ended with."))
        intro.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("FineTuneTab", "Run")))
        row.addWidget(self.run_combo, 1)
        row.addWidget(self.refresh_button)
        row.addWidget(self.folder_button)
        row2 = QHBoxLayout()
        row2.addWidget(self.text, 1)
        row2.addWidget(self.compare_button)
        sides = QGridLayout()
        sides.addWidget(self.before, 0, 0)
        sides.addWidget(self.after, 0, 1)
        lay = QVBoxLayout(self)
        for item in (intro, row, row2, self.banner, self.note, sides):
            (lay.addLayout if isinstance(item, (QHBoxLayout, QGridLayout)) else lay.addWidget)(item)
        lay.addStretch(1)
        self.refresh_button.clicked.connect(self.refresh_runs)
        self.folder_button.clicked.connect(self._pick_folder)
        self.compare_button.clicked.connect(self.compare)
        self.text.returnPressed.connect(self.compare)

    def refresh_runs(self) -> None:
        current = self.run_combo.currentData()
        self.run_combo.clear()
        states = {"finished": translate("FineTuneTab", "finished"), "stopped": translate("FineTuneTab", "stopped"),
                  "interrupted": translate("FineTuneTab", "interrupted")}
        for r in _runs():
            self.run_combo.addItem(translate("FineTuneTab", "{name}  ({task}, {model}, {state} at step {step})").format(
                name=r.name, task=r.task, model=r.model, state=states.get(r.state, r.state), step=r.step), r.path)
        if current:
            self.select_run(current)

    def select_run(self, path: str) -> None:
        index = self.run_combo.findData(path)
        if index < 0:
            self.run_combo.addItem(path, path)
            index = self.run_combo.count() - 1
        self.run_combo.setCurrentIndex(index)

    def _pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, translate("FineTuneTab", "A training run folder"))
        if folder:
            self.select_run(folder)

    def compare(self) -> None:
        run_dir = self.run_combo.currentData()
        if not run_dir:
            self.banner.show_error(translate("FineTuneTab", "No finished run yet: train one on the Training page (or "
                                                            "pick a run folder)."))
            return
        self.banner.hide()
        self.compare_button.setEnabled(False)
        self.state.runner.start("before/after", _compare_job, run_dir, self.text.text(),
                                on_done=self.show_result, on_message=self.note.setText,
                                on_error=lambda m, d: self.banner.show_error(m, d),
                                on_finished=lambda: self.compare_button.setEnabled(True))

    def show_result(self, result: Any) -> None:
        self.result = result
        self.note.setText(core_text(result.note))
        self.before.show_side(result.before, result.text)
        self.after.show_side(result.after, result.text)
