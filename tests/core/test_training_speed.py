"""The engine's speed switches and MFU figures, on the CPU (their GPU side is in tests/gpu)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.errors import InputError
from workbench.training.config import DataConfig, TrainConfig
from workbench.training.events import RunStarted, StepLogged


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("speed") / "corpus.txt"
    path.write_text("the cat sat on the mat. the dog ran in the park.\n\n" * 60, encoding="utf-8")
    return path


def config(model: Path, corpus: Path, root: Path, **changes) -> TrainConfig:
    cfg = TrainConfig(task="causal-lm", model=str(model), output_root=str(root),
                      data=DataConfig(path=str(corpus), max_length=32, eval_fraction=0), max_steps=4,
                      batch_size=4, learning_rate=3e-3, logging_steps=1, eval_steps=0, save_steps=0, seed=1,
                      cpu_threads=1)
    for k, v in changes.items():
        setattr(cfg, k, v)
    return cfg


def run(cfg: TrainConfig) -> list:
    from workbench.training.engine import run_training

    events: list = []
    run_training(cfg, notify=events.append)
    return events


def step_losses(events: list) -> list[float]:
    return [e.loss for e in events if isinstance(e, StepLogged)]


def test_gradient_checkpointing_recomputes_the_same_steps(tiny_gpt2, corpus, tmp_path):
    """Checkpointing recomputes activations in the backward pass: the same losses (fp32, no dropout)."""
    plain = step_losses(run(config(tiny_gpt2, corpus, tmp_path)))
    checkpointed = step_losses(run(config(tiny_gpt2, corpus, tmp_path, gradient_checkpointing=True)))
    assert len(plain) == 4 and plain == pytest.approx(checkpointed, rel=1e-5)


def test_optimizer_switch_and_its_arguments(tiny_gpt2, corpus, tmp_path):
    from workbench.training.arguments import training_arguments

    fused = step_losses(run(config(tiny_gpt2, corpus, tmp_path)))
    loop = step_losses(run(config(tiny_gpt2, corpus, tmp_path, optimizer="adamw_torch")))
    assert fused == pytest.approx(loop, rel=1e-4)  # the same AdamW, fused into one kernel or not
    assert fused[-1] < fused[0]

    args = training_arguments(config(tiny_gpt2, corpus, tmp_path, torch_compile=True, gradient_checkpointing=True),
                              tmp_path, has_eval=False, total_steps=4)
    assert args.optim == "adamw_torch_fused" and args.torch_compile
    assert args.gradient_checkpointing and args.gradient_checkpointing_kwargs == {"use_reentrant": False}
    assert args.tf32 is None  # TF32 is a CUDA matmul mode: on the CPU torch's setting is left alone


def test_unknown_optimizer_is_refused(tiny_gpt2, corpus, tmp_path):
    with pytest.raises(InputError, match="Unknown optimizer 'adamw_turbo'"):
        config(tiny_gpt2, corpus, tmp_path, optimizer="adamw_turbo").validate()


def test_cpu_run_reports_no_gpu_figures(tiny_gpt2, corpus, tmp_path):
    events = run(config(tiny_gpt2, corpus, tmp_path))
    started = next(e for e in events if isinstance(e, RunStarted))
    assert (started.device, started.device_name, started.precision, started.peak_flops) == ("cpu", "", "fp32", 0.0)
    steps = [e for e in events if isinstance(e, StepLogged)]
    assert all(e.mfu == 0 and e.gpu_memory_bytes == 0 and e.gpu_allocated_bytes == 0 for e in steps)
    assert all(e.tokens_per_second > 0 for e in steps)


def test_mfu_arithmetic_and_peaks():
    from workbench.training.flops import datasheet_peak, measured_peak, mfu

    assert datasheet_peak("NVIDIA H200", "bf16") == 989e12
    assert datasheet_peak("NVIDIA H100 PCIe", "fp16") == 756e12  # not the SXM figure
    assert datasheet_peak("NVIDIA A100-SXM4-80GB", "fp32") == 156e12  # TF32: half the bf16 rate
    assert datasheet_peak("NVIDIA GeForce GTX 1080", "bf16") == 0.0  # not listed: measured instead
    # GPT-2 small (124M) at 500k tokens/s on an H200: 6 x 124e6 x 5e5 / 989e12 = 37.6%.
    assert mfu(124_000_000, 500_000, 989e12) == pytest.approx(0.376, abs=1e-3)
    assert mfu(124_000_000, 500_000, 0.0) == 0.0
    assert measured_peak("cpu", "float32", n=128, repeats=2) > 1e6


def test_a_frozen_lora_base_is_kept_in_half_precision_with_fp32_adapters(tiny_gpt2, corpus, tmp_path, monkeypatch):
    """On a GPU a LoRA language model's base weights load in the run's bf16 (never updated), and
    peft's adapters stay fp32 for the optimizer. The CPU keeps fp32 throughout."""
    import torch
    from transformers import AutoModelForCausalLM

    import workbench.training.modelling as modelling
    from workbench.training.config import LoraSettings

    cfg = config(tiny_gpt2, corpus, tmp_path, lora=LoraSettings(enabled=True, r=4))
    assert modelling.base_dtype(cfg) == torch.float32  # the CPU
    monkeypatch.setattr("workbench.training.arguments.use_cuda", lambda cfg: True)
    monkeypatch.setattr(torch.cuda, "is_bf16_supported", lambda *a, **k: True)
    assert modelling.base_dtype(cfg) == torch.bfloat16
    cfg.task = "sequence-classification"
    assert modelling.base_dtype(cfg) == torch.float32  # its new head trains

    model = modelling.add_lora(AutoModelForCausalLM.from_pretrained(tiny_gpt2, dtype=torch.bfloat16),
                               LoraSettings(enabled=True, r=4), "causal-lm")
    trainable = {p.dtype for p in model.parameters() if p.requires_grad}
    frozen = {p.dtype for p in model.parameters() if not p.requires_grad}
    assert trainable == {torch.float32} and frozen == {torch.bfloat16}
