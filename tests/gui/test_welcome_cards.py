"""Welcome's cards: the recent models open with a click, an empty history says what will be listed,
and an area card without its picture shows the area's icon."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from tests.gui.conftest import load


def test_recent_models_open_and_empty_history_explains(qtbot, window, tmp_path, monkeypatch):
    from workbench.models.library import add_recent

    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path))  # no models or runs of earlier tests

    welcome = window.pages["Welcome"]
    welcome.refresh_recent()
    notes = [l.text() for l in welcome.findChildren(QLabel) if "listed here" in l.text()]
    assert len(notes) == 2  # no models, no runs: each says what will be listed
    add_recent("builtin:tiny-sentiment")
    welcome.refresh_recent()
    (label, button), = welcome.recent_model_rows
    assert label.full_text() == "builtin:tiny-sentiment" and label.toolTip() == "builtin:tiny-sentiment"
    assert not welcome.recent_run_rows
    button.click()
    loaded = load(qtbot, window, "builtin:tiny-sentiment")
    assert loaded.info.task == "sequence-classification"
    window.show_page("Welcome")  # the recent row's Open went to Models
    window.open_model("builtin:tiny-stories", show=False)  # as at start-up: Welcome stays and lists it first
    qtbot.waitUntil(lambda: window.state.loaded.info.source == "builtin:tiny-stories", timeout=60000)
    assert window.stack.currentWidget() is welcome
    assert [label.full_text() for label, _ in welcome.recent_model_rows] == [
        "builtin:tiny-stories", "builtin:tiny-sentiment"]


def test_area_card_without_a_picture_shows_the_icon(qtbot, monkeypatch, tmp_path):
    from workbench.gui.welcome import cards

    monkeypatch.setattr(cards, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    label = cards.picture("Attention")
    assert not label.pixmap().isNull() and label.pixmap().width() == 64
    monkeypatch.undo()
    assert cards.picture("Attention").pixmap().width() == cards.PICTURE_WIDTH  # the shipped screenshot
