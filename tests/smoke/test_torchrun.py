"""Headless training as a user runs it: `workbench train` and torchrun with two gloo processes."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

CONFIG = {
    "task": "causal-lm",
    "scratch": {"architecture": "gpt2", "layers": 2, "heads": 2, "width": 32, "context_length": 32,
                "vocab_size": 320},
    "data": {"path": "builtin:stories", "max_examples": 120, "max_length": 32, "eval_fraction": 0.1},
    "max_steps": 8, "batch_size": 4, "logging_steps": 2, "eval_steps": 4, "save_steps": 4, "cpu_threads": 1,
}


def env() -> dict[str, str]:
    return {**os.environ, "HF_HUB_OFFLINE": "1", "OMP_NUM_THREADS": "1", "TOKENIZERS_PARALLELISM": "false"}


def write_config(tmp_path: Path, **changes) -> Path:
    path = tmp_path / "run.json"
    path.write_text(json.dumps({**CONFIG, **changes}), encoding="utf-8")
    return path


def test_torchrun_two_gloo_processes_write_one_run_folder(tmp_path):
    torchrun = shutil.which("torchrun") or str(Path(sys.executable).parent / "torchrun")
    config = write_config(tmp_path)
    root = tmp_path / "runs"
    p = subprocess.run([torchrun, "--standalone", "--nproc-per-node=2", "-m", "workbench", "train",
                        "--config", str(config), "--output-root", str(root)],
                       capture_output=True, text=True, timeout=240, env=env())
    assert p.returncode == 0, p.stdout[-2000:] + p.stderr[-3000:]
    runs = list(root.iterdir())
    assert len(runs) == 1, runs  # both processes agreed on one folder
    run = runs[0]
    records = [json.loads(line) for line in (run / "metrics.jsonl").read_text().splitlines()]
    started = records[0]
    assert started["kind"] == "started" and started["world_size"] == 2 and started["total_steps"] == 8
    # Each process sees half of every epoch: 8 steps of 2 x 4 blocks.
    steps = [r for r in records if r["kind"] == "step"]
    assert [r["step"] for r in steps] == [1, 2, 4, 6, 8]
    assert steps[-1]["epoch"] == pytest.approx(8 * 2 * 4 / started["train_examples"], rel=0.15)
    assert records[-1]["kind"] == "finished" and not records[-1]["stopped"]
    assert (run / "model" / "model.safetensors").exists() and (run / "checkpoint-8").is_dir()
    status = json.loads((run / "status.json").read_text())
    assert status["state"] == "finished" and status["backend"] == "gloo"
    assert p.stdout.count("finished at step 8") == 1  # only the main process prints progress


def test_ctrl_c_saves_a_checkpoint_and_resume_finishes(tmp_path):
    config = write_config(tmp_path, max_steps=3000, save_steps=0, eval_steps=0, logging_steps=1)
    root = tmp_path / "runs"
    proc = subprocess.Popen([sys.executable, "-m", "workbench", "train", "--config", str(config),
                             "--output-root", str(root)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env())
    lines = []
    for line in proc.stdout:  # wait until training is really under way
        lines.append(line)
        if line.startswith("step") and int(line.split()[1]) >= 5:
            break
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err[-3000:]
    assert "stopping after this step" in err
    run = next(root.iterdir())
    checkpoint = max(run.glob("checkpoint-*"), key=lambda p: int(p.name.split("-")[1]))
    stopped_at = int(checkpoint.name.split("-")[1])
    assert 5 <= stopped_at < 3000 and f"stopped; resume with `workbench train --resume {run}`" in out
    assert json.loads((run / "status.json").read_text())["state"] == "stopped"

    end = stopped_at + 4  # resume, and end the run a few steps later than the config said
    p = subprocess.run([sys.executable, "-m", "workbench", "train", "--resume", str(run), "--max-steps", str(end)],
                       capture_output=True, text=True, timeout=120, env=env())
    assert p.returncode == 0, p.stderr[-3000:]
    assert f"resuming at step {stopped_at}" in p.stdout and f"finished at step {end}" in p.stdout
    steps = [json.loads(line)["step"] for line in (run / "metrics.jsonl").read_text().splitlines()
             if json.loads(line)["kind"] == "step"]
    assert steps == list(range(1, end + 1))  # one continuous curve across the interruption


def test_bad_config_is_one_line(tmp_path):
    config = tmp_path / "run.json"
    config.write_text('{"task": "causal-lm", "model": ', encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "workbench", "train", "--config", str(config)],
                       capture_output=True, text=True, timeout=60, env=env())
    assert p.returncode == 2 and p.stderr.startswith("workbench: error: ") and "not valid JSON" in p.stderr
    assert len(p.stderr.strip().splitlines()) == 1


def test_killed_run_is_interrupted_and_resumes_from_its_checkpoint(tmp_path):
    """A crash (SIGKILL: no handler runs) leaves the last checkpoint; resume continues from it."""
    config = write_config(tmp_path, max_steps=3000, save_steps=3, eval_steps=0, logging_steps=1)
    root = tmp_path / "runs"
    proc = subprocess.Popen([sys.executable, "-m", "workbench", "train", "--config", str(config),
                             "--output-root", str(root)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, env=env())
    for line in proc.stdout:
        if line.startswith("saved") and line.rstrip().endswith("checkpoint-6"):
            break
    proc.kill()
    proc.wait(timeout=30)
    run = next(root.iterdir())
    from workbench.training.runs import RunFolder

    folder = RunFolder(run)
    assert folder.status()["state"] == "interrupted"  # "running", written by a process that is gone
    start = int(folder.latest_checkpoint().name.split("-")[1])
    assert start >= 6
    p = subprocess.run([sys.executable, "-m", "workbench", "train", "--resume", str(run), "--max-steps",
                        str(start + 3)], capture_output=True, text=True, timeout=120, env=env())
    assert p.returncode == 0, p.stderr[-3000:]
    assert f"resuming at step {start}" in p.stdout and f"finished at step {start + 3}" in p.stdout
    assert folder.status()["state"] == "finished"
    assert json.loads((run / "config.json").read_text())["max_steps"] == start + 3  # the new end is recorded
