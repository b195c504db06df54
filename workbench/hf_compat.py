"""What differs between the transformers releases Workbench supports (5.17 to 5.24), in one place.

Mostly the names of the key/value cache, found once from the installed release.

transformers 5.24 renamed `past_key_values` to `cache`, both as the forward keyword (the old
keyword still works until 5.40, with a FutureWarning) and as the output field
(`CausalLMOutputWithPast.cache`, `Seq2SeqLMOutput.cache`; reading `.past_key_values` logs a
deprecation notice). State-space models' `cache_params` became `cache` in the same release.
Releases up to 5.23 know only the old names. Everything in Workbench that passes or reads a cache
goes through this module: generation, the export wrappers, the reference and parity code.

Detection looks at the library itself, not at its version number: the output dataclass's fields
say which output name this release writes, and a model's forward signature says which keyword it
takes (remote-code models written for an older release keep the old one). Also here: switching
the attention implementation of every sub-model (5.17 misses T5's stacks). Qt-free.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
from typing import Any

NEW = "cache"
OLD = "past_key_values"
_KNOWN = (NEW, OLD, "cache_params")


@functools.cache
def output_field() -> str:
    """The field in which this transformers release returns the cache ("cache" or "past_key_values")."""
    from transformers.modeling_outputs import CausalLMOutputWithPast

    fields = {f.name for f in dataclasses.fields(CausalLMOutputWithPast)}
    return NEW if NEW in fields else OLD


@functools.cache
def _forward_names(cls: type) -> tuple[str, ...]:
    # inspect.signature follows functools.wraps, so transformers' deprecate_kwarg wrapper shows the
    # real parameters. Cached per class: models of one class share one forward.
    return tuple(inspect.signature(cls.forward).parameters)


def cache_arg(model: Any) -> str | None:
    """The forward keyword through which `model` takes a past key/value cache, or None if it takes none."""
    names = _forward_names(type(model))
    return next((n for n in _KNOWN if n in names), None)


def takes_cache(model: Any) -> bool:
    return cache_arg(model) is not None


def with_cache(model: Any, cache: Any) -> dict[str, Any]:
    """Keyword arguments that hand `cache` (None for none yet) to `model`'s forward, with use_cache on."""
    name = cache_arg(model)
    if name is None:
        raise TypeError(f"{type(model).__name__}.forward takes no key/value cache")
    return {name: cache, "use_cache": True}


def returned_cache(output: Any) -> Any:
    """The cache a forward call returned, under whichever name the model wrote it (None if none).

    ModelOutput is a dict of its non-None fields; reading the keys avoids the deprecated
    attribute alias and its log line.
    """
    keys = output.keys() if hasattr(output, "keys") else ()
    for name in (output_field(), *_KNOWN):
        if name in keys:
            return output[name]
    return None


def name_default_loss(model: Any) -> None:
    """Silence transformers' "`loss_type=None` was set in the config but it is unrecognized".

    transformers picks the loss from the class name ("...ForCausalLM"); for a class it cannot map
    (GPT2LMHeadModel, ...) it sets loss_type=None, prints that line at the first loss and then
    uses the causal-LM loss. Naming that same default here changes nothing but the noise.
    """
    if hasattr(model, "loss_type") and model.loss_type is None:
        model.loss_type = "ForCausalLM"


def set_attn_implementation(model: Any, impl: str) -> None:
    """`model.set_attn_implementation(impl)`, reaching every sub-model.

    On transformers 5.17 T5 keeps deep copies of its config in the encoder and decoder stacks and
    the call changes only the top one, so the stacks stay on SDPA and return no attention weights
    (5.24 reaches them). Sub-models left behind are switched one by one.
    """
    model.set_attn_implementation(impl)
    for sub in model.modules():
        cfg = getattr(sub, "config", None)
        if (sub is not model and hasattr(sub, "set_attn_implementation")
                and getattr(cfg, "_attn_implementation", impl) != impl):
            sub.set_attn_implementation(impl)


def accepts(model: Any, name: str) -> bool:
    """Does `model`'s forward take the keyword `name`?"""
    return name in _forward_names(type(model))


def forward_inputs(model: Any, encoded: dict[str, Any]) -> dict[str, Any]:
    """The tokenizer's outputs that `model`'s forward takes.

    A tokenizer can return more than its model reads: a BERT-style tokenizer beside DistilBERT
    or RoBERTa-style models writes token_type_ids, which their forward rejects.
    """
    names = _forward_names(type(model))
    return {k: v for k, v in encoded.items() if k in names}


def checkpointing_arguments(on: bool) -> dict[str, Any]:
    """TrainingArguments for activation (gradient) checkpointing: transformers 5.24 renamed
    gradient_checkpointing to activation_checkpointing and warns on the old name. Non-reentrant
    checkpointing works with LoRA's frozen inputs without enable_input_require_grads."""
    if not on:
        return {}
    from transformers import TrainingArguments

    names = {f.name for f in dataclasses.fields(TrainingArguments)}
    key = "activation_checkpointing" if "activation_checkpointing" in names else "gradient_checkpointing"
    return {key: True, f"{key}_kwargs": {"use_reentrant": False}}
