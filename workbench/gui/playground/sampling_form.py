"""Sampling controls, turned into a GenerationSettings."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QFormLayout, QGroupBox, QSpinBox, QWidget

from workbench.config import GenerationSettings
from workbench.gui.i18n import translate


class SamplingForm(QGroupBox):
    def __init__(self, max_new_tokens: int = 64, parent: QWidget | None = None) -> None:
        super().__init__(translate("SamplingForm", "Sampling"), parent)
        d = GenerationSettings()
        self.max_new = QSpinBox(maximum=4096, minimum=1, value=max_new_tokens)
        self.temperature = QDoubleSpinBox(minimum=0.01, maximum=5.0, singleStep=0.05, value=d.temperature)
        self.top_k = QSpinBox(minimum=0, maximum=100000, value=d.top_k)
        self.top_k.setSpecialValueText(translate("SamplingForm", "off"))
        self.top_p = QDoubleSpinBox(minimum=0.01, maximum=1.0, singleStep=0.01, value=d.top_p)
        self.rep = QDoubleSpinBox(minimum=0.5, maximum=3.0, singleStep=0.05, value=d.repetition_penalty)
        self.seed = QSpinBox(minimum=-1, maximum=2**31 - 1, value=-1)
        self.seed.setSpecialValueText(translate("SamplingForm", "random"))
        self.greedy = QCheckBox(translate("SamplingForm", "Greedy (always the most likely token)"))
        self.alternatives = QSpinBox(minimum=0, maximum=20, value=d.alternatives)
        form = QFormLayout(self)
        form.addRow(translate("SamplingForm", "Max new tokens"), self.max_new)
        form.addRow(translate("SamplingForm", "Temperature"), self.temperature)
        form.addRow(translate("SamplingForm", "Top-k"), self.top_k)
        form.addRow(translate("SamplingForm", "Top-p"), self.top_p)
        form.addRow(translate("SamplingForm", "Repetition penalty"), self.rep)
        form.addRow(translate("SamplingForm", "Seed"), self.seed)
        form.addRow(translate("SamplingForm", "Alternatives shown"), self.alternatives)
        form.addRow(self.greedy)
        self.greedy.toggled.connect(self._on_greedy)

    def _on_greedy(self, on: bool) -> None:
        for w in (self.temperature, self.top_k, self.top_p, self.seed):
            w.setEnabled(not on)

    def settings(self) -> GenerationSettings:
        return GenerationSettings(
            max_new_tokens=self.max_new.value(), temperature=self.temperature.value(),
            top_k=self.top_k.value(), top_p=self.top_p.value(), repetition_penalty=self.rep.value(),
            seed=None if self.seed.value() < 0 else self.seed.value(), greedy=self.greedy.isChecked(),
            alternatives=self.alternatives.value())
