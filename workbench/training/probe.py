"""Attention over training time: the probe sentence's attention maps, captured at each evaluation.

Attention probabilities need the eager implementation (SDPA returns none), so the model is
switched to eager for the one forward pass and back afterwards; training keeps its fast kernel.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from workbench.hf_compat import set_attn_implementation
from workbench.token_text import label_texts

MAX_PROBE_TOKENS = 64  # the maps are (layers, heads, seq, seq): keep them small on disk


def _base(model: Any) -> Any:
    """The transformers model under a peft wrapper (or DDP's .module)."""
    model = getattr(model, "module", model)
    return model.get_base_model() if hasattr(model, "get_base_model") else model


def capture_attention(model: Any, tokenizer: Any, text: str) -> tuple[list[str], np.ndarray]:
    """(token strings, maps (layers, heads, seq, seq) float16) for `text` on the current weights."""
    import torch

    base = _base(model)
    enc = tokenizer(text, return_tensors="pt", truncation=True, max_length=MAX_PROBE_TOKENS)
    device = next(base.parameters()).device
    was_training = model.training
    previous = getattr(base.config, "_attn_implementation", None)
    switch = previous not in (None, "eager") and hasattr(base, "set_attn_implementation")
    try:
        if switch:
            set_attn_implementation(base, "eager")
        model.eval()
        inputs = {k: v.to(device) for k, v in enc.items() if k != "token_type_ids" or not _seq2seq(base)}
        if _seq2seq(base):  # the encoder's self-attention over the probe; the decoder gets its start token
            start = base.config.decoder_start_token_id or 0
            inputs["decoder_input_ids"] = torch.tensor([[start]], device=device)
        with torch.no_grad():
            out = base(**inputs, output_attentions=True)
    finally:
        if switch:
            set_attn_implementation(base, previous)
        model.train(was_training)
    # one (batch=1, heads, seq, seq) tensor per layer
    layers = out.encoder_attentions if _seq2seq(base) else out.attentions
    maps = torch.stack([a[0].float() for a in layers]).cpu().numpy().astype(np.float16)
    return list(label_texts(tokenizer, enc["input_ids"][0].tolist())), maps


def _seq2seq(model: Any) -> bool:
    return bool(getattr(model.config, "is_encoder_decoder", False))
