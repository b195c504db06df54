"""The Learn page computes the steps on the loaded model."""

from __future__ import annotations

import numpy as np

from tests.gui.conftest import load


def test_attention_steps_and_loss(qtbot, window, tiny_gpt2):
    loaded = load(qtbot, window, str(tiny_gpt2))
    page = window.show_page("Learn")
    tokens = page.tokens
    assert tokens.stack.is_empty()  # no blank tables while the first example is computed
    qtbot.waitUntil(lambda: tokens.result is not None, timeout=20000)  # the visible tab's first example
    assert not tokens.stack.is_empty() and tokens.words.rowCount() == len(tokens.result.words)
    assert page.attention.steps is None and page.attention.stack.is_empty()  # the others: when first shown
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

    tokens.result = None
    tokens.text.setText("the unbelievable cat")
    tokens.run()
    qtbot.waitUntil(lambda: tokens.result is not None, timeout=20000)
    ids = loaded.tokenizer("the unbelievable cat")["input_ids"]
    assert tokens.words.rowCount() == len(tokens.result.words) and tokens.embeddings.rowCount() == len(ids)
    assert " ".join(map(str, ids)) in tokens.step3.text()
    # The tall explanation scrolls instead (the page's own height: the window adds its header and
    # status bar, and other pages have their own tests of it).
    assert page.minimumSizeHint().height() <= 640


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
    page.tabs.setCurrentWidget(page.finetune)  # switching to the tab lists the runs, and compares the first
    tab = page.finetune
    assert tab.run_combo.findData(result.run_dir) >= 0
    qtbot.waitUntil(lambda: tab.result is not None, timeout=60000)
    assert not tab.stack.is_empty()
    tab.result = None
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


def test_learn_computes_each_tab_when_first_shown_and_again_for_a_new_model(qtbot, window, tiny_gpt2, tiny_bert):
    """Each tab computes its first example when it is first shown, one job at a time; a new model
    recomputes the visible tab, the others when they are shown again."""
    load(qtbot, window, str(tiny_gpt2))
    page = window.show_page("Learn")
    page.tabs.setCurrentWidget(page.attention)  # while the tokens job runs: waits its turn
    assert page.gate.busy() and page.attention in page.gate.waiting and page.attention.stack.is_empty()
    assert "Computing" in page.attention.stack.empty.title.text()
    qtbot.waitUntil(lambda: page.tokens.result is not None and page.attention.steps is not None, timeout=20000)
    assert page.attention.tables["weights"].rowCount() == len(page.attention.steps.tokens)
    assert page.loss.result is None  # never shown
    first = page.attention.steps
    bert = load(qtbot, window, str(tiny_bert))
    assert page.attention.stack.is_empty() and page.tokens.stack.is_empty()  # the old model's results go
    window.show_page("Learn")
    assert page.tabs.currentWidget() is page.attention
    qtbot.waitUntil(lambda: page.attention.steps is not first, timeout=20000)
    assert page.attention.computed_for is bert and not page.attention.stack.is_empty()
    assert not page.tabs.isTabVisible(page.tabs.indexOf(page.loss))  # an encoder has no next-token loss
