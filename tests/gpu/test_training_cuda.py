"""The training engine on a CUDA GPU: device and precision choice, bf16/fp16 steps, LoRA on a 1.1B
Llama shape, gradient checkpointing's memory saving, torchrun with NCCL, and out of memory."""

from __future__ import annotations

import gc
import json
import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.models.synthetic import build_shaped
from workbench.training.config import DataConfig, LoraSettings, TrainConfig
from workbench.training.events import RunStarted, StepLogged

WORDS = "the cat sat on the mat . the dog ran in the park . a bird sang in the tree . ".split()


def corpus(path: Path, words: int) -> Path:
    path.write_text(" ".join(WORDS[i % len(WORDS)] for i in range(words)), encoding="utf-8")
    return path


def config(model: Path, data: Path, root: Path, **changes) -> TrainConfig:
    cfg = TrainConfig(task="causal-lm", model=str(model), output_root=str(root),
                      data=DataConfig(path=str(data), max_length=128, eval_fraction=0), max_steps=3,
                      batch_size=8, learning_rate=3e-3, logging_steps=1, eval_steps=0, save_steps=0)
    for k, v in changes.items():
        setattr(cfg, k, v)
    return cfg


def train(cfg: TrainConfig) -> list:
    from workbench.training.engine import run_training

    events: list = []
    run_training(cfg, notify=events.append)
    return events


def steps(events: list) -> list[StepLogged]:
    return [e for e in events if isinstance(e, StepLogged)]


@pytest.fixture(scope="module")
def gpt2_small(tmp_path_factory) -> Path:
    return build_shaped("gpt2", "gpt2", tmp_path_factory.mktemp("gpt2-small"))


@pytest.fixture(scope="module")
def text(tmp_path_factory) -> Path:
    return corpus(tmp_path_factory.mktemp("data") / "corpus.txt", 60_000)


def test_auto_picks_cuda_and_bf16_and_reports_mfu(tiny_gpt2, text, tmp_path):
    import torch

    events = train(config(tiny_gpt2, text, tmp_path))
    started = next(e for e in events if isinstance(e, RunStarted))
    assert started.device.startswith("cuda") and started.device_name == torch.cuda.get_device_name(0)
    assert started.precision == ("bf16" if torch.cuda.is_bf16_supported() else "fp16")
    assert started.peak_flops > 1e12 and started.peak_source in ("datasheet", "measured matmul")
    last = steps(events)[-1]
    assert last.gpu_memory_bytes >= last.gpu_allocated_bytes > 0 and 0 < last.mfu < 1


@pytest.mark.parametrize("precision", ["bf16", "fp16"])
def test_three_steps_lower_the_loss(tiny_gpt2, text, tmp_path, precision):
    losses = [e.loss for e in steps(train(config(tiny_gpt2, text, tmp_path, precision=precision)))]
    assert len(losses) == 3 and all(math.isfinite(x) for x in losses) and losses[-1] < losses[0]


def test_lora_on_a_1b_llama_in_bf16(tmp_path, record_property):
    model = build_shaped("llama", "1b", tmp_path / "llama-1b", device="cuda")
    data = corpus(tmp_path / "corpus.txt", 40_000)
    cfg = config(model, data, tmp_path / "runs", precision="bf16", max_steps=3, batch_size=4, learning_rate=1e-3,
                 lora=LoraSettings(enabled=True, r=16, alpha=32, dropout=0.0,
                                   target_modules=["q_proj", "k_proj", "v_proj", "o_proj"]))
    events = train(cfg)
    started = next(e for e in events if isinstance(e, RunStarted))
    assert 1.0e9 < started.num_parameters < 1.2e9 and started.trainable_parameters < 0.01 * started.num_parameters
    peak = steps(events)[-1].gpu_memory_bytes
    record_property("lora_1b_peak_memory_gb", round(peak / 2**30, 2))
    print(f"LoRA llama-1b bf16, batch 4x128: peak GPU memory {peak / 2**30:.2f} GB")
    assert 2 * 2**30 < peak < 12 * 2**30  # the frozen base in bf16 (2.2 GB), fp32 adapters, activations


def test_gradient_checkpointing_saves_memory(gpt2_small, text, tmp_path, record_property):
    def peak(**changes) -> int:
        cfg = config(gpt2_small, text, tmp_path, max_steps=2, batch_size=8, **changes)
        cfg.data.max_length = 1024
        return steps(train(cfg))[-1].gpu_memory_bytes

    plain, checkpointed = peak(), peak(gradient_checkpointing=True)
    saving = 1 - checkpointed / plain
    record_property("checkpointing_saving_pct", round(100 * saving, 1))
    print(f"GPT-2 small 8x1024 bf16: peak {plain / 2**30:.2f} GB, with checkpointing {checkpointed / 2**30:.2f} GB")
    assert saving > 0.3


def test_torchrun_one_process_uses_nccl(tiny_gpt2, text, tmp_path):
    torchrun = shutil.which("torchrun") or str(Path(sys.executable).parent / "torchrun")
    cfg_path = tmp_path / "run.json"
    config(tiny_gpt2, text, tmp_path / "runs", max_steps=4).save(cfg_path)
    p = subprocess.run([torchrun, "--standalone", "--nproc-per-node=1", "-m", "workbench", "train",
                        "--config", str(cfg_path)], capture_output=True, text=True, timeout=240,
                       env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert p.returncode == 0, p.stdout[-2000:] + p.stderr[-3000:]
    (run,) = list((tmp_path / "runs").iterdir())
    status = json.loads((run / "status.json").read_text())
    assert status["state"] == "finished" and status["backend"] == "nccl"


def test_out_of_memory_says_so_and_resumes_at_a_smaller_batch(gpt2_small, tmp_path):
    """1024 x 1024 tokens through GPT-2 small: its logits alone (1M x 50257 in bf16 and fp32 for
    the loss) are over 300 GB. The run folder then resumes at batch 8 with the same effective batch."""
    from workbench.training.engine import TrainingError, resume_run, run_training
    from workbench.training.runs import RunFolder

    data = corpus(tmp_path / "corpus.txt", 1_200_000)
    cfg = config(gpt2_small, data, tmp_path / "runs", max_steps=1, batch_size=1024)
    cfg.data.max_length = 1024
    with pytest.raises(TrainingError, match="ran out of memory with batch size 1024") as err:
        run_training(cfg)
    run_dir = str(err.value).split("--resume ")[1].split(" ")[0]
    del err  # its traceback holds the failed step's tensors
    gc.collect()
    import torch

    torch.cuda.empty_cache()
    assert RunFolder(run_dir).status()["state"] == "failed"
    result = resume_run(run_dir, batch_size=8, grad_accum=128)
    assert result.state == "finished" and result.step == 1
