"""Builds the QApplication and the main window: the one place where the core meets the GUI."""

from __future__ import annotations

import sys
import time

DEFAULT_MODEL = "builtin:tiny-stories"


def seconds_since_process_start(t0: float | None) -> float:
    """Seconds since t0, taken when workbench.cli was first imported (the interpreter's own
    ~0.07 s start-up comes before it). psutil's process create_time is not used: it is derived
    from the boot time in whole seconds, so it can be off by up to a second."""
    return time.perf_counter() - (t0 or 0.0)


def run_app(model: str | None = None, startup_time: bool = False, t0: float | None = None) -> int:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from workbench.gui.main_window import MainWindow
    from workbench.gui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Workbench")
    app.setOrganizationName("Workbench")
    settings = QSettings()
    from workbench.gui.i18n import chosen_language, install_language

    install_language(chosen_language(settings))  # before any page builds its texts
    apply_theme(str(settings.value("theme", "System")))
    window = MainWindow(settings)
    window.show()
    if startup_time:
        def report() -> None:
            print(f"startup: window shown after {seconds_since_process_start(t0):.2f} s")
            window.close()
            app.quit()

        QTimer.singleShot(0, report)  # runs once the window is shown and the loop is idle
        return app.exec()
    # Heavy imports (torch, transformers) happen in the loading worker, after the window shows.
    source = model or str(settings.value("last_model", DEFAULT_MODEL))
    QTimer.singleShot(0, lambda: window.open_model(source, show=False))  # the page stays (Welcome on a first start)
    return app.exec()
