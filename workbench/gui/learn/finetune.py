"""Learn → Fine-tuning: a text through a run's model before and after training, side by side."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (QComboBox, QFileDialog, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from workbench.gui.learn.common import ExampleTab, JobGate
from workbench.gui.state import AppState
from workbench.gui.theme import colors, notifier
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
        self.shown: tuple[Any, str] | None = None
        notifier().changed.connect(self._on_theme)  # a bound method: disconnected when the panel goes

    def _on_theme(self, _colors: Any) -> None:
        if self.shown is not None:
            self.show_side(*self.shown)

    def show_side(self, side: Any, text: str) -> None:
        from html import escape

        self.shown = (side, text)
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
        self.body.setText(f"{loss}{greedy}<br><span style='color:{colors().muted}'>{escape(text)}</span>"
                          f"<b>{escape(side.continuation or '')}</b>")


class FineTuneTab(ExampleTab):
    def __init__(self, state: AppState, gate: JobGate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(state, gate, parent)
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
        results = QWidget()
        sides = QGridLayout(results)
        sides.setContentsMargins(0, 0, 0, 0)
        sides.addWidget(self.before, 0, 0)
        sides.addWidget(self.after, 0, 1)
        lay = QVBoxLayout(self)
        for item in (intro, row, row2, self.banner, self.note):
            (lay.addLayout if isinstance(item, QHBoxLayout) else lay.addWidget)(item)
        lay.addWidget(self.make_stack(results, "mdi6.compare-horizontal"), 1)
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

    # -- the first example: the latest run, compared when the tab is first shown ----------------
    def needs_model(self) -> bool:
        return False  # a run's models, not the loaded one

    def what_appears(self) -> tuple[str, str]:
        return (translate("FineTuneTab", "The same text, before and after training"),
                translate("FineTuneTab", "The model the run started from and the model it ended with, side by "
                                         "side: each one's continuation and loss on your text (or its labels)."))

    def run_text(self) -> str:
        return self.compare_button.text()

    def show_empty(self) -> None:
        if self.stack is None:
            return
        if self.busy() or self.run_combo.currentData():
            super().show_empty()
            return
        self.stack.show_content(False)
        self.stack.empty.set_texts(translate("FineTuneTab", "No finished training run yet"),
                                   translate("FineTuneTab", "Train a model on the Training page (a few steps are "
                                                            "enough), or pick a run folder: its model before and "
                                                            "after training will appear here."),
                                   translate("FineTuneTab", "Open the Training page"))

    def _on_empty_action(self) -> None:
        if self.run_combo.currentData() or self.busy():
            self.run()
        else:
            self.state.show_page("Training")

    def compute_first(self) -> None:
        self.refresh_runs()
        if self.result is None and self.run_combo.currentData() and not self.busy():
            self.run()
        elif self.stack is not None and self.stack.is_empty():
            self.show_empty()

    def model_changed(self, loaded: Any) -> None:
        pass  # the comparison is of a run's models: another loaded model changes nothing here

    def compare(self) -> None:
        self.run()

    def start_job(self) -> Any:
        run_dir = self.run_combo.currentData()
        if not run_dir:
            self.banner.show_error(translate("FineTuneTab", "No finished run yet: train one on the Training page (or "
                                                            "pick a run folder)."))
            return None
        self.banner.hide()
        self.compare_button.setEnabled(False)
        return self.started(self.state.runner.start(
            "before/after", _compare_job, run_dir, self.text.text(), on_done=self.show_result,
            on_message=self.note.setText, on_error=self.banner.show_error,
            on_finished=lambda: self.compare_button.setEnabled(True)), None)

    def repaint_results(self) -> None:
        pass  # the side panels repaint themselves

    def show_result(self, result: Any) -> None:
        self.result = result
        self.stack.show_content(True)
        self.note.setText(core_text(result.note))
        self.before.show_side(result.before, result.text)
        self.after.show_side(result.after, result.text)
