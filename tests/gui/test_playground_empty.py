"""Before a first run each Playground tab says what will appear in place of its output, with the
tab's own action; with no model the page offers the built-in story model. The inputs hold an
example that suits the model, and the tokenizer view computes its first split by itself."""

from __future__ import annotations

from PySide6.QtCore import QUrl

from tests.gui.conftest import load


def test_without_a_model_the_playground_offers_the_builtin(qtbot, window):
    page = window.show_page("Playground")
    assert page.stack.is_empty() and not page.tabs.isVisible()
    assert page.stack.empty.button.text() == "Open tiny-stories"
    page.stack.empty.button.click()
    qtbot.waitUntil(lambda: window.state.loaded is not None, timeout=60000)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page, timeout=5000)  # back on the page
    assert not page.stack.is_empty() and page.source_label.full_text() == "builtin:tiny-stories"
    generate = page.generate
    assert page.tabs.currentWidget() is generate and generate.prompt.toPlainText() == "Once upon a time"
    assert generate.output_stack.is_empty() and generate.alt_stack.is_empty()
    assert generate.output_stack.empty.button.text() == generate.generate_button.text()
    assert page.chat.transcript_stack.is_empty() and page.chat.input.text()
    assert page.embeddings.stack.is_empty() and page.embeddings.stack.empty.button.text() == "Compare"
    qtbot.waitUntil(lambda: not page.tokenizer.stack.is_empty(), timeout=10000)  # cheap: computed at once
    assert page.tokenizer.table.rowCount() == len(page.tokenizer.spans) > 0

    generate.form.max_new.setValue(3)
    generate.form.greedy.setChecked(True)
    generate.output_stack.empty.button.click()  # the empty state's action is the tab's own
    assert not generate.output_stack.is_empty()
    qtbot.waitUntil(lambda: not generate.job.running, timeout=20000)
    assert len(generate.tokens) == 3
    generate._on_click(QUrl("tok:1"))
    assert not generate.alt_stack.is_empty()


def test_task_tabs_show_their_empty_state_until_the_first_run(qtbot, window, tiny_bert_mlm, tiny_bert_cls):
    load(qtbot, window, str(tiny_bert_mlm))
    page = window.show_page("Playground")
    fill = page.fill_mask
    mask = window.state.loaded.tokenizer.mask_token
    assert mask in fill.text.text() and fill.stack.is_empty() and fill.stack.empty.button.text() == "Fill"
    fill.stack.empty.button.click()
    qtbot.waitUntil(lambda: not fill.stack.is_empty(), timeout=20000)
    assert fill.table.rowCount() == 5

    load(qtbot, window, str(tiny_bert_cls))
    assert page.visible_tabs()[0] == "Classify"
    assert page.classify.stack.is_empty() and page.classify.stack.empty.button.text() == "Classify"
    page.classify.text.setPlainText("a wonderful film")  # the user's text stays when a model opens
    load(qtbot, window, str(tiny_bert_mlm))
    load(qtbot, window, str(tiny_bert_cls))
    assert page.classify.text.toPlainText() == "a wonderful film"
    assert fill.stack.is_empty()  # the old model's guesses went
