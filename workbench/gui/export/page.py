"""Export: ONNX export with a parity report, a quick test on ONNX Runtime, and the benchmark.

The export runs on a pool thread (state.runner); the page only starts, cancels and renders.
A finished export can be opened on ONNX Runtime and handed to the Playground (state.set_model).
"""

from __future__ import annotations

import html
import os
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QProgressBar,
                               QPushButton, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget)
from PySide6.QtCore import Qt

from workbench.gui.i18n import core_text, translate
from workbench.gui.state import AppState
from workbench.gui.export.bench import BenchTab
from workbench.gui.export.form import ExportForm, ExportOutcome, export_job
from workbench.gui.export.report_view import ReportView
from workbench.gui.theme import colors
from workbench.gui.widgets import MessageBanner, heading
from workbench.gui.widgets.elide import short_label
from workbench.gui.widgets.empty_state import EmptyStack, EmptyState

if TYPE_CHECKING:
    from workbench.backends import Backend, OnnxBackend

DEVICES = ("auto", "cpu", "cuda")
BUILTIN = "builtin:tiny-stories"  # what the empty report offers to open when there is nothing to export


def model_name(source: str) -> str:
    """A source as a button names it: a folder (or hub id) by its last part, at most 40 characters (middle
    elided; the whole source is the button's tooltip)."""
    source = source.strip()
    name = os.path.basename(source.rstrip("/\\")) if "/" in source or os.sep in source else source
    return short_label(name or source, 40)


def open_job(ctx: Any, folder: str, variant: str | None, device: str) -> OnnxBackend:
    from workbench.backends import open_onnx_export

    ctx.message(translate("ExportTab", "Opening {folder} on ONNX Runtime ...").format(folder=folder))
    return open_onnx_export(folder, variant=variant, device=device)


def quick_test_job(ctx: Any, model: Backend, text: str) -> str:
    """One run of the exported model on the user's text, whatever its task."""
    from workbench.config import GenerationSettings

    if model.task in ("causal-lm", "seq2seq-lm"):
        tokens = model.generate_stream(text, GenerationSettings(max_new_tokens=24, greedy=True), ctx.control)
        return "".join(t.text for t in tokens)
    if model.task == "sequence-classification":
        r = model.classify(text)
        return ", ".join(f"{label} {p:.3f}" for label, p in zip(r.labels, r.probs))
    if model.task == "masked-lm":
        preds = model.fill_mask(text)
        return "; ".join(", ".join(f"{t} ({p:.2f})" for t, p in m.candidates) for m in preds)
    vec = model.embed([text])[0]
    return translate("ExportTab", "embedding of {dims} dims, norm {norm}").format(
        dims=vec.shape[0], norm=f"{float((vec ** 2).sum() ** 0.5):.3f}")


class ExportTab(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.job: Any = None
        self.outcome: ExportOutcome | None = None
        self.onnx_model: Any = None
        self.quick_result: str | None = None
        self.form = ExportForm()
        self.export_button = QPushButton(translate("ExportTab", "Export and check parity"))
        self.cancel_button = QPushButton(translate("ExportTab", "Cancel"))
        self.cancel_button.hide()
        self.anyway_button = QPushButton(translate("ExportTab", "Export anyway"))
        self.anyway_button.setToolTip(translate("ExportTab",
                                                "Export although the memory estimate says it will not fit"))
        self.anyway_button.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.banner = MessageBanner()
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.report_view = ReportView()
        self.variant_combo = QComboBox()
        self.device_combo = QComboBox()
        for device in DEVICES:  # the device ids are the item data; "auto" is shown translated
            self.device_combo.addItem(translate("ExportTab", "auto") if device == DEVICES[0] else device, device)
        self.open_button = QPushButton(translate("ExportTab", "Open in Playground (ONNX Runtime)"))
        self.test_text = QLineEdit("the cat sat on the mat")  # the model's input (data), not a UI text
        self.test_button = QPushButton(translate("ExportTab", "Quick test"))
        self.test_output = QLabel("")
        self.test_output.setWordWrap(True)
        self.provider_label = QLabel("")
        self.empty = EmptyState("", "", "mdi6.file-check-outline", " ", self._empty_action)
        self._layout()
        self._update_empty()
        self._set_result_enabled(False)
        self.export_button.clicked.connect(lambda: self.start())
        self.anyway_button.clicked.connect(lambda: self.start(ignore_memory=True))
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(self.open_in_playground)
        self.test_button.clicked.connect(self.quick_test)
        self.report_view.evaluate_requested.connect(self.evaluate_export)
        self.report_view.shown.connect(lambda: self.result_stack.show_content(True))
        self.form.source.textChanged.connect(lambda _t: self._update_empty())
        state.model_changed.connect(self._on_model_changed)
        if state.loaded is not None:
            self._on_model_changed(state.loaded)

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.anyway_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)
        self.log.setPlaceholderText(translate("ExportTab", "The export's steps appear here."))
        form_and_log = QHBoxLayout()
        form_and_log.addWidget(self.form, 3)
        form_and_log.addWidget(self.log, 2)
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addLayout(form_and_log, 1)
        tl.addLayout(buttons)
        tl.addWidget(self.banner)
        run = QHBoxLayout()
        for w in (QLabel(translate("ExportTab", "Variant")), self.variant_combo,
                  QLabel(translate("ExportTab", "Device")), self.device_combo, self.open_button):
            run.addWidget(w)
        run.addStretch(1)
        test = QHBoxLayout()
        test.addWidget(self.test_text, 1)
        test.addWidget(self.test_button)
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.report_view, 1)
        bl.addLayout(run)
        bl.addLayout(test)
        bl.addWidget(self.provider_label)
        bl.addWidget(self.test_output)
        self.result_stack = EmptyStack(bottom, self.empty)  # the report once there is one; before, what it will be
        scroll = QScrollArea()  # the form scrolls rather than make the window taller than the screen
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setWidget(top)
        split = QSplitter(Qt.Vertical)
        split.addWidget(scroll)
        split.addWidget(self.result_stack)
        split.setCollapsible(0, False)
        split.setCollapsible(1, False)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)

    def _update_empty(self) -> None:
        """The empty report: what it will show, and the one action that fills it (export the model in
        the form, or open the built-in when there is none; nothing while an export runs)."""
        source = self.form.source.text().strip()
        title = translate("ExportTab", "No export yet")
        what = translate("ExportTab", "The parity report appears here: one row per variant with its largest "
                                      "difference from PyTorch and its size, then a quick test on ONNX Runtime.")
        if self.running:
            self.empty.set_texts(translate("ExportTab", "Exporting {model}…").format(model=model_name(source)), what, "")
        elif source:
            self.empty.set_texts(title, what, translate("ExportTab", "Export {model}").format(model=model_name(source)))
        else:
            self.empty.set_texts(title, translate("ExportTab", "No model is loaded, so there is nothing to export yet. "
                                                               "Open one (or type a folder or hub id above).") + " " + what,
                                 translate("ExportTab", "Open {model}").format(model=BUILTIN))
        self.empty.button.setToolTip(source)

    def _empty_action(self) -> None:
        if self.form.source.text().strip():
            self.start()
            return
        window = self.window()
        if hasattr(window, "open_model"):
            window.open_model(BUILTIN)

    def _on_model_changed(self, loaded: Backend | None) -> None:
        if loaded is None or loaded.backend == "onnxruntime" or self.running:
            return  # an ONNX model opened from here is not something to export again
        self.form.set_source(loaded.info.path or loaded.spec.source)
        self.form.task.setCurrentText(loaded.task)

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.export_button.setEnabled(not busy)
        self.form.setEnabled(not busy)
        self._update_empty()

    def _set_result_enabled(self, on: bool) -> None:
        for w in (self.variant_combo, self.device_combo, self.open_button, self.test_text, self.test_button):
            w.setEnabled(on)

    # -- export ---------------------------------------------------------------------------------
    def start(self, ignore_memory: bool = False) -> None:
        """Export, unless the memory estimate says it will not fit (then say so, and offer
        Export anyway)."""
        source, out = self.form.source.text().strip(), self.form.out.text().strip()
        if not source or not out:
            self.banner.show_error(translate("ExportTab", "Choose a model (load one, or type a folder) and an output "
                                                          "folder first."))
            return
        if self.running:
            return
        self.anyway_button.hide()
        if not ignore_memory and self._refuse_for_memory(source):
            return
        self.banner.hide()
        self.log.clear()
        self.outcome, self.onnx_model = None, None
        self._set_result_enabled(False)
        self._busy(True)
        self.job = self.state.runner.start("export", export_job, source, out, self.form.options(),
                                           on_message=self._log, on_done=self._on_done,
                                           on_error=self._on_error, on_finished=lambda: self._busy(False))
        self._update_empty()

    def _refuse_for_memory(self, source: str) -> bool:
        from workbench.errors import WorkbenchError
        from workbench.export.memory_check import check_export_memory

        try:
            advice = check_export_memory(source)
        except WorkbenchError:
            return False  # a bad source: the export itself says what is wrong with it
        if advice:
            self.banner.show_error(translate("ExportTab", "{advice}. Or Export anyway, if you think the estimate is "
                                                          "wrong.").format(advice=core_text(advice)))
            self.anyway_button.show()
        return bool(advice)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.log.appendPlainText(translate("ExportTab", "Cancelling after the current step ..."))

    def _log(self, message: str) -> None:
        """A step of the export (the core's words: the marked ones translated, indent kept)."""
        text = message.lstrip(" ")
        self.log.appendPlainText(message[:len(message) - len(text)] + core_text(text))

    def _on_done(self, outcome: ExportOutcome) -> None:
        self.outcome = outcome
        self.report_view.show_report(outcome.report, outcome.folder)
        good = [v for v, e in outcome.report.get("variants", {}).items() if e.get("passed")]
        self.variant_combo.clear()
        self.variant_combo.addItem(translate("ExportTab", "default"), "")
        for v in good:
            self.variant_combo.addItem(v, v)
        self._set_result_enabled(bool(good) and "fp32" in good)
        if outcome.passed:
            self.banner.show_info(outcome.message)
            self.state.status.emit(translate("ExportTab", "Exported to {folder}").format(folder=outcome.folder))
        else:
            self.banner.show_error(outcome.message, self.report_view.text.toPlainText())

    def _on_error(self, text: str, details: str) -> None:
        self.banner.show_error(text, details)

    def evaluate_export(self, folder: str) -> None:
        """The Evaluate page, with this export (each passed variant) added as models to compare."""
        page = self.state.page("Evaluate")
        if page is not None and folder:
            page.add_source(folder)

    # -- running the export ---------------------------------------------------------------------
    def _variant(self) -> str | None:
        v = self.variant_combo.currentData()
        return str(v) if v else None

    def _open(self, then: Any) -> None:
        if self.outcome is None:
            return
        self.state.runner.start("open onnx", open_job, self.outcome.folder, self._variant(),
                                str(self.device_combo.currentData()), on_done=then, on_error=self._on_error,
                                on_message=self.provider_label.setText)

    def open_in_playground(self) -> None:
        self._open(self._to_playground)

    def _to_playground(self, model: OnnxBackend) -> None:
        self._show_provider(model)
        self.state.set_model(model)
        self.state.status.emit(translate("ExportTab", "Playground: {model}").format(model=core_text(model.describe())))

    def quick_test(self) -> None:
        text = self.test_text.text()
        key = (self._variant(), str(self.device_combo.currentData()))
        if self.onnx_model is not None and getattr(self, "_model_key", None) == key:
            self._run_quick(self.onnx_model, text)
            return

        def opened(model: OnnxBackend) -> None:
            self.onnx_model, self._model_key = model, key
            self._show_provider(model)
            self._run_quick(model, text)

        self._open(opened)

    def _run_quick(self, model: Backend, text: str) -> None:
        self.state.runner.start("quick test", quick_test_job, model, text, on_done=self._on_quick,
                                on_error=self._on_error)

    def _on_quick(self, text: str) -> None:
        self.quick_result = text
        self.test_output.setText(translate("ExportTab", "<b>Output:</b> {text}").format(text=html.escape(text)))

    def _show_provider(self, model: OnnxBackend) -> None:
        colour = colors().danger if model.note else colors().success
        runtime = html.escape(core_text(model.describe()))
        self.provider_label.setText(f"<span style='color:{colour}'>{runtime}</span> — "
                                    + translate("ExportTab", "session providers: {providers}").format(
                                        providers=", ".join(model.providers)))


class ExportPage(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.export = ExportTab(state)
        self.bench = BenchTab(state)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.export, translate("ExportPage", "Export to ONNX"))
        self.tabs.addTab(self.bench, translate("ExportPage", "Benchmark"))
        lay = QVBoxLayout(self)
        lay.addWidget(heading(translate("ExportPage", "Export")))
        lay.addWidget(self.tabs, 1)

    def shutdown(self) -> None:
        for job in (self.export.job, self.bench.job):
            if job is not None:
                job.cancel()
