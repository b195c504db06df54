"""The Trainer loop both built-ins train with: CPU, fixed seeds, warmup-stable-decay, no saving."""

from __future__ import annotations

import tempfile
from typing import Any, Callable

Progress = Callable[[str], None]


def progress_callback(name: str, progress: Progress) -> Any:
    """A TrainerCallback that turns the Trainer's log records into progress lines."""
    from transformers import TrainerCallback

    class _Report(TrainerCallback):
        def on_log(self, args: Any, state: Any, control: Any, logs: dict[str, float] | None = None,
                   **kwargs: Any) -> None:
            if logs and "loss" in logs:
                progress(f"{name}: step {state.global_step}/{state.max_steps}  loss {logs['loss']:.3f}")

    return _Report()


def train_model(model: Any, dataset: Any, *, steps: int, batch: int, lr: float, seed: int, name: str,
                progress: Progress, collator: Any = None) -> list[dict[str, float]]:
    """Train with the transformers Trainer on the CPU; returns its log history."""
    from transformers import PrinterCallback, Trainer, TrainingArguments

    with tempfile.TemporaryDirectory() as scratch:  # Trainer wants an output_dir; nothing is saved
        args = TrainingArguments(
            output_dir=scratch, max_steps=steps, per_device_train_batch_size=batch,
            # Warmup, a long constant stretch, then a short decay: the LM's copying of names only
            # appears after several hundred steps at full learning rate; cosine decays too early.
            learning_rate=lr, lr_scheduler_type="warmup_stable_decay",
            lr_scheduler_kwargs={"num_decay_steps": max(1, steps // 5)}, warmup_steps=max(1, steps // 20),
            weight_decay=0.01, max_grad_norm=1.0, logging_steps=max(1, steps // 20),
            report_to="none", use_cpu=True, seed=seed, data_seed=seed, save_strategy="no",
            dataloader_num_workers=0, dataloader_pin_memory=False, disable_tqdm=True,
        )
        trainer = Trainer(model=model, args=args, train_dataset=dataset, data_collator=collator,
                          callbacks=[progress_callback(name, progress)])
        trainer.remove_callback(PrinterCallback)  # it prints raw log dicts; progress() reports instead
        trainer.train()
        return list(trainer.state.log_history)


def loss_figures(history: list[dict[str, float]]) -> dict[str, Any]:
    """The card's training-loss entries from the Trainer's log history (both built-ins use them)."""
    losses = [h["loss"] for h in history if "loss" in h]
    train_summary = next((h for h in history if "train_loss" in h), {})
    return {
        "final_train_loss": round(losses[-1], 4),
        "mean_train_loss": round(float(train_summary.get("train_loss", float("nan"))), 4),
        "loss_curve": [[h["step"], round(h["loss"], 4)] for h in history if "loss" in h],
    }
