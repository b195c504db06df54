"""Writes resources/welcome/<Area>.png, the small pictures on the Welcome page's area cards: each
page of the real window, in the light theme at 1280x800 with builtin:tiny-stories loaded, cropped to
the page (no navigation) and scaled to 440 px wide (shown at 220, sharp on a 2x screen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/welcome_pictures.py

Run it again after a page's look changes; the Welcome page shows the area's icon where a picture
is missing.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WIDTH = 440
TRAIN_SECONDS = 40  # of the Training page's example run before its picture is taken


def main() -> int:
    import os

    os.environ["WORKBENCH_HOME"] = tempfile.mkdtemp()  # the example run and the recent list stay out of yours
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from workbench.gui.main_window import MainWindow
    from workbench.gui.theme import apply_theme
    from workbench.gui.welcome.page import AREAS

    app = QApplication([])
    apply_theme("Light")
    window = MainWindow(QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.IniFormat))
    window.resize(1280, 800)
    window.show()

    def wait(cond, seconds: float = 120.0) -> None:
        end = time.time() + seconds
        while not cond() and time.time() < end:
            app.processEvents()
            time.sleep(0.02)

    window.open_model("builtin:tiny-stories")
    wait(lambda: window.state.loaded is not None)
    out = ROOT / "resources" / "welcome"
    out.mkdir(exist_ok=True)
    for title in AREAS:
        page = window.show_page(title)
        if title == "Attention":
            page.show_text(window.state.loaded, "Once upon a time, there was a little girl named Lily.")
            wait(lambda: page.maps is not None)
        if title == "Playground":  # a story, its tokens coloured by their probability
            page.generate.start()
            wait(lambda: not window.state.runner.jobs, 60)
        if title == "Training":  # the built-in example run for a while, so that its curves show
            page.start_example()
            end = time.time() + TRAIN_SECONDS
            wait(lambda: time.time() > end, TRAIN_SECONDS + 5)
        wait(lambda: not window.state.runner.jobs, 60)
        end = time.time() + 0.5
        while time.time() < end:
            app.processEvents()
        shot = window.stack.grab().scaledToWidth(WIDTH, Qt.SmoothTransformation)
        shot.save(str(out / f"{title}.png"), "PNG", 0)  # 0: the smallest file
        print(f"{out / (title + '.png')}: {shot.width()}x{shot.height()}")
        if title == "Training":
            page.stop()
            wait(lambda: not page.session.running, 60)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
