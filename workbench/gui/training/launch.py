"""Save the settings as a run config and show the command that trains it on a bigger machine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (QCheckBox, QFileDialog, QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
                               QSpinBox, QVBoxLayout)

from workbench.errors import WorkbenchError
from workbench.gui.i18n import error_text, translate

DEFAULT_FILE_NAME = "run.json"  # a file name, not translated


class LaunchBox(QGroupBox):
    def __init__(self, form: Any) -> None:
        super().__init__(translate("LaunchBox", "Run elsewhere (headless, torchrun, Slurm)"))
        self.form = form
        self.config_path = ""
        self.save_button = QPushButton(translate("LaunchBox", "Save config..."))
        self.gpus = QSpinBox()
        self.gpus.setRange(1, 64)
        self.gpus.setValue(1)
        self.nodes = QSpinBox()
        self.nodes.setRange(1, 1024)
        self.slurm = QCheckBox(translate("LaunchBox", "Slurm script"))
        self.command = QPlainTextEdit()
        self.command.setReadOnly(True)
        self.command.setMaximumHeight(110)
        self.command.setPlaceholderText(translate("LaunchBox", "Save the config to get the command that runs it headless"))
        row = QHBoxLayout()  # two short rows, so the page still fits a 1280-pixel-wide screen
        row.addWidget(self.save_button)
        row.addWidget(self.slurm)
        row.addStretch(1)
        sizes = QHBoxLayout()
        for label, w in ((translate("LaunchBox", "Processes / node"), self.gpus),
                         (translate("LaunchBox", "Nodes"), self.nodes)):
            sizes.addWidget(QLabel(label))
            sizes.addWidget(w)
        sizes.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addLayout(sizes)
        lay.addWidget(self.command)
        self.save_button.clicked.connect(self._save_clicked)
        for signal in (self.gpus.valueChanged, self.nodes.valueChanged, self.slurm.toggled):
            signal.connect(lambda *_: self.update_command())

    def _save_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("LaunchBox", "Save run config"), DEFAULT_FILE_NAME,
                                              translate("LaunchBox", "Run config (*.json)"))
        if path:
            self.save(path)

    def save(self, path: str) -> bool:
        """Write the form's config to `path` and show the launch command; False with a message on error."""
        try:
            self.form.config().save(Path(path))
        except WorkbenchError as exc:
            self.command.setPlainText(translate("LaunchBox", "Cannot save: {error}").format(error=error_text(exc)))
            return False
        self.config_path = path
        self.update_command()
        return True

    def update_command(self) -> None:
        from workbench.training.launch import slurm_script, torchrun_command

        if not self.config_path:
            return
        gpus, nodes = self.gpus.value(), self.nodes.value()
        if self.slurm.isChecked():
            text = slurm_script(self.config_path, gpus, nodes)
        elif gpus == 1 and nodes == 1:
            text = f"workbench train --config {self.config_path}"
        else:
            text = torchrun_command(self.config_path, gpus, nodes)
        self.command.setPlainText(text)
