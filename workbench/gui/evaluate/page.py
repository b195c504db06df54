"""Evaluate: several models on one held-out file, side by side, one row arriving as each model finishes.

The evaluation runs on a pool thread (state.runner, jobs.eval_job -> workbench.evaluate.run_eval);
the page only starts, stops and renders. Nothing already on screen is lost to a failure: a data
problem (InputError) goes to the banner and the earlier results stay; a run in which every model
failed says why in the banner and keeps the earlier results too (its rows are saved anyway).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QComboBox, QFrame, QGroupBox, QHBoxLayout, QLabel, QProgressBar, QPushButton,
                               QScrollArea, QSplitter, QVBoxLayout, QWidget)

from workbench.errors import WorkbenchError
from workbench.gui import gc_guard
from workbench.evaluate.results import EvalResults, ModelResult
from workbench.evaluate.run import EvalProgress, ModelEvaluated
from workbench.gui.evaluate.formatting import kind_text, model_error_text, state_text
from workbench.gui.evaluate.inputs import DataForm, ModelList, build_job
from workbench.gui.evaluate.jobs import (EvalPlan, InputsRead, SavedList, eval_job, load_job, open_onnx_job,
                                         saved_job)
from workbench.gui.evaluate.results_view import ResultsView
from workbench.gui.i18n import error_text, translate
from workbench.gui.state import AppState
from workbench.gui.widgets import MessageBanner, heading
from workbench.gui.widgets.elide import short_label

if TYPE_CHECKING:
    from workbench.backends import Backend

LEFT_WIDTH = 360
TRY_MODEL, TRY_DATA, TRY_LIMIT = "builtin:tiny-stories", "builtin:stories", 100


def _same_path(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    try:
        return Path(a).expanduser().resolve() == Path(b).expanduser().resolve()
    except OSError:
        return a == b


def is_loaded(loaded: Backend | None, m: ModelResult) -> bool:
    """Whether the loaded model is this row's model (same source, backend and ONNX variant)."""
    if loaded is None or loaded.backend != m.backend:
        return False
    if m.backend == "onnxruntime":
        return getattr(loaded, "variant", "") == m.variant and _same_path(loaded.info.path, m.source)
    return loaded.info.source == m.source or _same_path(loaded.info.path, m.source) or \
        _same_path(loaded.info.source, m.source)


def open_target(kind: str, m: ModelResult) -> str:
    """The page a double-clicked example of this model opens in: "Attention" or "Playground"."""
    return "Playground" if kind == "seq2seq" or m.backend == "onnxruntime" else "Attention"


def opens_in(kind: str, m: ModelResult) -> str:
    """Where a double-clicked example of this model opens, as the hint line says it."""
    if kind == "seq2seq":
        return translate("EvaluatePage", "in the Playground's Summarize / translate tab")
    if m.backend == "onnxruntime":
        return translate("EvaluatePage", "in the Playground (attention maps need the PyTorch model, not its export)")
    return translate("EvaluatePage", "in Attention")


class EvaluatePage(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.job: Any = None
        self.plan: EvalPlan | None = None
        self.live: EvalResults | None = None  # the run in progress (on screen once a model has figures)
        self.live_shown = False
        self.last_results: EvalResults | None = None  # what a finished run returned
        self.saved: list[Any] = []
        self.pending_open: tuple[ModelResult, str, str] | None = None  # (model, page, text) once it loads
        self._build()
        self._connect()
        self.models.refresh_choices()
        state.model_changed.connect(self._on_model_changed)
        state.model_changed.connect(lambda _m: self._update_empty())
        self.models.changed.connect(self._update_empty)
        self.data.data_edit.textChanged.connect(lambda _t: self._update_empty())
        self._update_empty()
        gc_guard.quiet_core_gc()  # no gc.collect() on the evaluation's worker thread (see gc_guard)

    # -- layout -------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.banner = MessageBanner()
        self.models = ModelList()
        self.data = DataForm()
        self.data.model_kind = self.models.first_kind
        self.results = ResultsView()
        self.results.opens_in = lambda m: opens_in(self.results.results.kind if self.results.results else "", m)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(self._left_column())
        split.addWidget(self.results)
        split.setStretchFactor(1, 1)
        split.setCollapsible(0, False)
        split.setSizes([LEFT_WIDTH, 1000])
        lay = QVBoxLayout(self)
        lay.addWidget(heading(translate("EvaluatePage", "Evaluate")))
        lay.addWidget(self.banner)
        lay.addWidget(split, 1)

    def _left_column(self) -> QScrollArea:
        column = QWidget()
        lay = QVBoxLayout(column)
        lay.setContentsMargins(0, 0, 6, 0)
        lay.addWidget(self.models)
        lay.addWidget(self.data)
        lay.addLayout(self._run_box())
        lay.addWidget(self._saved_box())
        lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # the column never widens the window
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(column)
        scroll.setMinimumWidth(330)
        return scroll

    def _run_box(self) -> QVBoxLayout:
        self.run_button = QPushButton(translate("EvaluatePage", "Run"))
        self.run_button.setDefault(True)
        self.stop_button = QPushButton(translate("EvaluatePage", "Stop"))
        self.stop_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.progress_label = QLabel("")
        self.progress_label.setWordWrap(True)
        self.progress_label.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button, 1)
        buttons.addWidget(self.stop_button)
        box = QVBoxLayout()
        box.addLayout(buttons)
        box.addWidget(self.progress)
        box.addWidget(self.progress_label)
        return box

    def _saved_box(self) -> QGroupBox:
        box = QGroupBox(translate("EvaluatePage", "Earlier results"))
        self.saved_combo = QComboBox()
        self.saved_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.saved_combo.setMinimumContentsLength(16)
        self.saved_combo.addItem(translate("EvaluatePage", "No saved evaluations yet"), "")
        lay = QVBoxLayout(box)
        lay.addWidget(self.saved_combo)
        return box

    def _connect(self) -> None:
        self.models.error.connect(self.banner.show_error)
        self.models.changed.connect(self._on_models_changed)
        self.models.add_current_button.clicked.connect(self.add_current_model)
        self.run_button.clicked.connect(self.run)
        self.stop_button.clicked.connect(self.stop)
        self.saved_combo.activated.connect(self._on_saved_chosen)
        self.results.try_requested.connect(self.try_it)
        self.results.example_activated.connect(self.open_example)
        self.results.open_folder_requested.connect(self.open_folder)

    # -- page hooks --------------------------------------------------------------------------------------
    def on_shown(self) -> None:
        self.models.refresh_choices()
        self.refresh_saved()

    def shutdown(self) -> None:
        if self.job is not None:
            self.job.cancel()

    # -- inputs (each drivable without a dialog) ------------------------------------------------------------
    def add_source(self, source: str) -> bool:
        return self.models.add_source(source)

    def set_data(self, path: str) -> bool:
        return self.data.set_data(path)

    def add_current_model(self) -> None:
        loaded = self.state.loaded
        if loaded is None:
            self.banner.show_error(translate("EvaluatePage", "No model is loaded; open one on the Models page, or type "
                                                             "one next to Add model."))
            return
        self.add_source(loaded.info.path if loaded.backend == "onnxruntime" and loaded.info.path
                        else loaded.info.source)

    def _on_models_changed(self) -> None:
        self.data.suggest_data(self.models.first_kind())

    def _update_empty(self) -> None:
        """The empty results' one action, from the inputs: run what is set up; else start with the loaded
        model; else the example (the built-in story model on built-in stories)."""
        loaded, names = self.state.loaded, [short_label(r.source.split("/")[-1] or r.source, 30)
                                            for r in self.models.rows]
        data = short_label(self.data.data_edit.text().strip(), 40)
        if self.running:
            body = translate("EvaluatePage", "Evaluating: the first row appears here when the first model has "
                                             "finished.")
            self.results.set_empty(body, "", None)
        elif names:
            body = (translate("EvaluatePage", "Ready to compare {models} on {data}.") if data
                    else translate("EvaluatePage", "Ready to compare {models}; choose the data on the left (a file or a "
                                                   "built-in set).")).format(models=", ".join(names), data=data)
            self.results.set_empty(body, translate("EvaluatePage", "Run the evaluation"), self.run)
        elif loaded is not None:
            body = translate("EvaluatePage", "Start with the loaded model, {model}, on the built-in data that fits "
                                             "its task; add more models to compare on the left.").format(
                model=short_label(loaded.info.source, 40))
            self.results.set_empty(body, translate("EvaluatePage", "Add the current model"), self.add_current_model)
        else:
            body = translate("EvaluatePage", "No model is loaded. Add models on the left (a built-in, a hub id or a "
                                             "folder, a training run or an ONNX export) and choose a data file, or "
                                             "try the built-in story model on 100 built-in stories.")
            self.results.set_empty(body, translate("ResultsView", "Try it: compare tiny-stories on built-in stories"),
                                   self.try_it)

    def try_it(self) -> None:
        """The empty state's action: the built-in story model on held-out built-in stories."""
        self.models.clear()
        self.add_source(TRY_MODEL)
        self.set_data(TRY_DATA)
        self.data.kind.setCurrentIndex(0)
        self.data.limit.setValue(TRY_LIMIT)
        self.run()

    # -- running --------------------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def run(self) -> None:
        if self.running:
            return
        try:
            job = build_job(self.models, self.data)
        except WorkbenchError as exc:
            self.banner.show_error(error_text(exc))
            return
        self.banner.hide()
        self.plan, self.live, self.live_shown, self.last_results = None, None, False, None
        self._busy(True)
        self._show_progress(translate("EvaluatePage", "Starting…"), 0, 0)
        gc_guard.pause_freezing()  # each model's garbage stays collectable (collect_young, GUI thread)
        self.job = self.state.runner.start("evaluate", eval_job, job, on_item=self._on_event,
                                           on_done=self._on_done, on_error=self._on_error,
                                           on_finished=self._on_finished)
        self._update_empty()

    def stop(self) -> None:
        if self.running:
            self.job.cancel()
            self.progress_label.setText(translate("EvaluatePage", "Stopping after the current example…"))

    def _on_finished(self) -> None:
        self._busy(False)
        gc_guard.collect_young()  # the last model's cycles; ends run()'s pause_freezing

    def _busy(self, busy: bool) -> None:
        self.run_button.setEnabled(not busy)
        self.stop_button.setEnabled(busy)
        self.models.setEnabled(not busy)
        self.data.setEnabled(not busy)
        self.progress.setVisible(busy)
        self._update_empty()

    def _show_progress(self, text: str, value: int, maximum: int) -> None:
        self.progress.setRange(0, maximum)
        self.progress.setValue(value)
        self.progress_label.setText(text)
        self.progress_label.setVisible(bool(text))

    def _on_event(self, event: Any) -> None:
        if isinstance(event, EvalProgress):
            self._on_progress(event)
        elif isinstance(event, ModelEvaluated):
            self._on_model_evaluated(event)
        elif isinstance(event, EvalPlan):
            self.plan = event
            job_data = self.data.data_edit.text().strip()
            self.live = EvalResults(event.kind, job_data, {}, folder=event.folder)
        elif isinstance(event, InputsRead) and self.live is not None:
            self.live.inputs = event.inputs

    def _on_progress(self, e: EvalProgress) -> None:
        if e.stage == "reading":
            what = translate("EvaluatePage", "Read {rows} rows") if e.total \
                else translate("EvaluatePage", "Reading data… {rows} rows")
            self._show_progress(what.format(rows=f"{e.done:,}"), 0, 0)
            return
        n = len(self.plan.names) if self.plan else 1
        where = dict(name=e.name, number=e.model + 1, count=n)
        if e.stage == "loading":
            self._show_progress(translate("EvaluatePage", "{name} ({number}/{count}): loading…").format(**where),
                                1000 * e.model // n, 1000)
            status = translate("EvaluatePage", "loading…")
        else:
            share = e.done / e.total if e.total else 0.0
            what = translate("EvaluatePage", "{name} ({number}/{count}): {done} / {total} examples")
            self._show_progress(what.format(done=f"{e.done:,}", total=f"{e.total:,}", **where),
                                int(1000 * (e.model + share) / n), 1000)
            status = f"{e.done:,} / {e.total:,}"
        if self.live_shown:
            self.results.set_status(e.model, status)

    def _on_model_evaluated(self, event: ModelEvaluated) -> None:
        gc_guard.pause_freezing()
        gc_guard.collect_young()  # the model just closed, if it sits in reference cycles; the pause goes on
        if self.live is None:
            return
        self.live.models.append(event.result)
        if event.result.ok or self.live_shown:  # the earlier results stay until this run has figures
            if not self.live_shown:
                self.results.selected = -1  # a new table: select its first model with figures
            self.live_shown = True
            names = self.plan.names if self.plan else ()
            self.results.show_results(self.live, list(names[len(self.live.models):]))

    def _on_done(self, results: EvalResults) -> None:
        self.last_results = results
        self.refresh_saved()
        ran = [m for m in results.models if not m.error.startswith("not run")]
        if not any(m.ok or m.examples for m in results.models):
            self._all_failed(results, ran)
            return
        if not self.live_shown:
            self.results.selected = -1
        self.results.show_results(results)
        done = sum(1 for m in results.models if m.ok)
        self._show_progress(translate("EvaluatePage", "Done: {done} of {count} models evaluated on {examples} "
                                                      "examples.").format(done=done, count=len(results.models),
                                                                          examples=f"{len(results.inputs):,}"), 1, 1)
        if results.state == "stopped":
            self.banner.show_info(translate("EvaluatePage", "Stopped. What had been computed is shown and saved in "
                                                            "{folder}.").format(folder=results.folder))

    def _all_failed(self, results: EvalResults, ran: list[ModelResult]) -> None:
        """No model produced a figure: say why (one line when they all failed alike), keep the screen."""
        errors = {model_error_text(m.error) for m in ran}
        if results.state == "stopped" and not ran:
            text = translate("EvaluatePage", "Stopped before any model was evaluated.")
        elif len(errors) == 1:
            text = translate("EvaluatePage", "No model could be evaluated: {error}").format(error=errors.pop())
        else:
            text = translate("EvaluatePage", "No model could be evaluated: {error}").format(
                error="; ".join(f"{m.name}: {model_error_text(m.error)}" for m in ran))
        self.banner.show_error(self._kept(text), "\n".join(f"{m.name}: {model_error_text(m.error)}"
                                                           for m in results.models))
        self._show_progress(translate("EvaluatePage", "No figures: see the message above."), 0, 1)

    def _kept(self, text: str) -> str:
        """A message, and that the results on screen are earlier ones (when there are some)."""
        if self.results.results is None:
            return text
        return translate("EvaluatePage", "{message} The results shown are the earlier ones.").format(message=text)

    def _on_error(self, text: str, details: str) -> None:
        self.banner.show_error(self._kept(text), details)
        self._show_progress(translate("EvaluatePage", "Not run: see the message above."), 0, 1)

    # -- earlier results ----------------------------------------------------------------------------------
    def refresh_saved(self) -> None:
        self.state.runner.start("evaluations", saved_job, on_done=self._fill_saved)

    def _fill_saved(self, found: SavedList) -> None:
        self.saved = found.items
        self.saved_combo.clear()
        if not found.items:
            self.saved_combo.addItem(translate("EvaluatePage", "No saved evaluations yet"), "")
            return
        self.saved_combo.addItem(translate("EvaluatePage", "Choose one of {count} to reopen…").format(
            count=len(found.items)), "")
        for s in found.items:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(s.created))
            label = translate("EvaluatePage", "{when} · {kind} on {data} · {models}").format(
                when=when, kind=kind_text(s.kind), data=s.data,
                models=", ".join(s.models) or translate("EvaluatePage", "no models"))
            self.saved_combo.addItem(label, s.folder)
            self.saved_combo.setItemData(self.saved_combo.count() - 1, f"{label}\n{s.folder} ({state_text(s.state)})",
                                         Qt.ToolTipRole)

    def _on_saved_chosen(self, index: int) -> None:
        folder = self.saved_combo.itemData(index)
        if folder:
            self.open_saved(str(folder))

    def open_saved(self, folder: str) -> None:
        """Show an earlier evaluation (read on a pool thread: a 100k-example file takes a moment)."""
        self.state.runner.start("open evaluation", load_job, folder, on_done=self._show_saved,
                                on_error=lambda m, d: self.banner.show_error(m, d))

    def _show_saved(self, results: EvalResults) -> None:
        self.banner.hide()
        self.results.selected = -1
        self.results.show_results(results)

    def open_folder(self, folder: str) -> None:
        if folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(folder))

    # -- an example in the Attention page or the Playground --------------------------------------------
    def open_example(self, model_index: int, example_index: int) -> None:
        """Show an example with its row's model: opened first (as the Models page opens one) if needed."""
        shown = self.results.results
        if shown is None or not 0 <= model_index < len(shown.models) or example_index >= len(shown.inputs):
            return
        m, text = shown.models[model_index], shown.inputs[example_index].text
        target = open_target(shown.kind, m)
        if is_loaded(self.state.loaded, m):
            self._show_example(target, text)
            return
        self.pending_open = (m, target, text)
        self.state.status.emit(translate("EvaluatePage", "Opening {name} to show the example…").format(name=m.name))
        if m.backend == "onnxruntime":
            self.state.runner.start("open onnx", open_onnx_job, m.source, m.variant,
                                    str(self.data.device.currentData()), on_done=self.state.set_model,
                                    on_error=lambda t, d: self.banner.show_error(t, d))
            return
        models_page = self.state.page("Models")
        if models_page is not None:
            models_page.open_source(m.source)

    def _on_model_changed(self, loaded: Backend | None) -> None:
        if self.pending_open is None:
            return
        m, target, text = self.pending_open
        self.pending_open = None  # another model loaded meanwhile: the example is not shown with it
        if is_loaded(loaded, m):
            self._show_example(target, text)

    def _show_example(self, target: str, text: str) -> None:
        page = self.state.page(target)
        if target == "Attention" and page is not None:
            page.show_text(self.state.loaded, text)
        elif page is not None and hasattr(page, "set_input"):
            page.set_input(text)
