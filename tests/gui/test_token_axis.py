"""The heatmap's token axes: labels thinned to the pixels they have (never two boxes over each
other, at any size or zoom), long tokens elided, the whole token and its hover text on hover."""

from __future__ import annotations

import numpy as np
import pytest

SENTENCE = "Once upon a time there was a little girl named Lily who liked"


def disjoint(rects) -> bool:
    return all(not a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])


@pytest.fixture
def heatmap(qtbot):
    from workbench.gui.widgets.heatmap import HeatmapView

    view = HeatmapView()
    qtbot.addWidget(view)
    view.resize(300, 300)
    view.show()
    qtbot.waitExposed(view)
    return view


def show(qtbot, view, tokens, hovers=((), ())) -> None:
    n = len(tokens)
    view.set_matrix(np.random.default_rng(0).random((n, n), dtype=np.float32), tokens, tokens, hovers)
    qtbot.wait(20)


def test_twelve_tokens_at_300_px_never_overlap(qtbot, heatmap):
    tokens = tuple(SENTENCE.split()[:12])
    hovers = tuple(f"piece {i} (bytes {i})" for i in range(12))
    show(qtbot, heatmap, tokens, (hovers, hovers))
    for name in ("bottom", "left"):
        axis = heatmap.axis(name)
        rects, labels = axis.label_rects(), axis.shown_labels()
        assert len(rects) == len(labels) >= 2
        assert disjoint(rects), f"{name}: {labels}"
        assert set(labels) <= set(tokens)
    bottom = heatmap.axis("bottom")
    assert len(bottom.shown_labels()) < 12  # about 170 px for 12 words: thinned, not run together
    assert bottom.tooltip_for(3) == "time\npiece 3 (bytes 3)"
    assert bottom.tooltip_for(12) == ""


def test_the_tooltip_names_the_token_under_the_mouse(qtbot, heatmap):
    from PySide6.QtCore import QPointF

    tokens = tuple(SENTENCE.split()[:12])
    show(qtbot, heatmap, tokens)
    bottom, left = heatmap.axis("bottom"), heatmap.axis("left")
    w, h = bottom.size().width(), left.size().height()
    assert int(bottom.value_at(QPointF(w * 3.5 / 12, 5))) == 3
    assert int(left.value_at(QPointF(5, h * 10.5 / 12))) == 10  # inverted: the first query at the top


def test_two_hundred_tokens_are_thinned_and_rethinned_on_resize_and_zoom(qtbot, heatmap):
    tokens = tuple(f"tok{i}" for i in range(200))
    show(qtbot, heatmap, tokens)
    for name in ("bottom", "left"):
        axis = heatmap.axis(name)
        assert 2 <= len(axis.shown_labels()) < 30 and disjoint(axis.label_rects())
    small = len(heatmap.axis("bottom").shown_labels())
    heatmap.resize(1200, 900)
    qtbot.wait(20)
    big = heatmap.axis("bottom").shown_labels()
    assert len(big) > small and disjoint(heatmap.axis("bottom").label_rects())
    heatmap.plot.setRange(xRange=(0, 20), yRange=(0, 20), padding=0)  # zoom in: every token fits
    qtbot.wait(20)
    assert heatmap.axis("bottom").shown_labels() == [f"tok{i}" for i in range(20)]
    assert disjoint(heatmap.axis("bottom").label_rects()) and disjoint(heatmap.axis("left").label_rects())


def test_a_long_token_is_elided_with_its_whole_text_on_hover(qtbot, heatmap):
    long = "supercalifragilisticexpialidocious_token!"  # 41 characters
    tokens = ("a", long, "b")
    show(qtbot, heatmap, tokens)
    labels = heatmap.axis("left").shown_labels()
    assert long not in labels
    short = labels[1]
    assert "…" in short and len(short) <= 10 and short.startswith("super") and short.endswith("en!")
    assert heatmap.axis("left").tooltip_for(1) == long
    assert disjoint(heatmap.axis("left").label_rects())


def test_the_page_screen_check_finds_no_overlap(qtbot, heatmap):
    """The same measure the screenshot test uses (screen_checks.overlapping_axis_labels)."""
    from tests.gui.screen_checks import overlapping_axis_labels

    show(qtbot, heatmap, tuple(SENTENCE.split()[:12]))
    assert overlapping_axis_labels(heatmap) == []
    show(qtbot, heatmap, tuple(f"token_{i}_long" for i in range(64)))
    assert overlapping_axis_labels(heatmap) == []
