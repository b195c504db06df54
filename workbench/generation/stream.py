"""Streaming generation, one token at a time, with the probability of every token.

Hand-written on purpose: `model.generate` with a streamer gives text but not, per token, the
model's probability and the alternatives it considered, which the Playground shows. The
sampling itself is transformers' own logits processors, so the numbers match `generate`.
Works for decoders (KV cache) and encoder-decoders (encoder once, decoder with cache).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from workbench.config import GenerationSettings
from workbench.control import Control
from workbench.errors import InputError
from workbench.hf_compat import returned_cache, with_cache
from workbench.models.spec import LoadedModel


@dataclass(frozen=True)
class Alternative:
    token_id: int
    text: str
    prob: float


@dataclass(frozen=True)
class TokenGenerated:
    """One new token. text is what it adds to the output (may be "" mid-way through a UTF-8 char)."""

    index: int
    token_id: int
    token: str  # the vocabulary entry, e.g. "Ġcat"
    text: str
    prob: float  # the model's probability of this token (softmax of raw logits)
    alternatives: tuple[Alternative, ...]
    elapsed_s: float  # since generation started (prefill included)


@dataclass(frozen=True)
class GenerationResult:
    prompt: str
    text: str
    tokens: tuple[TokenGenerated, ...]
    prompt_tokens: int
    seconds: float
    stop_reason: str  # "eos", "length", "context", "cancelled"

    @property
    def tokens_per_second(self) -> float:
        return len(self.tokens) / self.seconds if self.seconds > 0 else 0.0


def logits_processors(settings: GenerationSettings) -> Any:
    """transformers' processors for the settings, in generate()'s order."""
    from transformers import (LogitsProcessorList, RepetitionPenaltyLogitsProcessor,
                              TemperatureLogitsWarper, TopKLogitsWarper, TopPLogitsWarper)

    procs = LogitsProcessorList()
    if settings.repetition_penalty != 1.0:
        procs.append(RepetitionPenaltyLogitsProcessor(settings.repetition_penalty))
    if not settings.greedy:
        if settings.temperature != 1.0:
            procs.append(TemperatureLogitsWarper(settings.temperature))
        if settings.top_k > 0:
            procs.append(TopKLogitsWarper(settings.top_k))
        if settings.top_p < 1.0:
            procs.append(TopPLogitsWarper(settings.top_p))
    return procs


def encode_prompt(loaded: LoadedModel, prompt: str) -> Any:
    """Prompt -> input ids (1, n) on the model's device; errors for empty or too-long prompts."""
    tok = loaded.tokenizer
    if not prompt.strip():
        raise InputError("The prompt is empty; type some text first")
    ids = tok(prompt, return_tensors="pt", add_special_tokens=loaded.is_encoder_decoder).input_ids
    limit = loaded.info.context_length
    if limit and ids.shape[1] >= limit and not loaded.is_encoder_decoder:
        raise InputError("The prompt is {count} tokens but the model's context is {limit}; "
                         "shorten it", count=ids.shape[1], limit=limit)
    if limit and ids.shape[1] > limit:
        raise InputError("The input is {count} tokens but the encoder takes at most {limit}",
                         count=ids.shape[1], limit=limit)
    return ids.to(loaded.device)


def generate_stream(loaded: LoadedModel, prompt: str, settings: GenerationSettings,
                    control: Control | None = None) -> Iterator[TokenGenerated]:
    """Yield tokens as they are sampled until EOS, max_new_tokens, the context end, or cancel."""
    if loaded.task not in ("causal-lm", "seq2seq-lm"):
        raise InputError("This model is loaded for {task}, not text generation", task=loaded.task)
    settings.validate()
    ids = encode_prompt(loaded, prompt)
    step = _Stepper(loaded, ids)
    limit = loaded.info.context_length
    max_new = settings.max_new_tokens
    if limit and not loaded.is_encoder_decoder:
        max_new = min(max_new, limit - ids.shape[1])

    def next_logits(last: int | None) -> Any:
        if last is not None:
            step.feed(last)
        return step.next_logits()

    history = ids if not loaded.is_encoder_decoder else step.decoder_ids
    eos = eos_ids(getattr(loaded.model, "generation_config", None), loaded.tokenizer)
    return sample_tokens(next_logits, history, loaded.tokenizer, settings, eos, max_new, control)


def sample_tokens(next_logits: Callable[[int | None], Any], history: Any, tok: Any, settings: GenerationSettings,
                  eos: set[int], max_new: int, control: Control | None = None) -> Iterator[TokenGenerated]:
    """The token loop of both backends (PyTorch here, ONNX Runtime in workbench.inference.generate).

    next_logits(last) -> (1, vocab) logits of the next token, after feeding `last` (None on the
    first call, which runs the prompt). history (1, n) holds the ids the repetition penalty sees.
    Sampling uses a CPU generator seeded from settings.seed, so a seed gives the same text on
    both backends."""
    import torch

    procs = logits_processors(settings)
    gen = torch.Generator(device="cpu")
    gen.manual_seed(settings.seed if settings.seed is not None else int(time.time_ns() % 2**31))
    new_ids: list[int] = []
    shown = ""
    start = time.perf_counter()
    last: int | None = None
    for index in range(max_new):
        if control is not None and control.cancelled:
            return
        with torch.inference_mode():
            logits = next_logits(last).float()  # (1, vocab)
        probs = torch.softmax(logits, dim=-1)[0]
        scores = procs(history, logits)
        if settings.greedy:
            last = int(scores.argmax(dim=-1))
        else:
            last = int(torch.multinomial(torch.softmax(scores, dim=-1)[0].cpu(), 1, generator=gen))
        history = torch.cat([history, history.new_tensor([[last]])], dim=1)
        new_ids.append(last)
        text = tok.decode(new_ids, skip_special_tokens=True)
        delta = "" if text.endswith("\ufffd") else text[len(shown):]  # wait for a whole UTF-8 character
        shown = shown if text.endswith("\ufffd") else text
        yield TokenGenerated(
            index=index, token_id=last, token=tok.convert_ids_to_tokens(last), text=delta,
            prob=float(probs[last]), alternatives=_alternatives(tok, probs, settings.alternatives),
            elapsed_s=time.perf_counter() - start)
        if last in eos:
            return


def generate_text(loaded: LoadedModel, prompt: str, settings: GenerationSettings,
                  control: Control | None = None) -> GenerationResult:
    """Run generate_stream to the end and collect the result."""
    start = time.perf_counter()
    tokens = list(generate_stream(loaded, prompt, settings, control))
    eos = eos_ids(getattr(loaded.model, "generation_config", None), loaded.tokenizer)
    return collect(prompt, int(encode_prompt(loaded, prompt).shape[1]), tokens, time.perf_counter() - start,
                   settings, eos, control)


def collect(prompt: str, prompt_tokens: int, tokens: list[TokenGenerated], seconds: float,
            settings: GenerationSettings, eos: set[int], control: Control | None) -> GenerationResult:
    """A finished stream as a GenerationResult, with why it stopped."""
    if control is not None and control.cancelled:
        reason = "cancelled"
    elif tokens and tokens[-1].token_id in eos:
        reason = "eos"
    elif len(tokens) < settings.max_new_tokens:
        reason = "context"
    else:
        reason = "length"
    return GenerationResult(prompt=prompt, text="".join(t.text for t in tokens), tokens=tuple(tokens),
                            prompt_tokens=prompt_tokens, seconds=seconds, stop_reason=reason)


class _Stepper:
    """Feeds the model one token at a time, keeping the KV cache (and encoder output)."""

    def __init__(self, loaded: LoadedModel, ids: Any) -> None:
        import torch

        self.model = loaded.model
        self.past: Any = None
        self.encdec = loaded.is_encoder_decoder
        if self.encdec:
            with torch.inference_mode():
                self.encoder_out = self.model.get_encoder()(input_ids=ids)
            start = self.model.config.decoder_start_token_id
            if start is None:
                start = loaded.tokenizer.pad_token_id or 0
            self.decoder_ids = ids.new_tensor([[start]])
            self.pending = self.decoder_ids
        else:
            self.pending = ids

    def next_logits(self) -> Any:
        cache = with_cache(self.model, self.past)
        if self.encdec:
            out = self.model(encoder_outputs=self.encoder_out, decoder_input_ids=self.pending, **cache)
        else:
            out = self.model(input_ids=self.pending, **cache)
        self.past = returned_cache(out)
        return out.logits[:, -1, :]

    def feed(self, token_id: int) -> None:
        self.pending = self.pending.new_tensor([[token_id]])


def eos_ids(generation_config: Any, tokenizer: Any) -> set[int]:
    """Token ids that end generation: the generation config's (one or a list) and the tokenizer's."""
    ids: set[int] = set()
    for src in (getattr(generation_config, "eos_token_id", None), tokenizer.eos_token_id):
        if isinstance(src, int):
            ids.add(src)
        elif isinstance(src, (list, tuple)):
            ids.update(int(x) for x in src)
    return ids


def _alternatives(tok: Any, probs: Any, k: int) -> tuple[Alternative, ...]:
    if k <= 0:
        return ()
    import torch

    top = torch.topk(probs, min(k, probs.shape[-1]))
    from workbench.token_text import piece_text  # a lone byte piece reads '⟨e6⟩', not '�'

    return tuple(Alternative(int(i), piece_text(tok, int(i)), float(p))
                 for p, i in zip(top.values.tolist(), top.indices.tolist()))
