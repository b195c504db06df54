"""Embeddings: the 2-D PCA scatter of input token embeddings, with search and nearest neighbours."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QSplitter, QVBoxLayout,
                               QWidget)

from workbench.gui.i18n import translate
from workbench.gui.theme import colors, notifier, style_plot
from workbench.gui.widgets import MessageBanner
from workbench.gui.widgets.empty_state import EmptyStack, EmptyState

if TYPE_CHECKING:
    from workbench.attention.projector import Projection
    from workbench.models.spec import LoadedModel


@dataclass(frozen=True)
class Neighbours:
    token_id: int
    token: str
    nearest: list[tuple[str, float]]  # (token, cosine similarity), most similar first


def projection_job(ctx: Any, loaded: LoadedModel) -> Projection:
    from workbench.attention.projector import project

    return project(loaded)


def neighbours_job(ctx: Any, loaded: LoadedModel, query: str) -> Neighbours:
    from workbench.attention.projector import find_token, nearest_neighbours
    from workbench.token_text import piece_text

    tid = find_token(loaded, query)
    return Neighbours(tid, piece_text(loaded.tokenizer, tid), nearest_neighbours(loaded, tid, 12))


class EmbeddingsView(QWidget):
    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.projection: Any = None
        self.neighbours: list[tuple[str, float]] = []
        self._build_plot()
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("EmbeddingsView", "A word or token, e.g. cat"))
        self.search.setMinimumWidth(120)
        self.find_button = QPushButton(translate("EmbeddingsView", "Nearest neighbours"))
        self.compute_button = QPushButton(translate("EmbeddingsView", "Compute projection"))
        self.list = QListWidget()
        self.info = QLabel(translate("EmbeddingsView", "Each point is a vocabulary entry's input embedding, projected "
                                                       "to 2-D with PCA. Tokens used alike end up close together."))
        self.info.setWordWrap(True)
        self.banner = MessageBanner()
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.addWidget(self.compute_button)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.find_button)
        sl.addLayout(row)
        nearest = QLabel(translate("EmbeddingsView", "Nearest by cosine similarity (full embedding, not the 2-D "
                                                     "view):"))
        nearest.setWordWrap(True)
        sl.addWidget(nearest)
        sl.addWidget(self.list, 1)
        sl.addStretch(0)
        self.list.hide()  # until a search has neighbours to list
        split = QSplitter()
        split.setChildrenCollapsible(False)
        split.addWidget(self.plot)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.empty = EmptyState(
            translate("EmbeddingsView", "The embedding map will appear here"),
            translate("EmbeddingsView", "Each point will be a vocabulary entry's input embedding, projected to 2-D "
                                        "with PCA; then search a word for its nearest neighbours."),
            "mdi6.scatter-plot-outline", translate("EmbeddingsView", "Compute projection"), self.compute)
        self.stack = EmptyStack(split, self.empty)
        lay = QVBoxLayout(self)
        lay.addWidget(self.info)
        lay.addWidget(self.banner)
        lay.addWidget(self.stack, 1)
        self.compute_button.clicked.connect(self.compute)
        self.find_button.clicked.connect(self.find)
        self.search.returnPressed.connect(self.find)
        self._theme_changed()
        notifier().changed.connect(self._theme_changed)

    def _build_plot(self) -> None:
        """The 2-D map: every vocabulary entry a point, the searched word and its neighbours marked."""
        self.plot = pg.PlotWidget()
        self.plot.setMenuEnabled(False)
        self.plot.setLabel(axis="bottom", text=translate("EmbeddingsView", "principal component 1"))
        self.plot.setLabel(axis="left", text=translate("EmbeddingsView", "principal component 2"))
        for name in ("left", "bottom"):
            self.plot.getAxis(name).enableAutoSIPrefix(False)  # plain numbers, never "(x0.001)"
        self.points = pg.ScatterPlotItem(size=5, pen=None, hoverable=True, tip=lambda x, y, data: str(data))
        self.marks = pg.ScatterPlotItem(size=11)
        self.plot.addItem(self.points)
        self.plot.addItem(self.marks)
        style_plot(self.plot)
        self.labels: list[pg.TextItem] = []

    def _theme_changed(self, *_: object) -> None:
        c = colors()
        point = QColor(c.accent)
        point.setAlpha(120)
        mark = QColor(c.danger)
        mark.setAlpha(230)
        self.points.setBrush(pg.mkBrush(point))
        self.marks.setPen(pg.mkPen(c.text))
        self.marks.setBrush(pg.mkBrush(mark))
        for label in self.labels:
            label.setColor(c.danger)

    def reset(self) -> None:
        """Forget the projection (the model changed): back to the empty view."""
        self.projection = None
        self.neighbours = []
        self.points.clear()
        self.marks.clear()
        for label in self.labels:
            self.plot.removeItem(label)
        self.labels = []
        self.list.clear()
        self.list.hide()
        self.banner.hide()
        self.info.setText(translate("EmbeddingsView", "Each point is a vocabulary entry's input embedding, projected "
                                                      "to 2-D with PCA. Tokens used alike end up close together."))
        self.stack.show_content(False)

    def compute(self) -> None:
        if self.state.loaded is None:
            self.banner.show_error(translate("EmbeddingsView", "Load a model first (Models page)."))
            return
        self.state.runner.start("projection", projection_job, self.state.loaded, on_done=self.show_projection,
                                on_error=lambda m, d: self.banner.show_error(m, d))

    def show_projection(self, proj: Any) -> None:
        self.projection = proj
        self.points.setData(pos=proj.coords, data=list(proj.tokens))
        self.banner.hide()
        self.stack.show_content(True)
        self.info.setText(translate("EmbeddingsView", "{shown} of {total} vocabulary entries; the axes hold {first} "
                                                      "and {second} of the variance. Hover a point to see its "
                                                      "token.").format(
            shown=f"{len(proj.tokens):,}", total=f"{proj.vocab_size:,}", first=f"{proj.explained[0]:.1%}",
            second=f"{proj.explained[1]:.1%}"))

    def find(self) -> None:
        if self.state.loaded is None or not self.search.text().strip():
            return
        self.state.runner.start("neighbours", neighbours_job, self.state.loaded, self.search.text().strip(),
                                on_done=self.show_neighbours, on_error=lambda m, d: self.banner.show_error(m, d))

    def show_neighbours(self, result: Neighbours) -> None:
        tid, token, nn = result.token_id, result.token, result.nearest
        self.banner.hide()
        self.neighbours = nn
        self.list.clear()
        self.list.show()
        self.list.addItem(translate("EmbeddingsView", "{token} (id {id})").format(token=token, id=tid))
        for t, sim in nn:
            self.list.addItem(f"  {t}   {sim:.3f}")
        for label in self.labels:
            self.plot.removeItem(label)
        self.labels = []
        if self.projection is None:
            return
        index = {int(i): n for n, i in enumerate(self.projection.token_ids)}
        wanted = [tid] + [self.state.loaded.tokenizer.convert_tokens_to_ids(t) for t, _ in nn]
        rows = [index[i] for i in wanted if i in index]
        pos = self.projection.coords[rows] if rows else np.zeros((0, 2))
        self.marks.setData(pos=pos)
        for r in rows:
            label = pg.TextItem(self.projection.tokens[r], color=colors().danger)
            label.setPos(*self.projection.coords[r])
            self.plot.addItem(label)
            self.labels.append(label)
