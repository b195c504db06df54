"""Every page, in both themes, at 1280x800 and 1920x1080, empty and with the built-in model loaded:
rendered to PNG for a reviewer (shots/screens/, or $WORKBENCH_SHOTS) and checked for what a person
would see wrong: clipped text, axis labels over each other, a page wider than the window, empty axes,
blank tables (tests/gui/screen_checks.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.gui.conftest import release_leftovers
from tests.gui.screen_checks import all_problems

pytestmark = pytest.mark.timeout(900)
SHOTS = Path(os.environ.get("WORKBENCH_SHOTS", Path(__file__).resolve().parents[2] / "shots" / "screens"))
SIZES = ((1280, 800), (1920, 1080))
THEMES = ("Light", "Dark")
# Empty first: the model is loaded once, for the second half.
COMBOS = [(state, theme, size) for state in ("empty", "loaded") for theme in THEMES for size in SIZES]


@pytest.fixture(scope="module")
def screen_window(qapp, tmp_path_factory):
    release_leftovers()  # every theme switch re-polishes every widget alive
    from PySide6.QtCore import QSettings

    from workbench.gui.main_window import MainWindow

    settings = QSettings(str(tmp_path_factory.mktemp("screens") / "settings.ini"), QSettings.IniFormat)
    w = MainWindow(settings)
    w.show()
    yield w
    from workbench.gui.theme import apply_theme

    apply_theme("Light")
    w.state.runner.shutdown(10000)
    w.close()


def settle(qtbot, window) -> None:
    """Let the page lay itself out and finish what it computes on show (Learn's first example)."""
    qtbot.wait(50)
    try:
        qtbot.waitUntil(lambda: not window.state.runner.jobs, timeout=60000)
    except AssertionError:
        pass  # a page still working is screenshotted as it is; its state is then checked as shown
    qtbot.wait(50)


@pytest.mark.parametrize("state,theme,size", COMBOS, ids=[f"{s}-{t}-{w}x{h}" for s, t, (w, h) in COMBOS])
def test_every_page_looks_right(qtbot, screen_window, state, theme, size):
    from workbench.gui.theme import apply_theme

    window = screen_window
    if state == "loaded" and window.state.loaded is None:
        window.open_model("builtin:tiny-stories")
        qtbot.waitUntil(lambda: window.state.loaded is not None, timeout=120000)
        # The heatmap too, so that its token axes are checked with a sentence's labels on them.
        attention = window.show_page("Attention")
        attention.show_text(window.state.loaded, "Once upon a time there was a little girl named Lily who liked")
        qtbot.waitUntil(lambda: attention.maps is not None, timeout=60000)
    apply_theme(theme)
    window.resize(*size)
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems = {}
    for title in window.page_titles():
        page = window.show_page(title)
        settle(qtbot, window)
        window.grab().save(str(SHOTS / f"{state}-{theme}-{size[0]}x{size[1]}-{title}.png"))
        found = all_problems(window, page, size[0])
        if found:
            problems[title] = found
    assert not problems, "\n".join(f"{title}: {p}" for title, found in problems.items() for p in found)
