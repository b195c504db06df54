"""The model and tokenizer a run trains: a fine-tuned checkpoint, a new head, or a fresh model."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from workbench.errors import InputError, ModelLoadError
from workbench.hf_compat import name_default_loss
from workbench.training.config import LoraSettings, TrainConfig


def load_tokenizer_for(cfg: TrainConfig) -> Any:
    from workbench.models.loading import load_tokenizer, model_folder

    return load_tokenizer(model_folder(cfg.model), trust_remote_code=False)


def build_model(cfg: TrainConfig, tokenizer: Any, label_names: list[str]) -> Any:
    """The torch module to train (peft-wrapped when LoRA is on)."""
    if cfg.scratch is not None:
        from workbench.training.scratch import scratch_model

        model = scratch_model(cfg.scratch, tokenizer, cfg.seed)
    else:
        model = _pretrained(cfg, tokenizer, label_names)
    name_default_loss(model)
    if model.config.pad_token_id is None and tokenizer.pad_token_id is not None:
        model.config.pad_token_id = tokenizer.pad_token_id  # decoders classify the last non-pad token
    if cfg.lora.enabled:
        model = add_lora(model, cfg.lora, cfg.task)
    return model


def model_class(task: str) -> Any:
    """The transformers Auto class a run of `task` trains (and its saved model loads back with)."""
    import transformers as tf

    return {"sequence-classification": tf.AutoModelForSequenceClassification,
            "seq2seq": tf.AutoModelForSeq2SeqLM}.get(task, tf.AutoModelForCausalLM)


def _pretrained(cfg: TrainConfig, tokenizer: Any, label_names: list[str]) -> Any:
    from workbench.models.loading import model_folder, read_config

    folder = model_folder(cfg.model)
    config = read_config(folder)
    kwargs: dict[str, Any] = {"dtype": base_dtype(cfg)}
    cls = model_class(cfg.task)
    if cfg.task == "sequence-classification":
        kwargs.update(num_labels=len(label_names), id2label=dict(enumerate(label_names)),
                      label2id={n: i for i, n in enumerate(label_names)},
                      ignore_mismatched_sizes=True)  # a new head when the label set differs
    elif cfg.task == "seq2seq":
        if not getattr(config, "is_encoder_decoder", False):
            raise InputError("{model} is a {model_type} model, not an encoder-decoder; seq2seq "
                             "fine-tuning needs one (T5, BART, Marian ...)", model=cfg.model,
                             model_type=config.model_type)
    elif getattr(config, "is_encoder_decoder", False):
        raise InputError("{model} is an encoder-decoder model; causal-LM fine-tuning needs a decoder", model=cfg.model)
    try:
        return cls.from_pretrained(folder, **kwargs)
    except ValueError as exc:
        raise ModelLoadError("A {model_type} model cannot be trained for {task}; "
                             "choose another model or task", model_type=config.model_type, task=cfg.task) from exc


def base_dtype(cfg: TrainConfig) -> Any:
    """Master weights in fp32, autocast does the rest; except a language model's frozen LoRA base
    on a GPU, which is never updated: it is loaded in the run's bf16/fp16, half the memory (peft
    keeps the adapters it adds in fp32). A classifier's new head trains, so it keeps fp32."""
    import torch

    from workbench.training.arguments import precision_name, use_cuda

    if cfg.lora.enabled and cfg.task != "sequence-classification" and use_cuda(cfg):
        return {"bf16": torch.bfloat16, "fp16": torch.float16}.get(precision_name(cfg, True), torch.float32)
    return torch.float32


# Targets for model types peft has no default for (its mapping lacks Phi-3, whose query, key and
# value projections are one fused layer).
FALLBACK_TARGETS: dict[str, list[str]] = {"phi3": ["qkv_proj"]}


def add_lora(model: Any, lora: LoraSettings, task: str) -> Any:
    """Low-rank adapters on the attention projections; only they (and a new head) train."""
    from peft import LoraConfig, TaskType, get_peft_model

    task_type = {"sequence-classification": TaskType.SEQ_CLS, "seq2seq": TaskType.SEQ_2_SEQ_LM}.get(task, TaskType.CAUSAL_LM)
    targets = list(lora.target_modules) or FALLBACK_TARGETS.get(model.config.model_type)
    config = LoraConfig(task_type=task_type, r=lora.r, lora_alpha=lora.alpha, lora_dropout=lora.dropout,
                        target_modules=targets or None)
    try:
        with warnings.catch_warnings():
            # peft reads the model's deprecated is_gradient_checkpointing (transformers 5.23+
            # warns); the property still answers correctly.
            warnings.filterwarnings("ignore", message=".*is_gradient_checkpointing", category=FutureWarning)
            return get_peft_model(model, config)
    except ValueError as exc:  # peft has no default target modules for this model type
        raise InputError("LoRA needs the names of the layers to adapt for a {model_type} "
                         "model; set lora.target_modules (e.g. [\"q_proj\", \"v_proj\"]): {error}",
                         model_type=model.config.model_type, error=exc) from exc


def save_final(model: Any, tokenizer: Any, out: Path, adapter_dir: Path) -> None:
    """The trained model as a plain Hugging Face folder (LoRA merged in) that any page can open."""
    if hasattr(model, "merge_and_unload"):
        model.save_pretrained(adapter_dir)  # the adapter alone, for peft users
        model = model.merge_and_unload()
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)


def count_parameters(model: Any) -> tuple[int, int]:
    total = sum(p.numel() for p in model.parameters())
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    return int(total), int(trainable)
