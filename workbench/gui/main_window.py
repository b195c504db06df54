"""The main window: a navigation list on the left, one page at a time on the right, status bar."""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QProcess, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QMainWindow, QMessageBox, QPushButton, QSizePolicy, QStackedWidget, QVBoxLayout,
                               QWidget)

from workbench.gui.i18n import LANGUAGES, SETTING, chosen_language, translate
from workbench.gui.log_panel import LogPanel
from workbench.gui.pages import PAGES
from workbench.gui.state import AppState, runtime_text
from workbench.gui.theme import NAV_ICONS, SPACE, icon, notifier, set_role
from workbench.gui.widgets.elide import ElidedLabel

if TYPE_CHECKING:
    from workbench.backends import Backend

DATA_SUFFIXES = (".txt", ".csv", ".tsv", ".jsonl", ".json")  # what the Training page's data loader reads


def page_label(title: str) -> str:
    """A page's name as the navigation shows it (its title stays the key the code uses)."""
    labels = {"Welcome": translate("MainWindow", "Welcome"), "Models": translate("MainWindow", "Models"),
              "Playground": translate("MainWindow", "Playground"),
              "Attention": translate("MainWindow", "Attention"),
              "Training": translate("MainWindow", "Training"), "Export": translate("MainWindow", "Export"),
              "Evaluate": translate("MainWindow", "Evaluate"), "Learn": translate("MainWindow", "Learn")}
    return labels.get(title, title)


def language_name(code: str) -> str:
    """A language as the View -> Language menu names it: in that language (LANGUAGES), whatever the
    UI's language, so that a user who cannot read the current one still finds their own."""
    return LANGUAGES.get(code, code)


def _page_class(target: str) -> Any:
    module, _, cls = target.partition(":")
    if importlib.util.find_spec(module) is None:
        return None
    return getattr(importlib.import_module(module), cls)


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.setWindowTitle(translate("MainWindow", "Workbench"))
        self.resize(1280, 820)
        self.settings = settings or QSettings("Workbench", "Workbench")
        from workbench.gui.gc_guard import install as install_gc_guard

        install_gc_guard(self)  # collect garbage on the GUI thread only (see gc_guard.py)
        from workbench.gui.gc_guard import quiet_core_gc

        quiet_core_gc()  # and the core's explicit collections (Evaluate, the export benchmark) become no-ops
        from workbench.gui.fonts import install_cjk_font

        install_cjk_font()  # Chinese renders even where the system has no CJK font (see fonts.py)
        self.state = AppState(self.settings, self)
        self.state.show_page = self.show_page
        self.nav = QListWidget()
        set_role(self.nav, "nav")
        self.nav.setFixedWidth(176)
        self.nav.setIconSize(QSize(20, 20))
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() + 1)
        self.nav.setFont(font)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        classes = {title: _page_class(target) for title, target in PAGES}
        # A page whose module is missing is left out of the window, and said here (the tests
        # assert there is none); one that fails to import or build raises.
        self.page_errors = {title: translate("MainWindow", "its module {module} is missing").format(
                                             module=target.partition(':')[0])
                            for title, target in PAGES if classes[title] is None}
        self._titles = [title for title, cls in classes.items() if cls is not None]  # pages may ask while built
        for title in self._titles:
            self._add_page(title, classes[title](self.state, self))
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addWidget(self._build_header())
        right.addWidget(self.stack, 1)
        row.addLayout(right, 1)
        self.setCentralWidget(central)
        notifier().changed.connect(self._paint_icons)
        self.nav.currentRowChanged.connect(self._on_nav)
        self.log_panel = LogPanel(self)
        self.addDockWidget(Qt.BottomDockWidgetArea, self.log_panel)
        self.log_panel.hide()
        self._build_status_bar()
        self._build_menus()
        self.setAcceptDrops(True)
        self.state.model_changed.connect(self._on_model_changed)
        self.state.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self._restore()

    def page_titles(self) -> list[str]:
        return list(self._titles)

    # -- pages -------------------------------------------------------------------------------
    def _add_page(self, title: str, page: QWidget) -> None:
        self.pages[title] = page
        self.stack.addWidget(page)
        item = QListWidgetItem(icon(NAV_ICONS.get(title, "mdi6.circle-small")), page_label(title))
        item.setSizeHint(QSize(0, 36))
        self.nav.addItem(item)

    def _paint_icons(self, _colors: object = None) -> None:
        """Icons take the theme's text colour: repaint them after a theme switch."""
        for i, title in enumerate(self.pages):
            self.nav.item(i).setIcon(icon(NAV_ICONS.get(title, "mdi6.circle-small")))
        self.model_icon.setPixmap(icon("mdi6.cube-outline").pixmap(18, 18))

    def _build_header(self) -> QWidget:
        """The strip above every page: the current model and the backend it runs on, always visible,
        with the one action that changes it."""
        header = QWidget()
        header.setObjectName("header")
        header.setAttribute(Qt.WA_StyledBackground, True)
        row = QHBoxLayout(header)
        row.setContentsMargins(SPACE[3], SPACE[1], SPACE[3], SPACE[1])
        row.setSpacing(SPACE[1])
        self.model_icon = QLabel()
        self.model_icon.setPixmap(icon("mdi6.cube-outline").pixmap(18, 18))
        self.model_label = ElidedLabel(translate("MainWindow", "No model loaded"), min_width=120)
        self.backend_label = ElidedLabel("", min_width=80)
        for label in (self.model_label, self.backend_label):  # as wide as their text while there is room
            label.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Preferred)
        set_role(self.backend_label, "chip")
        self.backend_label.hide()
        self.change_model = QPushButton(translate("MainWindow", "Open a model"))
        self.change_model.clicked.connect(lambda: self.show_page("Models"))
        row.addWidget(self.model_icon)
        row.addWidget(self.model_label)
        row.addWidget(self.backend_label)
        row.addStretch(1)
        row.addWidget(self.change_model)
        return header

    def show_page(self, title: str) -> QWidget | None:
        page = self.pages.get(title)
        if page is not None:
            self.nav.setCurrentRow(list(self.pages).index(title))
        return page

    def _on_nav(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        page = self.stack.currentWidget()
        if hasattr(page, "on_shown"):
            page.on_shown()

    # -- status bar ----------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        self.device_label = QLabel(translate("MainWindow", "Device: detecting ..."))
        self.memory_label = QLabel("")
        for w in (self.device_label, self.memory_label):
            self.statusBar().addPermanentWidget(w)
        self._mem_timer = QTimer(self)
        self._mem_timer.timeout.connect(self._update_memory)
        self._mem_timer.start(2000)
        self._update_memory()

    def _update_memory(self) -> None:
        from workbench.gui.sysinfo import memory_status

        status = memory_status()
        self.memory_label.setText(status.text)
        self.memory_label.setToolTip(status.tooltip)
        color = {"near": "#c96a00", "over": "#c62828"}.get(status.level)  # orange, red
        self.memory_label.setStyleSheet(f"color: {color}; font-weight: bold;" if color else "")

    def set_device_text(self, text: str) -> None:
        self.device_label.setText(text)

    def _on_model_changed(self, loaded: Backend | None) -> None:
        if loaded is None:
            self.model_label.setText(translate("MainWindow", "No model loaded"))
            self.backend_label.hide()
            self.change_model.setText(translate("MainWindow", "Open a model"))
            return
        info = loaded.info
        self.model_label.setText(translate("MainWindow", "Model: {source} ({task})").format(
            source=info.source, task=info.task))
        self.backend_label.setText(runtime_text(loaded))
        self.backend_label.show()
        self.change_model.setText(translate("MainWindow", "Change model"))
        self.settings.setValue("last_model", info.source)

    # -- menus, drag and drop, settings ------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(translate("MainWindow", "&File"))
        open_action = QAction(translate("MainWindow", "&Open model folder..."), self)
        open_action.setShortcut(QKeySequence.Open)
        open_action.triggered.connect(self._open_folder)
        file_menu.addAction(open_action)
        quit_action = QAction(translate("MainWindow", "&Quit"), self)
        quit_action.setShortcut(QKeySequence.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu(translate("MainWindow", "&View"))
        for i, title in enumerate(self.pages):
            act = QAction(page_label(title), self)
            act.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            act.triggered.connect(lambda _=False, t=title: self.show_page(t))
            view_menu.addAction(act)
        view_menu.addSeparator()
        log_action = self.log_panel.toggleViewAction()
        log_action.setText(translate("MainWindow", "Log panel"))
        log_action.setShortcut(QKeySequence("Ctrl+L"))
        view_menu.addAction(log_action)
        theme_menu = view_menu.addMenu(translate("MainWindow", "Theme"))
        themes = {"System": translate("MainWindow", "System"), "Light": translate("MainWindow", "Light"),
                  "Dark": translate("MainWindow", "Dark")}
        current, group = str(self.settings.value("theme", "System")), QActionGroup(self)
        for name, label in themes.items():
            act = QAction(label, self, checkable=True)
            act.setChecked(name == current)
            act.triggered.connect(lambda _=False, n=name: self.set_theme(n))
            group.addAction(act)
            theme_menu.addAction(act)
        self._build_language_menu(view_menu)

    def _build_language_menu(self, view_menu: Any) -> None:
        """View -> Language: the system's, or one of LANGUAGES; it takes effect on a restart."""
        menu = view_menu.addMenu(translate("MainWindow", "Language"))
        current = str(self.settings.value(SETTING, "system"))
        group = QActionGroup(self)
        choices = {"system": translate("MainWindow", "System language"), **{c: language_name(c) for c in LANGUAGES}}
        for code, name in choices.items():
            act = QAction(name, self, checkable=True)
            act.setChecked(code == current)
            act.setData(code)
            act.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(act)
            menu.addAction(act)
        self.language_actions = group

    def set_language(self, code: str, ask: bool = True) -> None:
        """Save the choice; offer to restart now, since every page builds its texts once."""
        self.settings.setValue(SETTING, code)
        self.settings.sync()
        name = language_name(chosen_language(self.settings))
        self.state.status.emit(translate("MainWindow", "Workbench will be in {language} the next time it starts")
                               .format(language=name))
        if not ask:
            return
        box = QMessageBox(QMessageBox.Question, translate("MainWindow", "Language"),
                          translate("MainWindow", "Workbench will be in {language} the next time it starts. "
                                    "Restart now?").format(language=name), parent=self)
        restart = box.addButton(translate("MainWindow", "Restart now"), QMessageBox.AcceptRole)
        box.addButton(translate("MainWindow", "Later"), QMessageBox.RejectRole)
        box.exec()
        if box.clickedButton() is restart:
            self.restart()

    def restart(self) -> None:
        """Close (pages may still refuse, e.g. during training) and start again with the same arguments."""
        if self.close():
            QProcess.startDetached(sys.executable, sys.argv[1:] if getattr(sys, "frozen", False) else sys.argv)
            QApplication.instance().quit()

    def set_theme(self, name: str) -> None:
        from workbench.gui.theme import apply_theme

        apply_theme(name)
        self.settings.setValue("theme", name)

    def _open_folder(self) -> None:
        page = self.show_page("Models")
        if page is not None:
            page.browse_folder()

    def open_model(self, source: str, show: bool = True) -> None:
        """Loads a model on the Models page; show=False keeps the current page (the start-up load,
        so that a first start stays on Welcome)."""
        page = self.show_page("Models") if show else self.pages.get("Models")
        if page is None:
            return
        before = page.job
        page.open_source(source)
        if show:
            return
        if page.job is before or page.job is None:  # refused at once: its message is on Models
            self.show_page("Models")
        else:  # a failed load's message is on Models too: go there to show it
            page.job.error.connect(lambda *_: self.show_page("Models"))

    def dragEnterEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and self.open_path(paths[0]):
            event.acceptProposedAction()

    def open_path(self, path: str) -> bool:
        """What a dropped item opens: a model or ONNX export folder (or an .onnx file in one) on the
        Models page, a data file (.txt .csv .tsv .jsonl .json) on the Training page's Data tab."""
        if os.path.isfile(path) and path.lower().endswith(".onnx"):
            path = os.path.dirname(path)
        if os.path.isdir(path):
            self.open_model(path)
            return True
        if os.path.isfile(path) and path.lower().endswith(DATA_SUFFIXES):
            page = self.show_page("Training")
            if page is not None:
                page.open_data(path)
                return True
        why = translate("MainWindow", "no such file or folder") if not os.path.exists(path) else \
            translate("MainWindow", "drop a model folder, an ONNX export folder or a data file ({suffixes})").format(
                suffixes=" ".join(DATA_SUFFIXES))
        self.state.status.emit(translate("MainWindow", "Cannot open {path}: {why}").format(path=path, why=why))
        return False

    def _restore(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        first_run = not self.settings.value("welcomed", False, type=bool)
        self.show_page("Welcome" if first_run else "Models")
        self.settings.setValue("welcomed", True)
        state = self.settings.value("window_state")
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: Any) -> None:
        for page in self.pages.values():
            if hasattr(page, "shutdown"):
                page.shutdown()
        self.state.runner.shutdown(10000)
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("window_state", self.saveState())
        self.log_panel.detach()
        super().closeEvent(event)
