"""The Learn page computes the steps on the loaded model."""

from __future__ import annotations

import numpy as np

from tests.gui.conftest import load


def test_attention_steps_and_loss(qtbot, window, tiny_gpt2):
    loaded = load(qtbot, window, str(tiny_gpt2))
    page = window.show_page("Learn")
    tab = page.attention
    tab.layer.setValue(1)
    tab.head.setValue(2)
    tab.run()
    qtbot.waitUntil(lambda: tab.steps is not None, timeout=20000)
    n = len(tab.steps.tokens)
    weights = tab.tables["weights"]
    assert weights.rowCount() == n and weights.columnCount() == n
    row_sum = sum(float(weights.item(n - 1, c).text()) for c in range(n))
    assert abs(row_sum - 1) < 0.01
    assert tab.tables["masked"].item(0, n - 1).text() == "−∞"
    page.loss.run()
    qtbot.waitUntil(lambda: page.loss.result is not None, timeout=20000)
    assert page.loss.table.rowCount() == len(page.loss.result.positions)
    assert np.isclose(page.loss.result.mean_loss, page.loss.result.model_loss, rtol=1e-4)
    assert loaded is window.state.loaded
