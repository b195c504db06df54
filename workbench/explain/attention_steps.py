"""Attention step by step for one layer and head: Q, K, V, QK^T, / sqrt(d_k), mask, softmax, AV.

Written by hand on purpose: no library exposes the intermediate steps. The layer's real input is
captured with a forward pre-hook on its attention module, then the module's own projection
weights recompute each step, so the final map equals the model's attention (a test checks it).
Supported: GPT-2 style (fused c_attn), BERT style (query/key/value) and Llama style
(q_proj/k_proj/v_proj with rotary position embeddings and grouped-query attention).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from workbench.errors import InputError
from workbench.models.spec import LoadedModel


@dataclass(frozen=True)
class AttentionSteps:
    tokens: tuple[str, ...]
    layer: int
    head: int
    d_k: int
    q: np.ndarray  # (T, d_k) queries of this head
    k: np.ndarray  # (T, d_k) keys
    v: np.ndarray  # (T, d_k) values
    scores: np.ndarray  # (T, T) Q K^T
    scaled: np.ndarray  # (T, T) Q K^T / sqrt(d_k)
    masked: np.ndarray  # (T, T) scaled with -inf where a query may not look (causal models)
    weights: np.ndarray  # (T, T) softmax over each row: the attention map
    output: np.ndarray  # (T, d_k) weights @ V
    causal: bool


def attention_modules(model: Any) -> list[Any]:
    """The self-attention module of every layer, in order."""
    mods = []
    for name, mod in model.named_modules():
        leaf = name.rsplit(".", 1)[-1]
        if leaf in ("attn", "self_attn") and (hasattr(mod, "c_attn") or hasattr(mod, "q_proj")):
            mods.append(mod)
        elif leaf == "self" and hasattr(mod, "query") and hasattr(mod, "key"):
            mods.append(mod)
    return mods


def explain_attention(loaded: LoadedModel, text: str, layer: int, head: int) -> AttentionSteps:
    import torch

    if not text.strip():
        raise InputError("The text is empty; type some text first")
    if not hasattr(loaded, "model"):
        raise InputError("The steps are computed from the PyTorch model, not an ONNX export")
    mods = attention_modules(loaded.model)
    if not mods:
        raise InputError("Step-by-step attention supports GPT-2, BERT and Llama style models, "
                         "not {model_type}", model_type=loaded.info.model_type)
    if not 0 <= layer < len(mods):
        raise InputError("Layer must be between 0 and {last}", last=len(mods) - 1)
    captured: dict[str, Any] = {}

    def grab(_mod: Any, args: tuple, kwargs: dict) -> None:
        captured["h"] = args[0] if args else kwargs["hidden_states"]
        captured["pos"] = kwargs.get("position_embeddings")

    tok = loaded.tokenizer
    limit = loaded.info.context_length or 512
    enc = tok(text, return_tensors="pt", truncation=True, max_length=limit).to(loaded.device)
    handle = mods[layer].register_forward_pre_hook(grab, with_kwargs=True)
    try:
        with torch.inference_mode():
            loaded.model(**enc)
    finally:
        handle.remove()
    with torch.inference_mode():
        q, k, v, scale = _project(mods[layer], captured["h"].float(), captured["pos"], head)
    causal = loaded.task in ("causal-lm",) or bool(getattr(loaded.model.config, "is_decoder", False))
    scores = q @ k.T  # (T, T)
    scaled = scores * scale
    masked = scaled.copy()
    if causal:
        masked[np.triu_indices_from(masked, k=1)] = -np.inf
    weights = _softmax(masked)
    return AttentionSteps(
        tokens=display_tokens(tok, enc["input_ids"][0].tolist()), layer=layer, head=head,
        d_k=q.shape[1], q=q, k=k, v=v, scores=scores, scaled=scaled, masked=masked, weights=weights,
        output=weights @ v, causal=causal)


def display_tokens(tokenizer: Any, ids: list[int]) -> tuple[str, ...]:
    """Readable token labels, as every view writes them (workbench.token_text)."""
    from workbench.token_text import label_texts

    return label_texts(tokenizer, ids)


def _project(mod: Any, h: Any, pos: Any, head: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """This head's (T, d) queries, keys, values from the layer input h (1, T, hidden)."""
    if hasattr(mod, "c_attn"):  # GPT-2: one fused projection, then split
        q, k, v = mod.c_attn(h).split(mod.split_size, dim=2)
        n_heads, d = mod.num_heads, mod.head_dim
        scale = 1 / math.sqrt(d) if mod.scale_attn_weights else 1.0
        if getattr(mod, "scale_attn_by_inverse_layer_idx", False):
            scale /= float(mod.layer_idx + 1)
        kv_head = head
    elif hasattr(mod, "query"):  # BERT
        q, k, v = mod.query(h), mod.key(h), mod.value(h)
        n_heads, d = mod.num_attention_heads, mod.attention_head_size
        scale = mod.scaling if hasattr(mod, "scaling") else 1 / math.sqrt(d)
        kv_head = head
    else:  # Llama style, grouped-query: several query heads share one key/value head
        d = mod.head_dim
        n_heads = mod.config.num_attention_heads
        q, k, v = mod.q_proj(h), mod.k_proj(h), mod.v_proj(h)
        scale = mod.scaling
        kv_head = head // (n_heads // mod.config.num_key_value_heads)
    if not 0 <= head < n_heads:
        raise InputError("Head must be between 0 and {last}", last=n_heads - 1)
    qh = q.view(1, -1, q.shape[-1] // d, d).transpose(1, 2)  # (1, heads, T, d)
    kh = k.view(1, -1, k.shape[-1] // d, d).transpose(1, 2)
    vh = v.view(1, -1, v.shape[-1] // d, d).transpose(1, 2)
    if pos is not None:  # rotary position embeddings rotate queries and keys
        import importlib

        rope = importlib.import_module(type(mod).__module__).apply_rotary_pos_emb
        qh, kh = rope(qh, kh, *pos)
    return (qh[0, head].float().cpu().numpy(), kh[0, kv_head].float().cpu().numpy(),
            vh[0, kv_head].float().cpu().numpy(), float(scale))


def _softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(axis=-1, keepdims=True)
    e = np.exp(x)
    return e / e.sum(axis=-1, keepdims=True)
