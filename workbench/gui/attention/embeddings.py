"""Embeddings: the 2-D PCA scatter of input token embeddings, with search and nearest neighbours."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QSplitter, QVBoxLayout,
                               QWidget)

from workbench.gui.i18n import translate
from workbench.gui.widgets import MessageBanner

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
        self.plot = pg.PlotWidget()
        self.plot.setLabel(axis="bottom", text=translate("EmbeddingsView", "principal component 1"))
        self.plot.setLabel(axis="left", text=translate("EmbeddingsView", "principal component 2"))
        self.points = pg.ScatterPlotItem(size=5, pen=None, brush=pg.mkBrush(80, 130, 220, 120), hoverable=True,
                                         tip=lambda x, y, data: str(data))
        self.marks = pg.ScatterPlotItem(size=11, pen=pg.mkPen("k"), brush=pg.mkBrush(230, 60, 60, 230))
        self.plot.addItem(self.points)
        self.plot.addItem(self.marks)
        self.labels: list[pg.TextItem] = []
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("EmbeddingsView", "A word or token, e.g. cat"))
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
        sl.addWidget(self.banner)
        sl.addWidget(QLabel(translate("EmbeddingsView", "Nearest by cosine similarity (full embedding, not the 2-D "
                                                        "view):")))
        sl.addWidget(self.list, 1)
        split = QSplitter()
        split.addWidget(self.plot)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        lay = QVBoxLayout(self)
        lay.addWidget(self.info)
        lay.addWidget(split, 1)
        self.compute_button.clicked.connect(self.compute)
        self.find_button.clicked.connect(self.find)
        self.search.returnPressed.connect(self.find)

    def compute(self) -> None:
        if self.state.loaded is None:
            self.banner.show_error(translate("EmbeddingsView", "Load a model first (Models page)."))
            return
        self.state.runner.start("projection", projection_job, self.state.loaded, on_done=self.show_projection,
                                on_error=lambda m, d: self.banner.show_error(m, d))

    def show_projection(self, proj: Any) -> None:
        self.projection = proj
        self.points.setData(pos=proj.coords, data=list(proj.tokens))
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
            label = pg.TextItem(self.projection.tokens[r], color=(200, 30, 30))
            label.setPos(*self.projection.coords[r])
            self.plot.addItem(label)
            self.labels.append(label)
