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
