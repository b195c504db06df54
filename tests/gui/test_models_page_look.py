"""The Models, Export and Evaluate pages before and after a model is loaded: an empty state that says
what will appear and opens the built-in; then the info card with the model's name elided, never
clipped; no label or button narrower than its text at 1280x800, no page wider than the window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel

from tests.gui.conftest import load

pytestmark = pytest.mark.slow


def _clipped(window, page) -> list[str]:
    out = []
    for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
        if w.isVisible() and w.width() < w.minimumSizeHint().width():
            out.append(f"{type(w).__name__} {getattr(w, 'text', lambda: '')()[:50]!r}: {w.width()} < "
                       f"{w.minimumSizeHint().width()}")
    if page.width() > window.width():
        out.append(f"page {page.width()} > window {window.width()}")
    return out


def test_models_page_offers_the_builtin_then_shows_its_card(qtbot, window):
    window.resize(1280, 800)
    page = window.show_page("Models")
    assert page.info_stack.is_empty() and not page.title_box.isVisible()
    assert page.info_empty.button.text() == "Open builtin:tiny-stories"
    problems = {title: _clipped(window, window.show_page(title)) for title in ("Models", "Export", "Evaluate")}
    window.show_page("Models")
    page.info_empty.button.click()  # opens the built-in, as the Welcome page does
    qtbot.waitUntil(lambda: window.state.loaded is not None, timeout=60000)
    assert not page.info_stack.is_empty() and page.title_box.isVisible()
    assert page.info_title.full_text() == "builtin:tiny-stories" and page.info_title.toolTip() == "builtin:tiny-stories"
    assert page.info_table.rowCount() > 5
    qtbot.wait(50)
    for title in ("Models", "Export", "Evaluate"):
        problems[title + " loaded"] = _clipped(window, window.show_page(title))
        qtbot.wait(20)
    assert window.width() <= 1280 and window.height() <= 800
    assert not any(problems.values()), problems
    evaluate = window.pages["Evaluate"]  # a model is loaded: the empty results offer to add it
    assert evaluate.results.stack.is_empty() and evaluate.results.try_button.text() == "Add the current model"
    evaluate.results.try_button.click()
    assert evaluate.models.sources() == ["builtin:tiny-stories"]
    assert evaluate.results.try_button.text() == "Run the evaluation"


def test_a_long_model_folder_elides_in_the_middle(qtbot, window):
    page = window.show_page("Models")
    long = "/data/" + "very-long-folder-name/" * 12 + "my-model"
    page.info_title.setText(long)
    page.info_title.resize(300, page.info_title.height())
    shown = page.info_title.text()
    assert shown != long and "…" in shown and shown.startswith("/data/") and shown.endswith("my-model")
    assert page.info_title.toolTip() == long
