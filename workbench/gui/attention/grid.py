"""Model view: a layers x heads grid of thumbnails; clicking one opens that head in the heatmap.

Built for real-size models (Qwen2.5-0.5B: 24 x 14 = 336 heads at 2,048 tokens is 5.6 GB of maps):
- lazy: only the cells in or near the viewport (MARGIN rows/columns around it) are rendered, when
  the grid is shown, scrolled or resized; a hidden grid (another tab) renders nothing;
- time-sliced: a zero-interval timer renders queued cells for at most TICK_MS per event-loop turn,
  so opening and scrolling never block the window for long;
- cached: each thumbnail is rendered once per maps object (`cache`, by (layer, head), for the
  `weights` array it was made from); set_weights with the same array keeps it (the page calls it
  on every layer/head change), a new array drops it;
- downsampled: a (q, k) map is mean-pooled to at most THUMB x THUMB before colouring.
"""

from __future__ import annotations

import time
from functools import lru_cache

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QSize, QTimer, Signal
from PySide6.QtGui import QHideEvent, QIcon, QImage, QPixmap, QShowEvent
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from workbench.gui.i18n import translate
from workbench.gui.theme import SPACE

THUMB = 56
TICK_MS = 12.0  # rendering budget per event-loop turn (at least one thumbnail per turn)
MARGIN = 1  # rows and columns beyond the viewport rendered ahead of scrolling

Cell = tuple[int, int]  # (layer, head)


@lru_cache(maxsize=1)
def _viridis() -> np.ndarray:
    return pg.colormap.get("viridis").getLookupTable(0.0, 1.0, 256)  # (256, 3) uint8


def _bin_sums(m: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Sum the rows of m (n, k) into min(n, size) near-equal bins: ((bins, k) sums, (bins,) row counts).
    n = size * blk + extra: the first `extra` bins take blk + 1 rows, the others blk, so no row is
    dropped. Reshape-and-sum over contiguous rows (np.add.reduceat is ~5x slower on 2048 rows)."""
    n = m.shape[0]
    if n <= size:
        return m, np.ones(n, dtype=np.float32)
    blk, extra = divmod(n, size)
    cut = extra * (blk + 1)
    big = m[:cut].reshape(extra, blk + 1, -1).sum(axis=1)  # (extra, k)
    small = m[cut:].reshape(size - extra, blk, -1).sum(axis=1)  # (size - extra, k)
    counts = np.array([blk + 1] * extra + [blk] * (size - extra), dtype=np.float32)
    return np.concatenate([big, small]), counts


def downsample(matrix: np.ndarray, size: int = THUMB) -> np.ndarray:
    """A (q, k) map -> a mean-pooled (h, w) float32 thumbnail, h = min(q, size), w = min(k, size).
    E.g. (2048, 2048) -> (56, 56), each pixel the mean of 37 (or 36) queries x 37 (or 36) keys;
    (256, 256) -> (56, 56) from 5 x 5 blocks. Pooling, unlike striding, keeps thin patterns (the
    previous-token diagonal). A map smaller than `size` is scaled up by whole pixels (9 tokens ->
    (54, 54)) so it is not a speck in the icon."""
    rows, row_n = _bin_sums(np.asarray(matrix, dtype=np.float32), size)  # (h, k)
    cols, col_n = _bin_sums(np.ascontiguousarray(rows.T), size)  # (w, h)
    pooled = cols.T / np.outer(row_n, col_n)  # (h, w) means
    up_q, up_k = max(1, size // pooled.shape[0]), max(1, size // pooled.shape[1])
    if up_q > 1 or up_k > 1:
        pooled = np.repeat(np.repeat(pooled, up_q, axis=0), up_k, axis=1)
    return pooled


def to_qimage(matrix: np.ndarray, size: int = THUMB) -> QImage:
    """A (q, k) matrix in [0, 1] -> a viridis QImage of at most size x size (mean-pooled). Each
    pixel row is scaled to its own maximum: a causal query q spreads over q keys, so with one scale
    for the whole map a long text's later rows (weights ~1/q) would be black and the thumbnail
    only its top-left corner; per row, where each query looks stays visible all the way down."""
    m = downsample(matrix, size)  # (h, w)
    top = m.max(axis=1, keepdims=True)  # (h, 1)
    top[top <= 0] = 1.0
    idx = np.clip(m / top * 255, 0, 255).astype(np.uint8)  # (h, w)
    rgb = np.ascontiguousarray(_viridis()[idx])  # (h, w, 3)
    h, w = idx.shape
    return QImage(rgb.data, w, h, 3 * w, QImage.Format_RGB888).copy()


class ModelGrid(QWidget):
    head_clicked = Signal(int, int)  # layer, head

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget()
        self.table.setIconSize(QSize(THUMB, THUMB))
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.info = QLabel("")
        self.info.setWordWrap(True)  # a long line in Chinese or at a narrow window never widens the page
        lay = QVBoxLayout(self)
        lay.setContentsMargins(SPACE[1], SPACE[1], SPACE[1], SPACE[1])
        lay.addWidget(self.info)
        lay.addWidget(self.table, 1)
        self.weights = np.zeros((0, 0, 1, 1), dtype=np.float32)  # (layers, heads, q, k)
        self.cache: dict[Cell, QPixmap] = {}  # thumbnails of self.weights, by (layer, head)
        self.renders = 0  # thumbnails rendered so far (cache misses), for tests and benchmarks
        self._queue: list[Cell] = []
        self.timer = QTimer(self, interval=0)
        self.timer.timeout.connect(self._render_some)
        self.table.cellClicked.connect(lambda r, c: self.head_clicked.emit(r, c))
        self.table.verticalScrollBar().valueChanged.connect(self._schedule)
        self.table.horizontalScrollBar().valueChanged.connect(self._schedule)
        self._viewport = self.table.viewport()
        self._viewport.installEventFilter(self)

    @property
    def pending(self) -> list[Cell]:
        """Cells in or near the viewport still waiting for their thumbnail (empty: all drawn)."""
        return self._queue

    def set_weights(self, weights: np.ndarray, patterns: dict[Cell, str] | None = None) -> None:
        """Show (layers, heads, q, k) maps. The same array again keeps the rendered thumbnails."""
        L, H = weights.shape[:2]
        if weights is not self.weights:
            self.weights = weights
            self.cache.clear()
            if (self.table.rowCount(), self.table.columnCount()) == (L, H):
                for r in range(L):  # same shape: keep the items (and the scroll position)
                    for c in range(H):
                        self.table.item(r, c).setIcon(QIcon())
            else:
                self._build_cells(L, H)
        for r in range(L):
            for c in range(H):
                self.table.item(r, c).setToolTip((patterns or {}).get((r, c), ""))
        self.info.setText(translate("ModelGrid", "{layers} layers × {heads} heads; click a thumbnail to open it in "
                                                 "the heatmap.").format(layers=L, heads=H))
        self._schedule()

    def _build_cells(self, L: int, H: int) -> None:
        self.table.clear()
        self.table.setRowCount(L)
        self.table.setColumnCount(H)
        self.table.setVerticalHeaderLabels([f"L{i}" for i in range(L)])
        self.table.setHorizontalHeaderLabels([f"H{i}" for i in range(H)])
        for c in range(H):
            self.table.setColumnWidth(c, THUMB + 8)
        for r in range(L):
            self.table.setRowHeight(r, THUMB + 8)
            for c in range(H):
                self.table.setItem(r, c, QTableWidgetItem())

    def rendered(self) -> int:
        """How many thumbnails of the current maps exist (drawn now or cached from before)."""
        return len(self.cache)

    def cells_near_viewport(self, margin: int = MARGIN) -> list[Cell]:
        """The cells the viewport shows, then those within `margin` rows/columns of it."""
        t = self.table
        L, H = t.rowCount(), t.columnCount()
        vp = t.viewport().rect()
        if not L or not H or vp.isEmpty():
            return []
        top, left = max(0, t.rowAt(vp.top())), max(0, t.columnAt(vp.left()))
        bottom, right = t.rowAt(vp.bottom()), t.columnAt(vp.right())
        bottom = L - 1 if bottom < 0 else bottom
        right = H - 1 if right < 0 else right
        cells = [(r, c) for r in range(max(0, top - margin), min(L, bottom + margin + 1))
                 for c in range(max(0, left - margin), min(H, right + margin + 1))]
        return sorted(cells, key=lambda rc: (not (top <= rc[0] <= bottom and left <= rc[1] <= right), rc))

    def render_now(self, cells: list[Cell] | None = None) -> int:
        """Render `cells` (default: every cell) at once, skipping cached ones; returns how many were
        rendered. The eager path, for exports and the benchmark's baseline."""
        if cells is None:
            cells = [(r, c) for r in range(self.table.rowCount()) for c in range(self.table.columnCount())]
        before = self.renders
        for cell in cells:
            self._render(cell)
        self._queue = [cell for cell in self._queue if cell not in self.cache]
        return self.renders - before

    def _render(self, cell: Cell) -> None:
        pix = self.cache.get(cell)
        if pix is None:
            pix = self.cache[cell] = QPixmap.fromImage(to_qimage(self.weights[cell]))
            self.renders += 1
        item = self.table.item(*cell)
        if item is not None and item.icon().isNull():
            item.setIcon(QIcon(pix))

    def _schedule(self, *_: object) -> None:
        """Queue the uncached cells in or near the viewport (nothing while the grid is hidden)."""
        if not self.isVisible():
            self._queue = []
            self.timer.stop()
            return
        self._queue = [cell for cell in self.cells_near_viewport() if cell not in self.cache]
        if self._queue:
            self.timer.start()

    def _render_some(self) -> None:
        deadline = time.perf_counter() + TICK_MS / 1000
        while self._queue:
            self._render(self._queue.pop(0))
            if time.perf_counter() >= deadline:
                break
        if not self._queue:
            self.timer.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._schedule()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._schedule()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Resize and obj is self._viewport:
            self._schedule()
        return super().eventFilter(obj, event)
