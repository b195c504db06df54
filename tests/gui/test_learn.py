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

    tokens = page.tokens
    tokens.text.setText("the unbelievable cat")
    tokens.run()
    qtbot.waitUntil(lambda: tokens.result is not None, timeout=20000)
    ids = loaded.tokenizer("the unbelievable cat")["input_ids"]
    assert tokens.words.rowCount() == len(tokens.result.words) and tokens.embeddings.rowCount() == len(ids)
    assert " ".join(map(str, ids)) in tokens.step3.text()
    assert window.minimumSizeHint().height() <= 760  # the tall explanation scrolls instead


def test_fine_tuning_before_and_after(qtbot, window, tiny_gpt2, tmp_path):
    """A run trained by the engine appears in the Learn page's run list; Compare shows the base
    model and the trained one side by side, the trained one with the lower loss on the text."""
    from workbench.training.config import DataConfig, TrainConfig
    from workbench.training.engine import run_training
    from workbench.training.runs import runs_root

    corpus = tmp_path / "corpus.txt"
    corpus.write_text("the cat sat on the mat. the dog sat on the log.\n\n" * 40, encoding="utf-8")
    cfg = TrainConfig(task="causal-lm", model=str(tiny_gpt2), output_root=str(runs_root()),
                      data=DataConfig(path=str(corpus), max_length=32, eval_fraction=0), max_steps=30,
                      batch_size=4, learning_rate=3e-3, logging_steps=10, eval_steps=0, save_steps=0, cpu_threads=1)
    result = run_training(cfg)
    page = window.show_page("Learn")
    page.tabs.setCurrentWidget(page.finetune)  # switching to the tab lists the runs
    tab = page.finetune
    assert tab.run_combo.findData(result.run_dir) >= 0
    tab.select_run(result.run_dir)
    tab.text.setText("the cat sat on the")
    tab.compare()
    qtbot.waitUntil(lambda: tab.result is not None, timeout=60000)
    before, after = tab.result.before, tab.result.after
    assert str(tiny_gpt2) in before.title and "final model, step 30" in after.title
    assert after.loss < before.loss
    assert "Loss on your text" in tab.after.body.text() and tab.after.chart.isHidden()

    tab.run_combo.clear()
    tab.compare()  # nothing to compare: a message, no job
    assert "No finished run" in tab.banner.label.text()
