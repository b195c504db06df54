"""Training page: the form shows what runs. Every path that starts a run from a config (the page's
start given one, the built-in example, resuming a run folder) fills the form with it first.

These are view tests: the session's start is replaced by a recorder, so nothing trains (each test
takes a second); test_training_gui.py runs the real thing."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.gui.training.form import QUICK_EXAMPLE, quick_example
from workbench.training.config import DataConfig, TrainConfig

from tests.gui.test_training_gui import tiny_config


@pytest.fixture
def page(window, monkeypatch):
    p = window.show_page("Training")
    assert p is not None and p.curves is not None
    started: list[tuple[object, str]] = []

    def start(config=None, resume_dir=""):
        started.append((config, resume_dir))
        p.session._active = True  # as the real start: the page shows a run going

    monkeypatch.setattr(p.session, "start", start)
    p.started = started
    yield p
    p.session._active = False


def fine_tune_config(root: Path) -> TrainConfig:
    return TrainConfig(task="sequence-classification", model="builtin:tiny-sentiment", output_root=str(root),
                       data=DataConfig(path="builtin:reviews", max_examples=40, max_length=48, eval_fraction=0.2),
                       max_steps=7, batch_size=3, learning_rate=2e-4, logging_steps=1, eval_steps=0, save_steps=0,
                       cpu_threads=1, name="sentiment-run", probe_text="The food was good.")


def shown_mode(page) -> str:
    model = page.form.model
    assert model.finetune.isChecked() != model.scratch.isChecked()
    return "scratch" if model.scratch.isChecked() else "fine-tune"


def test_a_scratch_config_given_to_start_fills_the_form(page, tmp_path):
    page.form.apply_config(fine_tune_config(tmp_path))  # the form says fine-tune before
    assert shown_mode(page) == "fine-tune"
    cfg = tiny_config(tmp_path, learning_rate=3e-4, name="scratch-run")
    cfg.scratch.architecture, cfg.scratch.layers = "llama", 3
    assert page.start(cfg)
    assert page.started == [(cfg, "")]  # what runs is the config given ...
    model = page.form.model
    assert shown_mode(page) == "scratch"  # ... and the Model tab says so, with its values
    assert model.arch.currentData() == "llama" and model.layers.value() == 3 and model.width.value() == 32
    assert model.task.currentData() == "causal-lm" and model.model.text() == ""
    assert page.form.data.path.text() == "builtin:stories" and page.form.data.max_examples.value() == 120
    hyper = page.form.hyper
    assert hyper.lr.text() == "0.0003" and hyper.max_steps.value() == 3000 and hyper.name.text() == "scratch-run"
    assert hyper.output_root.text() == str(tmp_path) and hyper.probe.text() == "Once upon a time"
    assert page.form.config() == cfg  # the form reads back exactly what runs


def test_a_fine_tune_config_given_to_start_fills_the_form(page, tmp_path):
    page.form.apply_config(tiny_config(tmp_path))
    assert shown_mode(page) == "scratch"
    cfg = fine_tune_config(tmp_path)
    assert page.start(cfg)
    assert shown_mode(page) == "fine-tune" and page.form.model.model.text() == "builtin:tiny-sentiment"
    assert page.form.model.task.currentData() == "sequence-classification"
    assert page.form.config() == cfg


def test_resuming_a_run_folder_shows_that_runs_config(page, tmp_path):
    run = tmp_path / "runs" / "sentiment-run-1"
    run.mkdir(parents=True)
    saved = fine_tune_config(tmp_path / "runs")
    saved.save(run / "config.json")
    page.form.apply_config(tiny_config(tmp_path))  # the form shows another run
    assert page.resume(str(run))
    assert page.started == [(None, str(run))]
    assert shown_mode(page) == "fine-tune" and page.form.model.model.text() == "builtin:tiny-sentiment"
    assert page.form.data.path.text() == "builtin:reviews" and page.form.hyper.name.text() == "sentiment-run"
    assert page.form.hyper.max_steps.value() == 7 and page.form.hyper.batch.value() == 3
    assert page.form.config() == TrainConfig.load(run / "config.json")


def test_resuming_a_scratch_run_folder_shows_from_scratch(page, tmp_path):
    run = tmp_path / "runs" / "scratch-run-1"
    run.mkdir(parents=True)
    tiny_config(tmp_path / "runs", name="scratch-run").save(run / "config.json")
    page.form.apply_config(fine_tune_config(tmp_path))
    assert page.resume(str(run))
    assert shown_mode(page) == "scratch" and page.form.hyper.name.text() == "scratch-run"
    assert page.form.model.layers.value() == 2 and page.form.model.vocab.value() == 320


def test_the_example_action_fills_the_form_and_starts_it(page, tmp_path):
    page.form.apply_config(fine_tune_config(tmp_path))
    assert page.curves.stack.is_empty() and page.curves.empty.button.isVisible()
    page.curves.empty.button.click()  # the empty dashboard's "Start from an example"
    assert len(page.started) == 1
    cfg = page.started[0][0]
    expected = quick_example(page.form.hyper.threads.value())
    assert cfg == expected and cfg.name == QUICK_EXAMPLE and cfg.scratch is not None
    assert cfg.data.path.startswith("builtin:")  # offline: the built-in stories
    assert shown_mode(page) == "scratch" and page.form.hyper.name.text() == QUICK_EXAMPLE
    assert page.form.hyper.max_steps.value() == cfg.max_steps and page.form.data.path.text() == cfg.data.path
    assert page.form.config() == cfg
    assert page.tabs.currentWidget() is page.curves_host
    assert not page.curves.empty.button.isVisible()  # waiting for the first step: no action offered


def test_the_example_menu_fills_the_form(page):
    form = page.form
    form.load_example("reviews-classifier")
    assert shown_mode(page) == "fine-tune" and form.model.model.text() == "builtin:tiny-stories"
    assert form.model.task.currentData() == "sequence-classification"
    form.examples.setCurrentIndex(form.examples.findData("tiny-stories-scratch"))
    form.examples.activated.emit(form.examples.currentIndex())  # what choosing it in the menu does
    assert shown_mode(page) == "scratch" and form.hyper.name.text() == "tiny-stories-scratch"
    assert form.examples.currentIndex() == 0  # the menu is back on its prompt


def test_the_replays_action_shows_the_probe_field(page, window):
    page.replay.empty.button.click()
    assert page.form.tabs.currentIndex() == 2  # the Training tab, with the probe sentence field
    assert page.form.hyper.probe.isVisible()
