"""TrainConfig: everything needed to reproduce a run, as plain dataclasses with a JSON round trip.

The same file drives the GUI, `workbench train --config run.json` and torchrun; each run folder
keeps a copy as config.json. Unknown keys are ignored so older and newer files still load.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.errors import InputError
from workbench.training.builtin_data import DEFAULT_SIZES

# What a run can train. "chat" is causal-LM fine-tuning on conversations with the loss on the
# responses only; "seq2seq" maps a source text to a target (summarization, translation) with the
# loss on the target; "causal-lm" or "seq2seq" with scratch set trains a new model from a fresh
# tokenizer.
TRAIN_TASKS: tuple[str, ...] = ("causal-lm", "chat", "sequence-classification", "seq2seq")
DATA_FORMATS: tuple[str, ...] = ("auto", "text", "csv", "jsonl")
ARCHITECTURES: tuple[str, ...] = ("gpt2", "llama", "bart")  # bart: an encoder-decoder, for seq2seq
# warmup_stable_decay: warmup, a flat stretch, then a decay over the last decay_fraction of the run.
SCHEDULERS: tuple[str, ...] = ("linear", "cosine", "constant", "constant_with_warmup", "warmup_stable_decay")
PRECISIONS: tuple[str, ...] = ("auto", "fp32", "fp16", "bf16")
MAX_EVAL_GENERATE = 1000  # generating more at every evaluation would cost more than the training
BUILTIN_DATA: tuple[str, ...] = tuple(DEFAULT_SIZES)  # builtin:stories, ... and the Chinese stories-zh, reviews-zh


@dataclass
class DataConfig:
    """Where the examples come from and how their columns map to the task."""

    path: str = ""  # a file, or one of BUILTIN_DATA
    format: str = "auto"  # by extension: .txt -> text, .csv -> csv, .jsonl/.json -> jsonl
    text_column: str = "text"
    label_column: str = "label"
    prompt_column: str = "prompt"
    response_column: str = "response"
    messages_column: str = "messages"
    source_column: str = "source"  # seq2seq: the text to summarize or translate
    target_column: str = "target"  # seq2seq: what the model should write for it
    label_names: list[str] = field(default_factory=list)  # [] = the sorted distinct labels
    eval_path: str = ""  # a separate eval file; "" = split eval_fraction off the training file
    eval_fraction: float = 0.1
    max_length: int = 128  # tokens per example (LM: block size)
    # Language modelling: cut the concatenated text into blocks anywhere ("concat", every token
    # used once), or start every block at a document ("documents", the built-in story model's
    # recipe: a story's names are in view when they are repeated, so the model learns to copy them).
    packing: str = "concat"
    max_examples: int = 0  # 0 = all; for built-in data, how many examples to generate
    split_seed: int = 0


@dataclass
class ScratchConfig:
    """A new model: a BPE tokenizer trained on the corpus and a GPT-2- or Llama-style config."""

    architecture: str = "gpt2"
    layers: int = 4
    heads: int = 4
    width: int = 128
    context_length: int = 128
    vocab_size: int = 2000
    kv_heads: int = 0  # llama only; 0 = same as heads (no grouped-query attention)
    dropout: float = 0.0  # small models trained for an epoch or two rarely overfit
    mlp_width: int = 0  # feed-forward width; 0 = 4 x width (the GPT-2 / Llama default)


@dataclass
class LoraSettings:
    enabled: bool = False
    r: int = 8
    alpha: int = 16
    dropout: float = 0.05
    target_modules: list[str] = field(default_factory=list)  # [] = peft's default for the model type


@dataclass
class TrainConfig:
    """A whole run. Exactly one of `model` (fine-tune) and `scratch` (new model) is set."""

    task: str = "causal-lm"
    model: str = ""  # hub id, folder or builtin:NAME; "" with scratch set
    scratch: ScratchConfig | None = None
    data: DataConfig = field(default_factory=DataConfig)
    lora: LoraSettings = field(default_factory=LoraSettings)
    name: str = ""  # run folder prefix; "" = derived from the task and model
    output_root: str = ""  # where run folders go; "" = <workbench home>/runs
    run_dir: str = ""  # an exact run folder (resume, torchrun); "" = a new one under output_root
    epochs: float = 1.0
    max_steps: int = -1  # > 0 overrides epochs
    batch_size: int = 8  # per device
    grad_accum: int = 1
    learning_rate: float = 5e-4
    weight_decay: float = 0.01
    warmup_steps: int = 0
    scheduler: str = "cosine"
    decay_fraction: float = 0.2  # warmup_stable_decay only: the share of the steps spent decaying
    max_grad_norm: float = 1.0
    seed: int = 0
    device: str = "auto"  # auto, cpu, cuda
    precision: str = "auto"  # auto = bf16/fp16 on CUDA, fp32 on CPU
    logging_steps: int = 5
    eval_steps: int = 50  # 0 = evaluate only at the end
    save_steps: int = 100  # 0 = checkpoint only on stop and at the end
    save_total_limit: int = 3
    probe_text: str = ""  # attention over training time: captured at every evaluation
    # seq2seq only, at every evaluation: greedy outputs for the first eval_samples eval examples
    # (shown beside the curves) and ROUGE / BLEU / chrF over the first eval_generate (0 = neither).
    eval_samples: int = 4
    eval_generate: int = 32
    # Speed switches. The Trainer's own defaults already suit most runs (fused AdamW since torch
    # 2.8, pinned memory on CUDA, one loss sync per logging step); these are what it leaves off.
    # dataloader_workers stays 0: the examples are tokenized in memory before training, so a
    # batch is collated in microseconds and worker processes would only add start-up time.
    dataloader_workers: int = 0
    cpu_threads: int = 0  # torch intra-op threads on the CPU; 0 = PyTorch's default (all cores)
    # Any transformers OptimizerNames value. Fused AdamW is the Trainer's default since torch 2.8,
    # set here so older installs get it too: on the 2-core CPU a fused step took a third of the time
    # of torch's for-loop one.
    optimizer: str = "adamw_torch_fused"
    gradient_checkpointing: bool = False  # recompute activations in the backward: less memory, ~30% slower
    tf32: bool = True  # TF32 for fp32 matmuls on Ampere and newer GPUs (ignored elsewhere)
    torch_compile: bool = False  # off: compiling takes minutes, which short runs never earn back

    def validate(self) -> None:
        """Raise InputError with one readable sentence for settings that cannot work."""
        if self.data.packing not in ("concat", "documents"):
            raise InputError("Unknown packing '{packing}'; choose concat or documents", packing=self.data.packing)
        if self.task not in TRAIN_TASKS:
            raise InputError("Unknown training task '{task}'; choose one of {tasks}", task=self.task,
                             tasks=", ".join(TRAIN_TASKS))
        if bool(self.model) == (self.scratch is not None):
            raise InputError("Choose either a model to fine-tune or a from-scratch architecture, not both")
        if self.scratch is not None:
            _validate_scratch(self.scratch, self.task)
        if not self.data.path:
            raise InputError("No training data: choose a file or a built-in dataset")
        if self.data.format not in DATA_FORMATS:
            raise InputError("Unknown data format '{format}'; choose one of {formats}", format=self.data.format,
                             formats=", ".join(DATA_FORMATS))
        if not 0 <= self.data.eval_fraction < 1:
            raise InputError("The eval fraction must be at least 0 and below 1")
        if self.data.max_length < 8:
            raise InputError("The maximum sequence length must be at least 8 tokens")
        if not self.batch_size >= 1:
            raise InputError("The batch size must be at least 1")
        if not self.grad_accum >= 1:
            raise InputError("Gradient accumulation must be at least 1")
        if not self.learning_rate > 0:
            raise InputError("The learning rate must be above 0")
        if not (self.epochs > 0 or self.max_steps > 0):
            raise InputError("Train for at least one step (epochs or max steps)")
        if self.scheduler not in SCHEDULERS:
            raise InputError("Unknown scheduler; choose one of {names}", names=", ".join(SCHEDULERS))
        if self.precision not in PRECISIONS:
            raise InputError("Unknown precision; choose one of {names}", names=", ".join(PRECISIONS))
        if not self.logging_steps >= 1:
            raise InputError("Log at least every step count of 1 or more")
        if not (self.eval_steps >= 0 and self.save_steps >= 0):
            raise InputError("Eval and save intervals must be 0 or more")
        if not (0 <= self.eval_samples <= MAX_EVAL_GENERATE and 0 <= self.eval_generate <= MAX_EVAL_GENERATE):
            raise InputError("Samples shown and examples generated at each evaluation must be 0 to {most}",
                             most=MAX_EVAL_GENERATE)
        if self.optimizer not in optimizer_names():
            raise InputError("Unknown optimizer '{optimizer}'; choose one of "
                             "adamw_torch_fused, adamw_torch, adafactor, sgd, ...", optimizer=self.optimizer)

    # -- JSON ---------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "TrainConfig":
        if not isinstance(data, dict):
            raise InputError("A training config must be a JSON object")
        known = _known(cls, data)
        if isinstance(known.get("data"), dict):
            known["data"] = DataConfig(**_known(DataConfig, known["data"]))
        if isinstance(known.get("lora"), dict):
            known["lora"] = LoraSettings(**_known(LoraSettings, known["lora"]))
        if isinstance(known.get("scratch"), dict):
            known["scratch"] = ScratchConfig(**_known(ScratchConfig, known["scratch"]))
        return cls(**known)

    def save(self, path: Path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path | str) -> "TrainConfig":
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise InputError("No such config file: {path}", path=path) from exc
        except ValueError as exc:
            raise InputError("{path} is not valid JSON: {error}", path=path, error=exc) from exc
        return cls.from_dict(data)


def optimizer_names() -> tuple[str, ...]:
    """The optimizers the Trainer knows by name (transformers' OptimizerNames)."""
    from transformers.training_args import OptimizerNames

    return tuple(o.value for o in OptimizerNames)


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def _validate_scratch(s: ScratchConfig, task: str) -> None:
    if task not in ("causal-lm", "seq2seq"):
        raise InputError("Training from scratch is offered for language modelling and seq2seq only")
    if s.architecture not in ARCHITECTURES:
        raise InputError("Unknown architecture '{architecture}'; choose one of {names}", architecture=s.architecture,
                         names=", ".join(ARCHITECTURES))
    if (s.architecture == "bart") != (task == "seq2seq"):
        raise InputError("A seq2seq model from scratch is a bart (encoder-decoder); language models are gpt2 or llama")
    if min(s.layers, s.heads, s.width, s.context_length) < 1:
        raise InputError("Layers, heads, width and context length must all be at least 1")
    if s.width % s.heads:
        raise InputError("The width ({width}) must be a multiple of the number of heads ({heads})", width=s.width,
                         heads=s.heads)
    if s.kv_heads and (s.architecture != "llama" or s.heads % s.kv_heads):
        raise InputError("Key/value heads need the llama architecture and must divide the number of heads")
    if s.vocab_size < 300:
        raise InputError("The vocabulary must have at least 300 tokens (256 bytes plus merges)")
