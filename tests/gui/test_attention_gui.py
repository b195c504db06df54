"""Attention explorer views, driven offscreen; assertions on data, not pixels."""

from __future__ import annotations

import numpy as np
import pytest

from tests.gui.conftest import load


@pytest.fixture
def page(qtbot, window, tiny_gpt2):
    load(qtbot, window, str(tiny_gpt2))
    p = window.show_page("Attention")
    p.text.setText("the quick brown fox jumps over the lazy dog")
    p.compute()
    qtbot.waitUntil(lambda: p.maps is not None, timeout=30000)
    return p


def test_selecting_layer_and_head_changes_the_image(page):
    first = page.heatmap.image.image.copy()
    np.testing.assert_allclose(first, page.maps.weights[0, 0])
    page.layer.setValue(1)
    page.head.setCurrentIndex(3)
    np.testing.assert_allclose(page.heatmap.image.image, page.maps.weights[1, 3])
    assert not np.allclose(page.heatmap.image.image, first)
    page.head.setCurrentIndex(page.maps.primary.num_heads)  # "mean of heads"
    np.testing.assert_allclose(page.heatmap.image.image, page.maps.weights[1].mean(0), atol=1e-6)


def test_log_scale_and_keyboard_stepping(qtbot, page):
    from PySide6.QtCore import Qt

    page.log_scale.setChecked(True)
    assert page.heatmap.image.image.max() <= 0  # log10 of weights <= 1
    page.heatmap.setFocus()
    qtbot.keyClick(page.heatmap, Qt.Key_Down)
    qtbot.keyClick(page.heatmap, Qt.Key_Right)
    assert page.layer.value() == 1 and page.head.currentIndex() == 1


def test_clicking_a_thumbnail_opens_that_head(qtbot, page):
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not page.grid.pending, timeout=10000)
    assert page.grid.rendered() == 2 * 4
    assert not page.grid.table.item(1, 2).icon().isNull()
    page.grid.head_clicked.emit(1, 2)
    assert page.tabs.currentIndex() == 0 and page.layer.value() == 1 and page.head.currentIndex() == 2
    np.testing.assert_allclose(page.heatmap.image.image, page.maps.weights[1, 2])


def test_head_view_lines_and_hover_isolation(page):
    page.tabs.setCurrentIndex(2)
    hv = page.headview
    all_lines = hv.lines()
    assert all_lines and {h for h, *_ in all_lines} == {0}
    hv.hover = ("q", 3)
    isolated = hv.lines()
    assert isolated and all(q == 3 for _, q, _, _ in isolated)
    assert sum(w for *_, w in isolated) <= 1.0001
    assert hv._tooltip(("k", 1)) == f"{hv.key_tokens[1]!r}: {page.maps.primary.key_hover[1]}"
    assert "bytes" in hv._tooltip(("k", 1)) and "bytes" in page.heatmap.hovers[0][0]  # the raw piece and its bytes


def test_compare_shows_a_difference(qtbot, page, tmp_path):
    from workbench.models.synthetic import build_random_model

    other = build_random_model("gpt2", tmp_path / "other", seed=1)
    page.compare.source.setText(str(other))
    page._compare()
    qtbot.waitUntil(lambda: page.compare.other_maps is not None, timeout=30000)
    diff = page.compare.diff.matrix
    assert diff.shape == page.heatmap.matrix.shape and np.abs(diff).max() > 1e-4


def test_onnx_export_maps_compare_and_open(qtbot, window, page, tmp_path, tiny_gpt2):
    """The exported graph's own attention (opset 23): compared with PyTorch's on the Compare tab
    (difference ~0), then the export opened as the model and shown in the explorer itself."""
    from workbench.export.options import ExportOptions
    from workbench.export.pipeline import export_model

    out = export_model(str(tiny_gpt2), tmp_path / "onnx", ExportOptions(attention_probs=True, opset=23)).folder
    page.compare.source.setText(str(out))
    page._compare()
    qtbot.waitUntil(lambda: page.compare.other_maps is not None, timeout=60000)
    assert "ONNX Runtime" in page.compare.titles[1].full_text()
    assert np.abs(page.compare.diff.matrix).max() < 1e-5
    np.testing.assert_allclose(page.compare.other_maps.weights, page.maps.weights, atol=1e-5)

    torch_maps = page.maps
    load(qtbot, window, str(out))
    page = window.show_page("Attention")
    assert not page.generate.isEnabled()  # generated-text maps need the PyTorch model
    page.compute()
    qtbot.waitUntil(lambda: page.maps is not None, timeout=30000)
    assert "ONNX Runtime" in page.maps.source
    np.testing.assert_allclose(page.heatmap.image.image, torch_maps.weights[0, 0], atol=1e-5)


def test_export_files(page, tmp_path):
    page.save_npz(str(tmp_path / "m.npz"))
    page.save_csv(str(tmp_path / "m.csv"))
    page.save_png(str(tmp_path / "m.png"))
    data = np.load(tmp_path / "m.npz")
    np.testing.assert_allclose(data["self_weights"], page.maps.weights)
    lines = (tmp_path / "m.csv").read_text().splitlines()
    assert len(lines) == len(page.maps.tokens) + 1
    assert (tmp_path / "m.png").stat().st_size > 1000


def test_playground_token_opens_its_attention(qtbot, window, page):
    from PySide6.QtCore import QUrl

    tab = window.show_page("Playground").generate
    tab.prompt.setPlainText("the cat")
    tab.form.greedy.setChecked(True)
    tab.form.max_new.setValue(4)
    tab.start()
    qtbot.waitUntil(lambda: not tab.job.running, timeout=20000)
    tab._on_click(QUrl("tok:2"))
    assert tab.attention_button.isEnabled()
    page.maps = None
    tab._open_attention()
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.maps is not None, timeout=20000)
    assert page.heatmap.selected_row is not None and page.heatmap.selected_row >= 2


def test_empty_text_message(qtbot, page):
    page.text.setText("")
    page.compute()
    qtbot.waitUntil(page.banner.isVisible, timeout=10000)
    assert "empty" in page.banner.label.text()


def test_a_text_over_the_memory_budget_is_cut_with_a_note(qtbot, window):
    """The page's Memory setting reaches the extraction; the app stays usable and says what it cut."""
    from workbench.attention.budget import budget_bytes, max_tokens

    load(qtbot, window, "builtin:tiny-stories")  # 4 layers x 4 heads, a context of 256
    page = window.show_page("Attention")
    try:
        page.budget.spin.setValue(1)  # 1 MB: room for the maps of 104 tokens
        assert budget_bytes() == 2**20 and str(window.state.settings.value("attention/budget_mb")) == "1"
        fits = max_tokens(4, 4, 2**20)
        page.text.setText("Once upon a time there was a cat. " * 60)
        page.compute()
        qtbot.waitUntil(lambda: page.maps is not None, timeout=60000)
        assert len(page.maps.tokens) == fits < 256 < page.maps.truncated_from
        assert f"kept the first {fits}" in page.notes.text() and "as chosen" in page.notes.text()
    finally:
        page.budget.spin.setValue(0)
    assert "auto" in page.budget.spin.toolTip() and budget_bytes() > 2**20


def test_rollout_of_cross_attention_falls_back_to_the_mean(qtbot, window, tiny_bart):
    load(qtbot, window, str(tiny_bart))
    p = window.show_page("Attention")
    p.text.setText("the quick brown fox jumps over the lazy dog")
    p.pair.setText("a dog")
    p.compute()
    qtbot.waitUntil(lambda: p.maps is not None, timeout=30000)
    p.kind.setCurrentIndex(p.kind.findData("cross"))
    p.head.setCurrentIndex(p.head.findData("rollout"))
    cross = p.maps.sets["cross"].weights
    np.testing.assert_allclose(p.heatmap.image.image, cross[0].mean(0), atol=1e-6)
    assert p.banner.isVisible() and "Rollout needs self-attention" in p.banner.label.text()
    assert "Showing the mean of heads instead" in p.banner.label.text()


def test_training_replay_shows_the_chosen_head_in_the_attention_heatmap(qtbot):
    from workbench.gui.widgets.heatmap import HeatmapView
    from workbench.gui.training.replay import AttentionReplay

    replay = AttentionReplay()
    qtbot.addWidget(replay)
    rng = np.random.default_rng(0)
    maps = [rng.random((2, 3, 4, 4)).astype(np.float32) for _ in range(2)]
    for step, m in zip((0, 10), maps):
        replay.add_snapshot(step, ["a", " b", "c", " "], m)
    assert isinstance(replay.heatmap, HeatmapView)
    assert replay.current()[0] == 10  # follows the newest snapshot
    replay.slider.setValue(0)
    replay.layer_spin.setValue(1)
    replay.head_spin.setValue(2)
    np.testing.assert_array_equal(replay.heatmap.matrix, maps[0][1, 2])
    assert replay.heatmap.key_tokens == ("a", "b", "c", "' '")
    replay.mean_check.setChecked(True)
    np.testing.assert_allclose(replay.heatmap.matrix, maps[0][1].mean(0), atol=1e-6)
    replay.clear()
    assert replay.current() is None and replay.heatmap.image.image is None


def test_the_views_are_empty_until_attention_is_shown_and_the_action_fills_them(qtbot, window):
    """No model: every tab says what will appear and offers to open the example model; its button
    opens builtin:tiny-stories and shows the Text field's example. A model change empties them."""
    from tests.gui.screen_checks import all_problems

    window.resize(1280, 800)
    page = window.show_page("Attention")
    assert window.state.loaded is None and page.text.text()  # the example text is there
    for key, stack in page.stacks.items():
        assert stack.is_empty(), key
        assert stack.empty.button.isVisible() or not stack.isVisible()
        assert "tiny-stories" in stack.empty.button.text()
    assert not any(b.isEnabled() for b in page.save_buttons)
    for i in range(page.tabs.count()):
        page.tabs.setCurrentIndex(i)
        qtbot.wait(10)
        assert all_problems(window, page) == [], page.tabs.tabText(i)
    page.tabs.setCurrentIndex(0)
    page.stacks["heatmap"].empty.button.click()
    qtbot.waitUntil(lambda: page.maps is not None, timeout=60000)
    assert window.state.loaded.info.source == "builtin:tiny-stories"
    assert window.stack.currentWidget() is page
    for key in ("heatmap", "grid", "headview", "compare", "embeddings"):
        assert not page.stacks[key].is_empty(), key
    assert page.compare.maps_stack.is_empty() and page.embeddings.stack.is_empty()  # their own actions
    assert page.patterns.count() > 0 and page.patterns.isVisible()
    assert all(b.isEnabled() for b in page.save_buttons)
    for i in (1, 2):  # the model view and the head view, with the example's tokens
        page.tabs.setCurrentIndex(i)
        qtbot.wait(20)
        assert all_problems(window, page) == [], page.tabs.tabText(i)
    rects = page.headview.label_rects()
    assert all(not a.intersects(b) for j, a in enumerate(rects) for b in rects[j + 1:])

    window.state.model_changed.emit(window.state.loaded)  # the same model again: the maps are gone
    assert page.maps is None and page.stacks["heatmap"].is_empty() and not page.stacks["embeddings"].is_empty()
    assert page.stacks["heatmap"].empty.button.text() == "Show attention"
    page.stacks["heatmap"].empty.button.click()
    qtbot.waitUntil(lambda: page.maps is not None, timeout=30000)
    assert not page.stacks["heatmap"].is_empty()


def test_head_view_labels_are_elided_and_never_overlap(qtbot):
    from workbench.gui.attention.headview import HeadView

    hv = HeadView()
    qtbot.addWidget(hv)
    hv.resize(400, 300)
    tokens = tuple(f"{'long' * 10}_{i}" for i in range(30))
    hv.set_layer(np.full((2, 30, 30), 1 / 30, dtype=np.float32), tokens, tokens, [0, 1], (tokens, tokens))
    hv.show()
    qtbot.waitExposed(hv)
    rects = hv.label_rects()
    assert len(rects) == 60 and all(r.left() >= 0 and r.right() <= hv.width() for r in rects)
    assert all(not a.intersects(b) for j, a in enumerate(rects) for b in rects[j + 1:])
    assert hv.label(tokens[0]) != tokens[0] and "…" in hv.label(tokens[0])
    assert tokens[5] in hv._tooltip(("q", 5))
