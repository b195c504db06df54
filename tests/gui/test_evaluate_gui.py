"""Evaluate page: a run through the page (off the GUI thread, a row per model as it finishes), the
figures as run_eval computed them, errors inline without losing what is shown, reopening saved
results, the per-example model at 100k rows, an example opened in Attention, the Export page link."""

from __future__ import annotations

import json
import math
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.slow


def _evaluate(qtbot, window, models: list[str], data: str, limit: int, kind: str = "auto"):
    page = window.show_page("Evaluate")
    page.models.clear()
    for source in models:
        assert page.add_source(source), page.banner.label.text()
    assert page.set_data(data)
    page.data.kind.setCurrentIndex(page.data.kind.findData(kind))
    page.data.limit.setValue(limit)
    page.run()
    assert page.running  # the GUI thread is free while it runs
    qtbot.waitUntil(lambda: not page.running, timeout=60000)
    return page


def test_empty_state_offers_a_first_evaluation(qtbot, window, monkeypatch):
    page = window.show_page("Evaluate")
    assert page.results.stack.is_empty() and page.results.results is None
    assert "one row per model" in page.results.empty_label.text().lower()
    assert page.results.try_button.isVisible() and "Try it" in page.results.try_button.text()  # no model loaded
    ran = []
    monkeypatch.setattr(page, "run", lambda: ran.append(1))  # only the filling is checked here
    page.results.try_button.click()
    assert page.models.sources() == ["builtin:tiny-stories"] and page.data.data_edit.text() == "builtin:stories"
    assert page.data.limit.value() == 100 and ran == [1]
    # the inputs are set: the empty state's one action is now to run them
    assert page.results.try_button.text() == "Run the evaluation" and "tiny-stories" in page.results.empty_label.text()
    page.results.try_button.click()
    assert ran == [1, 1] and page.results.stack.is_empty()


def test_lm_run_fills_the_table_with_run_evals_figures_and_opens_an_example(qtbot, window):
    from workbench.gui.evaluate.formatting import format_figure

    page = _evaluate(qtbot, window, ["builtin:tiny-stories"], "builtin:stories", 20)
    results = page.last_results
    assert results is not None and results.state == "finished" and len(results.inputs) == 20
    ppl = results.models[0].figures["perplexity"]
    cell = page.results.table.cell(0, "perplexity")
    assert cell == format_figure("perplexity", ppl) and math.isclose(float(cell.replace(",", "")), ppl, abs_tol=0.005)
    assert page.results.table.cell(0, "examples") == "20" and page.results.table.cell(0, "error") == ""
    assert page.results.folder_label.full_text() == f"Saved in {results.folder}"
    assert page.results.folder_label.toolTip() == f"Saved in {results.folder}"
    assert not page.results.stack.is_empty() and not page.results.charts.none.isVisible()
    assert "Done: 1 of 1 models" in page.progress_label.text()
    assert page.results.examples.model.rowCount() == 20

    page.open_example(0, 3)  # not loaded yet: opened through the Models page, then shown in Attention
    qtbot.waitUntil(lambda: window.state.loaded is not None, timeout=30000)
    attention = window.pages["Attention"]
    qtbot.waitUntil(lambda: attention.maps is not None, timeout=30000)
    assert window.state.loaded.info.source == "builtin:tiny-stories"
    assert attention.text.text() == results.inputs[3].text
    assert window.stack.currentWidget() is attention


def test_a_wrong_task_model_has_its_error_in_its_row(qtbot, window):
    page = window.show_page("Evaluate")
    seen: list[tuple[int, str]] = []  # (table rows, second row's status) when the first model arrives

    def watch(event):
        from workbench.evaluate.run import ModelEvaluated

        if isinstance(event, ModelEvaluated) and event.index == 0:
            seen.append((page.results.table.rowCount(), page.results.table.cell(1, "examples")))

    page.models.clear()
    page.add_source("builtin:tiny-sentiment")
    page.add_source("builtin:tiny-stories")
    page.set_data("builtin:reviews")
    page.data.kind.setCurrentIndex(page.data.kind.findData("classification"))
    page.data.limit.setValue(12)
    page.run()
    page.job.item.connect(watch)
    qtbot.waitUntil(lambda: not page.running, timeout=60000)
    assert seen == [(2, "waiting…")]  # the first row was shown while the second model was still to come
    table = page.results.table
    assert table.cell(0, "model") == "tiny-sentiment" and table.cell(0, "accuracy").endswith("%")
    assert table.cell(0, "error") == ""
    assert "causal-lm" in table.cell(1, "error") and table.cell(1, "accuracy") == "—"
    assert "tiny-stories" in page.results.errors_label.text() and page.results.errors_label.isVisible()
    assert page.results.tabs.isTabVisible(1)  # the confusion matrix, of the selected (first) model
    assert page.results.confusion.rowCount() == 2 and not page.banner.isVisible()
    assert not page.results.confusion_stack.is_empty()
    page.results.select_model(1)  # the failed model: no blank matrix, no blank examples table, but why
    assert page.results.confusion_stack.is_empty() and "no predictions" in page.results.confusion_empty.body.text()
    assert page.results.examples.stack.is_empty() and "causal-lm" in page.results.examples.empty.body.text()


def test_an_unknown_label_is_reported_and_earlier_results_stay(qtbot, window, tmp_path):
    page = _evaluate(qtbot, window, ["builtin:tiny-sentiment"], "builtin:reviews", 10)
    shown = page.results.results
    accuracy = page.results.table.cell(0, "accuracy")
    bad = tmp_path / "held-out.csv"
    bad.write_text("text,label\nA lovely film.,positive\nIt was fine.,neutral\n", encoding="utf-8")
    _evaluate(qtbot, window, ["builtin:tiny-sentiment"], str(bad), 0)
    assert page.banner.isVisible() and "'neutral'" in page.banner.label.text()
    assert "held-out.csv line 3" in page.banner.label.text()
    assert page.results.results is shown and page.results.table.cell(0, "accuracy") == accuracy


def test_a_missing_column_is_reported_in_the_banner(qtbot, window, tmp_path):
    page = window.show_page("Evaluate")
    bad = tmp_path / "no-label.csv"
    bad.write_text("review,stars\nA lovely film.,5\n", encoding="utf-8")
    page.add_source("builtin:tiny-sentiment")
    page.set_data(str(bad))
    assert page.data.columns["text"].currentText() == "review"  # guessed from the header
    page.data.columns["label"].setCurrentText("label")
    page.run()
    qtbot.waitUntil(lambda: not page.running, timeout=30000)
    assert "no column 'label'" in page.banner.label.text() and page.results.results is None


def test_reopening_saved_results_fills_the_table(qtbot, window):
    from workbench.evaluate import EvalJob, run_eval

    saved = run_eval(EvalJob("builtin:reviews", ("builtin:tiny-sentiment",), limit=10))
    page = window.show_page("Evaluate")  # on_shown lists the saved evaluations
    qtbot.waitUntil(lambda: page.saved_combo.findData(saved.folder) > 0, timeout=10000)
    page.saved_combo.setCurrentIndex(page.saved_combo.findData(saved.folder))
    page.saved_combo.activated.emit(page.saved_combo.currentIndex())
    qtbot.waitUntil(lambda: page.results.results is not None, timeout=10000)
    assert page.results.folder_label.full_text() == f"Saved in {saved.folder}"
    assert page.results.table.cell(0, "model") == "tiny-sentiment"
    assert page.results.table.cell(0, "accuracy") == f"{saved.models[0].figures['accuracy']:.1f}%"
    assert page.results.examples.model.rowCount() == 10


def test_examples_model_sorts_100k_rows_by_loss(qtbot):
    from PySide6.QtWidgets import QTableView

    from workbench.evaluate.results import EvalInput, ExampleScore, ModelResult
    from workbench.gui.evaluate.examples_model import ExamplesModel

    n = 100_000
    losses = np.random.default_rng(0).gamma(2.0, 1.0, n)
    losses[5] = math.nan  # a missing loss sorts last both ways
    inputs = [EvalInput(i, i + 2, f"text {i}", "positive") for i in range(n)]
    result = ModelResult("m", "m", "pytorch", examples=[ExampleScore(float(v), 0, "positive", True, math.nan, 1.0)
                                                        for v in losses])
    model = ExamplesModel()
    model.set_result("classification", inputs, result)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    column = model.keys.index("loss")
    started = time.perf_counter()
    view.sortByColumn(column, Qt.DescendingOrder)
    assert time.perf_counter() - started < 2.0
    top = int(np.nanargmax(losses))
    assert model.example_index(0) == top and model.data(model.index(0, column)) == f"{losses[top]:.4f}"
    assert model.example_index(n - 1) == 5 and model.data(model.index(n - 1, column)) == "—"
    view.sortByColumn(column, Qt.AscendingOrder)
    assert model.example_index(0) == int(np.nanargmin(losses)) and model.example_index(n - 1) == 5


def test_export_page_link_opens_evaluate_with_the_export(qtbot, window, tmp_path):
    folder = tmp_path / "sentiment-onnx"
    folder.mkdir()
    report = {"architecture": "BertForSequenceClassification", "task": "sequence-classification", "opset": 18,
              "kind": "encoder", "passed": True, "versions": {"torch": "2"},
              "variants": {"fp32": {"passed": True}, "int8": {"passed": True}}}
    (folder / "export_report.json").write_text(json.dumps(report), encoding="utf-8")
    export = window.show_page("Export").export
    export.report_view.show_report(report, str(folder))
    link = export.report_view.evaluate_link
    assert link.isVisible() and "int8" in link.text()
    qtbot.mouseClick(link, Qt.LeftButton)
    page = window.pages["Evaluate"]
    assert window.stack.currentWidget() is page and page.models.sources() == [str(folder)]
    assert "fp32, int8" in page.models.list.item(0).text()
    assert page.data.data_edit.text() == "builtin:reviews"  # the built-in set that fits a classifier


def test_a_summarizer_example_opens_in_the_playground(qtbot, window):
    page = _evaluate(qtbot, window, ["builtin:tiny-summarizer"], "builtin:summaries", 3)
    results = page.last_results
    assert results.kind == "seq2seq" and page.results.table.cell(0, "rougeL") != "—"
    assert "Playground" in page.results.examples.hint.text()
    page.open_example(0, 1)
    playground = window.pages["Playground"]
    qtbot.waitUntil(lambda: window.stack.currentWidget() is playground, timeout=30000)
    assert window.state.loaded.info.source == "builtin:tiny-summarizer"
    assert playground.generate.prompt.toPlainText() == results.inputs[1].text
    assert playground.tabs.currentWidget() is playground.generate


def test_a_training_run_is_compared_as_its_checkpoints_and_final_model(qtbot, window):
    import shutil

    from workbench.models.builtins import builtin_path
    from workbench.training.runs import runs_root

    run = runs_root() / "evaluate-gui-run"  # a finished run, its checkpoint and final model copies of a built-in
    try:
        run.mkdir(parents=True)
        (run / "config.json").write_text(json.dumps({"task": "causal-lm", "model": "builtin:tiny-stories"}))
        (run / "status.json").write_text(json.dumps({"state": "finished", "step": 10, "total_steps": 10}))
        for name in ("checkpoint-10", "model"):
            shutil.copytree(builtin_path("tiny-stories"), run / name)
        page = window.show_page("Evaluate")  # on_shown lists the runs
        page.models.run_combo.setCurrentIndex(page.models.run_combo.findData(str(run)))
        page.models.add_run_button.click()
        assert page.models.sources() == [str(run)]
        assert "1 checkpoint + final model" in page.models.list.item(0).text()
        assert page.data.data_edit.text() == "builtin:stories"  # fits the run's task
        page.data.limit.setValue(5)
        page.run()
        qtbot.waitUntil(lambda: not page.running, timeout=60000)
        table = page.results.table
        assert [table.cell(r, "model") for r in range(table.rowCount())] == ["evaluate-gui-run/checkpoint-10",
                                                                             "evaluate-gui-run/final"]
        assert table.cell(0, "perplexity") == table.cell(1, "perplexity") != "—"  # the same weights
    finally:
        shutil.rmtree(run, ignore_errors=True)  # other tests list the runs
