"""The export form: what to export, which variants, sample prompts, where to; runs off the GUI thread."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QFormLayout, QGridLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QWidget)

from workbench.gui.i18n import error_text, translate

TASK_CHOICES = ("auto", "causal-lm", "seq2seq-lm", "masked-lm", "sequence-classification", "feature-extraction")


@dataclass(frozen=True)
class ExportOutcome:
    """What the export job hands back to the GUI thread (also for a failed parity check)."""

    folder: str
    report: dict[str, Any]
    passed: bool
    message: str
    thread_id: int  # the worker thread that ran the export (never the GUI thread)


def export_job(ctx: Any, source: str, out: str, options: Any) -> ExportOutcome:
    """Runs on a pool thread: export, validate, and return the report even when parity fails."""
    from workbench.export.pipeline import ParityError, export_model

    try:
        result = export_model(source, Path(out), options, progress=ctx.message, control=ctx.control)
    except ParityError as exc:
        return ExportOutcome(out, exc.report, False, error_text(exc).splitlines()[0], threading.get_ident())
    return ExportOutcome(str(result.folder), result.report, True,
                         translate("ExportTab", "Export finished; parity proven."), threading.get_ident())


def default_out(source: str) -> str:
    from workbench.models.library import workbench_home

    name = Path(source.rstrip("/")).name.replace("builtin:", "") or "model"
    return str(workbench_home() / "exports" / f"{name}-onnx")


class ExportForm(QWidget):
    """The inputs; options() builds the ExportOptions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = QLineEdit()
        self.source.setPlaceholderText(translate("ExportForm", "The loaded model, or a folder / hub id / builtin:NAME"))
        self.source_browse = QPushButton(translate("ExportForm", "Folder..."))
        self.task = QComboBox()
        for task in TASK_CHOICES:  # task ids are the item data, shown as they are but "auto"
            self.task.addItem(translate("ExportForm", "auto") if task == TASK_CHOICES[0] else task, task)
        self.out = QLineEdit()
        self.out_browse = QPushButton(translate("ExportForm", "Folder..."))
        self.opset = QSpinBox(minimum=17, maximum=23, value=18)
        self.optimize = QCheckBox(translate("ExportForm", "Optimised graph (ONNX Runtime fusions)"))
        self.fp16 = QCheckBox(translate("ExportForm", "fp16 (for GPUs)"))
        self.int8 = QCheckBox(translate("ExportForm", "int8 dynamic quantisation (for CPUs)"))
        self.attention = QCheckBox(translate("ExportForm", "Attention maps (opset 23)"))
        self.attention.setToolTip(translate("ExportForm", "Also write a graph that returns the ONNX Attention ops' "
                                                          "probabilities, checked against PyTorch; the Attention page "
                                                          "then shows the export's own maps"))
        self.attention.toggled.connect(lambda on: on and self.opset.setValue(23))
        self.overwrite = QCheckBox(translate("ExportForm", "Overwrite a non-empty folder"))
        self.prompts = QPlainTextEdit()
        self.prompts.setPlaceholderText(translate("ExportForm", "Your sample texts for the parity check, one per line "
                                                                "(generated inputs of several sizes are always added)"))
        self.prompts.setMaximumHeight(80)
        self.greedy = QSpinBox(minimum=0, maximum=256, value=32)
        self._layout()
        for edit in (self.source, self.out):  # a long path: the whole of it on hover
            edit.textChanged.connect(lambda text, e=edit: e.setToolTip(text))
        self.source_browse.clicked.connect(lambda: self._browse(self.source))
        self.out_browse.clicked.connect(lambda: self._browse(self.out))

    def _layout(self) -> None:
        def row(*widgets: QWidget, stretch: bool = True) -> QHBoxLayout:
            """The first widget takes the width (stretch), or all keep their size and a spacer does."""
            h = QHBoxLayout()
            for i, w in enumerate(widgets):
                h.addWidget(w, 1 if i == 0 and stretch else 0)
            if not stretch:
                h.addStretch(1)
            return h

        variants = QGridLayout()  # two by two: the form stays narrow enough for the log beside it
        variants.setContentsMargins(0, 0, 0, 0)
        for i, w in enumerate((self.optimize, self.int8, self.fp16, self.attention)):
            variants.addWidget(w, i // 2, i % 2)
        variants.setColumnStretch(2, 1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)  # a long label goes above its field rather than widen
        form.addRow(translate("ExportForm", "Model"), row(self.source, self.source_browse))
        form.addRow(translate("ExportForm", "Task"), row(self.task, stretch=False))
        form.addRow(translate("ExportForm", "Output folder"), row(self.out, self.out_browse))
        form.addRow("", self.overwrite)
        form.addRow(translate("ExportForm", "Variants"), variants)
        form.addRow("Opset", row(self.opset, QLabel(translate("ExportForm", "Greedy tokens checked")), self.greedy,
                                 stretch=False))
        form.addRow(translate("ExportForm", "Sample prompts"), self.prompts)

    def _browse(self, edit: QLineEdit) -> None:
        folder = QFileDialog.getExistingDirectory(self, translate("ExportForm", "Choose a folder"), edit.text())
        if folder:
            edit.setText(folder)

    def set_source(self, source: str) -> None:
        self.source.setText(source)
        self.out.setText(default_out(source))

    def options(self) -> Any:
        from workbench.export.options import ExportOptions

        task = str(self.task.currentData())
        prompts = tuple(p.strip() for p in self.prompts.toPlainText().splitlines() if p.strip())
        return ExportOptions(task=None if task == "auto" else task, opset=self.opset.value(),
                             optimize=self.optimize.isChecked(), fp16=self.fp16.isChecked(),
                             int8=self.int8.isChecked(), attention_probs=self.attention.isChecked(), prompts=prompts, greedy_tokens=self.greedy.value(),
                             overwrite=self.overwrite.isChecked())
