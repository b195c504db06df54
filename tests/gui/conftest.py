from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def window(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from workbench.gui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.state.runner.shutdown(10000)


def load(qtbot, window, source: str, timeout: int = 60000):
    """Open `source` through the Models page and wait until it is the loaded model."""
    window.open_model(source)
    qtbot.waitUntil(lambda: window.state.loaded is not None and window.state.loaded.info.source == source,
                    timeout=timeout)
    return window.state.loaded


def release_leftovers() -> None:
    """Delete what earlier tests left (closed windows wait for a deferred delete, pyqtgraph's items in
    reference cycles for the collector). Before a test that switches the theme: a stylesheet is
    re-applied to every widget alive, which after a worker's earlier GUI tests made each switch
    take seconds (3,237 widgets after test_attention_gui alone, 120 after this)."""
    import gc

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    for _ in range(2):
        QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        gc.collect()


@pytest.fixture
def few_widgets(qapp):
    release_leftovers()
