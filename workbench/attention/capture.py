"""Attention maps caught layer by layer, through transformers' attention interface.

`output_attentions=True` needs eager attention in every layer and hands back every layer's maps
at the end, as one tuple. Instead, Workbench registers its own attention function
("workbench_maps"): each layer it is asked for runs the model's own eager function (the module's
`eager_attention_forward`, the exact math the model defines) and its weights are copied at once
into one preallocated float32 array; every other layer runs SDPA and keeps nothing. Once the last
wanted layer has run, the forward stops, so a view of layer 0 costs one layer's compute, not
all of them. The language-model head is never run (the base model is called), which on a real
vocabulary (150k entries) saves a (tokens x vocabulary) logits tensor and its matmul.

Models that do not route attention through the interface (older ones, seq2seq stacks here) keep
the eager path in maps.py: `supported(model)` says which.
"""

from __future__ import annotations

import sys
import threading
from contextlib import contextmanager
from typing import Any, Iterator, Sequence

import numpy as np

from workbench.hf_compat import set_attn_implementation

NAME = "workbench_maps"
_ACTIVE = threading.local()  # the capture of this thread's forward (GUI jobs run on pool threads)
_REGISTERED: list[bool] = []


class _Enough(Exception):
    """Raised inside the forward once every wanted layer is caught: the rest need not run."""


class Capture:
    """Maps of the wanted layers of one forward: weights (len(layers), heads, queries, keys) float32."""

    def __init__(self, layers: Sequence[int]) -> None:
        self.layers = tuple(layers)
        self.slot = {layer: i for i, layer in enumerate(self.layers)}
        self.weights: np.ndarray | None = None
        self.calls = 0  # attention calls so far in this forward: the i-th call is layer i
        self.caught = 0

    def wants(self) -> int | None:
        """The slot for the layer being called now (None: not wanted), counting the call."""
        slot = self.slot.get(self.calls)
        self.calls += 1
        return slot

    def store(self, slot: int, weights: Any) -> None:
        """weights: (1, heads, queries, keys) torch tensor of one layer."""
        if self.weights is None:
            self.weights = np.empty((len(self.layers), *weights.shape[1:]), dtype=np.float32)
        self.weights[slot] = weights[0].float().cpu().numpy()
        self.caught += 1
        if self.caught == len(self.layers):
            raise _Enough


def _maps_attention(module: Any, query: Any, key: Any, value: Any, attention_mask: Any,
                    **kwargs: Any) -> tuple[Any, None]:
    """The registered attention function. query (batch, heads, q, head_dim), key/value (batch,
    kv_heads, k, head_dim); returns (output (batch, q, heads, head_dim), None), as every
    implementation does."""
    from transformers.integrations.sdpa_attention import sdpa_attention_forward

    capture = getattr(_ACTIVE, "capture", None)
    slot = capture.wants() if capture is not None else None
    eager = getattr(sys.modules[type(module).__module__], "eager_attention_forward", None)
    if slot is None or eager is None:
        return sdpa_attention_forward(module, query, key, value, attention_mask, **kwargs)
    out, weights = eager(module, query, key, value, attention_mask, **kwargs)
    capture.store(slot, weights)
    return out, None


def _register() -> bool:
    """Register the function and its mask (the eager, additive one) once; False where this
    transformers has no attention interface."""
    if not _REGISTERED:
        try:
            from transformers import AttentionInterface
            from transformers.masking_utils import AttentionMaskInterface, eager_mask

            AttentionInterface.register(NAME, _maps_attention)
            AttentionMaskInterface.register(NAME, eager_mask)
            _REGISTERED.append(True)
        except ImportError:
            _REGISTERED.append(False)
    return _REGISTERED[0]


def supported(model: Any) -> bool:
    """Does this model's attention go through the interface (so its maps can be caught here)?"""
    config = getattr(model, "config", None)
    return (_register() and bool(getattr(model, "_supports_attention_backend", False))
            and not getattr(config, "is_encoder_decoder", False))


@contextmanager
def _implementation(model: Any) -> Iterator[None]:
    old = getattr(model.config, "_attn_implementation", "eager") or "eager"
    set_attn_implementation(model, NAME)
    try:
        yield
    finally:
        set_attn_implementation(model, old)


def capture_forward(model: Any, inputs: dict[str, Any], layers: Sequence[int]) -> Capture:
    """Run the base model on `inputs` (batch of 1), catching the maps of `layers` (ascending layer
    numbers). capture.caught < len(layers) means the model never called the interface."""
    import torch

    capture = Capture(sorted(set(layers)))
    _ACTIVE.capture = capture
    try:
        with _implementation(model), torch.inference_mode():
            model.base_model(**inputs)
    except _Enough:
        pass
    finally:
        _ACTIVE.capture = None
    return capture
