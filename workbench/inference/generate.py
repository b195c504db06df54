"""Streaming generation on ONNX Runtime, event for event like workbench.generation.stream.

The sampling is the PyTorch backend's own loop (`sample_tokens` in workbench.generation.stream:
transformers' logits processors, a CPU generator seeded the same way), so a seed gives the same
text on both backends (up to logits that differ by ~1e-6). Only the model call differs: the
exported graph with its KV cache.
"""

from __future__ import annotations

import time
from typing import Any, Iterator

import numpy as np

from workbench.config import GenerationSettings
from workbench.control import Control
from workbench.errors import InputError
from workbench.generation.stream import GenerationResult, TokenGenerated, collect, eos_ids, sample_tokens
from workbench.inference.onnx_model import OnnxModel


def encode_prompt(model: OnnxModel, prompt: str) -> np.ndarray:
    """Prompt -> ids (1, n) int64, with the PyTorch path's rules and messages."""
    if not prompt.strip():
        raise InputError("The prompt is empty; type some text first")
    ids = model.tokenizer(prompt, add_special_tokens=model.is_encoder_decoder)["input_ids"]
    limit = model.info.context_length
    if limit and len(ids) >= limit and not model.is_encoder_decoder:
        raise InputError("The prompt is {count} tokens but the model's context is {limit}; shorten it",
                         count=len(ids), limit=limit)
    if limit and len(ids) > limit:
        raise InputError("The input is {count} tokens but the encoder takes at most {limit}",
                         count=len(ids), limit=limit)
    return np.asarray([ids], dtype=np.int64)


def decoder_start(model: OnnxModel) -> int:
    start = getattr(model.config, "decoder_start_token_id", None)
    if start is None:
        start = model.tokenizer.pad_token_id or 0
    return int(start)


class _Steps:
    """First call runs the prompt (or encoder + start token); later calls feed one token."""

    def __init__(self, model: OnnxModel, ids: np.ndarray) -> None:
        self.model, self.ids = model, ids
        self.started = False
        if model.is_encoder_decoder:
            self.s2s = model.seq2seq_stepper()
        else:
            self.dec = model.decoder_stepper(1)

    def next_logits(self, last: int | None) -> np.ndarray:
        """(1, vocab) float32 logits of the next token."""
        if self.model.is_encoder_decoder:
            if not self.started:
                self.started = True
                return self.s2s.start(self.ids, np.ones_like(self.ids), np.array([[decoder_start(self.model)]]))[:, -1]
            return self.s2s.step(np.array([[last]]))[:, -1]
        if not self.started:
            self.started = True
            return self.dec.step(self.ids)[:, -1]
        return self.dec.step(np.array([[last]]))[:, -1]


def generate_stream(model: OnnxModel, prompt: str, settings: GenerationSettings,
                    control: Control | None = None) -> Iterator[TokenGenerated]:
    """Yield tokens as they are sampled until EOS, max_new_tokens, the context end, or cancel."""
    import torch

    if model.task not in ("causal-lm", "seq2seq-lm"):
        raise InputError("This model is exported for {task}, not text generation", task=model.task)
    settings.validate()
    ids = encode_prompt(model, prompt)
    steps = _Steps(model, ids)
    limit = model.info.context_length
    max_new = settings.max_new_tokens
    if limit and not model.is_encoder_decoder:
        max_new = min(max_new, limit - ids.shape[1])

    def next_logits(last: int | None) -> Any:
        return torch.from_numpy(np.ascontiguousarray(steps.next_logits(last), dtype=np.float32))

    history = torch.from_numpy(ids) if not model.is_encoder_decoder else torch.tensor([[decoder_start(model)]])
    return sample_tokens(next_logits, history, model.tokenizer, settings, _eos(model), max_new, control)


def generate_text(model: OnnxModel, prompt: str, settings: GenerationSettings,
                  control: Control | None = None) -> GenerationResult:
    """Run generate_stream to the end and collect the result (same fields as the PyTorch one)."""
    start = time.perf_counter()
    tokens = list(generate_stream(model, prompt, settings, control))
    return collect(prompt, int(encode_prompt(model, prompt).shape[1]), tokens, time.perf_counter() - start,
                   settings, _eos(model), control)


def _eos(model: OnnxModel) -> set[int]:
    return eos_ids(model.generation_config, model.tokenizer)
