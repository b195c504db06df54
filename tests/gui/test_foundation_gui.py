"""The window, the Models page and the Playground, driven as a user would (offscreen)."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QUrl

from tests.gui.conftest import load


ALL_PAGES = ["Welcome", "Models", "Playground", "Attention", "Training", "Export", "Evaluate", "Learn"]


def test_pages_listed(window):
    """Every page is in the window: one whose module went missing would be left out quietly."""
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ALL_PAGES and window.page_titles() == ALL_PAGES and list(window.pages) == ALL_PAGES
    assert window.page_errors == {}


def test_a_missing_page_is_recorded(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    import workbench.gui.main_window as main_window

    ghost = ("Ghost", "workbench.gui.no_such_page:Ghost")
    monkeypatch.setattr(main_window, "PAGES", main_window.PAGES[:1] + (ghost,))
    w = main_window.MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    assert w.page_titles() == ["Welcome"] and w.nav.count() == 1
    assert w.page_errors == {"Ghost": "its module workbench.gui.no_such_page is missing"}
    w.state.runner.shutdown(10000)


def test_a_job_returning_a_tuple_is_an_error_not_a_result(qtbot, window):
    """Results cross threads as typed objects; a bare tuple is refused where it is returned."""
    done, errors = [], []
    window.state.runner.start("pair", lambda ctx: (1, 2), on_done=done.append,
                                    on_error=lambda m, d: errors.append(m))
    qtbot.waitUntil(lambda: bool(errors or done), timeout=5000)
    assert done == [] and errors == ["Internal error: the pair job returned a tuple; jobs return typed objects"]


def test_welcome_on_first_run_only(qtbot, window, tiny_gpt2):
    from workbench.gui.main_window import MainWindow

    assert window.stack.currentWidget() is window.pages["Welcome"]
    window.open_model(str(tiny_gpt2), show=False)  # the start-up load (workbench.app) keeps Welcome
    qtbot.waitUntil(lambda: window.state.loaded is not None, timeout=60000)
    assert window.stack.currentWidget() is window.pages["Welcome"]
    window.open_model("/no/such/dir", show=False)  # a failed start-up load shows its message on Models
    models = window.pages["Models"]
    qtbot.waitUntil(lambda: window.stack.currentWidget() is models, timeout=10000)
    qtbot.waitUntil(lambda: models.banner.isVisible(), timeout=10000)
    assert "No such folder" in models.banner.label.text()
    second = MainWindow(window.settings)  # same settings file: not the first run any more
    qtbot.addWidget(second)
    assert second.stack.currentWidget() is second.pages["Models"]
    second.close()


def test_log_panel_records_loads_and_errors(qtbot, window, tiny_gpt2):
    load(qtbot, window, str(tiny_gpt2))
    qtbot.waitUntil(lambda: any("Loaded" in line for line in window.log_panel.lines()), timeout=5000)
    window.open_model("/no/such/dir")
    qtbot.waitUntil(lambda: any("No such folder" in line for line in window.log_panel.lines()), timeout=10000)


def test_load_and_generate_streams(qtbot, window, tiny_gpt2):
    loaded = load(qtbot, window, str(tiny_gpt2))
    assert "causal-lm" in window.model_label.full_text()
    info = window.pages["Models"].info_table
    assert info.rowCount() > 10 and info.item(0, 1).text() == str(tiny_gpt2)
    page = window.show_page("Playground")
    assert page.visible_tabs() == ["Generate", "Chat", "Embeddings", "Tokenizer"]
    tab = page.generate
    tab.prompt.setPlainText("the cat")
    tab.form.max_new.setValue(12)
    tab.form.greedy.setChecked(True)
    counts = []
    tab.start()
    qtbot.waitUntil(lambda: counts.append(len(tab.tokens)) or not tab.job.running, timeout=30000)
    assert len(tab.tokens) == 12
    assert sorted(set(counts))[0] < 12  # tokens arrived one by one, not all at the end
    assert tab.output_text() in tab.output.toPlainText()
    assert "tokens/s" in tab.stats.text()
    tab._on_click(QUrl("tok:2"))
    assert tab.alt_table.rowCount() == 5
    assert str(tab.tokens[2].token_id) in tab.detail_title.text()
    assert loaded.tokenizer is not None


def test_stop_button_cancels(qtbot, window, tiny_gpt2):
    load(qtbot, window, str(tiny_gpt2))
    tab = window.show_page("Playground").generate
    tab.form.max_new.setValue(100)
    tab.prompt.setPlainText("the")
    tab.start()
    qtbot.waitUntil(lambda: len(tab.tokens) >= 1, timeout=20000)
    tab.stop()
    qtbot.waitUntil(lambda: not tab.job.running, timeout=20000)
    assert len(tab.tokens) < 100 and "stopped" in tab.stats.text()


def test_empty_prompt_message(qtbot, window, tiny_gpt2):
    load(qtbot, window, str(tiny_gpt2))
    tab = window.show_page("Playground").generate
    tab.prompt.setPlainText("")
    tab.start()
    qtbot.waitUntil(lambda: tab.banner.isVisible(), timeout=10000)
    assert "empty" in tab.banner.label.text()
    assert tab.generate_button.isEnabled()


def test_classify_shows_bars(qtbot, window, tiny_bert_cls):
    load(qtbot, window, str(tiny_bert_cls))
    page = window.show_page("Playground")
    assert page.visible_tabs()[0] == "Classify"
    page.classify.run()
    qtbot.waitUntil(lambda: bool(page.classify.chart.items), timeout=20000)
    labels = {label for label, _ in page.classify.chart.items}
    assert labels == {"negative", "positive"}
    assert abs(sum(p for _, p in page.classify.chart.items) - 1) < 1e-5


def test_fill_mask_and_tokenizer(qtbot, window, tiny_bert_mlm):
    load(qtbot, window, str(tiny_bert_mlm))
    page = window.show_page("Playground")
    page.fill_mask.text.setText("the [MASK] sat")
    page.fill_mask.run()
    qtbot.waitUntil(lambda: page.fill_mask.table.rowCount() == 5, timeout=20000)
    page.tokenizer.text.setPlainText("the quick fox")
    qtbot.waitUntil(lambda: [s.text for s in page.tokenizer.spans if not s.special] and
                    "".join(s.text for s in page.tokenizer.spans).replace(" ", "") == "thequickfox", timeout=10000)
    assert page.tokenizer.table.rowCount() == len(page.tokenizer.spans)


def test_bad_folder_keeps_previous_model(qtbot, window, tiny_gpt2, tmp_path):
    load(qtbot, window, str(tiny_gpt2))
    (tmp_path / "not-a-model").mkdir()
    window.open_model(str(tmp_path / "not-a-model"))
    banner = window.pages["Models"].banner
    qtbot.waitUntil(banner.isVisible, timeout=10000)
    assert "no config.json" in banner.label.text()
    assert "Traceback" not in banner.label.text()
    assert window.state.loaded.info.source == str(tiny_gpt2)


def test_theme_switch_without_restart(window):
    from workbench.gui.theme import current_is_dark

    window.set_theme("Dark")
    assert current_is_dark()
    window.set_theme("Light")
    assert not current_is_dark()


def test_seq2seq_generates_from_input(qtbot, window, tiny_bart):
    load(qtbot, window, str(tiny_bart))
    page = window.show_page("Playground")
    assert page.visible_tabs()[0] == "Generate"
    assert page.tabs.tabText(page.tabs.indexOf(page.generate)) == "Summarize / translate"
    tab = page.generate
    tab.prompt.setPlainText("the quick brown fox jumps over the lazy dog")
    tab.form.greedy.setChecked(True)
    tab.form.max_new.setValue(6)
    tab.start()
    qtbot.waitUntil(lambda: not tab.job.running, timeout=30000)
    assert not tab.banner.isVisible()
    assert 1 <= len(tab.tokens) <= 6
    assert not tab.output.toPlainText().startswith("the quick")  # output is new text, not the input


def _drop(window, path) -> bool:
    from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dropEvent(event)
    return event.isAccepted()


def test_drop_folder_opens_it(qtbot, window, tiny_gpt2):
    _drop(window, tiny_gpt2)
    qtbot.waitUntil(lambda: window.state.loaded is not None, timeout=30000)
    assert window.state.loaded.info.source == str(tiny_gpt2)


@pytest.fixture(scope="module")
def gpt2_export(tiny_gpt2, tmp_path_factory):
    """One ONNX export of the tiny GPT-2 for the tests that open one (opening it changes nothing)."""
    from workbench.export.options import ExportOptions
    from workbench.export.pipeline import export_model

    return export_model(str(tiny_gpt2), tmp_path_factory.mktemp("onnx") / "onnx", ExportOptions(greedy_tokens=4)).folder


def test_drop_onnx_file_opens_its_export(qtbot, window, gpt2_export):
    out = gpt2_export
    _drop(window, out / "model.onnx")  # the graph file itself: its folder is the export
    qtbot.waitUntil(lambda: window.state.loaded is not None, timeout=30000)
    assert window.state.loaded.backend == "onnxruntime" and window.state.loaded.info.source == str(out)


def test_drop_data_file_previews_it_and_remembers_it(qtbot, window, tmp_path):
    data = tmp_path / "reviews.csv"
    data.write_text("text,label\ngreat film,positive\ndull plot,negative\n", encoding="utf-8")
    assert _drop(window, data)
    page = window.pages["Training"]
    assert window.stack.currentWidget() is page
    section = page.form.data
    assert section.path.text() == str(data) and page.form.tabs.currentIndex() == 1
    qtbot.waitUntil(lambda: section.table.rowCount() == 2, timeout=30000)
    assert section.table.item(1, 0).text() == "dull plot"
    qtbot.waitUntil(lambda: str(data) in section.recent(), timeout=5000)
    assert section.builtin.findData(str(data)) > 0  # offered again under the built-in sets

    window.statusBar().clearMessage()
    assert not _drop(window, tmp_path / "notes.pdf")  # neither a folder nor data: a message, nothing opened


def test_last_model_and_geometry_persist(qtbot, window, tiny_gpt2):
    load(qtbot, window, str(tiny_gpt2))
    window.close()
    assert window.settings.value("last_model") == str(tiny_gpt2)
    assert window.settings.value("geometry") is not None


def test_onnx_export_folder_opens_and_generates(qtbot, window, gpt2_export):
    """An exported folder opens from the Models page on ONNX Runtime, and the Playground streams from it."""
    out = gpt2_export
    model = load(qtbot, window, str(out))
    assert model.backend == "onnxruntime"
    assert "CPUExecutionProvider" in window.backend_label.full_text()
    page = window.show_page("Playground")
    assert "ONNX Runtime" in page.title.text()
    tab = page.generate
    tab.prompt.setPlainText("the cat")
    tab.form.greedy.setChecked(True)
    tab.form.max_new.setValue(6)
    tab.start()
    qtbot.waitUntil(lambda: not tab.job.running, timeout=30000)
    assert len(tab.tokens) == 6 and not tab.banner.isVisible()


def test_every_page_fits_a_1280_pixel_screen(qtbot, window):
    """A 1280x800 laptop screen (or 2560x1600 at 200%) shows every page without the window growing."""
    window.resize(1280, 760)
    for title in window.pages:
        page = window.show_page(title)
        if hasattr(page, "on_shown"):
            page.on_shown()  # pages that build their heavy parts when first shown
        qtbot.wait(10)
        assert window.minimumSizeHint().width() <= 1280, title
        assert window.width() <= 1280, title
    assert window.minimumSizeHint().height() <= 760
