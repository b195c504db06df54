"""Dashboard data without Qt: curve store, smoothing, metrics, launch commands, runs list."""

from __future__ import annotations

import math

import numpy as np
import pytest

from workbench.training.curves import CurveStore, Series, ema
from workbench.training.events import EvalLogged, StepLogged


def step(i: int, loss: float) -> StepLogged:
    return StepLogged(i, 0.0, loss, 1e-3, 1.0, 100.0, 0.0, 0.0)


def test_series_grows_past_its_capacity():
    s = Series(capacity=4)
    for i in range(10):
        s.append(i, i * i)
    assert s.n == 10 and s.xs.tolist() == list(range(10)) and s.ys[-1] == 81


def test_ema_matches_tensorboard_and_extends_incrementally():
    values = np.array([1.0, 3.0, 2.0, 5.0, 4.0])
    w = 0.6
    last, expected = 0.0, []
    for i, v in enumerate(values):  # TensorBoard: biased EMA divided by (1 - w^(i+1))
        last = last * w + (1 - w) * v
        expected.append(last / (1 - w ** (i + 1)))
    full = ema(values, w)
    np.testing.assert_allclose(full, expected)
    assert full[0] == 1.0  # debiased: the first point is the first value
    np.testing.assert_allclose(ema(values, w, start=3, previous=full[:3]), full)
    np.testing.assert_array_equal(ema(values, 0.0), values)


def test_store_rewinds_when_a_resumed_run_repeats_steps():
    store = CurveStore()
    for i in range(1, 8):
        store.add(step(i, 10.0 - i))
    store.add(EvalLogged(5, 4.5, {"perplexity": math.exp(4.5)}))
    assert store["loss"].n == 7 and store["eval_loss"].xs.tolist() == [5]
    version = store.version
    store.add(step(5, 99.0))  # resumed from checkpoint-4: step 5 again
    assert store["loss"].xs.tolist() == [1, 2, 3, 4, 5] and store["loss"].ys[-1] == 99.0
    assert store["eval_loss"].n == 0 and store.version > version
    assert not store.add("not an event")


def test_accuracy_and_macro_f1():
    from workbench.training.metrics import accuracy_f1

    m = accuracy_f1(np.array([0, 0, 1, 1, 1, 2]), np.array([0, 1, 1, 1, 2, 2]))
    # class 0: tp1 fp1 fn0 -> 2/3; class 1: tp2 fp1 fn1 -> 2/3; class 2: tp1 fp0 fn1 -> 2/3
    assert m["accuracy"] == pytest.approx(4 / 6) and m["f1"] == pytest.approx(2 / 3)


def test_launch_commands():
    from workbench.training.launch import slurm_script, torchrun_command

    assert torchrun_command("run.json", 4) == \
        "torchrun --standalone --nproc-per-node=4 -m workbench train --config run.json"
    multi = torchrun_command("my run.json", 8, nnodes=2, master="node0:29500", run_dir="/shared/r1")
    assert "--nnodes=2" in multi and "--rdzv-endpoint=node0:29500" in multi
    assert multi.endswith("--config 'my run.json' --run-dir /shared/r1")
    script = slurm_script("run.json", 8, nodes=2)
    assert "#SBATCH --nodes=2" in script and "srun torchrun --nnodes=2" in script
    assert "--rdzv-endpoint=$MASTER_ADDR:29500" in script


def test_runs_list_reads_state_from_folders(tmp_path):
    from workbench.training.config import DataConfig, TrainConfig
    from workbench.training.runs import RunFolder, list_runs, new_run_dir

    a = RunFolder(new_run_dir(tmp_path, "first run!"))
    assert a.path.name.startswith("first-run-")
    TrainConfig(model="gpt2", data=DataConfig(path="x.txt")).save(a.config_path)
    a.append({"kind": "step", **step(3, 2.5).__dict__})
    a.write_status("running", 3, 10)  # this process is alive: still running
    b = RunFolder(new_run_dir(tmp_path, "first run!"))
    assert b.path != a.path  # same name and second: a suffix, never the same folder
    TrainConfig(model="gpt2", data=DataConfig(path="x.txt")).save(b.config_path)
    b.write_status("running", 0, 10)
    status = b.status_path.read_text().replace(f'"pid": {__import__("os").getpid()}', '"pid": 999999999')
    b.status_path.write_text(status)  # written by a process that is gone: interrupted
    runs = {r.path: r for r in list_runs(tmp_path)}
    assert runs[str(a.path)].state == "running" and runs[str(a.path)].last_loss == 2.5
    assert runs[str(b.path)].state == "interrupted" and math.isnan(runs[str(b.path)].last_loss)


def test_builtin_recipe_example_and_stable_decay_schedule(tmp_path):
    from workbench.models.synthetic import make_tokenizer
    from workbench.training.arguments import training_arguments
    from workbench.training.examples import EXAMPLES, example
    from workbench.training.scratch import scratch_config

    for name in EXAMPLES:
        example(name).validate()
    cfg = example("tiny-stories-scratch")
    args = training_arguments(cfg, tmp_path, has_eval=True, total_steps=900)
    assert args.lr_scheduler_type.value == "warmup_stable_decay"
    assert args.lr_scheduler_kwargs == {"num_decay_steps": 180} and args.warmup_steps == cfg.max_steps // 20
    config = scratch_config(cfg.scratch, make_tokenizer("bpe", 400))
    assert config.n_inner == cfg.scratch.mlp_width and config.resid_pdrop == 0.0
