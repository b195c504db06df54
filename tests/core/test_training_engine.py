"""The training engine: events, run folder, pause/resume, stop + resume from checkpoint, NaN, OOM."""

from __future__ import annotations

import json
import math
import threading
from pathlib import Path

import numpy as np
import pytest

from workbench.control import Control
from workbench.training.config import DataConfig, TrainConfig
from workbench.training.events import (AttentionSnapshotTaken, CheckpointSaved, EvalLogged, RunStarted,
                                       StepLogged, TrainingFailed, TrainingFinished, TrainingPaused,
                                       TrainingResumed, record_event)

SENTENCES = ["the cat sat on the mat .", "the dog ran in the park .", "a bird sang in the tree .",
             "the robot read a book ."]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "corpus.txt"
    docs = [" ".join(SENTENCES[(i + k) % 4] for k in range(3)) for i in range(37)]  # 40 blocks of 32
    path.write_text("\n\n".join(docs), encoding="utf-8")
    return path


def lm_config(model: Path, corpus: Path, root: Path, **changes) -> TrainConfig:
    # ~36 training blocks of 32 tokens, batch 4: 9 steps per epoch, 2 epochs = 18 steps.
    cfg = TrainConfig(task="causal-lm", model=str(model), output_root=str(root),
                      data=DataConfig(path=str(corpus), max_length=32, eval_fraction=0.1),
                      epochs=2, batch_size=4, learning_rate=5e-3, warmup_steps=2, logging_steps=1,
                      eval_steps=6, save_steps=6, seed=3, cpu_threads=1, probe_text="the cat sat on the mat")
    for k, v in changes.items():
        setattr(cfg, k, v)
    return cfg


def train(cfg: TrainConfig, control: Control | None = None, on_event=None, resume_dir: str | None = None):
    from workbench.training.engine import resume_run, run_training

    events = []

    def notify(e):
        events.append(e)
        if on_event:
            on_event(e)

    if resume_dir:
        result = resume_run(resume_dir, notify=notify, control=control)
    else:
        result = run_training(cfg, notify=notify, control=control)
    return result, events


def losses(events) -> dict[int, float]:
    return {e.step: e.loss for e in events if isinstance(e, StepLogged)}


@pytest.fixture(scope="module")
def baseline(tiny_gpt2, corpus, tmp_path_factory):
    """One uninterrupted run that the other tests compare with."""
    root = tmp_path_factory.mktemp("runs")
    return train(lm_config(tiny_gpt2, corpus, root))


def test_events_arrive_in_order_with_numbers(baseline):
    result, events = baseline
    assert isinstance(events[0], RunStarted) and isinstance(events[-1], TrainingFinished)
    start = events[0]
    assert start.total_steps == 18 and start.start_step == 0 and start.train_examples == 36
    assert start.train_tokens == 36 * 32 and start.trainable_parameters == start.num_parameters > 0
    steps = [e for e in events if isinstance(e, StepLogged)]
    assert [e.step for e in steps] == list(range(1, 19))
    ordered = [e.step for e in events if hasattr(e, "step") and not isinstance(e, TrainingFinished)]
    assert ordered == sorted(ordered)
    assert all(math.isfinite(e.loss) and e.loss > 0 and e.grad_norm > 0 and e.tokens_per_second > 0 for e in steps)
    # The rate each step used: linear warmup over 2 steps to the 5e-3 peak, then cosine decay.
    assert [e.learning_rate for e in steps[:3]] == pytest.approx([0.0, 2.5e-3, 5e-3])
    assert steps[-1].learning_rate < 1e-4  # cosine decay to ~0 at the last step
    assert steps[-1].eta_s == 0 and all(b.elapsed_s >= a.elapsed_s for a, b in zip(steps, steps[1:]))
    evals = [e for e in events if isinstance(e, EvalLogged)]
    assert [e.step for e in evals] == [6, 12, 18]
    assert all(e.metrics["perplexity"] == pytest.approx(math.exp(e.eval_loss)) for e in evals)
    assert [e.step for e in events if isinstance(e, CheckpointSaved)] == [6, 12, 18]
    # The corpus is four sentences: the loss falls far below its start.
    assert steps[-1].loss < 0.5 * steps[0].loss and evals[-1].eval_loss < evals[0].eval_loss
    assert result.state == "finished" and result.step == 18 and result.eval_loss == evals[-1].eval_loss


def test_run_folder_layout(baseline):
    from workbench.models.loading import load_model
    from workbench.models.spec import ModelSpec
    from workbench.training.runs import RunFolder, list_runs

    result, events = baseline
    run = RunFolder(result.run_dir)
    config = TrainConfig.load(run.config_path)
    assert config.model and config.epochs == 2 and config.run_dir == ""
    records = run.records()
    replayed = [record_event(r) for r in records]
    logged = [e for e in events if isinstance(e, (RunStarted, StepLogged, EvalLogged, CheckpointSaved,
                                                    TrainingFinished))]
    assert replayed == logged  # metrics.jsonl holds the same events, in the same order
    assert sorted(p.name for p in run.checkpoints()) == ["checkpoint-12", "checkpoint-18", "checkpoint-6"]
    assert (run.path / "checkpoint-6" / "model.safetensors").exists()
    assert (run.path / "checkpoint-6" / "optimizer.pt").exists()
    assert any(p.name.startswith("events.out.tfevents") for p in run.tensorboard_dir.rglob("*"))
    assert run.status()["state"] == "finished" and run.status()["step"] == 18
    loaded = load_model(ModelSpec(str(run.model_dir)))
    assert loaded.task == "causal-lm" and loaded.info.num_layers == 2
    summary = [s for s in list_runs(run.path.parent) if s.path == result.run_dir][0]
    last_step = [e for e in events if isinstance(e, StepLogged)][-1]
    assert summary.state == "finished" and summary.step == 18 and summary.last_loss == last_step.loss


def test_attention_snapshots_over_training(baseline):
    from workbench.training.runs import RunFolder

    result, events = baseline
    snaps = [e for e in events if isinstance(e, AttentionSnapshotTaken)]
    assert [s.step for s in snaps] == [0, 6, 12, 18]  # before training, then at every evaluation
    stored = RunFolder(result.run_dir).attention_snapshots()
    assert [s[0] for s in stored] == [0, 6, 12, 18]
    step, tokens, maps = stored[-1]
    assert "".join(tokens) == "the cat sat on the mat"
    n = len(tokens)
    assert maps.shape == (2, 4, n, n)  # (layers, heads, seq, seq)
    m = maps.astype(np.float32)
    np.testing.assert_allclose(m.sum(-1), 1.0, atol=2e-3)
    assert np.all(np.triu(m, k=1) == 0)  # causal: nothing attends to later tokens
    assert np.abs(m - stored[0][2].astype(np.float32)).max() > 0.01  # the heads changed while learning


def test_pause_then_resume_gives_the_same_losses(tiny_gpt2, corpus, tmp_path, baseline):
    control = Control()

    def on_event(e):
        if isinstance(e, StepLogged) and e.step == 4:
            control.pause()
            threading.Timer(0.3, control.resume).start()

    result, events = train(lm_config(tiny_gpt2, corpus, tmp_path), control, on_event)
    paused = [e for e in events if isinstance(e, (TrainingPaused, TrainingResumed))]
    assert [(type(e).__name__, e.step) for e in paused] == [("TrainingPaused", 5), ("TrainingResumed", 5)]
    assert losses(events) == losses(baseline[1])  # bit for bit
    assert result.state == "finished"


def test_stop_saves_then_resume_continues_the_same_trajectory(tiny_gpt2, corpus, tmp_path, baseline):
    from workbench.training.runs import RunFolder

    control = Control()

    def on_event(e):
        if isinstance(e, StepLogged) and e.step == 10:  # second epoch: data order must carry over
            control.cancel()

    stopped, events = train(lm_config(tiny_gpt2, corpus, tmp_path), control, on_event)
    assert stopped.state == "stopped" and stopped.step == 11
    run = RunFolder(stopped.run_dir)
    assert run.latest_checkpoint().name == "checkpoint-11" and stopped.model_dir.endswith("checkpoint-11")
    assert run.status()["state"] == "stopped" and not run.model_dir.exists()
    assert isinstance(events[-1], TrainingFinished) and events[-1].stopped

    resumed, more = train(None, resume_dir=stopped.run_dir)
    assert isinstance(more[0], RunStarted) and more[0].start_step == 11 and more[0].run_dir == stopped.run_dir
    assert sorted(losses(more)) == list(range(12, 19))
    expected = losses(baseline[1])
    for step, loss in losses(more).items():
        assert loss == pytest.approx(expected[step], rel=1e-5), step
    assert resumed.state == "finished" and resumed.step == 18
    # metrics.jsonl reads as one uninterrupted run
    steps = [r["step"] for r in run.records() if r["kind"] == "step"]
    assert steps == list(range(1, 19))


def test_nan_loss_stops_with_a_message(tiny_gpt2, corpus, tmp_path):
    from workbench.training.engine import TrainingError
    from workbench.training.runs import RunFolder

    cfg = lm_config(tiny_gpt2, corpus, tmp_path, learning_rate=1e12, max_grad_norm=0.0, warmup_steps=0,
                    probe_text="", eval_steps=0, save_steps=2)
    events = []
    with pytest.raises(TrainingError, match=r"The training loss became (nan|inf) at step \d+") as err:
        from workbench.training.engine import run_training

        run_training(cfg, notify=events.append)
    assert "Lower the learning rate (now 1e+12)" in str(err.value)
    failed = events[-1]
    assert isinstance(failed, TrainingFailed) and failed.message == str(err.value)
    run = RunFolder(failed.run_dir)
    assert run.status()["state"] == "failed"
    # No checkpoint was written at or after the step where the loss was not finite.
    assert all(int(p.name.split("-")[1]) < failed.step for p in run.checkpoints())


def test_out_of_memory_becomes_advice_and_the_run_resumes_at_a_smaller_batch(tiny_gpt2, corpus, tmp_path,
                                                                             monkeypatch):
    """The failure path of an out-of-memory step (the real one is in tests/gpu): the message names
    the resume command, and the failed run folder resumes with half the batch and twice the
    accumulation, from step 0 as it had no checkpoint."""
    import torch
    from transformers import Trainer

    from workbench.training.engine import TrainingError, resume_run, run_training
    from workbench.training.runs import RunFolder

    def out_of_memory(*args, **kwargs):
        raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")

    monkeypatch.setattr(Trainer, "training_step", out_of_memory)
    cfg = lm_config(tiny_gpt2, corpus, tmp_path, batch_size=4, grad_accum=2, max_steps=3, eval_steps=0,
                    save_steps=0, probe_text="")
    events = []
    with pytest.raises(TrainingError, match="ran out of memory with batch size 4") as err:
        run_training(cfg, notify=events.append)
    failed = events[-1]
    assert isinstance(failed, TrainingFailed) and RunFolder(failed.run_dir).status()["state"] == "failed"
    assert f"--resume {failed.run_dir} --batch-size 2 --grad-accum 4" in str(err.value)

    monkeypatch.undo()
    result = resume_run(failed.run_dir, batch_size=2, grad_accum=4)
    assert result.state == "finished" and result.step == 3
    saved = TrainConfig.load(Path(failed.run_dir) / "config.json")
    assert (saved.batch_size, saved.grad_accum) == (2, 4)


def test_bad_data_leaves_no_run_folder(tiny_gpt2, tmp_path):
    from workbench.errors import InputError
    from workbench.training.engine import run_training

    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok\n\xff\xfe\n")
    cfg = TrainConfig(model=str(tiny_gpt2), data=DataConfig(path=str(bad)), output_root=str(tmp_path / "runs"))
    with pytest.raises(InputError, match="bad.txt is not UTF-8 text \\(line 2"):
        run_training(cfg)
    assert not (tmp_path / "runs").exists()
    small = tmp_path / "small.txt"
    small.write_text("a tiny corpus", encoding="utf-8")
    cfg.data.path, cfg.data.max_length = str(small), 8
    with pytest.raises(InputError, match="fewer than one batch"):  # found after the folder was made
        run_training(cfg)
    assert list((tmp_path / "runs").iterdir()) == []


def test_metrics_file_is_flushed_at_every_log(tiny_gpt2, corpus, tmp_path):
    """A reader (the GUI, TensorBoard, a crash) sees each step's line while the run goes on."""
    seen = []

    def on_event(e):
        if isinstance(e, StepLogged):
            path = Path(e_run_dir[0]) / "metrics.jsonl"
            last = json.loads(path.read_text().splitlines()[-1])
            seen.append((last["kind"], last["step"]) == ("step", e.step))
        if isinstance(e, RunStarted):
            e_run_dir.append(e.run_dir)

    e_run_dir: list[str] = []
    train(lm_config(tiny_gpt2, corpus, tmp_path, max_steps=4, probe_text="", eval_steps=0, save_steps=0),
          on_event=on_event)
    assert seen == [True] * 4
