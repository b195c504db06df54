"""The Attention page's memory budget: how much the maps of one extraction may take.

0 is "auto" (a quarter of the memory free when the extraction starts). The choice is kept in the
settings and handed to the core with attention.budget.set_budget_mb; a longer text is then cut to
what fits, and the page's notes say so.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QWidget

from workbench.attention.budget import available_bytes, budget_bytes, gb, set_budget_mb
from workbench.gui.i18n import translate

KEY = "attention/budget_mb"


class BudgetBox(QWidget):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.spin = QSpinBox(minimum=0, maximum=1024 * 1024, singleStep=256, suffix=" MB")
        self.spin.setSpecialValueText(translate("BudgetBox", "auto"))
        self.spin.setValue(int(settings.value(KEY, 0) or 0))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(translate("BudgetBox", "Memory")))
        lay.addWidget(self.spin)
        self.spin.valueChanged.connect(self._changed)
        self._changed(self.spin.value())

    def _changed(self, mb: int) -> None:
        set_budget_mb(mb or None)
        self.settings.setValue(KEY, mb)
        if not mb:
            tip = translate("BudgetBox", "The most memory the attention maps of one extraction may take. A longer "
                                         "text is cut to what fits, and the notes say so. auto: a quarter of the "
                                         "free memory (now {budget} of {free} free).").format(
                budget=gb(budget_bytes()), free=gb(available_bytes()))
        else:
            tip = translate("BudgetBox", "The attention maps of one extraction may take at most {mb} MB; a longer "
                                         "text is cut to what fits.").format(mb=mb)
        self.spin.setToolTip(tip)
