"""The parity report of an export: a verdict line, one table row per variant, the full text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFontDatabase
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from workbench.gui.i18n import core_text, translate
from workbench.gui.theme import blend, colors, notifier
from workbench.gui.widgets.elide import ElidedLabel

COLUMNS = ("Variant", "Max |Δ|", "Mean |Δ|", "Tolerance", "Top-1", "Top-5", "Cache |Δ|", "Greedy", "Emb. cos",
           "Size MB", "Result")  # the table's columns, by key (their titles: column_titles)
_KEYS = ("max_abs_diff", "mean_abs_diff", "tolerance", "top1_agreement", "top5_agreement", "cache_max_abs_diff",
         "greedy_match", "embedding_cosine_min")
_FORMATS = ("{:.2e}", "{:.2e}", "{:.1e}", "{:.2%}", "{:.2%}", "{:.2e}", "{:.0%}", "{:.5f}")


def verdict_background(passed: bool) -> QColor:
    """A pale (light theme) or deep (dark theme) green or red behind the Result cell; the theme's text
    stays readable on it."""
    c = colors()
    return blend(c.surface, c.success if passed else c.danger, 0.22)


def column_titles() -> list[str]:
    return [translate("ReportView", "Variant"), translate("ReportView", "Max |Δ|"),
            translate("ReportView", "Mean |Δ|"), translate("ReportView", "Tolerance"), "Top-1", "Top-5",
            translate("ReportView", "Cache |Δ|"), translate("ReportView", "Greedy"),
            translate("ReportView", "Emb. cos"), translate("ReportView", "Size MB"), translate("ReportView", "Result")]


def variant_cells(name: str, entry: dict[str, Any]) -> list[str]:
    """Table cells of one variant: the figures, size and verdict (with the first reason)."""
    p = entry.get("parity") or {}
    cells = [name] + ["-" if p.get(k) is None else f.format(p[k]) for k, f in zip(_KEYS, _FORMATS)]
    cells.append(f"{entry.get('size_bytes', 0) / 1e6:.1f}")
    reasons = list(p.get("failures", [])) + ([entry["error"]] if entry.get("error") else [])
    if entry.get("passed"):
        cells.append(translate("ReportView", "ok"))
    else:
        cells.append(translate("ReportView", "FAILED: {reasons}").format(reasons="; ".join(map(core_text, reasons))))
    return cells


class ReportView(QWidget):
    evaluate_requested = Signal(str)  # the export folder: compare its variants on the user's data (Evaluate page)
    shown = Signal()  # a report is on screen (the Export tab swaps its empty state for it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: dict[str, Any] | None = None
        self.folder = ""
        self.evaluate_link = QPushButton(translate("ReportView", "See what int8 costs on your data →"))
        self.evaluate_link.setFlat(True)
        self.evaluate_link.setToolTip(translate("ReportView", "Open the Evaluate page with this export's variants "
                                                              "as the models to compare"))
        self.evaluate_link.hide()
        self.evaluate_link.clicked.connect(lambda: self.evaluate_requested.emit(self.folder))
        self.verdict = QLabel("")
        self.verdict.setWordWrap(True)
        self.folder_label = ElidedLabel()  # "Folder: /a/long/path": elided in the middle, whole on hover
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(column_titles())
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setMaximumHeight(150)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.FixedFont))  # the summary is a text table
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.verdict, 1)
        top.addWidget(self.evaluate_link)
        lay.addLayout(top)
        lay.addWidget(self.folder_label)
        lay.addWidget(self.table, 1)
        # The same report as the command line prints it (English, as the CLI stays), to copy into an issue.
        self.text_title = QLabel(translate("ReportView", "As `workbench export` prints it:"))
        lay.addWidget(self.text_title)
        lay.addWidget(self.text)
        self._paint_link()
        notifier().changed.connect(self._on_theme)

    def _paint_link(self) -> None:
        self.evaluate_link.setStyleSheet(f"QPushButton {{ color: {colors().accent}; text-decoration: underline; "
                                         f"border: none; background: transparent; }}")

    def _on_theme(self, _c: object) -> None:
        self._paint_link()
        if self.report is not None:
            self.show_report(self.report, self.folder)

    def show_report(self, report: dict[str, Any], folder: str) -> None:
        from workbench.export.report import summary

        self.report = report
        variants = report.get("variants", {})
        self.table.setRowCount(len(variants))
        for r, (name, entry) in enumerate(variants.items()):
            for c, cell in enumerate(variant_cells(name, entry)):
                item = QTableWidgetItem(cell)
                if c == len(COLUMNS) - 1:
                    item.setBackground(verdict_background(bool(entry.get("passed"))))
                self.table.setItem(r, c, item)
        ok = report.get("passed")
        colour = colors().success if ok else colors().danger
        what = translate("ReportView", "Parity proven for every variant") if ok \
            else translate("ReportView", "Parity check FAILED; failed graphs were removed")
        provider = report.get("parity_provider", "CPUExecutionProvider")
        self.verdict.setText(f"<span style='color:{colour}; font-weight:bold'>{what}</span> — " + translate(
            "ReportView", "{architecture} ({task}), opset {opset}, checked on {provider} against PyTorch.").format(
            architecture=report.get("architecture"), task=report.get("task"), opset=report.get("opset"),
            provider=provider))
        self.folder_label.setText(translate("ReportView", "Folder: {folder}").format(folder=folder))
        self.folder_label.setVisible(bool(folder))
        self.text.setPlainText(summary(report))
        self._show_link(folder, [name for name, entry in variants.items() if entry.get("passed")])
        self.shown.emit()

    def _show_link(self, folder: str, passed: list[str]) -> None:
        """The Evaluate link, for an export with a variant to compare (int8: what does it cost)."""
        self.folder = folder
        self.evaluate_link.setText(translate("ReportView", "See what int8 costs on your data →") if "int8" in passed
                                   else translate("ReportView", "Compare the variants on your data →"))
        self.evaluate_link.setVisible(bool(passed))

    def cell(self, row: int, column: str) -> str:
        item = self.table.item(row, COLUMNS.index(column))
        return item.text() if item else ""
