"""The parity inputs and PyTorch's answers on them, computed once per export.

Inputs are the user's sample prompts (one by one, and together as a left-padded batch) plus
generated token ids of several batch sizes and lengths, some rows padded. All numbers are
numpy float32 copies, so every ONNX variant is compared with the same reference.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch

from workbench.hf_compat import with_cache
from workbench.models.spec import LoadedModel

# (batch, length, padded rows) of the generated inputs.
GENERATED = ((1, 8, 0), (2, 16, 1), (4, 32, 2))


@dataclass
class Case:
    """One input batch. mask (b, s): 0 marks left padding. decoder_ids only for seq2seq."""

    name: str
    ids: np.ndarray
    mask: np.ndarray
    decoder_ids: np.ndarray | None = None
    logits: np.ndarray | None = None  # PyTorch: (b, s, V) decoder/seq2seq/MLM, (b, C) classification
    hidden: np.ndarray | None = None  # PyTorch last hidden state (b, s, D), encoders only


@dataclass
class Reference:
    kind: str
    task: str
    cases: list[Case] = field(default_factory=list)
    greedy: list[tuple[np.ndarray, list[int]]] = field(default_factory=list)  # (prompt ids (1,s), tokens)
    greedy_tokens: int = 0


def _pad_batch(rows: list[list[int]], pad_id: int) -> tuple[np.ndarray, np.ndarray]:
    width = max(len(r) for r in rows)
    ids = np.full((len(rows), width), pad_id, dtype=np.int64)
    mask = np.zeros((len(rows), width), dtype=np.int64)
    for i, r in enumerate(rows):
        ids[i, width - len(r):] = r
        mask[i, width - len(r):] = 1
    return ids, mask


def build_cases(loaded: LoadedModel, kind: str, prompts: tuple[str, ...], seed: int = 0) -> list[Case]:
    tok = loaded.tokenizer
    limit = loaded.info.context_length or 512
    pad = tok.pad_token_id if tok.pad_token_id is not None else 0
    special = kind != "decoder"
    encoded = [tok(p, add_special_tokens=special, truncation=True, max_length=min(limit, 256))["input_ids"]
               for p in prompts if p.strip()]
    cases = []
    for i, row in enumerate(encoded):
        cases.append(Case(f"prompt {i + 1}", *_pad_batch([row], pad)))
    if len(encoded) > 1:
        cases.append(Case("prompts batched", *_pad_batch(encoded, pad)))
    rng = np.random.default_rng(seed)
    vocab = int(loaded.info.vocab_size or len(tok))
    for batch, length, padded in GENERATED:
        length = max(2, min(length, limit - 1))
        rows = [list(rng.integers(0, vocab, size=length)) for _ in range(batch)]
        for r in range(padded):  # shorter rows are left-padded
            rows[r] = rows[r][length // 4 * (r + 1):]
        cases.append(Case(f"generated {batch}x{length}", *_pad_batch(rows, pad)))
    if kind == "seq2seq":
        start = _decoder_start(loaded)
        for c in cases:
            dec = rng.integers(0, vocab, size=(c.ids.shape[0], 8))
            # No padding token inside the decoder text: M2M100 and others number their positions
            # by skipping pads, which a cached (token by token) run cannot see, so PyTorch itself
            # gives different logits with and without its cache there.
            dec[dec == pad] = (pad + 1) % vocab
            dec[:, 0] = start
            c.decoder_ids = dec.astype(np.int64)
    return cases


def _decoder_start(loaded: LoadedModel) -> int:
    start = loaded.model.config.decoder_start_token_id
    return int(start if start is not None else (loaded.tokenizer.pad_token_id or 0))


@torch.inference_mode()
def compute(loaded: LoadedModel, kind: str, prompts: tuple[str, ...], greedy_tokens: int) -> Reference:
    """PyTorch's logits (and hidden states) on every case, and greedy tokens from each prompt."""
    ref = Reference(kind, loaded.task, build_cases(loaded, kind, prompts), greedy_tokens=greedy_tokens)
    model = loaded.model
    for c in ref.cases:
        ids, mask = torch.from_numpy(c.ids), torch.from_numpy(c.mask)
        if kind == "decoder":
            pos = (mask.cumsum(-1) - 1).masked_fill(mask == 0, 1)
            c.logits = model(input_ids=ids, attention_mask=mask, position_ids=pos).logits.float().numpy()
        elif kind == "seq2seq":
            out = model(input_ids=ids, attention_mask=mask, decoder_input_ids=torch.from_numpy(c.decoder_ids))
            c.logits = out.logits.float().numpy()
            c.hidden = out.encoder_last_hidden_state.float().numpy()
        else:
            out = model(input_ids=ids, attention_mask=mask, output_hidden_states=True)
            hidden = out.hidden_states[-1] if getattr(out, "hidden_states", None) else out.last_hidden_state
            c.hidden = hidden.float().numpy()
            c.logits = out.logits.float().numpy() if loaded.task != "feature-extraction" else None
    if kind in ("decoder", "seq2seq") and greedy_tokens > 0:
        for c in ref.cases:
            if c.name.startswith("prompt ") and len(ref.greedy) < 3:
                ref.greedy.append((c.ids, greedy_torch(loaded, kind, c.ids, greedy_tokens)))
    return ref


def greedy_torch(loaded: LoadedModel, kind: str, ids: np.ndarray, n: int) -> list[int]:
    """n argmax tokens with the KV cache, not stopping at EOS (the comparison wants all n)."""
    from transformers import DynamicCache, EncoderDecoderCache

    model = loaded.model
    x = torch.from_numpy(ids)
    limit = loaded.info.context_length
    if kind == "decoder" and limit:
        n = min(n, limit - x.shape[1])
    tokens: list[int] = []
    if kind == "decoder":
        cache = DynamicCache(config=model.config)
        for _ in range(n):
            logits = model(input_ids=x, **with_cache(model, cache)).logits[:, -1]
            tokens.append(int(logits.argmax(-1)))
            x = x.new_tensor([[tokens[-1]]])
        return tokens
    enc = model.get_encoder()(input_ids=x)
    cache = EncoderDecoderCache(DynamicCache(), DynamicCache())
    dec = x.new_tensor([[_decoder_start(loaded)]])
    for _ in range(n):
        logits = model(encoder_outputs=enc, decoder_input_ids=dec, **with_cache(model, cache)).logits[:, -1]
        tokens.append(int(logits.argmax(-1)))
        dec = x.new_tensor([[tokens[-1]]])
    return tokens
