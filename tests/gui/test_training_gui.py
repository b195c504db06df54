"""Training page: a tiny run's curves grow, pause/stop work, runs history, attention replay, close."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from workbench.training.config import DataConfig, ScratchConfig, TrainConfig
from workbench.training.events import StepLogged, TrainingFinished, TrainingPaused, TrainingResumed


def tiny_config(root: Path, **changes) -> TrainConfig:
    cfg = TrainConfig(task="causal-lm", output_root=str(root),
                      scratch=ScratchConfig(layers=2, heads=2, width=32, context_length=32, vocab_size=320),
                      data=DataConfig(path="builtin:stories", max_examples=120, max_length=32),
                      max_steps=3000, batch_size=4, logging_steps=1, eval_steps=5, save_steps=0, cpu_threads=1,
                      probe_text="Once upon a time")
    for k, v in changes.items():
        setattr(cfg, k, v)
    return cfg


@pytest.fixture
def page(window):
    p = window.show_page("Training")
    assert p is not None and p.curves is not None  # navigating builds the dashboard
    return p


def steps(page) -> list[int]:
    return [e.step for e in page.events if isinstance(e, StepLogged)]


def test_curves_grow_pause_and_stop(qtbot, page, tmp_path, monkeypatch):
    import weakref

    import workbench.training.modelling as modelling

    models, build = [], modelling.build_model
    monkeypatch.setattr(modelling, "build_model", lambda *a, **k: models.append(weakref.ref(m := build(*a, **k))) or m)
    assert page.start(tiny_config(tmp_path))
    qtbot.waitUntil(lambda: page.curves.store["loss"].n >= 3, timeout=60000)
    qtbot.waitUntil(lambda: page.curves.raw_curve.getData()[0] is not None
                    and len(page.curves.raw_curve.getData()[0]) >= 3, timeout=5000)  # the timer drew them
    xs, ys = page.curves.raw_curve.getData()
    assert np.all(np.diff(xs) > 0) and np.all(np.isfinite(ys))

    page.toggle_pause()
    qtbot.waitUntil(lambda: any(isinstance(e, TrainingPaused) for e in page.events), timeout=20000)
    assert page.pause_button.text() == "Resume"
    frozen = steps(page)[-1]
    qtbot.wait(600)
    assert steps(page)[-1] == frozen  # nothing trains while paused
    page.toggle_pause()
    qtbot.waitUntil(lambda: steps(page)[-1] > frozen + 2, timeout=20000)
    assert any(isinstance(e, TrainingResumed) for e in page.events)

    page.stop()
    qtbot.waitUntil(lambda: not page.session.running, timeout=60000)
    finished = page.events[-1]
    assert isinstance(finished, TrainingFinished) and finished.stopped
    assert Path(finished.model_dir, "model.safetensors").exists()  # the checkpoint of the stop
    assert page.start_button.isEnabled() and not page.stop_button.isEnabled()
    assert page.replay.snapshots and page.replay.snapshots[0][0] == 0  # the untrained heads first
    assert len(models) == 1 and models[0]() is None  # the run's model (kept in cycles by the Trainer) is freed


def test_finished_run_in_history_overlay_and_attention_replay(qtbot, page, tmp_path):
    page.runs.root = str(tmp_path)
    assert page.start(tiny_config(tmp_path, max_steps=12, eval_steps=4, logging_steps=2))
    qtbot.waitUntil(lambda: not page.session.running, timeout=90000)
    assert isinstance(page.events[-1], TrainingFinished) and not page.events[-1].stopped
    assert [s[0] for s in page.replay.snapshots] == [0, 4, 8, 12]
    page.replay.slider.setValue(1)
    assert page.curves.marker.isVisible() and page.curves.marker.value() == 4  # marker on the loss plot
    step, matrix = page.replay.current()
    assert step == 4 and np.allclose(matrix.sum(axis=1), 1, atol=2e-3)

    # refreshed after finishing; the page's first listing (of the default folder) may land late, and is dropped
    qtbot.waitUntil(lambda: [Path(r.path).parent for r in page.runs.runs] == [tmp_path], timeout=10000)
    run = page.runs.runs[0]
    assert run.state == "finished" and run.step == 12
    page.runs.set_ticked(run.path, True)
    qtbot.waitUntil(lambda: run.path in page.curves.overlays, timeout=10000)
    store, curve = page.curves.overlays[run.path]
    assert list(curve.getData()[0]) == [1, 2, 4, 6, 8, 10, 12]
    assert list(store["loss"].ys) == [e.loss for e in page.events if isinstance(e, StepLogged)]
    page.runs.set_ticked(run.path, False)
    assert run.path not in page.curves.overlays

    page.runs.select(run.path)  # open the trained model where its attention can be explored
    page.runs.attention_button.click()
    window = page.window()
    model_dir = str(Path(run.path) / "model")
    qtbot.waitUntil(lambda: window.state.loaded is not None and window.state.loaded.info.source == model_dir,
                    timeout=30000)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.pages.get("Attention"), timeout=5000)


def test_resume_from_history_continues_the_curve(qtbot, page, tmp_path, monkeypatch):
    import workbench.training.engine as engine

    def stopped_at_step_4(config, notify, control, resume=False):
        # The first run stops from the training thread: a stop clicked when the GUI has seen step 4
        # can come after the tiny run's last step on a loaded machine, and the run would finish.
        def stop_at_4(event):
            notify(event)
            if isinstance(event, StepLogged) and event.step >= 4 and not resume:
                control.cancel()
        return run(config, notify=stop_at_4, control=control, resume=resume)

    run = engine.run_training
    monkeypatch.setattr(engine, "run_training", stopped_at_step_4)
    page.runs.root = str(tmp_path)
    assert page.start(tiny_config(tmp_path, max_steps=10, eval_steps=0))
    qtbot.waitUntil(lambda: not page.session.running, timeout=60000)
    assert page.events[-1].stopped
    stopped_at = page.events[-1].step
    page.runs.refresh()
    qtbot.waitUntil(lambda: [Path(r.path).parent for r in page.runs.runs] == [tmp_path], timeout=10000)
    page.runs.select(page.runs.runs[0].path)
    assert page.runs.resume_button.isEnabled()
    page.runs.resume_button.click()
    qtbot.waitUntil(lambda: not page.session.running and isinstance(page.events[-1:][0], TrainingFinished)
                    and not page.events[-1].stopped, timeout=60000)
    assert page.curves.store["loss"].xs.tolist() == list(range(1, 11))  # one curve across the stop
    assert steps(page)[0] == stopped_at + 1


def test_bad_data_is_shown_in_the_banner(qtbot, page, tmp_path):
    bad = tmp_path / "reviews.csv"
    bad.write_text("review,label\nnice,1\nbad,0\n", encoding="utf-8")
    cfg = tiny_config(tmp_path, task="sequence-classification", scratch=None, model="builtin:tiny-sentiment")
    cfg.data = DataConfig(path=str(bad))
    page.form.set_config(cfg)
    # The settings themselves are fine; the data check happens on the training thread.
    assert page.start(page.form.config())
    qtbot.waitUntil(lambda: page.banner.isVisible() and not page.session.running, timeout=60000)
    assert "reviews.csv has no column 'text'" in page.banner.label.text()


def test_token_count_and_its_cancel(qtbot, page, tmp_path):
    data = tmp_path / "big.txt"
    data.write_text("Once upon a time there was a cat who liked the sun.\n\n" * 60000, encoding="utf-8")
    cfg = tiny_config(tmp_path, scratch=None, model="builtin:tiny-stories")
    cfg.data = DataConfig(path=str(data), max_length=32)
    page.form.set_config(cfg)
    section = page.form.data
    section.count_tokens()
    assert section.count_button.text() == "Cancel counting"
    qtbot.waitUntil(lambda: section.summary.text() == "Tokenising ...", timeout=60000)
    section.count_tokens()  # the same button cancels, at the next batch of the tokenisation
    qtbot.waitUntil(lambda: section.count_button.text() == "Count tokens", timeout=30000)
    assert "cancelled" in section.banner.label.text() and section.summary.text() == ""

    cfg.data = DataConfig(path="builtin:stories", max_examples=200, max_length=32)
    page.form.set_config(cfg)
    section.count_tokens()
    qtbot.waitUntil(lambda: "training tokens" in section.summary.text(), timeout=60000)


def test_form_round_trip_and_launch_command(page, tmp_path):
    cfg = tiny_config(tmp_path, learning_rate=3e-4, grad_accum=2, scheduler="linear", epochs=2.5,
                      gradient_checkpointing=True, torch_compile=True)
    cfg.scratch.architecture, cfg.scratch.kv_heads = "llama", 1
    cfg.data.packing = "documents"
    page.form.set_config(cfg)
    assert page.form.config() == cfg
    path = tmp_path / "run.json"
    page.launch.gpus.setValue(4)
    assert page.launch.save(str(path))
    assert TrainConfig.load(path) == cfg
    assert page.launch.command.toPlainText().startswith("torchrun --standalone --nproc-per-node=4 -m workbench train")
    page.launch.slurm.setChecked(True)
    assert "#SBATCH --gpus-per-node=4" in page.launch.command.toPlainText()


def test_preview_table_and_column_guess(qtbot, page, tmp_path):
    data = tmp_path / "d.csv"
    data.write_text("review,sentiment\ngreat,pos\nawful,neg\n", encoding="utf-8")
    page.form.model.task.setCurrentIndex(page.form.model.task.findData("sequence-classification"))
    page.form.data.path.setText(str(data))
    page.form.data.preview()
    qtbot.waitUntil(lambda: page.form.data.table.rowCount() == 2, timeout=20000)
    assert page.form.data.table.item(1, 0).text() == "awful"
    assert page.form.data.columns["text"].currentText() == "review"
    assert page.form.data.columns["label"].currentText() == "sentiment"


def test_curves_take_100k_points(page):
    from workbench.training.events import StepLogged as S

    for i in range(1, 100_001):
        page.curves.add_event(S(i, 0.0, 5.0 / (1 + i / 1000), 1e-3, 1.0, 1000.0, 0.0, 0.0))
    page.curves.redraw()
    xs, ys = page.curves.smooth_curve.getData()
    assert len(page.curves.store["loss"].xs) == 100_000 and ys[-1] == pytest.approx(5.0 / 101, rel=0.02)


CLOSE_SCRIPT = textwrap.dedent("""
    import os, sys, time
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication
    from workbench.gui.main_window import MainWindow
    from workbench.training.config import TrainConfig
    from workbench.training.events import StepLogged

    app = QApplication([])
    w = MainWindow(QSettings(sys.argv[2], QSettings.IniFormat))
    w.show()
    page = w.show_page("Training")
    page.start(TrainConfig.load(sys.argv[1]))
    def check():
        if sum(isinstance(e, StepLogged) for e in page.events) >= 3:
            w.close()   # mid-training: the page stops the run, which saves a checkpoint
            app.quit()
    timer = QTimer(); timer.timeout.connect(check); timer.start(50)
    app.exec()
    print("thread running after close:", page.session.thread_running)
""")


def test_closing_the_window_during_training_exits_cleanly_with_a_checkpoint(tmp_path):
    config = tmp_path / "run.json"
    tiny_config(tmp_path / "runs").save(config)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WORKBENCH_HOME": str(tmp_path / "home"),
           "OMP_NUM_THREADS": "1"}
    p = subprocess.run([sys.executable, "-X", "faulthandler", "-c", CLOSE_SCRIPT, str(config),
                        str(tmp_path / "s.ini")], capture_output=True, text=True, timeout=180, env=env)
    assert p.returncode == 0, p.stderr[-3000:]
    assert "thread running after close: False" in p.stdout
    run = next((tmp_path / "runs").iterdir())
    checkpoints = list(run.glob("checkpoint-*"))
    assert len(checkpoints) == 1 and (checkpoints[0] / "optimizer.pt").exists()
    status = json.loads((run / "status.json").read_text())
    assert status["state"] == "stopped" and status["step"] == int(checkpoints[0].name.split("-")[1]) >= 3


def test_empty_states_before_data_and_after_clear(qtbot, page, tmp_path):
    from workbench.training.events import StepLogged as S

    curves, replay = page.curves, page.replay
    assert curves.stack.is_empty() and replay.stack.is_empty() and page.samples.is_empty()
    assert page.form.data.table_stack.is_empty()  # the data preview, before a file is chosen
    assert "loss curve" in curves.empty.body.text() and curves.empty.button.text() == "Start from an example"
    assert "probe sentence" in replay.empty.body.text()
    curves.add_event(S(1, 0.0, 3.0, 1e-3, 1.0, 1000.0, 0.0, 0.0))
    assert not curves.stack.is_empty()  # the first point shows the plots
    curves.clear()
    assert curves.stack.is_empty()
    replay.add_snapshot(0, ["a", "b"], np.full((1, 1, 2, 2), 0.5, dtype=np.float32))
    assert not replay.stack.is_empty() and replay.current()[0] == 0
    replay.clear()
    assert replay.stack.is_empty() and not replay.snapshots

    page.runs.root = str(tmp_path)  # no runs: the list says what will appear there
    page.runs.refresh()
    qtbot.wait(200)
    assert page.runs.runs == [] and page.runs.stack.is_empty()
    run = tmp_path / "a-very-long-run-name-that-a-narrow-column-shows-elided-1"
    run.mkdir()
    tiny_config(tmp_path).save(run / "config.json")
    page.runs.refresh()
    qtbot.waitUntil(lambda: len(page.runs.runs) == 1, timeout=10000)
    assert not page.runs.stack.is_empty()
    assert page.runs.tree.topLevelItem(0).toolTip(0) == str(run)  # the whole path on hover

    page.show_run(str(run))  # an earlier run without metrics: nothing to plot yet
    assert curves.stack.is_empty()


def test_the_example_run_starts_offline_and_shows_its_curves(qtbot, page):
    from workbench.gui.training.form import QUICK_EXAMPLE

    assert page.start_example()
    assert page.form.hyper.name.text() == QUICK_EXAMPLE and page.form.model.scratch.isChecked()
    qtbot.waitUntil(lambda: page.curves.store["loss"].n >= 1 or not page.session.running, timeout=90000)
    assert page.curves.store["loss"].n >= 1, page.banner.label.text()
    assert not page.curves.stack.is_empty()  # the plots, as soon as the first point arrived
    page.stop()
    qtbot.waitUntil(lambda: not page.session.running, timeout=60000)
    assert isinstance(page.events[-1], TrainingFinished) and not page.curves.stack.is_empty()
