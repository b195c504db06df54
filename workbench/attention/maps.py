"""Attention maps of a loaded model for a text: extract_attention(...) -> AttentionMaps.

Maps are float32 numpy arrays (layers, heads, query, key), copied off the model, so views and
files never hold live tensors. Decoders and encoders are caught layer by layer through
transformers' attention interface (capture.py: only the layers asked for, the rest on SDPA).
Encoder-decoders, and models outside the interface, are switched to eager attention for the
extraction (transformers 5's set_attn_implementation, no reload) and switched back.
"""

from __future__ import annotations

import re

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterator, Sequence

import numpy as np

from workbench.errors import InputError, WorkbenchError
from workbench.hf_compat import set_attn_implementation
from workbench.models.spec import LoadedModel
from workbench.texts import N_

KIND_LABELS = {"self": N_("Self-attention"), "encoder": N_("Encoder self-attention"),
               "decoder": N_("Decoder self-attention"), "cross": N_("Cross-attention (decoder → encoder)")}


@dataclass(frozen=True)
class AttentionSet:
    """One kind of attention: weights[layer, head, query, key], rows sum to 1."""

    kind: str  # "self", "encoder", "decoder" or "cross"
    weights: np.ndarray  # (layers, heads, query, key) float32
    query_tokens: tuple[str, ...]
    key_tokens: tuple[str, ...]
    query_special: np.ndarray  # (query,) bool: [CLS], [SEP], <bos> ...
    key_special: np.ndarray  # (key,) bool
    query_words: tuple[int | None, ...] = ()  # word index of each token (for merging sub-words)
    key_words: tuple[int | None, ...] = ()
    causal: bool = False
    layer_ids: tuple[int, ...] = ()  # the model's layer number of each row of weights; () = 0, 1, ...
    query_hover: tuple[str, ...] = ()  # each token's raw piece and bytes, for tooltips (token_text)
    key_hover: tuple[str, ...] = ()

    @property
    def layer_numbers(self) -> tuple[int, ...]:
        return self.layer_ids or tuple(range(self.weights.shape[0]))

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def num_layers(self) -> int:
        return self.weights.shape[0]

    @property
    def num_heads(self) -> int:
        return self.weights.shape[1]


@dataclass(frozen=True)
class AttentionMaps:
    source: str
    sets: dict[str, AttentionSet]  # by kind, in display order
    token_ids: tuple[int, ...]  # ids of the (encoder or only) input
    truncated_from: int | None = None  # original token count when the text was cut to the context
    switched_to_eager: bool = False
    prompt_length: int | None = None  # for prompt + generated text: where the generation starts
    notes: tuple[str, ...] = field(default=())

    @property
    def primary(self) -> AttentionSet:
        return next(iter(self.sets.values()))

    @property
    def weights(self) -> np.ndarray:
        return self.primary.weights

    @property
    def tokens(self) -> tuple[str, ...]:
        return self.primary.query_tokens


@contextmanager
def eager_attention(model: Any) -> Iterator[bool]:
    """Temporarily use eager attention (the only one that returns weights); yields True if switched."""
    impl = getattr(model.config, "_attn_implementation", "eager")
    if impl == "eager":
        yield False
        return
    try:
        set_attn_implementation(model, "eager")
    except Exception as exc:
        raise _no_eager(model, impl) from exc
    if getattr(model.config, "_attn_implementation", "eager") != "eager":
        # Older-style models (Falcon ...) log that they cannot switch and stay on SDPA, whose
        # "attentions" are not the softmax weights: refuse rather than show wrong maps.
        raise _no_eager(model, impl)
    try:
        yield True
    finally:
        set_attn_implementation(model, impl)


def _no_eager(model: Any, impl: str) -> WorkbenchError:
    return WorkbenchError("This model ({model}) cannot switch from {impl} to eager attention after "
                          "loading, so it cannot report attention weights", model=type(model).__name__, impl=impl)


def token_views(tokenizer: Any, ids: list[int]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[int | None, ...]]:
    """(labels, hovers, word ids) of the tokens, from one workbench.token_text pass: labels read
    ' cat' for 'Ġcat' and '注(1/3)' for a byte piece; hovers give the raw piece and its bytes."""
    from workbench.token_text import token_labels as labels_of

    labels = labels_of(tokenizer, ids)
    return tuple(lb.text for lb in labels), tuple(lb.hover for lb in labels), _word_ids(tokenizer, labels)


def token_labels(tokenizer: Any, ids: list[int]) -> tuple[str, ...]:
    """Readable labels ('Ġcat' shows ' cat', a byte piece of 注 shows '注(1/3)'): workbench.token_text."""
    from workbench.token_text import label_texts

    return label_texts(tokenizer, ids)


def _special_mask(tokenizer: Any, ids: list[int]) -> np.ndarray:
    special = set(tokenizer.all_special_ids)
    return np.array([i in special for i in ids], dtype=bool)


def _word_ids(tokenizer: Any, labels: Sequence[Any]) -> tuple[int | None, ...]:
    """Which word each token belongs to: a new word starts at a space ('Ġ', '▁'), a non-'##' piece,
    or a Chinese/Japanese/Korean character (those scripts write no spaces: each character is a
    unit); a byte piece that starts no character stays with the one before."""
    words: list[int | None] = []
    current = -1
    wordpiece = _wordpiece(tokenizer)
    for label in labels:  # workbench.token_text.TokenLabel
        if label.special:
            words.append(None)
            continue
        raw, own = label.raw, label.own
        starts = (current < 0 or raw.startswith(("Ġ", "▁", " ")) or (wordpiece and not raw.startswith("##"))
                  or (own[:1].isspace()) or (bool(own) and _CJK.match(own) is not None))
        if starts:
            current += 1
        words.append(current)
    return tuple(words)


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _wordpiece(tokenizer: Any) -> bool:
    """WordPiece marks continuations with '##'; BPE/SentencePiece mark word starts instead."""
    return any(t.startswith("##") for t in tokenizer.get_vocab())


def _stack(attentions: list[Any], name: str) -> np.ndarray:
    """Per-layer (1, heads, q, k) tensors -> (layers, heads, q, k) float32 numpy. Each layer is
    copied and its tensor released from the list at once, so the peak is one set of maps, not two
    (see budget.py). The caller passes a list it no longer needs."""
    if not attentions or any(a is None for a in attentions):
        raise WorkbenchError("The model returned no {name} attention weights; its attention "
                             "implementation does not expose them", name=name)
    out = np.empty((len(attentions), *attentions[0].shape[1:]), dtype=np.float32)
    for i in range(len(attentions)):
        out[i] = attentions[i][0].float().cpu().numpy()
        attentions[i] = None  # frees the model's copy of this layer
    return out


def _token_limit(loaded: LoadedModel, layer_count: int | None = None) -> tuple[int, str]:
    """The most tokens a text may have here, and why: the model's context, or the memory budget
    for `layer_count` layers of maps (None: all of them)."""
    from workbench.attention.budget import budget_bytes, budget_origin, gb, max_tokens

    context = loaded.info.context_length or 512
    layers, heads = layer_count or loaded.info.num_layers, loaded.info.num_heads
    if not layers or not heads:
        return context, N_("cut to the model's context of {context}", context=context)
    budget = budget_bytes(loaded.info.estimated_memory)
    fits = max_tokens(layers, heads, budget)
    if fits >= context:
        return context, N_("cut to the model's context of {context}", context=context)
    return fits, N_("Workbench kept the first {fits}, so that {layers} layers x {heads} heads of maps stay within the "
                    "attention memory budget of {budget} ({origin})", fits=fits, layers=layers, heads=heads,
                    budget=gb(budget), origin=budget_origin())


def _encode(loaded: LoadedModel, text: str, text_pair: str | None,
            layer_count: int | None = None) -> tuple[list[int], int | None, str]:
    """Token ids, the original count when they were cut (else None), and why they were cut."""
    if not text or not text.strip():
        raise InputError("The text is empty; type some text first")
    tok = loaded.tokenizer
    limit, why = _token_limit(loaded, layer_count)
    add = not loaded.task == "causal-lm"
    ids = tok(text, text_pair, add_special_tokens=add)["input_ids"]
    if len(ids) > limit:
        cut = tok(text, text_pair, add_special_tokens=add, truncation=True, max_length=limit)["input_ids"]
        return cut, len(ids), why
    return ids, None, ""


def extract_attention(loaded: LoadedModel, text: str, text_pair: str | None = None,
                      layers: Sequence[int] | None = None) -> AttentionMaps:
    """Attention maps for `text` (and a sentence pair for encoders, or the decoder text for
    encoder-decoders: without one, the model's greedy output is used). layers: only these of a
    decoder or encoder (the memory budget then counts only them); encoder-decoders return all."""
    _require_torch(loaded)
    if loaded.is_encoder_decoder:
        ids, truncated, why = _encode(loaded, text, None)
        return _extract_seq2seq(loaded, ids, text_pair, truncated, why)
    ids, truncated, why = _encode(loaded, text, text_pair, len(set(layers)) if layers else None)
    return extract_from_ids(loaded, ids, truncated_from=truncated, cut_reason=why, layers=layers)


def _require_torch(loaded: Any) -> None:
    if not hasattr(loaded, "model"):
        raise WorkbenchError("Attention maps are read from the PyTorch model; this is an ONNX Runtime "
                             "export, so open the original model (or its folder) to see them")


def extract_from_ids(loaded: LoadedModel, ids: list[int], truncated_from: int | None = None,
                     prompt_length: int | None = None, cut_reason: str = "",
                     layers: Sequence[int] | None = None) -> AttentionMaps:
    """Maps for token ids of a decoder or encoder (the path for prompt + generated text too).
    layers: the model's layer numbers to keep (None = all); the forward stops after the last."""
    tok, model = loaded.tokenizer, loaded.model
    wanted = _layers(layers, loaded.info.num_layers or _config_layers(model))
    weights, switched = _self_attention(loaded, ids, wanted)
    (labels, hover, words), special = token_views(tok, ids), _special_mask(tok, ids)
    causal = loaded.task == "causal-lm" or bool(getattr(model.config, "is_decoder", False))
    layer_ids = tuple(wanted) if layers is not None else ()
    s = AttentionSet("self", weights, labels, labels, special, special, words, words, causal, layer_ids, hover, hover)
    notes = _notes(switched, truncated_from, len(ids), model, cut_reason)
    return AttentionMaps(loaded.info.source, {"self": s}, tuple(ids), truncated_from, switched,
                         prompt_length, notes)


def _layers(layers: Sequence[int] | None, count: int) -> list[int]:
    if layers is None:
        return list(range(count))
    bad = [n for n in layers if not 0 <= n < count]
    if bad or not layers:
        raise InputError("Layer must be between 0 and {last}", last=count - 1)
    return sorted(set(layers))


def _config_layers(model: Any) -> int:
    config = model.config
    return int(getattr(config, "num_hidden_layers", None) or getattr(config, "n_layer", 0) or 0)


def _self_attention(loaded: LoadedModel, ids: list[int], wanted: list[int]) -> tuple[np.ndarray, bool]:
    """(weights (len(wanted), heads, n, n) float32, whether the model was switched to eager)."""
    import torch

    from workbench.attention import capture

    model = loaded.model
    input_ids = torch.tensor([ids], device=loaded.device)
    inputs = {"input_ids": input_ids, "attention_mask": torch.ones_like(input_ids)}
    if capture.supported(model):
        caught = capture.capture_forward(model, inputs, wanted)
        if caught.weights is not None and caught.caught == len(wanted):
            return caught.weights, False
    with eager_attention(model) as switched, torch.inference_mode():
        out = model(**inputs, output_attentions=True)
    attentions = list(getattr(out, "attentions", None) or ())
    del out  # its tuple of maps too: _stack frees the layers one by one
    keep = set(wanted)
    chosen = [a for i, a in enumerate(attentions) if i in keep] if attentions else []
    attentions.clear()  # the unwanted layers go now
    return _stack(chosen, "self"), switched


def _extract_seq2seq(loaded: LoadedModel, ids: list[int], target: str | None,
                     truncated: int | None, cut_reason: str = "") -> AttentionMaps:
    import torch

    tok, model = loaded.tokenizer, loaded.model
    start = model.config.decoder_start_token_id
    start = tok.pad_token_id if start is None else start
    enc_ids = torch.tensor([ids], device=loaded.device)
    if target:
        dec = [start] + tok(target, add_special_tokens=False)["input_ids"]
    else:  # what the model itself would write: its greedy output
        with torch.inference_mode():
            gen = model.generate(input_ids=enc_ids, max_new_tokens=20, do_sample=False)
        dec = gen[0].tolist()
    dec_ids = torch.tensor([dec], device=loaded.device)
    with eager_attention(model) as switched, torch.inference_mode():
        out = model(input_ids=enc_ids, decoder_input_ids=dec_ids, output_attentions=True)
    (enc_l, enc_h, enc_w), (dec_l, dec_h, dec_w) = token_views(tok, ids), token_views(tok, dec)
    enc_s, dec_s = _special_mask(tok, ids), _special_mask(tok, dec)
    layers = {k: list(getattr(out, f"{k}_attentions") or ()) for k in ("encoder", "decoder", "cross")}
    del out
    sets = {
        "encoder": AttentionSet("encoder", _stack(layers["encoder"], "encoder"), enc_l, enc_l, enc_s, enc_s, enc_w, enc_w,
                                query_hover=enc_h, key_hover=enc_h),
        "decoder": AttentionSet("decoder", _stack(layers["decoder"], "decoder"), dec_l, dec_l, dec_s, dec_s, dec_w, dec_w,
                                causal=True, query_hover=dec_h, key_hover=dec_h),
        "cross": AttentionSet("cross", _stack(layers["cross"], "cross"), dec_l, enc_l, dec_s, enc_s, dec_w, enc_w,
                              query_hover=dec_h, key_hover=enc_h),
    }
    notes = _notes(switched, truncated, len(ids), model, cut_reason)
    if not target:
        notes += (N_("Decoder side: the model's own greedy output (give a target text to choose it)."),)
    return AttentionMaps(loaded.info.source, sets, tuple(ids), truncated, switched, None, notes)


def _notes(switched: bool, truncated: int | None, n: int, model: Any, cut_reason: str = "") -> tuple[str, ...]:
    notes = []
    if switched:
        impl = model.config._attn_implementation
        notes.append(N_("Switched from {impl} to eager attention for this extraction (and back).", impl=impl))
    if truncated:
        reason = cut_reason or N_("cut to the model context of {context}", context=n)
        notes.append(N_("The text was {count} tokens; {reason}.", count=truncated, reason=reason))
    return tuple(notes)


def extract_generated(loaded: LoadedModel, prompt: str, settings: Any) -> AttentionMaps:
    """Generate a continuation, then the maps of prompt + continuation (prompt_length marks where
    the generated tokens start), so a view can show what each generated token looked at."""
    from workbench.generation.stream import encode_prompt, generate_stream

    if loaded.task != "causal-lm":
        raise InputError("Attention for generated text needs a causal language model")
    prompt_ids = encode_prompt(loaded, prompt)[0].tolist()
    new = [t.token_id for t in generate_stream(loaded, prompt, settings)]
    return extract_from_ids(loaded, prompt_ids + new, prompt_length=len(prompt_ids))
