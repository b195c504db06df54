"""Run folders: one per run, everything needed to inspect, reproduce or resume it.

  <run>/config.json        the TrainConfig (enough to reproduce the run)
  <run>/status.json        running / finished / stopped / failed, step, message, pid
  <run>/metrics.jsonl      one event per line, appended and flushed at every log step
  <run>/checkpoint-N/      Hugging Face Trainer checkpoints (safetensors, optimizer, RNG state)
  <run>/model/             the final model in Hugging Face format (opens in the Playground)
  <run>/tokenizer/         the trained tokenizer of a from-scratch run
  <run>/tensorboard/       TensorBoard event files (`tensorboard --logdir <run>`)
  <run>/attention/         attention maps of the probe sentence, one .npz per evaluation
"""

from __future__ import annotations

import json
import os
import re
import socket
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from workbench.errors import InputError
from workbench.training.events import SamplesGenerated, record_event

STATES = ("running", "finished", "stopped", "failed", "interrupted")


def runs_root(output_root: str = "") -> Path:
    if output_root:
        return Path(output_root).expanduser()
    from workbench.models.library import workbench_home

    return workbench_home() / "runs"


def new_run_dir(root: Path, name: str) -> Path:
    """A fresh folder root/<name>-<date-time>, never an existing one."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "run"
    base = f"{slug}-{time.strftime('%Y%m%d-%H%M%S')}"
    root.mkdir(parents=True, exist_ok=True)
    for k in range(1, 1000):
        path = root / (base if k == 1 else f"{base}-{k}")
        try:
            path.mkdir()
            return path
        except FileExistsError:
            continue
    raise InputError("Could not make a new run folder in {root}", root=root)


class RunFolder:
    """Reads and writes the files of one run folder."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)

    config_path = property(lambda self: self.path / "config.json")
    status_path = property(lambda self: self.path / "status.json")
    metrics_path = property(lambda self: self.path / "metrics.jsonl")
    model_dir = property(lambda self: self.path / "model")
    tokenizer_dir = property(lambda self: self.path / "tokenizer")
    tensorboard_dir = property(lambda self: self.path / "tensorboard")
    attention_dir = property(lambda self: self.path / "attention")

    # -- metrics ----------------------------------------------------------------------------------
    def append(self, record: dict[str, Any]) -> None:
        """One JSON line, flushed so a crash or a reader in another process sees it at once."""
        with self.metrics_path.open("a", encoding="utf-8") as f:
            f.write(json.dumps(record) + "\n")
            f.flush()

    def records(self) -> list[dict[str, Any]]:
        if not self.metrics_path.exists():
            return []
        out = []
        for line in self.metrics_path.read_text(encoding="utf-8").splitlines():
            try:
                out.append(json.loads(line))
            except ValueError:
                continue  # a line cut short by a crash
        return out

    def latest_samples(self) -> SamplesGenerated | None:
        """The last SamplesGenerated in metrics.jsonl (a seq2seq run's outputs), or None."""
        last = next((r for r in reversed(self.records()) if r.get("kind") == "samples"), None)
        return record_event(last) if last is not None else None

    def truncate_after(self, step: int) -> None:
        """Drop records past `step` (logged after the checkpoint a resumed run restarts from)."""
        kept = [r for r in self.records() if r.get("kind") in ("step", "eval", "samples", "checkpoint")
                and int(r.get("step", 0)) <= step]
        self.metrics_path.write_text("".join(json.dumps(r) + "\n" for r in kept), encoding="utf-8")

    # -- status -----------------------------------------------------------------------------------
    def write_status(self, state: str, step: int, total_steps: int, message: str = "", **extra: Any) -> None:
        data = {"state": state, "step": step, "total_steps": total_steps, "message": message,
                "pid": os.getpid(), "host": socket.gethostname(), "updated": time.time(), **extra}
        tmp = self.status_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        tmp.replace(self.status_path)  # atomic: a reader never sees half a file

    def status(self) -> dict[str, Any]:
        try:
            data = json.loads(self.status_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {"state": "interrupted" if self.checkpoints() else "failed", "step": 0, "total_steps": 0,
                    "message": "no status file"}
        if data.get("state") == "running" and not _alive(data):
            data["state"] = "interrupted"  # the process that wrote "running" is gone
        return data

    # -- checkpoints and attention ------------------------------------------------------------------
    def checkpoints(self) -> list[Path]:
        found = [p for p in self.path.glob("checkpoint-*") if p.is_dir() and p.name.split("-")[-1].isdigit()]
        return sorted(found, key=lambda p: int(p.name.split("-")[-1]))

    def latest_checkpoint(self) -> Path | None:
        """The newest complete checkpoint (a crash mid-save leaves one without trainer_state.json)."""
        complete = [p for p in self.checkpoints() if (p / "trainer_state.json").exists()]
        return complete[-1] if complete else None

    def save_attention(self, step: int, tokens: list[str], maps: np.ndarray) -> Path:
        self.attention_dir.mkdir(exist_ok=True)
        path = self.attention_dir / f"step-{step:08d}.npz"
        np.savez_compressed(path, maps=maps, tokens=np.array(tokens, dtype=object))
        return path

    def attention_snapshots(self) -> list[tuple[int, list[str], np.ndarray]]:
        """(step, tokens, maps (layers, heads, seq, seq)) for every stored snapshot, by step."""
        out = []
        for p in sorted(self.attention_dir.glob("step-*.npz")) if self.attention_dir.exists() else []:
            with np.load(p, allow_pickle=True) as z:  # our own files: token strings as an object array
                out.append((int(p.stem.split("-")[1]), [str(t) for t in z["tokens"]], z["maps"]))
        return out

    def openable_model(self) -> Path | None:
        """The final model, or else the newest checkpoint (a stopped run), or None."""
        if (self.model_dir / "config.json").exists():
            return self.model_dir
        ckpt = self.latest_checkpoint()
        return ckpt if ckpt is not None and (ckpt / "config.json").exists() else None


def _alive(status: dict[str, Any]) -> bool:
    if status.get("host") != socket.gethostname():
        return True  # another machine's run: assume it is still going
    try:
        os.kill(int(status.get("pid", -1)), 0)
        return True
    except (OSError, ValueError):
        return False


@dataclass(frozen=True)
class RunSummary:
    path: str
    name: str
    task: str
    model: str  # the fine-tuned model, or "scratch gpt2 4x128"
    state: str
    step: int
    total_steps: int
    last_loss: float
    last_eval_loss: float
    started: float  # folder creation time (epoch seconds)


def summarize(path: Path) -> RunSummary:
    run = RunFolder(path)
    try:
        cfg = json.loads(run.config_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cfg = {}
    scratch = cfg.get("scratch")
    model = (f"scratch {scratch.get('architecture')} {scratch.get('layers')}x{scratch.get('width')}"
             if scratch else str(cfg.get("model", "?")))
    records = run.records()
    losses = [r["loss"] for r in records if r.get("kind") == "step"]
    evals = [r["eval_loss"] for r in records if r.get("kind") == "eval"]
    status = run.status()
    return RunSummary(str(path), path.name, str(cfg.get("task", "?")), model, str(status.get("state")),
                      int(status.get("step", 0)), int(status.get("total_steps", 0)),
                      float(losses[-1]) if losses else float("nan"), float(evals[-1]) if evals else float("nan"),
                      path.stat().st_mtime if not run.config_path.exists() else run.config_path.stat().st_mtime)


def list_runs(root: Path | None = None) -> list[RunSummary]:
    """Runs under root (default <workbench home>/runs), newest first."""
    root = root or runs_root()
    if not root.exists():
        return []
    runs = [summarize(p) for p in root.iterdir() if p.is_dir() and (p / "config.json").exists()]
    return sorted(runs, key=lambda r: -r.started)
