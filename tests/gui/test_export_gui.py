"""Export page: the export runs off the GUI thread and shows the report; the result opens on ONNX
Runtime; the benchmark tab renders a result."""

from __future__ import annotations

import threading

import pytest

from tests.gui.conftest import load

pytestmark = pytest.mark.slow


def test_export_page_runs_export_off_gui_thread_and_shows_report(qtbot, window, tiny_bert_cls, tmp_path):
    load(qtbot, window, str(tiny_bert_cls))
    page = window.show_page("Export")
    tab = page.export
    assert tab.form.source.text() == str(tiny_bert_cls)  # the loaded model is preselected
    assert tab.form.task.currentText() == "sequence-classification"
    assert tab.result_stack.is_empty() and tab.empty.button.text() == f"Export {tiny_bert_cls.name}"
    tab.form.out.setText(str(tmp_path / "cls-onnx"))
    tab.form.int8.setChecked(True)
    tab.form.prompts.setPlainText("a wonderful film\na dull film")
    tab.start()
    assert tab.running and tab.progress.isVisible()  # the GUI thread is free while it runs
    qtbot.waitUntil(lambda: tab.outcome is not None, timeout=180000)
    outcome = tab.outcome
    assert outcome.passed and outcome.thread_id != threading.get_ident()
    view = tab.report_view
    assert not tab.result_stack.is_empty() and view.table.rowCount() == 2
    assert view.folder_label.full_text() == f"Folder: {tmp_path / 'cls-onnx'}"
    assert [view.cell(r, "Variant") for r in range(2)] == ["fp32", "int8"]
    assert float(view.cell(0, "Max |Δ|")) < 1e-4 and view.cell(0, "Result") == "ok"
    assert "Parity proven" in view.verdict.text()
    assert "Exporting the encoder graph" in tab.log.toPlainText()
    assert [c["name"] for c in outcome.report["parity_cases"]][:3] == ["prompt 1", "prompt 2", "prompts batched"]
    window.grab().save(str(tmp_path / "export_page.png"))

    tab.test_text.setText("a wonderful film")
    tab.quick_test()
    qtbot.waitUntil(lambda: tab.quick_result is not None, timeout=30000)
    assert "negative" in tab.quick_result and "positive" in tab.quick_result
    assert "CPUExecutionProvider" in tab.provider_label.text()

    tab.variant_combo.setCurrentText("fp32")
    tab.open_in_playground()
    qtbot.waitUntil(lambda: getattr(window.state.loaded, "backend", "") == "onnxruntime", timeout=30000)
    assert window.state.loaded.variant == "fp32" and window.state.loaded.task == "sequence-classification"


def test_export_page_reports_errors_inline(qtbot, window, tmp_path):
    page = window.show_page("Export")
    tab = page.export
    assert tab.result_stack.is_empty()  # no model loaded: the empty report offers to open the built-in
    assert tab.empty.button.text() == "Open builtin:tiny-stories"
    tab.form.source.setText(str(tmp_path / "missing-model"))
    assert tab.empty.button.text() == "Export missing-model"
    tab.form.out.setText(str(tmp_path / "out"))
    tab.start()
    qtbot.waitUntil(lambda: tab.banner.isVisible() and not tab.running, timeout=30000)
    assert "No such folder" in tab.banner.label.text()
    assert tab.outcome is None and tab.export_button.isEnabled()
    assert tab.result_stack.is_empty() and tab.empty.button.isVisibleTo(tab.empty)  # still empty, offering again


def test_benchmark_tab_shows_rows_and_speedups(qtbot, window, tmp_path):
    from workbench.export.bench import BenchConfig, BenchResult, BenchRow, add_speedups

    page = window.show_page("Export")
    rows = [BenchRow("decoder", "pytorch eager fp32", "b1 p32 n128", "decode tokens/s", 40.0),
            BenchRow("decoder", "onnxruntime fp32", "b1 p32 n128", "decode tokens/s", 100.0),
            BenchRow("encoder", "pytorch eager fp32", "1x128", "latency ms", 30.0),
            BenchRow("encoder", "onnxruntime int8", "1x128", "latency ms", 10.0)]
    add_speedups(rows)
    assert page.bench.stack.is_empty() and page.bench.empty.button.text() == "Run the benchmark"
    page.bench.show_result(BenchResult(BenchConfig(out=tmp_path), rows, {"device": "cpu", "threads": 2}))
    assert not page.bench.stack.is_empty() and page.bench.table.rowCount() == 4
    assert page.bench.table.item(1, 5).text() == "2.50x" and page.bench.table.item(3, 5).text() == "3.00x"
    opts = page.bench.bars.opts
    assert list(opts["width"]) == [2.5, 3.0]
    cfg = page.bench.config()
    assert cfg.which == ("decoder", "encoder") and cfg.threads is None and cfg.size == "base"
