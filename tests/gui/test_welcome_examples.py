"""Welcome's examples open their built-in and put an English or Chinese text on the right page, and
Learn's Examples buttons fill the field; Chinese comes out as whole characters, never "\ufffd"."""

from __future__ import annotations

from tests.gui.conftest import load
from workbench.gui.welcome.page import EXAMPLES


def test_chinese_story_example_opens_the_stories_model_in_the_playground(qtbot, window):
    welcome = window.pages["Welcome"]
    text = next(t for k, _, _, t in EXAMPLES if k == "story-zh")
    welcome.example_buttons["story-zh"].click()
    qtbot.waitUntil(lambda: window.state.loaded is not None, timeout=60000)
    playground = window.pages["Playground"]
    qtbot.waitUntil(lambda: playground.generate.prompt.toPlainText() == text, timeout=10000)
    assert window.stack.currentWidget() is playground
    assert window.state.loaded.info.source == "builtin:tiny-stories"


def test_chinese_attention_example_labels_every_token_with_its_characters(qtbot, window):
    text = next(t for k, _, _, t in EXAMPLES if k == "attention-zh")
    load(qtbot, window, "builtin:tiny-stories")  # already loaded: the example runs at once
    window.pages["Welcome"].example_buttons["attention-zh"].click()
    page = window.pages["Attention"]
    qtbot.waitUntil(lambda: page.maps is not None and page.text.text() == text, timeout=60000)
    labels = page.heatmap.query_tokens
    assert labels and all("\ufffd" not in label for label in labels)
    assert "".join(labels).replace(" ", "") == text  # the built-in's tokens are whole characters


def test_chinese_review_example_goes_to_the_classifier(qtbot, window):
    window.pages["Welcome"].example_buttons["review-zh"].click()
    qtbot.waitUntil(lambda: window.state.loaded is not None
                    and window.state.loaded.info.source == "builtin:tiny-sentiment", timeout=60000)
    playground = window.pages["Playground"]
    text = next(t for k, _, _, t in EXAMPLES if k == "review-zh")
    qtbot.waitUntil(lambda: playground.classify.text.toPlainText() == text, timeout=10000)
    assert playground.tabs.currentWidget() is playground.classify


def test_learn_examples_button_fills_the_tokens_field(qtbot, window):
    from workbench.gui.learn.tokens import TokensTab
    from workbench.gui.widgets.examples import ExamplesButton

    tokens = window.pages["Learn"].findChild(TokensTab).findChild(ExamplesButton)
    assert tokens is not None
    texts = [a.text() for a in tokens.menu().actions()]
    assert any("注意力" in t for t in texts) and any("Unbelievable" in t for t in texts)
    zh = next(a for a in tokens.menu().actions() if "注意力" in a.text())
    zh.trigger()
    assert tokens.target.text() == "注意力机制让每个词看到其他词"
