"""Torch modules that give each exported graph plain tensor inputs and outputs.

transformers models take and return cache objects (DynamicCache, EncoderDecoderCache) that
torch.export cannot flatten. Each wrapper takes the past keys/values as flat tensors, fills a
cache with `cache.update(k, v, layer)`, calls the model with use_cache=True and returns the
logits and the present keys/values as flat tensors. One decoder graph then serves the prompt
(zero-length past) and every following token.

Sample sizes for tracing are 2/3/5/7 on purpose: torch.export specialises dimensions of size
0 or 1, and equal sizes could be unified into one symbol.

Why these wrappers and not transformers.exporters (measured with benchmarks/bench_exporters.py,
transformers 5.24, on the same models, parity cases and timer; figures in docs/DESIGN.md):
- 5.17 to 5.23 have no `ort_fusions`, runners or quantizers; Workbench supports 5.17+.
- Encoders: `OnnxConfig(ort_fusions="cpu")` gives the same parity and the same speed as
  Workbench's fp32 + onnxscript-optimised graph (BERT-base 2.35x/2.16x vs 2.33x/2.13x eager at
  1x128/8x128); it fuses the norms but not attention (no Attention op), and it prints an
  "experimental ... version drift" banner on every export. Nothing to gain.
- Decoders: `export_for_generation` writes a prefill and a decode graph with batch fixed to 1
  and no attention mask, so batched or left-padded input cannot run at all (3 of the 6 parity
  cases), and the weights are stored twice. Its unfused decode graph is ~13% faster per token
  than this one (no mask to build); its CPU-fused one is slower.
So the library path is not adopted; this module is the one export path for every release.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch
from torch.export import Dim
from transformers import DynamicCache, EncoderDecoderCache

from workbench.export.options import UnsupportedModelError
from workbench.hf_compat import accepts, returned_cache, takes_cache, with_cache

BATCH, SEQ, PAST, ENC_SEQ = 2, 3, 5, 7


@dataclass
class GraphSpec:
    """Everything torch.onnx.export needs for one graph."""

    role: str
    module: torch.nn.Module
    args: tuple[Any, ...]
    dynamic_shapes: dict[str, Any]
    input_names: list[str]
    output_names: list[str]


@dataclass(frozen=True)
class CacheShape:
    """Per-layer key/value shape (batch, kv_heads, length, head_dim) of a model's cache."""

    layers: int
    kv_heads: int
    head_dim: int


def cache_shape(config: Any) -> CacheShape:
    """Decoder cache geometry from the config (the decoder side of an encoder-decoder)."""
    # Not get_text_config(decoder=True): on transformers 5.23 it returns a fresh BartConfig with
    # default sizes for BART. Composite (multimodal) configs keep the text model in text_config.
    cfg = getattr(config, "text_config", None) or config
    layers = (getattr(cfg, "decoder_layers", None) or getattr(cfg, "num_decoder_layers", None)
              or getattr(cfg, "num_hidden_layers", None) or getattr(cfg, "n_layer", None))
    heads = (getattr(cfg, "decoder_attention_heads", None) or getattr(cfg, "num_attention_heads", None)
             or getattr(cfg, "num_heads", None) or getattr(cfg, "n_head", None))
    kv_heads = getattr(cfg, "num_key_value_heads", None) or heads
    hidden = getattr(cfg, "hidden_size", None) or getattr(cfg, "d_model", None) or getattr(cfg, "n_embd", None)
    head_dim = getattr(cfg, "head_dim", None) or getattr(cfg, "d_kv", None) or (hidden // heads if hidden and heads else None)
    if not (layers and kv_heads and head_dim):
        raise UnsupportedModelError("{model_type} is not supported for ONNX export: its config does not "
                                    "give the key/value cache shape", model_type=config.model_type)
    return CacheShape(int(layers), int(kv_heads), int(head_dim))


def past_names(prefix: str, layers: int) -> list[str]:
    """past.0.key, past.0.value, past.1.key ... (or present.*, cross.*)."""
    return [f"{prefix}.{i}.{kv}" for i in range(layers) for kv in ("key", "value")]


def _flat(cache: Any) -> list[torch.Tensor]:
    flat = []
    for layer in cache.layers:
        flat += [layer.keys, layer.values]
    return flat


def _fill(cache: Any, flat: tuple[torch.Tensor, ...]) -> Any:
    for i in range(len(flat) // 2):
        cache.update(flat[2 * i], flat[2 * i + 1], i)
    return cache


def _vocab(config: Any) -> int:
    cfg = getattr(config, "text_config", None) or config
    return int(cfg.vocab_size)


def _dims() -> dict[str, Any]:
    return {n: Dim(n) for n in ("batch", "seq", "past", "total", "enc_seq")}


def _kv(shape: CacheShape, length: int, dtype: torch.dtype) -> tuple[torch.Tensor, ...]:
    return tuple(torch.randn(BATCH, shape.kv_heads, length, shape.head_dim, dtype=dtype)
                 for _ in range(2 * shape.layers))


class DecoderWithPast(torch.nn.Module):
    """(input_ids (b,s), attention_mask (b,past+s), position_ids (b,s), *past) -> (logits (b,s,V), *present)."""

    def __init__(self, model: Any) -> None:
        super().__init__()
        self.model = model
        self.use_pos = accepts(model, "position_ids")

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, position_ids: torch.Tensor,
                past: tuple[torch.Tensor, ...]) -> tuple[torch.Tensor, ...]:
        # Full-length layers, not the config's: a sliding-window layer (Gemma-2, Mistral with a
        # window) crops what it stores, so the presents would stop matching the attention mask
        # the caller keeps. The window itself is applied by the model's mask, from the config.
        cache = _fill(DynamicCache(), past)
        extra = {"position_ids": position_ids} if self.use_pos else {}
        out = self.model(input_ids=input_ids, attention_mask=attention_mask, **with_cache(self.model, cache),
                         **extra)
        return (out.logits, *_flat(returned_cache(out)))


def decoder_spec(model: Any) -> GraphSpec:
    if not takes_cache(model):
        raise UnsupportedModelError("{name} is not supported for ONNX export: it takes no "
                                    "key/value cache, which the decoder graph needs", name=type(model).__name__)
    shape = cache_shape(model.config)
    d = _dims()
    dtype = next(model.parameters()).dtype
    ids = torch.randint(0, _vocab(model.config), (BATCH, SEQ))
    mask = torch.ones(BATCH, PAST + SEQ, dtype=torch.long)
    pos = torch.arange(PAST, PAST + SEQ).expand(BATCH, SEQ).contiguous()
    past = _kv(shape, PAST, dtype)
    dyn = {"input_ids": {0: d["batch"], 1: d["seq"]}, "attention_mask": {0: d["batch"], 1: d["total"]},
           "position_ids": {0: d["batch"], 1: d["seq"]},
           "past": tuple({0: d["batch"], 2: d["past"]} for _ in past)}
    graph = DecoderWithPast(model).eval()
    _returns_cache(model, ids, mask)
    return GraphSpec("decoder", graph, (ids, mask, pos, past), dyn,
                     ["input_ids", "attention_mask", "position_ids"] + past_names("past", shape.layers),
                     ["logits"] + past_names("present", shape.layers))


def _returns_cache(model: Any, ids: torch.Tensor, mask: torch.Tensor) -> None:
    """Refuse, before tracing, a model that takes a cache but gives none back: an encoder loaded
    for causal-lm (BertLMHeadModel without is_decoder) attends both ways and keeps no cache."""
    with torch.no_grad():
        out = model(input_ids=ids, attention_mask=mask[:, -ids.shape[1]:], **with_cache(model, None))
    if returned_cache(out) is None:
        raise UnsupportedModelError(
            "{name} is not supported for ONNX export as a decoder: it returns no key/value "
            "cache (it is not a causal language model); export it for its own task", name=type(model).__name__)


class EncoderGraph(torch.nn.Module):
    """(input_ids, attention_mask[, token_type_ids]) -> (logits, last_hidden_state) or (last_hidden_state,).

    Classification and fill-mask graphs also return the last hidden state, so embeddings can be
    computed from any exported encoder.
    """

    def __init__(self, model: Any, heads: bool, use_tt: bool) -> None:
        super().__init__()
        self.model, self.heads, self.use_tt = model, heads, use_tt

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                token_type_ids: torch.Tensor | None = None) -> tuple[torch.Tensor, ...]:
        extra = {"token_type_ids": token_type_ids} if self.use_tt else {}
        out = self.model(input_ids=input_ids, attention_mask=attention_mask,
                         output_hidden_states=self.heads, **extra)
        if self.heads:
            return out.logits, out.hidden_states[-1]
        return (out.last_hidden_state,)


def encoder_inputs(model: Any, tokenizer: Any = None) -> list[str]:
    """The encoder graph's inputs: what the tokenizer writes and the model's forward takes.

    Not a fixed list: DistilBERT, RoBERTa-style and MPNet models take no token_type_ids, and
    a config with type_vocab_size 0 (DeBERTa-v3) ignores them, so the graph leaves them out.
    """
    written = list(getattr(tokenizer, "model_input_names", None) or ["input_ids", "token_type_ids", "attention_mask"])
    names = ["input_ids", "attention_mask"]
    if ("token_type_ids" in written and accepts(model, "token_type_ids")
            and getattr(model.config, "type_vocab_size", 1) > 0):
        names.append("token_type_ids")
    return names


def encoder_spec(model: Any, task: str, tokenizer: Any = None) -> GraphSpec:
    names = encoder_inputs(model, tokenizer)
    heads = task != "feature-extraction"
    d = _dims()
    ids = torch.randint(0, _vocab(model.config), (BATCH, SEQ))
    samples = {"input_ids": ids, "attention_mask": torch.ones(BATCH, SEQ, dtype=torch.long),
               "token_type_ids": torch.zeros(BATCH, SEQ, dtype=torch.long)}
    # torch.export wants exactly the passed arguments' names as the keys of dynamic_shapes.
    dyn = {n: {0: d["batch"], 1: d["seq"]} for n in names}
    outs = ["logits", "last_hidden_state"] if heads else ["last_hidden_state"]
    graph = EncoderGraph(model, heads, "token_type_ids" in names).eval()
    return GraphSpec("encoder", graph, tuple(samples[n] for n in names), dyn, names, outs)


class Seq2SeqEncoder(torch.nn.Module):
    """(input_ids (b,e), attention_mask (b,e)) -> last_hidden_state (b,e,D)."""

    def __init__(self, model: Any) -> None:
        super().__init__()
        self.encoder = model.get_encoder()

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state


class Seq2SeqDecoderInit(torch.nn.Module):
    """First decoder step: (decoder_input_ids (b,1), encoder_hidden_states, encoder_attention_mask)
    -> (logits (b,1,V), *present self (b,h,1,d), *cross (b,h,e,d))."""

    def __init__(self, model: Any) -> None:
        super().__init__()
        self.model = model

    def forward(self, decoder_input_ids: torch.Tensor, encoder_hidden_states: torch.Tensor,
                encoder_attention_mask: torch.Tensor) -> tuple[torch.Tensor, ...]:
        cache = EncoderDecoderCache(DynamicCache(), DynamicCache())
        out = self.model(encoder_outputs=(encoder_hidden_states,), attention_mask=encoder_attention_mask,
                         decoder_input_ids=decoder_input_ids, **with_cache(self.model, cache))
        pkv = returned_cache(out)
        return (out.logits, *_flat(pkv.self_attention_cache), *_flat(pkv.cross_attention_cache))


class Seq2SeqDecoderWithPast(torch.nn.Module):
    """Later steps: (decoder_input_ids (b,1), encoder_attention_mask, *past self, *cross)
    -> (logits (b,1,V), *present self). The cross keys/values are reused, never recomputed."""

    def __init__(self, model: Any, layers: int) -> None:
        super().__init__()
        self.model, self.layers = model, layers

    def forward(self, decoder_input_ids: torch.Tensor, encoder_attention_mask: torch.Tensor,
                past: tuple[torch.Tensor, ...], cross: tuple[torch.Tensor, ...]) -> tuple[torch.Tensor, ...]:
        cache = EncoderDecoderCache(_fill(DynamicCache(), past), _fill(DynamicCache(), cross))
        for i in range(self.layers):
            cache.is_updated[i] = True  # use the given cross keys/values as they are
        # The encoder output is not needed once the cross cache is filled, but the model asks
        # for its shape (batch, e, D); a zero-cost expanded view of the right shape serves.
        b, e = encoder_attention_mask.shape
        hidden = cross[0].new_zeros(()).expand(b, e, self.model.config.d_model)
        out = self.model(encoder_outputs=(hidden,), attention_mask=encoder_attention_mask,
                         decoder_input_ids=decoder_input_ids, **with_cache(self.model, cache))
        return (out.logits, *_flat(returned_cache(out).self_attention_cache))


def seq2seq_specs(model: Any) -> list[GraphSpec]:
    shape = cache_shape(model.config)
    d = _dims()
    dtype = next(model.parameters()).dtype
    vocab, dim = _vocab(model.config), int(model.config.d_model)
    enc_ids = torch.randint(0, vocab, (BATCH, ENC_SEQ))
    enc_mask = torch.ones(BATCH, ENC_SEQ, dtype=torch.long)
    hidden = torch.randn(BATCH, ENC_SEQ, dim, dtype=dtype)
    start = torch.zeros(BATCH, 1, dtype=torch.long)
    self_names, cross_names = past_names("present", shape.layers), past_names("cross", shape.layers)
    be = {0: d["batch"], 1: d["enc_seq"]}
    encoder = GraphSpec("encoder", Seq2SeqEncoder(model).eval(), (enc_ids, enc_mask),
                        {"input_ids": be, "attention_mask": be},
                        ["input_ids", "attention_mask"], ["last_hidden_state"])
    init = GraphSpec("decoder_init", Seq2SeqDecoderInit(model).eval(), (start, hidden, enc_mask),
                     {"decoder_input_ids": {0: d["batch"]}, "encoder_hidden_states": be,
                      "encoder_attention_mask": be},
                     ["decoder_input_ids", "encoder_hidden_states", "encoder_attention_mask"],
                     ["logits"] + self_names + cross_names)
    past, cross = _kv(shape, PAST, dtype), _kv(shape, ENC_SEQ, dtype)
    with_past = GraphSpec(
        "decoder_with_past", Seq2SeqDecoderWithPast(model, shape.layers).eval(), (start, enc_mask, past, cross),
        {"decoder_input_ids": {0: d["batch"]}, "encoder_attention_mask": be,
         "past": tuple({0: d["batch"], 2: d["past"]} for _ in past),
         "cross": tuple({0: d["batch"], 2: d["enc_seq"]} for _ in cross)},
        ["decoder_input_ids", "encoder_attention_mask"] + past_names("past", shape.layers) + cross_names,
        ["logits"] + self_names)
    return [encoder, init, with_past]
