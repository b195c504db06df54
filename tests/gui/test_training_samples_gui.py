"""Training page: a seq2seq run's samples beside the curves (live, and from a reopened run) and
its ROUGE-L curve."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.gui.training.samples import EMPTY_TEXT
from workbench.training.config import DataConfig, TrainConfig
from workbench.training.events import (EvalLogged, RunStarted, Sample, SamplesGenerated, TrainingFinished,
                                       event_record)

STORY = "Mia, a sleepy owl, lived in a tall tree. One day Mia lost her key & looked <everywhere>."
SAMPLES = (Sample(STORY, "Mia, a sleepy owl, lost her key.", "Mia, a sleepy owl, lost a key."),
           Sample("Tom, a brave fox, found a red ball in the park.", "Tom, a brave fox, found a ball.",
                  "Tom, a brave fox, found a ball."))


def _started(task: str = "seq2seq") -> RunStarted:
    return RunStarted("/tmp/run", task, 100, 0, 1000, 1000, 90, 10, 9000, "cpu")


@pytest.fixture
def page(window):
    p = window.show_page("Training")
    assert p is not None and p.samples is not None
    return p


def test_samples_from_events_and_the_rouge_curve(page):
    assert page.samples.is_empty() and page.samples.texts() == EMPTY_TEXT  # the empty state says what comes
    emit = page.session.event.emit  # the route the training thread's events take
    emit(_started())
    assert page.side.currentWidget() is page.samples  # a seq2seq run shows its samples first
    emit(EvalLogged(20, 2.0, {"perplexity": 7.39, "rougeL": 12.5, "bleu": 1.5}))
    emit(SamplesGenerated(20, tuple(Sample(s.source, s.target, "a a a") for s in SAMPLES)))
    emit(EvalLogged(40, 1.2, {"perplexity": 3.32, "rouge1": 50.0, "rouge2": 30.0, "rougeL": 47.3, "bleu": 21.0,
                              "chrf": 55.0}))
    emit(SamplesGenerated(40, SAMPLES))
    text = page.samples.texts()
    assert "Samples at step 40" in text and "ROUGE-L 47.3" in text and "BLEU 21.0" in text
    assert STORY in text and "<everywhere>" in text  # shown as text, not taken for markup
    for s in SAMPLES:
        assert f"Target: {s.target}" in text and f"Model: {s.prediction}" in text
    assert "a a a" not in text  # the latest evaluation's samples only
    assert text.count("✓ exact") == 1  # Tom's output is his target
    page.curves.redraw()
    rouge = page.curves.metric_curves["rougeL"]  # its full data (what is drawn is clipped to the steps shown)
    assert list(rouge.xData) == [20, 40] and list(rouge.yData) == [12.5, 47.3]
    assert page.curves.metric_curves["perplexity"].xData is None  # another scale: left to the loss plot
    assert "ROUGE-L" in page.curves.metric_plot.titleLabel.text
    assert "ROUGE-L 47.3" in page.curves.describe(40)

    emit(_started("causal-lm"))  # a language model run: its attention replay in front again
    assert page.side.currentWidget() is page.replay


def test_a_new_run_clears_the_samples(page, tmp_path):
    page.session.event.emit(SamplesGenerated(5, SAMPLES))
    assert STORY in page.samples.texts()
    assert not page.samples.is_empty()
    page._begin()  # what Start and Resume do first
    assert page.samples.is_empty() and page.samples.texts() == EMPTY_TEXT
    assert page.samples.step_label.text() == "" and page.samples.browser.toPlainText() == ""


def test_a_reopened_run_shows_its_last_samples(qtbot, page, tmp_path):
    run = tmp_path / "runs" / "stories-summarizer-1"
    run.mkdir(parents=True)
    TrainConfig(task="seq2seq", model="m", data=DataConfig(path="builtin:summaries")).save(run / "config.json")
    events = [_started(), EvalLogged(10, 2.0, {"perplexity": 7.39, "rougeL": 30.0}),
              SamplesGenerated(10, SAMPLES[:1]), EvalLogged(20, 1.5, {"perplexity": 4.48, "rougeL": 61.2}),
              SamplesGenerated(20, SAMPLES), TrainingFinished(str(run), 20, False, str(run / "model"), 1.0, 1.5)]
    (run / "metrics.jsonl").write_text("".join(json.dumps(event_record(e)) + "\n" for e in events), encoding="utf-8")
    page.side.setCurrentWidget(page.replay)
    page.runs.root = str(tmp_path / "runs")
    page.runs.refresh()
    qtbot.waitUntil(lambda: [Path(r.path) for r in page.runs.runs] == [run], timeout=10000)
    page.runs.select(str(run))
    assert page.runs.show_button.isEnabled()
    page.runs.show_button.click()
    text = page.samples.texts()
    assert "Samples at step 20" in text and "ROUGE-L 61.2" in text and SAMPLES[1].prediction in text
    assert page.side.currentWidget() is page.samples and page.tabs.currentWidget() is page.curves_host
    assert list(page.curves.store["rougeL"].ys) == [30.0, 61.2]


def test_a_live_seq2seq_run_fills_the_panel(qtbot, page, tiny_bart, tmp_path):
    from tests.core.test_training_seq2seq import PAIRS, _jsonl

    cfg = TrainConfig(task="seq2seq", model=str(tiny_bart), output_root=str(tmp_path),
                      data=DataConfig(path=str(_jsonl(tmp_path / "p.jsonl", PAIRS)), eval_fraction=0.25),
                      max_steps=10, batch_size=8, learning_rate=5e-3, logging_steps=5, eval_steps=5, save_steps=0,
                      cpu_threads=1, eval_samples=3, eval_generate=6)
    assert page.start(cfg)
    qtbot.waitUntil(lambda: not page.session.running, timeout=90000)
    shown = [e for e in page.events if isinstance(e, SamplesGenerated)]
    assert [e.step for e in shown] == [5, 10] and len(shown[-1].samples) == 3
    text = page.samples.texts()
    assert "Samples at step 10" in text and "ROUGE-L" in text
    assert all(s.source in text and s.prediction in text for s in shown[-1].samples)
