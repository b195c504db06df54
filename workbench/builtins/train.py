"""The built-ins train on the training engine (workbench.training.engine.run_training), the same
Trainer path a user's run takes: one TrainConfig per model, CPU, fp32, fixed seeds,
warmup-stable-decay, no evaluation during the run (each builder scores its own held-out set).
"""

from __future__ import annotations

import math
import shutil
import tempfile
from pathlib import Path
from typing import Any, Callable

from workbench.training.config import TrainConfig

Progress = Callable[[str], None]
BUILD_THREADS = 2  # fixed so that float reduction order, and so the weights, match across machines


def for_build(cfg: TrainConfig, *, seed: int, steps: int) -> TrainConfig:
    """`cfg` as a built-in build runs it: `steps` optimizer steps, warmup over the first 5%, a decay
    over the last 20% (cfg.decay_fraction), on the CPU in fp32, logging 20 times, saving nothing
    along the way (the run folder is a temporary one)."""
    cfg.seed, cfg.max_steps, cfg.warmup_steps = seed, steps, max(1, steps // 20)
    cfg.scheduler, cfg.weight_decay, cfg.max_grad_norm = "warmup_stable_decay", 0.01, 1.0
    cfg.device, cfg.precision, cfg.cpu_threads = "cpu", "fp32", BUILD_THREADS
    cfg.logging_steps, cfg.eval_steps, cfg.save_steps, cfg.save_total_limit = max(1, steps // 20), 0, 0, 1
    cfg.data.eval_fraction, cfg.data.eval_path, cfg.probe_text = 0.0, "", ""
    return cfg


def train_on_engine(cfg: TrainConfig, name: str, progress: Progress, out: Path) -> tuple[Any, Any, list[list[float]]]:
    """Run `cfg` on the engine in a temporary run folder; (model, tokenizer, loss curve as
    [[step, loss], ...]) of the trained model, loaded back from the run's final model folder.
    The tokenizer's files are copied into `out` as they were made (the engine's scratch tokenizer
    or the fine-tuned model's): a tokenizer saved again after loading gains loader settings
    (is_local, truncation ...) that a shipped model should not carry."""
    from transformers import AutoTokenizer

    from workbench.training.engine import run_training
    from workbench.training.modelling import model_class
    from workbench.training.events import StepLogged
    from workbench.training.runs import RunFolder

    curve: list[list[float]] = []

    def notify(event: Any) -> None:
        if isinstance(event, StepLogged) and not math.isnan(event.loss):
            curve.append([event.step, round(event.loss, 4)])
            progress(f"{name}: step {event.step}/{cfg.max_steps}  loss {event.loss:.3f}")

    with tempfile.TemporaryDirectory(prefix=f"{name}-run-") as runs:
        cfg.output_root, cfg.name = runs, name
        result = run_training(cfg, notify=notify)
        folder = Path(result.model_dir)
        model = model_class(cfg.task).from_pretrained(folder)
        tokenizer = AutoTokenizer.from_pretrained(folder)
        made = RunFolder(result.run_dir).tokenizer_dir if cfg.scratch is not None else Path(cfg.model)
        for file in made.glob("*"):
            if file.name.startswith(("tokenizer", "special_tokens", "vocab", "merges")):
                shutil.copyfile(file, Path(out) / file.name)
    model.eval()
    return model, tokenizer, curve


def loss_figures(curve: list[list[float]], logging_steps: int) -> dict[str, Any]:
    """The card's training-loss entries. Every logged loss at a multiple of logging_steps is the
    mean over an equal stretch of steps, so their mean is the run's mean training loss (the
    engine's extra record of the first step is left out of it)."""
    stretch = [loss for step, loss in curve if step % logging_steps == 0] or [loss for _, loss in curve]
    return {
        "final_train_loss": curve[-1][1],
        "mean_train_loss": round(sum(stretch) / len(stretch), 4),
        "loss_curve": curve,
    }
