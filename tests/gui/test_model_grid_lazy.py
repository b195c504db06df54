"""The model view on a real-size shape (24 layers x 14 heads = 336 thumbnails, 256 tokens), from
synthetic maps (no model): only the cells in or near the viewport render, scrolling renders more,
thumbnails are cached per maps object, and new maps drop the cache."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.attention.maps import AttentionMaps, AttentionSet

LAYERS, HEADS, TOKENS = 24, 14, 256
ALL = LAYERS * HEADS


def synthetic_weights(seed: int = 0) -> np.ndarray:
    """(layers, heads, q, k) float32 causal maps whose rows sum to 1."""
    w = np.random.default_rng(seed).random((LAYERS, HEADS, TOKENS, TOKENS), dtype=np.float32)
    w *= np.tril(np.ones((TOKENS, TOKENS), dtype=np.float32))
    w /= w.sum(axis=-1, keepdims=True)
    return w


def synthetic_maps(seed: int = 0) -> AttentionMaps:
    tokens = tuple(f"t{i}" for i in range(TOKENS))
    special = np.zeros(TOKENS, dtype=bool)
    words = tuple(range(TOKENS))
    s = AttentionSet("self", synthetic_weights(seed), tokens, tokens, special, special, words, words, causal=True)
    return AttentionMaps("synthetic", {"self": s}, tuple(range(TOKENS)))


@pytest.fixture(scope="module")
def maps() -> AttentionMaps:
    return synthetic_maps()


@pytest.fixture
def grid(qtbot):
    from workbench.gui.attention.grid import ModelGrid

    g = ModelGrid()
    qtbot.addWidget(g)
    g.resize(380, 280)  # a small viewport: about 3 rows x 5 columns of thumbnails
    g.show()
    qtbot.waitExposed(g)
    return g


def settle(qtbot, grid) -> None:
    qtbot.waitUntil(lambda: not grid.pending, timeout=20000)


def scroll_to(qtbot, grid, value: int) -> None:
    grid.table.verticalScrollBar().setValue(value)
    settle(qtbot, grid)


def test_only_cells_near_the_viewport_render(qtbot, grid, maps):
    grid.set_weights(maps.weights)
    assert grid.pending  # queued, rendered on the timer, not inside set_weights
    settle(qtbot, grid)
    near = grid.cells_near_viewport()
    assert 0 < grid.renders == grid.rendered() == len(near) <= ALL // 6
    assert set(grid.cache) == set(near)
    assert max(r for r, _ in grid.cache) < LAYERS // 3 and max(c for _, c in grid.cache) < HEADS - 2
    assert not grid.table.item(0, 0).icon().isNull()
    assert grid.table.item(LAYERS - 1, HEADS - 1).icon().isNull()


def test_scrolling_renders_more(qtbot, grid, maps):
    grid.set_weights(maps.weights)
    settle(qtbot, grid)
    first = grid.renders
    bar = grid.table.verticalScrollBar()
    assert bar.maximum() > 0
    scroll_to(qtbot, grid, bar.maximum())
    assert grid.renders > first
    assert not grid.table.item(LAYERS - 1, 0).icon().isNull()
    assert grid.renders < ALL // 3  # a jump to the bottom skips the middle rows
    assert not any(10 <= r <= 14 for r, _ in grid.cache)
    grid.table.horizontalScrollBar().setValue(grid.table.horizontalScrollBar().maximum())
    settle(qtbot, grid)
    assert (LAYERS - 1, HEADS - 1) in grid.cache


def test_second_render_uses_the_cache(qtbot, grid, maps):
    grid.set_weights(maps.weights)
    settle(qtbot, grid)
    top = dict(grid.cache)
    grid.set_weights(maps.weights, {(0, 0): "previous token"})  # the page does this on every layer change
    assert not grid.pending and grid.renders == len(top)
    assert all(grid.cache[cell] is pix for cell, pix in top.items())
    assert grid.table.item(0, 0).toolTip() == "previous token"
    bar = grid.table.verticalScrollBar()
    scroll_to(qtbot, grid, bar.maximum())
    after_down = grid.renders
    scroll_to(qtbot, grid, 0)  # back to the top: all cached
    assert grid.renders == after_down
    missing = ALL - grid.rendered()
    assert missing > 0 and grid.render_now() == missing  # the eager path renders only what is missing
    assert grid.rendered() == ALL and grid.render_now() == 0


def test_new_maps_drop_the_cache(qtbot, grid, maps):
    grid.set_weights(maps.weights)
    settle(qtbot, grid)
    old = dict(grid.cache)
    renders = grid.renders
    other = synthetic_weights(seed=1)
    grid.set_weights(other)
    assert grid.weights is other and grid.rendered() == 0
    assert grid.table.item(0, 0).icon().isNull()
    settle(qtbot, grid)
    assert grid.renders == renders + len(old) and set(grid.cache) == set(old)
    assert all(grid.cache[cell] is not old[cell] for cell in old)
    assert grid.cache[(0, 0)].toImage() != old[(0, 0)].toImage()


def test_a_hidden_grid_renders_nothing(qtbot, grid, maps):
    grid.hide()
    grid.set_weights(maps.weights)
    qtbot.wait(50)
    assert grid.renders == 0 and not grid.pending
    grid.show()
    settle(qtbot, grid)
    assert 0 < grid.renders <= ALL // 6


def test_the_page_keeps_the_cache_across_layer_changes(qtbot, window, maps):
    page = window.show_page("Attention")
    page.show_maps(maps)
    assert page.grid.renders == 0  # the heatmap tab is shown: the grid waits
    page.tabs.setCurrentIndex(1)
    settle(qtbot, page.grid)
    shown = page.grid.renders
    assert 0 < shown < ALL
    page.layer.setValue(5)  # page.refresh -> grid.set_weights(same maps)
    page.head.setCurrentIndex(3)
    assert page.grid.renders == shown and not page.grid.pending


def test_thumbnails_are_mean_pooled():
    from workbench.gui.attention.grid import THUMB, downsample, to_qimage

    diagonal = np.eye(2048, k=-1, dtype=np.float32)  # a previous-token head at 2,048 tokens
    d = downsample(diagonal)
    assert d.shape == (THUMB, THUMB)
    assert np.diag(d).min() > 0.5 * d.max()  # striding would miss the diagonal entirely
    assert np.isclose(d.mean(), diagonal.mean(), rtol=0.05)
    assert downsample(np.ones((9, 9), np.float32)).shape == (54, 54)  # small maps scaled up
    assert downsample(np.ones((20, 700), np.float32)).shape == (40, THUMB)
    img = to_qimage(np.random.default_rng(0).random((TOKENS, TOKENS), dtype=np.float32))
    assert (img.width(), img.height()) == (THUMB, THUMB)


def test_late_queries_of_a_causal_map_stay_visible():
    """Uniform causal attention at 512 tokens: row q is 1/q. The bottom rows are as bright as the
    top one (each row scaled to itself), and the masked upper triangle stays dark."""
    from workbench.gui.attention.grid import THUMB, to_qimage

    n = 512
    causal = np.tril(np.ones((n, n), dtype=np.float32))
    img = to_qimage(causal / causal.sum(axis=1, keepdims=True))
    top_left, bottom_left = img.pixelColor(0, 0), img.pixelColor(0, THUMB - 1)
    assert bottom_left.lightness() > 120 and abs(bottom_left.lightness() - top_left.lightness()) < 10
    assert img.pixelColor(THUMB - 1, 0).lightness() < 60
