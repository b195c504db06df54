"""With no model loaded, each Learn tab says what it will show and offers the built-in story model;
its action opens it and comes back to the page, which computes the visible tab's first example."""

from __future__ import annotations


def test_learn_without_a_model_offers_the_builtin_and_computes_once_it_is_in(qtbot, window):
    page = window.show_page("Learn")
    for tab in (page.tokens, page.attention, page.loss):
        assert tab.stack.is_empty()
        assert tab.stack.empty.button.text() == "Open tiny-stories" and not tab.stack.empty.button.isHidden()
    assert page.tokens.stack.empty.isVisible() and not page.tokens.words.isVisible()
    page.tokens.stack.empty.button.click()
    qtbot.waitUntil(lambda: window.state.loaded is not None, timeout=60000)
    assert window.state.loaded.info.source == "builtin:tiny-stories"
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page, timeout=5000)  # back on the page
    qtbot.waitUntil(lambda: page.tokens.result is not None, timeout=30000)
    assert not page.tokens.stack.is_empty() and page.tokens.words.isVisible()
    assert "builtin:tiny-stories" in page.source_label.full_text()
    window.resize(1280, 800)
    qtbot.wait(50)
    assert page.width() <= window.width()
