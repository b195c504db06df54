"""Streaming generation on ONNX Runtime, event for event like workbench.generation.stream.

The sampling is the same code path as the PyTorch backend: transformers' logits processors
from `logits_processors(settings)`, a CPU torch.Generator seeded the same way, softmax and
multinomial on the same float32 scores, so a seed gives the same text on both backends (up to
logits that differ by ~1e-6). Only the model call differs: the exported graph with its KV cache.
"""

from __future__ import annotations

import time
from typing import Any, Iterator

import numpy as np

from workbench.config import GenerationSettings
from workbench.control import Control
from workbench.errors import InputError
from workbench.generation.stream import Alternative, GenerationResult, TokenGenerated, logits_processors
from workbench.inference.onnx_model import OnnxModel


def encode_prompt(model: OnnxModel, prompt: str) -> np.ndarray:
    """Prompt -> ids (1, n) int64, with the PyTorch path's rules and messages."""
    if not prompt.strip():
        raise InputError("The prompt is empty; type some text first")
    ids = model.tokenizer(prompt, add_special_tokens=model.is_encoder_decoder)["input_ids"]
    limit = model.info.context_length
    if limit and len(ids) >= limit and not model.is_encoder_decoder:
        raise InputError(f"The prompt is {len(ids)} tokens but the model's context is {limit}; shorten it")
    if limit and len(ids) > limit:
        raise InputError(f"The input is {len(ids)} tokens but the encoder takes at most {limit}")
    return np.asarray([ids], dtype=np.int64)


def eos_ids(model: OnnxModel) -> set[int]:
    ids: set[int] = set()
    gc = model.generation_config
    for src in (getattr(gc, "eos_token_id", None), model.tokenizer.eos_token_id):
        if isinstance(src, int):
            ids.add(src)
        elif isinstance(src, (list, tuple)):
            ids.update(int(x) for x in src)
    return ids


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
        raise InputError(f"This model is exported for {model.task}, not text generation")
    settings.validate()
    ids = encode_prompt(model, prompt)
    tok = model.tokenizer
    procs = logits_processors(settings)
    gen = torch.Generator(device="cpu")
    gen.manual_seed(settings.seed if settings.seed is not None else int(time.time_ns() % 2**31))
    eos = eos_ids(model)
    steps = _Steps(model, ids)
    limit = model.info.context_length
    max_new = settings.max_new_tokens
    if limit and not model.is_encoder_decoder:
        max_new = min(max_new, limit - ids.shape[1])
    history = torch.from_numpy(ids) if not model.is_encoder_decoder else torch.tensor([[decoder_start(model)]])
    new_ids: list[int] = []
    shown = ""
    start = time.perf_counter()
    last: int | None = None
    for index in range(max_new):
        if control is not None and control.cancelled:
            return
        logits = torch.from_numpy(np.ascontiguousarray(steps.next_logits(last), dtype=np.float32))
        probs = torch.softmax(logits, dim=-1)[0]
        scores = procs(history, logits)
        if settings.greedy:
            last = int(scores.argmax(dim=-1))
        else:
            last = int(torch.multinomial(torch.softmax(scores, dim=-1)[0], 1, generator=gen))
        history = torch.cat([history, history.new_tensor([[last]])], dim=1)
        new_ids.append(last)
        text = tok.decode(new_ids, skip_special_tokens=True)
        delta = "" if text.endswith("\ufffd") else text[len(shown):]
        shown = shown if text.endswith("\ufffd") else text
        yield TokenGenerated(index=index, token_id=last, token=tok.convert_ids_to_tokens(last), text=delta,
                             prob=float(probs[last]), alternatives=_alternatives(tok, probs, settings.alternatives),
                             elapsed_s=time.perf_counter() - start)
        if last in eos:
            return


def generate_text(model: OnnxModel, prompt: str, settings: GenerationSettings,
                  control: Control | None = None) -> GenerationResult:
    """Run generate_stream to the end and collect the result (same fields as the PyTorch one)."""
    start = time.perf_counter()
    tokens = list(generate_stream(model, prompt, settings, control))
    seconds = time.perf_counter() - start
    if control is not None and control.cancelled:
        reason = "cancelled"
    elif tokens and tokens[-1].token_id in eos_ids(model):
        reason = "eos"
    elif len(tokens) < settings.max_new_tokens:
        reason = "context"
    else:
        reason = "length"
    return GenerationResult(prompt=prompt, text="".join(t.text for t in tokens), tokens=tuple(tokens),
                            prompt_tokens=int(encode_prompt(model, prompt).shape[1]), seconds=seconds,
                            stop_reason=reason)


def _alternatives(tok: Any, probs: Any, k: int) -> tuple[Alternative, ...]:
    if k <= 0:
        return ()
    import torch

    top = torch.topk(probs, min(k, probs.shape[-1]))
    return tuple(Alternative(int(i), tok.decode([int(i)]), float(p))
                 for p, i in zip(top.values.tolist(), top.indices.tolist()))
