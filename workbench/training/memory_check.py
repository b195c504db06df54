"""Will a run fit? A TrainConfig's memory estimate, checked before the run starts.

training_estimate turns the run's settings (full fine-tune or LoRA, batch, sequence length,
gradient checkpointing, precision) into workbench.models.memory's AdamW estimate, with cheaper
settings of the same run beside it; fit_advice compares it with the memory available where the
run will train (RAM on the CPU, up to BUDGET_FRACTION of it; the GPU's free memory on CUDA) and
says, in one sentence, what would fit. The GUI's Start and `workbench train` refuse a run that
does not fit unless told to start it anyway (the estimate can be wrong; see models/memory.py).
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from workbench.errors import WorkbenchError
from workbench.models.memory import (Estimate, ModelShape, Option, adamw_estimate, available_ram, shape_for_count,
                                     shape_from_config, shape_from_folder)
from workbench.models.spec import human_bytes
from workbench.texts import N_
from workbench.training.config import LoraSettings, ScratchConfig, TrainConfig
from workbench.training.modelling import FALLBACK_TARGETS

# Which part of a layer a LoRA target module name is: (input width, output width) as multiples
# of (hidden, key/value width, MLP width); a name not listed counts as hidden -> hidden.
_TARGET_WIDTHS: dict[str, tuple[str, str]] = {
    "q_proj": ("h", "h"), "query": ("h", "h"), "q": ("h", "h"),
    "k_proj": ("h", "kv"), "v_proj": ("h", "kv"), "key": ("h", "kv"), "value": ("h", "kv"), "k": ("h", "kv"),
    "v": ("h", "kv"), "c_attn": ("h", "qkv"), "query_key_value": ("h", "qkv"), "qkv_proj": ("h", "qkv"),
    "gate_proj": ("h", "i"), "up_proj": ("h", "i"), "c_fc": ("h", "i"), "fc1": ("h", "i"), "wi": ("h", "i"),
    "down_proj": ("i", "h"), "fc2": ("i", "h"), "wo": ("i", "h"),
}
# peft's default targets: GPT-2's fused q/k/v projection, elsewhere the query and value projections.
_DEFAULT_TARGETS = {"gpt2": ["c_attn"], "bert": ["query", "value"], "roberta": ["query", "value"], **FALLBACK_TARGETS}


def scratch_shape(s: ScratchConfig) -> ModelShape:
    """The shape of a from-scratch model, as training.scratch.scratch_config builds it."""
    if s.architecture == "llama":
        config = {"model_type": "llama", "num_hidden_layers": s.layers, "num_attention_heads": s.heads,
                  "num_key_value_heads": s.kv_heads or s.heads, "hidden_size": s.width,
                  "intermediate_size": s.mlp_width or 4 * s.width, "max_position_embeddings": s.context_length,
                  "vocab_size": s.vocab_size, "hidden_act": "silu", "attention_dropout": s.dropout}
    else:  # gpt2; a bart counts as a GPT-2 of its encoder's and decoder's layers together
        layers = 2 * s.layers if s.architecture == "bart" else s.layers
        config = {"model_type": "gpt2", "n_layer": layers, "n_head": s.heads, "n_embd": s.width,
                  "n_inner": s.mlp_width or None, "n_positions": s.context_length, "vocab_size": s.vocab_size,
                  "activation_function": "gelu_new", "attn_pdrop": s.dropout}
    return shape_from_config(config)


def model_shape(cfg: TrainConfig) -> ModelShape | None:
    """The shape of the model a run trains: the scratch settings, or the config.json and weight
    headers of its folder (a built-in, a local folder, a hub id already in the cache). None when
    it cannot be told without downloading; the run itself then says what is wrong."""
    if cfg.scratch is not None:
        return scratch_shape(cfg.scratch)
    if not cfg.model:
        return None
    from workbench.models.loading import resolve_local

    try:
        folder = resolve_local(cfg.model)
    except WorkbenchError:
        return None
    if folder is None:
        folder = _cached_hub_folder(cfg.model)
    return shape_from_folder(folder) if folder is not None else None


def _cached_hub_folder(hub_id: str) -> Path | None:
    try:
        from huggingface_hub import try_to_load_from_cache

        path = try_to_load_from_cache(hub_id, "config.json")
    except Exception:  # a malformed id, or no huggingface_hub: no estimate, the run reports it
        return None
    return Path(path).parent if isinstance(path, str) else None


def lora_parameters(shape: ModelShape, lora: LoraSettings) -> int:
    """The adapters' parameters: r x (input + output width) per adapted layer, in every block."""
    widths = {"h": shape.hidden, "kv": shape.head_dim * shape.kv_heads, "i": shape.intermediate,
              "qkv": shape.hidden + 2 * shape.head_dim * shape.kv_heads}
    targets = list(lora.target_modules) or _DEFAULT_TARGETS.get(shape.model_type, ["q_proj", "v_proj"])
    per_layer = 0
    for name in targets:
        given, out = _TARGET_WIDTHS.get(name.rsplit(".", 1)[-1], ("h", "h"))
        per_layer += lora.r * (widths[given] + widths[out])
    return shape.layers * per_layer


def run_device(cfg: TrainConfig) -> str:
    """"cuda" when the run will train on a GPU (as arguments.use_cuda decides), else "cpu"."""
    if cfg.device == "cpu":
        return "cpu"
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def available_memory(device: str) -> int:
    """Bytes a run may use: the GPU's free memory (this process's GPU under torchrun), or the RAM
    budget (the free RAM, at most BUDGET_FRACTION of all of it)."""
    if device == "cuda":
        import torch

        return int(torch.cuda.mem_get_info(int(os.environ.get("LOCAL_RANK", "0")))[0])
    return available_ram()


def _estimate(cfg: TrainConfig, shape: ModelShape, device: str) -> Estimate:
    mixed = device == "cuda" and cfg.precision != "fp32"  # bf16/fp16 autocast: half-width activations
    lora = lora_parameters(shape, cfg.lora) if cfg.lora.enabled else 0
    # A causal LM's frozen LoRA base is loaded in bf16/fp16 on a GPU (modelling.base_dtype).
    base = 2 if lora and mixed and cfg.task != "sequence-classification" else 4
    return adamw_estimate(shape, cfg.batch_size, cfg.data.max_length, lora_parameters=lora, base_bytes=base,
                          activation_bytes=2 if mixed else 4, checkpointing=cfg.gradient_checkpointing,
                          device=device, kind=N_("training from scratch with AdamW") if cfg.scratch is not None else "")


def _variants(cfg: TrainConfig) -> list[tuple[str, str, TrainConfig]]:
    """Cheaper settings of the run, each kind's in the order the advice prefers them: LoRA (for a
    fine-tune), gradient checkpointing, a smaller batch (halved, quartered ... down to 1), and those
    combined."""
    smaller = sorted({b for b in (cfg.batch_size // 2, cfg.batch_size // 4, cfg.batch_size // 8, 1)
                      if 1 <= b < cfg.batch_size}, reverse=True)
    ckpt = [] if cfg.gradient_checkpointing else [True]
    out = []
    if not cfg.lora.enabled and cfg.scratch is None:  # adapters on a random model would learn nothing
        lora = replace(cfg, lora=replace(cfg.lora, enabled=True))
        out.append(("lora", N_("LoRA"), lora))
        out += [("lora", N_("LoRA with gradient checkpointing"), replace(lora, gradient_checkpointing=True))
                for _ in ckpt]
        out += [("lora", N_("LoRA with batch size {batch} and gradient checkpointing", batch=b),
                 replace(lora, batch_size=b, gradient_checkpointing=True)) for b in smaller]
    out += [("checkpointing", N_("gradient checkpointing"), replace(cfg, gradient_checkpointing=True)) for _ in ckpt]
    out += [("batch", N_("batch size {batch}", batch=b), replace(cfg, batch_size=b)) for b in smaller]
    out += [("batch", N_("batch size {batch} with gradient checkpointing", batch=b),
             replace(cfg, batch_size=b, gradient_checkpointing=True)) for _ in ckpt for b in smaller]
    return out


def training_estimate(cfg: TrainConfig, model: ModelShape | int, device: str | None = None) -> Estimate:
    """The peak memory of one training step of `cfg` on `model` (its shape, or a bare parameter
    count, which is given a Llama-like shape), with the cheaper settings of the same run as
    options. device: "cpu" or "cuda"; None asks torch where the run will train."""
    shape = model if isinstance(model, ModelShape) else shape_for_count(int(model))
    if cfg.task == "sequence-classification":  # a classifier's head: labels, not the vocabulary
        shape = replace(shape, vocab=max(2, len(cfg.data.label_names)))
    device = device or run_device(cfg)
    options = [Option(kind, label, _estimate(variant, shape, device).total) for kind, label, variant in _variants(cfg)]
    return replace(_estimate(cfg, shape, device), options=tuple(options))


def fit_advice(estimate: Estimate, available: int) -> str | None:
    """None when the estimate fits in `available` bytes; else one sentence: what the step needs,
    what there is, and the settings that would fit (the first that fits of each kind)."""
    if estimate.total <= available:
        return None
    where = N_("GPU memory") if estimate.device == "cuda" else N_("RAM")
    subject = estimate.what
    if not subject.startswith(("training", "inference")):
        subject = N_("a {what}", what=subject)
    fields = dict(subject=subject, total=human_bytes(estimate.total), breakdown=estimate.breakdown(),
                  available=human_bytes(available), where=where)
    fitting: dict[str, Option] = {}
    for option in estimate.options:
        if option.total <= available and option.kind not in fitting:
            fitting[option.kind] = option
    if fitting:
        options = ""
        for o in fitting.values():
            item = N_("{label} ({size})", label=o.label, size=human_bytes(o.total))
            options = N_("{options}, {option}", options=options, option=item) if options else item
        return N_("This run will not fit: {subject} needs about {total} ({breakdown}) and {available} of {where} is "
                  "available; what fits: {options}.", options=options, **fields)
    if estimate.options:
        least = min(estimate.options, key=lambda o: o.total)
        return N_("This run will not fit: {subject} needs about {total} ({breakdown}) and {available} of {where} is "
                  "available; even {least} needs {least_total}: choose a smaller model or a shorter maximum length.",
                  least=least.label, least_total=human_bytes(least.total), **fields)
    return N_("This run will not fit: {subject} needs about {total} ({breakdown}) and {available} of {where} is "
              "available: choose a smaller model or a shorter maximum length.", **fields)


def check_training_memory(cfg: TrainConfig, available: int | None = None) -> str | None:
    """The advice for `cfg` when its estimate does not fit (None when it fits or its model's shape
    cannot be told without a download)."""
    shape = model_shape(cfg)
    if shape is None:
        return None
    estimate = training_estimate(cfg, shape)
    return fit_advice(estimate, available_memory(estimate.device) if available is None else available)
