"""Training studio: settings on the left; Start / Pause / Stop / Resume, live curves, attention over
training time (or a seq2seq run's samples) and the runs history on the right. The run itself is the
Qt-free engine on its own thread (TrainingSession); this page only starts it, sets flags and renders
its events."""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSplitter, QTabWidget,
                               QVBoxLayout, QWidget)

from workbench.errors import WorkbenchError
from workbench.gui.i18n import core_text, error_text, translate
from workbench.gui.state import AppState
from workbench.gui.training.form import ConfigForm, quick_example
from workbench.gui.widgets.elide import ElidedLabel

if TYPE_CHECKING:
    from workbench.backends import Backend


def _import_training_stack(ctx: Any) -> None:
    """Import what a run needs (datasets with pyarrow, the Trainer, accelerate: ~5 s on 2 cores)
    while the user fills in the form, so Start does not wait for it. Loading their C extensions
    holds the GIL for up to ~0.3 s at a time; better now than while the curves should be moving."""
    from workbench.imports import import_training_stack

    import_training_stack()
from workbench.gui.training.launch import LaunchBox
from workbench.gui.threads.training_session import TrainingSession
from workbench.gui.widgets import MessageBanner, heading
from workbench.training.events import (AttentionSnapshotTaken, CheckpointSaved, EvalLogged, RunStarted,
                                       SamplesGenerated, StepLogged, TrainingFailed, TrainingFinished, TrainingPaused,
                                       TrainingResumed)

SHUTDOWN_WAIT_MS = 300_000  # closing the window waits for the checkpoint of the current step


class TrainingPage(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.session = TrainingSession(self)
        self.run_dir = ""  # the run on the dashboard
        self.total_steps = 0
        self.last_step: StepLogged | None = None
        self.events: list[Any] = []  # this session's events (tests and the log read them)
        self.curves: Any = None  # built on first show: pyqtgraph stays out of start-up
        self.replay: Any = None
        self.samples: Any = None  # a seq2seq run's outputs at each evaluation, in a tab beside the replay
        self.runs: Any = None
        self.form = ConfigForm(state)
        self.launch = LaunchBox(self.form)
        self._build_controls()
        self._layout()
        self.session.event.connect(self._on_event)
        self.session.failed.connect(self._on_failed)
        self.session.ended.connect(self._sync_buttons)
        self.state.model_changed.connect(self._on_model_changed)
        self._pending_page = ("", "")  # (model folder, page) to show once that model has loaded
        self.clock = QTimer(self)  # progress text on a clock, like the curves
        self.clock.setInterval(250)
        self.clock.timeout.connect(self._update_progress)
        self._sync_buttons()

    # -- layout -------------------------------------------------------------------------------------
    def _build_controls(self) -> None:
        self.start_button = QPushButton(translate("TrainingPage", "Start"))
        self.pause_button = QPushButton(translate("TrainingPage", "Pause"))
        self.stop_button = QPushButton(translate("TrainingPage", "Stop (saves)"))
        self.resume_button = QPushButton(translate("TrainingPage", "Resume from checkpoint..."))
        # Shown when Start was refused for memory: the estimate can be wrong, so the user may insist.
        self.start_anyway_button = QPushButton(translate("TrainingPage", "Start anyway"))
        self.start_anyway_button.setToolTip(translate("TrainingPage",
                                                      "Start although the memory estimate says the run will not fit"))
        self.start_anyway_button.hide()
        self._refused: Any = None  # the config Start refused for memory (None: the form's)
        self.start_button.clicked.connect(lambda: self.start())
        self.start_anyway_button.clicked.connect(lambda: self.start(self._refused, ignore_memory=True))
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button.clicked.connect(self.stop)
        self.resume_button.clicked.connect(self._resume_clicked)
        self.progress = QProgressBar()
        self.progress.setFormat(translate("TrainingPage", "step %v / %m"))
        # Run names, paths and GPU names can be long: elided in the middle, the whole text on hover.
        self.progress_label = ElidedLabel(translate("TrainingPage", "Not started"))
        self.memory_label = QLabel("")
        self.run_header = ElidedLabel("")  # the GPU and precision of the run; hidden on the CPU
        self.run_header.hide()
        self.banner = MessageBanner()

    def _layout(self) -> None:
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.form, 1)
        lv.addWidget(self.launch)
        buttons = QHBoxLayout()
        for b in (self.start_button, self.start_anyway_button, self.pause_button, self.stop_button,
                  self.resume_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.run_header, 1)  # the row's free space, above the progress bar
        self.run_header.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        status = QHBoxLayout()
        status.setSpacing(16)  # a GPU run's long progress text ends next to the memory text
        status.addWidget(self.progress, 2)
        status.addWidget(self.progress_label, 3)
        status.addWidget(self.memory_label)
        self.curves_host = QSplitter(Qt.Horizontal)
        self.runs_host = QWidget()
        QVBoxLayout(self.runs_host).setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.curves_host, translate("TrainingPage", "Curves"))
        self.tabs.addTab(self.runs_host, translate("TrainingPage", "Runs"))
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addLayout(buttons)
        rv.addLayout(status)
        rv.addWidget(self.banner)
        rv.addWidget(self.tabs, 1)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([400, 900])
        lay = QVBoxLayout(self)
        lay.addWidget(heading(translate("TrainingPage", "Training")))
        lay.addWidget(split, 1)

    def ensure_dashboard(self) -> None:
        """Build the plots, the attention replay and the runs list (imports pyqtgraph)."""
        if self.curves is not None:
            return
        from workbench.gui.training.replay import AttentionReplay
        from workbench.gui.training.plots import CurvesPanel
        from workbench.gui.training.runs import RunsPanel
        from workbench.gui.training.samples import SamplesPanel

        self.curves, self.replay, self.runs = CurvesPanel(), AttentionReplay(), RunsPanel(self.state)
        self.samples = SamplesPanel()
        self.side = QTabWidget()  # beside the curves: attention over training time, or seq2seq samples
        self.side.addTab(self.replay, translate("TrainingPage", "Attention"))
        self.side.addTab(self.samples, translate("TrainingPage", "Samples"))
        self.curves_host.addWidget(self.curves)
        self.curves_host.addWidget(self.side)
        self.curves_host.setStretchFactor(0, 3)
        self.curves_host.setStretchFactor(1, 1)
        # The stretch factors share out later resizes only; without a first split the plots get
        # half the width, too little for three small plots side by side on a GPU run.
        self.curves_host.setSizes([3000, 1000])
        self.runs_host.layout().addWidget(self.runs)
        self.replay.step_selected.connect(self.curves.set_marker)
        # The empty views' actions: the built-in example run, the probe sentence, the seq2seq example.
        self.curves.example_requested.connect(self.start_example)
        self.runs.example_requested.connect(self.start_example)
        self.replay.probe_requested.connect(lambda: self.form.show_field(self.form.hyper.probe))
        self.samples.example_requested.connect(lambda: self.form.load_example("stories-summarizer"))
        self.runs.overlay_changed.connect(self._overlay)
        self.runs.open_requested.connect(self.open_model)
        self.runs.resume_requested.connect(self.resume)
        self.runs.show_requested.connect(self.show_run)
        self.runs.refresh()

    def on_shown(self) -> None:
        self.ensure_dashboard()
        if not getattr(self, "_warmed", False):
            self._warmed = True
            self.state.runner.start("prepare training", _import_training_stack)

    # -- actions ------------------------------------------------------------------------------------
    def start(self, config: Any = None, ignore_memory: bool = False) -> bool:
        """Start a run with `config` (default: the form's settings), shown in the form first so that
        the form shows what runs. False with a message if it cannot, or if its memory estimate does
        not fit (unless `ignore_memory`: Start anyway)."""
        self.banner.hide()
        self.start_anyway_button.hide()
        try:
            if self.session.running:  # before anything changes: the dashboard is that run's
                raise WorkbenchError(translate("TrainingPage", "A training run is already going; stop it first"))
            if config is not None:
                self.form.apply_config(config)
            cfg = config if config is not None else self.form.config()
            if not ignore_memory and self._refuse_for_memory(cfg, config):
                return False
            self._begin()
            self.session.start(cfg)
        except WorkbenchError as exc:
            self.banner.show_error(error_text(exc))
            return False
        self._after_start(translate("TrainingPage", "Preparing data and model ..."))
        return True

    def start_example(self) -> bool:
        """The empty dashboard's action: a tiny from-scratch run on the built-in stories (offline),
        shown in the form and started; the Curves tab in front to watch it."""
        self.ensure_dashboard()
        self.tabs.setCurrentWidget(self.curves_host)
        return self.start(quick_example(self.form.hyper.threads.value()))

    def _refuse_for_memory(self, cfg: Any, config: Any) -> bool:
        """Show why the run will not fit, with what would, and offer Start anyway; False if it fits."""
        from workbench.training.memory_check import check_training_memory

        advice = check_training_memory(cfg)
        if not advice:
            return False
        self._refused = config
        self.banner.show_error(translate("TrainingPage", "{advice} Change the settings, or Start anyway if you "
                                                         "think the estimate is wrong.").format(
                                                             advice=core_text(advice)))
        self.start_anyway_button.show()
        return True

    def resume(self, run_dir: str) -> bool:
        """Continue a stopped or interrupted run; its settings fill the form and its earlier curves and
        snapshots come back first."""
        from workbench.training.config import TrainConfig
        from workbench.training.curves import CurveStore
        from workbench.training.runs import RunFolder

        self.banner.hide()
        self.start_anyway_button.hide()
        try:
            if self.session.running:
                raise WorkbenchError(translate("TrainingPage", "A training run is already going; stop it first"))
            config = RunFolder(run_dir).config_path
            if config.exists():  # the form shows the run's settings (the engine reports a folder without)
                self.form.apply_config(TrainConfig.load(config))
            self._begin()
            self.curves.set_store(CurveStore.from_run(run_dir))  # the curve so far; the run continues it
            for step, tokens, maps in RunFolder(run_dir).attention_snapshots():
                self.replay.add_snapshot(step, tokens, maps)
            self._restore_samples(run_dir)
            self.session.start(resume_dir=run_dir)
        except WorkbenchError as exc:
            self.banner.show_error(error_text(exc))
            return False
        self.run_dir = run_dir
        self._after_start(translate("TrainingPage", "Resuming from the last checkpoint ..."))
        return True

    def show_run(self, run_dir: str) -> bool:
        """Show an earlier run on the dashboard as it ended: its curves, attention snapshots and
        last samples (from its folder). Not while a run is going: the dashboard is that run's."""
        from workbench.training.curves import CurveStore
        from workbench.training.runs import RunFolder

        if self.session.running:
            self.banner.show_error(translate("TrainingPage", "A run is going: its dashboard stays until it ends"))
            return False
        self.banner.hide()
        self._begin()
        self.curves.set_store(CurveStore.from_run(run_dir))
        self.curves.redraw()
        for step, tokens, maps in RunFolder(run_dir).attention_snapshots():
            self.replay.add_snapshot(step, tokens, maps)
        self._restore_samples(run_dir)
        self.run_dir = run_dir
        self.progress_label.setText(translate("TrainingPage", "Showing {run}").format(run=Path(run_dir).name))
        self.tabs.setCurrentWidget(self.curves_host)
        return True

    def _restore_samples(self, run_dir: str) -> None:
        """The run's last samples and their scores from metrics.jsonl; the Samples tab in front
        when the run is a seq2seq one."""
        from workbench.training.events import record_event
        from workbench.training.runs import RunFolder

        for record in RunFolder(run_dir).records():
            if record.get("kind") in ("eval", "samples"):
                self._show_samples_event(record_event(record))
        self.side.setCurrentWidget(self.samples if _run_task(Path(run_dir)) == "seq2seq" else self.replay)

    def _show_samples_event(self, e: Any) -> None:
        if isinstance(e, EvalLogged):
            self.samples.add_eval(e)
        elif isinstance(e, SamplesGenerated):
            self.samples.show_samples(e)

    def _begin(self) -> None:
        self.ensure_dashboard()
        self.curves.clear()
        self.replay.clear()
        self.samples.clear()
        self.events, self.last_step, self.total_steps = [], None, 0
        self.run_header.hide()  # until this run's RunStarted says which device it is on
        self.memory_label.clear()
        self.started_at = time.perf_counter()

    def _after_start(self, text: str) -> None:
        self.progress_label.setText(text)
        self.curves.set_waiting()  # until the first step: the curves come with it
        self.progress.setRange(0, 0)  # busy until RunStarted gives the step count
        self.pause_button.setText(translate("TrainingPage", "Pause"))
        self.clock.start()
        self._sync_buttons()

    def open_data(self, path: str) -> None:
        """Show a data file (dropped on the window, or a recent one) on the Data tab, previewed."""
        self.form.tabs.setCurrentWidget(self.form.tabs.widget(1))
        self.form.data.set_path(path)

    def toggle_pause(self) -> None:
        if not self.session.running:
            return
        if self.session.paused:
            self.session.resume()
        else:
            self.session.pause()
        self.pause_button.setText(translate("TrainingPage", "Resume") if self.session.paused
                                  else translate("TrainingPage", "Pause"))

    def stop(self) -> None:
        if self.session.running:
            self.session.stop()
            self.progress_label.setText(translate("TrainingPage", "Stopping: saving a checkpoint after this step ..."))

    def _resume_clicked(self) -> None:
        selected = self.runs.selected() if self.runs is not None else None
        if selected is not None and selected.state in ("stopped", "interrupted", "failed"):
            self.resume(selected.path)
            return
        folder = QFileDialog.getExistingDirectory(self, translate("TrainingPage", "Run folder to resume"))
        if folder:
            self.resume(folder)

    def _sync_buttons(self) -> None:
        running = self.session.running
        self.start_button.setEnabled(not running)
        self.start_anyway_button.setEnabled(not running)
        self.resume_button.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running)
        if not running:
            self.clock.stop()
            self.pause_button.setText(translate("TrainingPage", "Pause"))
            if self.curves is not None:
                self.curves.set_idle()  # a run that ended before its first step: the empty state's action again

    # -- events (GUI thread) --------------------------------------------------------------------------
    def _on_event(self, e: Any) -> None:
        self.events.append(e)
        if isinstance(e, (StepLogged, EvalLogged)):
            self.curves.add_event(e)  # drawn by the curves' timer
            if isinstance(e, StepLogged):
                self.last_step = e
            else:
                self._show_samples_event(e)  # its ROUGE-L goes with the samples of the same step
        elif isinstance(e, SamplesGenerated):
            self._show_samples_event(e)
        elif isinstance(e, AttentionSnapshotTaken):
            self.replay.add_snapshot(e.step, list(e.tokens), e.maps)
        elif isinstance(e, RunStarted):
            self.run_dir, self.total_steps = e.run_dir, e.total_steps
            self.progress.setRange(0, max(1, e.total_steps))
            self.progress.setValue(e.start_step)
            self._show_header(e)
            # A seq2seq run's samples say more than attention maps (it has no probe by default).
            self.side.setCurrentWidget(self.samples if e.task == "seq2seq" else self.replay)
        elif isinstance(e, CheckpointSaved):
            self.state.status.emit(translate("TrainingPage", "Checkpoint saved: {path}").format(path=e.path))
        elif isinstance(e, (TrainingPaused, TrainingResumed)):
            paused = isinstance(e, TrainingPaused)
            self.progress_label.setText(translate("TrainingPage", "Paused at step {step}").format(step=e.step)
                                        if paused else translate("TrainingPage", "Training ..."))
        elif isinstance(e, TrainingFinished):
            self._on_finished(e)
        elif isinstance(e, TrainingFailed):
            self.progress_label.setText(translate("TrainingPage", "Failed at step {step}").format(step=e.step))

    def _show_header(self, e: RunStarted) -> None:
        text = _header_text(e)
        self.run_header.setText(text)
        self.run_header.setVisible(bool(text))

    def _on_finished(self, e: TrainingFinished) -> None:
        self.curves.redraw()
        self.progress.setValue(e.step)
        if e.stopped:
            text = translate("TrainingPage", "Stopped at step {step}; checkpoint saved: {path}. "
                                             "Resume it from the Runs tab.").format(step=e.step, path=e.model_dir)
        else:
            text = translate("TrainingPage", "Finished {steps} steps in {seconds} s. Model saved to {path}. "
                                             "{metrics}").format(steps=e.step, seconds=f"{e.seconds:.0f}",
                                                                 path=e.model_dir, metrics=metrics_text(e.metrics))
        self.progress_label.setText(translate("TrainingPage", "Stopped") if e.stopped
                                    else translate("TrainingPage", "Finished"))
        self.banner.show_info(text)
        self.runs.refresh()

    def _on_failed(self, message: str, details: str) -> None:
        self.banner.show_error(message, details)
        self.progress.setRange(0, max(1, self.total_steps))
        if self.runs is not None:
            self.runs.refresh()

    def _update_progress(self) -> None:
        e = self.last_step
        if e is None or self.session.paused:
            return
        self.progress.setValue(e.step)
        parts = [translate("TrainingPage", "loss {loss}").format(loss=f"{e.loss:.4f}"),
                 translate("TrainingPage", "{speed} tokens/s").format(speed=f"{e.tokens_per_second:,.0f}")]
        if e.eta_s > 0:
            parts.append(translate("TrainingPage", "{elapsed} elapsed, {left} left").format(
                elapsed=_clock(e.elapsed_s), left=_clock(e.eta_s)))
        else:
            parts.append(translate("TrainingPage", "{elapsed} elapsed").format(elapsed=_clock(e.elapsed_s)))
        if e.mfu > 0:  # 0 where the peak is unknown (the CPU)
            parts.append(translate("TrainingPage", "MFU {mfu}").format(mfu=f"{e.mfu:.1%}"))
        self.progress_label.setText("   ".join(parts))
        if e.gpu_memory_bytes:
            self.memory_label.setText(translate("TrainingPage", "GPU memory {allocated} GB (peak {peak} GB)").format(
                allocated=f"{e.gpu_allocated_bytes / 2**30:.2f}", peak=f"{e.gpu_memory_bytes / 2**30:.2f}"))

    # -- runs history ---------------------------------------------------------------------------------
    def _overlay(self, path: str, store: Any) -> None:
        self.curves.set_overlay(path, store, Path(path).name)

    def open_model(self, folder: str, page: str) -> None:
        """Load a run's model through the Models page, then show it on `page`."""
        models = self.state.page("Models")
        if models is None:
            return
        self._pending_page = (folder, page)
        models.open_source(folder)

    def _on_model_changed(self, loaded: Backend | None) -> None:
        folder, page = self._pending_page
        if loaded is not None and folder and loaded.info.source == folder:
            self._pending_page = ("", "")
            target = self.state.page(page)
            if target is None:
                self.state.status.emit(translate("TrainingPage", "Loaded {folder}; the {page} page is not available "
                                                                 "in this build").format(folder=folder,
                                                                                         page=_page_name(page)))
                return
            probe = _probe_text(Path(folder).parent)
            if page == "Attention" and probe and hasattr(target, "show_text"):
                target.show_text(loaded, probe)  # the sentence whose heads were watched in training

    # -- shutdown -----------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Window closing: stop the run (it saves a checkpoint at the current step) and wait for it."""
        if self.session.running:
            self.session.stop()
            self.session.wait(SHUTDOWN_WAIT_MS)
            # Deliver the run's last queued events (they hold Python objects) now, while Python
            # and the window are alive, rather than leaving them to be freed at interpreter exit.
            QCoreApplication.sendPostedEvents(self.session)
        self.clock.stop()
        if self.curves is not None:
            self.curves.timer.stop()


def _probe_text(run_dir: Path) -> str:
    from workbench.training.config import TrainConfig

    try:
        return TrainConfig.load(run_dir / "config.json").probe_text
    except WorkbenchError:
        return ""


def _run_task(run_dir: Path) -> str:
    from workbench.training.config import TrainConfig

    try:
        return TrainConfig.load(run_dir / "config.json").task
    except WorkbenchError:
        return ""


def _header_text(e: RunStarted) -> str:
    """The run header, e.g. "NVIDIA H200 · bf16 · peak 989 TFLOP/s (datasheet)"; "" on the CPU."""
    if not e.device_name:
        return ""
    device = e.device_name
    if e.world_size > 1:
        device = translate("TrainingPage", "{device} × {count} GPUs").format(device=e.device_name, count=e.world_size)
    parts = [device, e.precision]
    if e.peak_flops > 0:  # 0: no datasheet entry and nothing measured
        tflops = e.peak_flops / 1e12
        digits = f"{tflops:.0f}" if tflops >= 100 else f"{tflops:.3g}"  # 1979, 989, 65.1, 8.14
        if e.peak_source:  # "datasheet" or "measured matmul", marked N_ in workbench.training.flops
            parts.append(translate("TrainingPage", "peak {value} TFLOP/s ({source})").format(
                value=digits, source=core_text(e.peak_source)))
        else:
            parts.append(translate("TrainingPage", "peak {value} TFLOP/s").format(value=digits))
    return " · ".join(p for p in parts if p)


def _page_name(page: str) -> str:
    """A page's key ("Playground", "Attention") as its title reads in the UI's language."""
    names = {"Playground": translate("TrainingPage", "Playground"),
             "Attention": translate("TrainingPage", "Attention")}
    return names.get(page, page)


def metrics_text(metrics: dict[str, float]) -> str:
    """A run's final eval metrics in one line, e.g. "perplexity 10.1234, accuracy 0.8125" (as
    workbench.training.metrics.format_metrics writes them), with the metric names translated."""
    from workbench.training.metrics import PERCENT_METRICS

    names = {"perplexity": translate("TrainingPage", "perplexity"), "accuracy": translate("TrainingPage", "accuracy"),
             "f1": "F1", "eval_loss": translate("TrainingPage", "eval loss"), "rougeL": "ROUGE-L", "rouge1": "ROUGE-1",
             "rouge2": "ROUGE-2", "bleu": "BLEU", "chrf": "chrF"}
    plain = [f"{names.get(k, k)} {v:.4f}" for k, v in metrics.items() if k not in PERCENT_METRICS]
    scores = [f"{names.get(k, k)} {metrics[k]:.2f}" for k in PERCENT_METRICS if k in metrics]
    return translate("TrainingPage", ", ").join(plain + scores)


def _clock(seconds: float) -> str:
    if not math.isfinite(seconds):
        return "?"
    s = int(round(seconds))
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"
