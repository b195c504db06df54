"""The Chinese UI: every string in the catalogue and translated, none left in English on any page,
errors translated in the GUI and English in the CLI, and the language chosen by locale or menu."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

from tests.gui.conftest import load
from tests.gui.i18n_check import english_words, translate_calls_without_literals, untranslated_literals

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import translations  # noqa: E402  (packaging/translations.py)

GUI = ROOT / "workbench" / "gui"


@pytest.fixture
def chinese(qapp):
    from workbench.gui.i18n import install_language

    assert install_language("zh_CN")
    yield
    install_language("en")


def test_the_catalogue_is_current_and_fully_translated():
    """lupdate over the code changes nothing in the committed .ts files, and nothing is unfinished."""
    problems = translations.check("zh_CN")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:60])


def _fields(text: str) -> set[str]:
    return set(re.findall(r"\{(\w*)[^{}]*\}", text))


def test_translations_keep_their_fields_and_markup():
    """A translation that drops {name} (or invents one) would raise or show a hole at run time."""
    bad = []
    for ts in sorted((translations.I18N / "zh_CN").glob("*.ts")):
        for source, target in re.findall(r"<source>(.*?)</source>\s*<translation>(.*?)</translation>",
                                         ts.read_text(encoding="utf-8"), flags=re.S):
            if _fields(source) != _fields(target):
                bad.append(f"{ts.name}: {source!r} -> {target!r}")
            if source.count("&lt;") != target.count("&lt;"):  # HTML tags
                bad.append(f"{ts.name}: tags differ: {source!r} -> {target!r}")
    assert not bad, "\n".join(bad[:40])


def test_gui_strings_go_through_translate():
    """No English literal is handed straight to a Qt text setter, and translate() gets literals
    (what lupdate can collect)."""
    found, dynamic = [], []
    for path in sorted(GUI.rglob("*.py")):
        if path.name == "i18n.py":  # translate() itself, and the log lines for a catalogue that failed to load
            continue
        found += untranslated_literals(path)
        dynamic += translate_calls_without_literals(path)
    assert not found, f"{len(found)} untranslated literals:\n" + "\n".join(found[:80])
    assert not dynamic, "translate() without literal arguments:\n" + "\n".join(dynamic)


def _error_calls(tree: ast.AST) -> list[ast.Call]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call)
            and getattr(n.func, "id", getattr(n.func, "attr", None)) in translations.ERROR_CLASSES]


def test_core_errors_are_templates_lupdate_can_collect():
    """Every error the core raises starts from a string literal (fields by name), not an f-string or a
    message built elsewhere, so its template is in the catalogue."""
    bad = []
    for path in translations.parts()["errors"]:
        for call in _error_calls(ast.parse(path.read_text(encoding="utf-8"))):
            first = call.args[0] if call.args else None
            if first is not None and not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                bad.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert not bad, f"{len(bad)} errors without a literal template:\n" + "\n".join(bad[:80])


def test_error_text_is_chinese_in_the_gui_and_english_in_the_cli(chinese):
    from workbench.errors import InputError
    from workbench.gui.i18n import error_text

    err = InputError("The text is empty; type some text first")
    assert str(err) == "The text is empty; type some text first"  # what the CLI prints
    shown = error_text(err)
    assert shown != str(err) and not english_words(shown), shown


def _plot_texts(widget) -> list[str]:
    import pyqtgraph as pg

    if not isinstance(widget, pg.PlotWidget):
        return []
    item = widget.getPlotItem()
    texts = [item.titleLabel.text]
    texts += [item.getAxis(side).labelText for side in ("left", "bottom", "right", "top")]
    return [t for t in texts if t]


def _texts_of(widget) -> list[str]:
    """The strings this widget shows (or shows on hover), whether or not it is visible right now."""
    from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QGroupBox, QLabel,
                                   QLineEdit, QListWidget, QMenu, QPlainTextEdit, QTabWidget, QTextEdit)

    texts = [widget.toolTip(), widget.statusTip(), *_plot_texts(widget)]
    if isinstance(widget, (QLabel, QAbstractButton)):
        texts.append(widget.text())
    if isinstance(widget, QGroupBox):
        texts.append(widget.title())
    if isinstance(widget, QTabWidget):
        texts += [widget.tabText(i) for i in range(widget.count())]
        texts += [widget.tabToolTip(i) for i in range(widget.count())]
    if isinstance(widget, QComboBox) and not widget.isEditable():
        texts += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        texts.append(widget.placeholderText())
    if isinstance(widget, (QPlainTextEdit, QTextEdit)) and widget.isReadOnly():
        texts.append(widget.toPlainText())
    if isinstance(widget, QListWidget):
        texts += [widget.item(i).text() for i in range(widget.count())]
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        try:
            columns = min(model.columnCount(), 60)
        except TypeError:  # a list model: one column, its header never shown
            columns = 0
        texts += [str(model.headerData(c, _horizontal()) or "") for c in range(columns)]
    if isinstance(widget, QMenu):
        texts += [a.text() for a in widget.actions()]
    return [t for t in texts if t and t.strip()]


def _horizontal():
    from PySide6.QtCore import Qt

    return Qt.Horizontal


def english_on_screen(window) -> list[str]:
    from PySide6.QtWidgets import QWidget

    from workbench.gui.i18n import LANGUAGES

    found = []
    for widget in [window, *window.findChildren(QWidget)]:
        for text in _texts_of(widget):
            if text in LANGUAGES.values():  # View -> Language names each language in itself
                continue
            words = english_words(text)
            if words:
                found.append(f"{type(widget).__name__} {widget.objectName()!r}: {text[:90]!r} ({' '.join(words[:5])})")
    for action in window.menuBar().actions():
        found += [f"menu: {action.text()!r}" for w in [english_words(action.text())] if w]
    return sorted(set(found))


def test_no_page_shows_english_under_the_chinese_ui(qtbot, chinese, tmp_path):
    """Every page, with the built-in story model loaded and each page shown once."""
    from PySide6.QtCore import QSettings

    from workbench.gui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    try:
        load(qtbot, window, "builtin:tiny-stories")
        for title in window.page_titles():
            window.show_page(title)
            qtbot.wait(50)
        found = english_on_screen(window)
        assert not found, f"{len(found)} English strings under zh_CN:\n" + "\n".join(found[:100])
    finally:
        window.state.runner.shutdown(10000)


def test_language_follows_the_system_locale_and_the_menu(qtbot, window, monkeypatch):
    from PySide6.QtCore import QLocale

    from workbench.gui import i18n

    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    assert i18n.chosen_language(window.settings) == "zh_CN"
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.chosen_language(window.settings) == "en"
    chinese = next(a for a in window.language_actions.actions() if a.data() == "zh_CN")
    assert chinese.text() == "简体中文"
    window.set_language("zh_CN", ask=False)
    assert window.settings.value(i18n.SETTING) == "zh_CN" and i18n.chosen_language(window.settings) == "zh_CN"


def test_a_fresh_checkout_compiles_its_catalogue(tmp_path, monkeypatch):
    """No built .qm (a fresh clone): the catalogue is compiled into the home's cache, and it loads."""
    from PySide6.QtCore import QTranslator

    from workbench.gui import i18n

    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path))
    monkeypatch.setattr(i18n, "resource_path", lambda *p: ROOT / "resources" / Path(*p) if p[-1] != "workbench_zh_CN.qm"
                        else tmp_path / "absent.qm")
    path = i18n.catalogue("zh_CN")
    assert path is not None and path.is_relative_to(tmp_path)
    translator = QTranslator()
    assert translator.load(str(path))
    assert translator.translate("MainWindow", "Training") not in ("", "Training")


def _translate_literals(path: Path) -> set[tuple[str, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {(n.args[0].value, n.args[1].value) for n in ast.walk(tree)
            if isinstance(n, ast.Call) and getattr(n.func, "id", None) == "translate" and len(n.args) == 2
            and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in n.args)}


def test_lupdate_collected_every_translate_call():
    """Each translate("Context", "text") in the code is in the catalogue (lupdate's Python parser
    skips some call forms silently; this is the check that it did not)."""
    import html

    in_catalogue = set()
    for ts in (translations.I18N / "zh_CN").glob("*.ts"):
        text = ts.read_text(encoding="utf-8")
        for context, body in re.findall(r"<name>(.*?)</name>(.*?)</context>", text, flags=re.S):
            in_catalogue |= {(html.unescape(context), html.unescape(s))
                             for s in re.findall(r"<source>(.*?)</source>", body, flags=re.S)}
    missing = sorted({pair for path in GUI.rglob("*.py") if path.name != "i18n.py"
                      for pair in _translate_literals(path)} - in_catalogue)
    assert not missing, f"{len(missing)} not collected:\n" + "\n".join(map(repr, missing[:40]))
