"""TrainConfig -> transformers.TrainingArguments (device, precision, schedule, logging, saving)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from workbench.errors import InputError
from workbench.hf_compat import checkpointing_arguments
from workbench.training.config import TrainConfig


def use_cuda(cfg: TrainConfig) -> bool:
    import torch

    if cfg.device.startswith("cuda") and not torch.cuda.is_available():
        raise InputError("CUDA was asked for but PyTorch sees no CUDA GPU; choose the CPU")
    return cfg.device != "cpu" and torch.cuda.is_available()


def precision_flags(cfg: TrainConfig, cuda: bool) -> dict[str, bool]:
    """fp16/bf16 autocast on CUDA ("auto" picks bf16 where supported); fp32 on the CPU, where bf16
    autocast was measured ~25x slower than fp32 on this project's 2-core machine."""
    import torch

    p = cfg.precision
    if p == "auto":
        p = ("bf16" if torch.cuda.is_bf16_supported() else "fp16") if cuda else "fp32"
    if p != "fp32" and not cuda:
        raise InputError("{precision} training needs a CUDA GPU; choose fp32 on the CPU", precision=p)
    return {"fp16": p == "fp16", "bf16": p == "bf16"}


def _tf32_capable() -> bool:
    import torch

    return torch.cuda.get_device_capability()[0] >= 8  # Ampere and newer


def precision_name(cfg: TrainConfig, cuda: bool) -> str:
    """"bf16", "fp16" or "fp32": what precision_flags chose."""
    flags = precision_flags(cfg, cuda)
    return "bf16" if flags["bf16"] else "fp16" if flags["fp16"] else "fp32"


def training_arguments(cfg: TrainConfig, output_dir: Path, has_eval: bool, total_steps: int) -> Any:
    """total_steps: the run's optimizer steps (the decay of warmup_stable_decay is a share of it)."""
    from transformers import TrainingArguments

    cuda = use_cuda(cfg)
    schedule_kwargs = {}
    if cfg.scheduler == "warmup_stable_decay":
        schedule_kwargs = {"num_decay_steps": max(1, round(total_steps * cfg.decay_fraction))}
    evaluate = has_eval and cfg.eval_steps > 0
    return TrainingArguments(
        output_dir=str(output_dir),
        per_device_train_batch_size=cfg.batch_size,
        per_device_eval_batch_size=cfg.batch_size,
        gradient_accumulation_steps=cfg.grad_accum,
        num_train_epochs=cfg.epochs,
        max_steps=cfg.max_steps if cfg.max_steps > 0 else -1,
        learning_rate=cfg.learning_rate,
        lr_scheduler_type=cfg.scheduler,
        lr_scheduler_kwargs=schedule_kwargs,
        warmup_steps=cfg.warmup_steps,
        weight_decay=cfg.weight_decay,
        max_grad_norm=cfg.max_grad_norm,
        seed=cfg.seed,
        data_seed=cfg.seed,
        use_cpu=not cuda,
        **precision_flags(cfg, cuda),
        logging_strategy="steps",
        logging_steps=cfg.logging_steps,
        logging_first_step=True,
        logging_nan_inf_filter=False,  # a NaN must reach the callback, which stops the run
        eval_strategy="steps" if evaluate else "no",
        eval_steps=cfg.eval_steps if evaluate else None,
        prediction_loss_only=cfg.task != "sequence-classification",  # LM logits would fill memory
        save_strategy="steps" if cfg.save_steps > 0 else "no",  # stop still saves (callback)
        save_steps=cfg.save_steps if cfg.save_steps > 0 else 500,
        save_total_limit=cfg.save_total_limit or None,
        report_to="none",  # TensorBoard is added by the engine with the run's own folder
        disable_tqdm=True,
        dataloader_num_workers=cfg.dataloader_workers,
        optim=cfg.optimizer,
        **checkpointing_arguments(cfg.gradient_checkpointing),
        tf32=True if cfg.tf32 and cuda and _tf32_capable() else None,  # None: leave torch's setting
        torch_compile=cfg.torch_compile,
        # Only under torchrun: accelerate mistakes a backend given to a single process for a
        # process group that does not exist.
        ddp_backend=("nccl" if cuda else "gloo") if int(os.environ.get("WORLD_SIZE", "1")) > 1 else None,
        ddp_find_unused_parameters=False,
    )
