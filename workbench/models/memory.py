"""How much memory a model needs for what each page does: inference, training with AdamW.

Qt-free and torch-free: everything here is arithmetic on the model's shape (ModelShape, read from
a transformers config, a config.json dict or the info card) and gives an Estimate, a few named
parts in bytes that add up to the peak. The terms, per token of a batch x sequence:

  inference  weights (parameters x dtype bytes) + one layer's working set (layers run one after
             another, so only one layer's tensors are alive) + the logits + the KV cache of a
             decoder (2 x layers x key/value heads x head width per token).
  training   AdamW in fp32: weights 4 + gradients 4 + two moments 8 = 16 bytes per trained
             parameter (LoRA: the frozen base at its dtype, the adapters at 16); the activations
             every layer keeps for the backward (gradient checkpointing keeps only each layer's
             input, and recomputes one layer at a time: that layer's activations and their
             gradients); the logits and the loss (four T x V float32 tensors: logits,
             log-softmax and their two gradients).

The per-layer counts of tensors were fitted to the peak resident memory measured on this
project's CPU build (PyTorch 2.13, transformers 5.24, GPT-2 and Llama shapes of 5-8M parameters,
1,024-2,048 tokens a batch; within 30% of it, tests/core/test_memory_estimate.py checks that):
a layer keeps about 16 hidden-width tensors per token for the backward (norms, q/k/v, rotary,
attention output, residuals) plus `mlp_tensors` intermediate-width ones. The peak is resident
memory, so the allocator's slack is in the fit: freed blocks are not always reused at once.
Not counted: the fixed cost of the PyTorch runtime (about 100-300 MB, paid once per process by
its first operations) and the Python objects.
The attention maps of the Attention page are workbench.attention.budget's, a layer above this.
"""

from __future__ import annotations

import json
import math
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.models.spec import ModelInfo, human_bytes
from workbench.texts import N_

# Bytes per element of the names a config, a TrainConfig precision or a menu uses.
DTYPE_BYTES: dict[str, int] = {"float32": 4, "fp32": 4, "float": 4, "float16": 2, "fp16": 2, "half": 2,
                               "bfloat16": 2, "bf16": 2, "int8": 1, "float64": 8}
# Model types whose MLP is gated (gate and up projections, SwiGLU/GeGLU): three matrices.
GATED_TYPES = frozenset({"llama", "mistral", "mixtral", "qwen2", "qwen2_moe", "qwen3", "qwen3_moe", "gemma",
                         "gemma2", "gemma3", "gemma3_text", "phi3", "olmo", "olmo2", "granite", "smollm3",
                         "cohere", "deepseek_v3"})
DECODER_TYPES = frozenset({"gpt2", "gpt_neo", "gpt_neox", "gptj", "opt", "bloom", "falcon", "phi", "t5", "bart"})
# Activations written out in Python ops, each of which keeps its input for the backward
# (x, x^3, tanh(...), ...), rather than one fused kernel that keeps only its input.
UNFUSED_ACTIVATIONS = frozenset({"gelu_new", "gelu_fast", "quick_gelu", "gelu_accurate"})
HIDDEN_TENSORS_TRAIN = 16  # hidden-width tensors one layer keeps per token for the backward (measured)
# Hidden-width tensors alive in one layer of a no-grad forward: the residual, its norm, q, k, v,
# the attention output, its projection and the sum.
HIDDEN_TENSORS_INFER = 8
LOSS_TENSORS = 4  # T x V float32: logits, log-softmax, and the two gradients of the backward
DROPOUT_ATTENTION_TENSORS = 8  # per attention weight, with attention dropout on (the unfused path)
BUDGET_FRACTION = 0.75  # of the machine's RAM: what a run may plan to use, leaving the OS and the GUI room


@dataclass(frozen=True)
class ModelShape:
    """What the estimates need to know about a model."""

    num_parameters: int
    layers: int  # transformer blocks (encoder + decoder for a seq2seq model)
    hidden: int  # residual stream width
    heads: int  # query heads
    kv_heads: int  # key/value heads (fewer than heads under grouped-query attention)
    intermediate: int  # MLP width
    vocab: int
    decoder: bool = True  # generates, so it keeps a KV cache
    mlp_tensors: int = 2  # intermediate-width tensors an MLP keeps per token (see _mlp_tensors)
    attention_dropout: float = 0.0  # > 0 in training sends attention down the unfused path
    context: int | None = None
    model_type: str = ""  # "gpt2", "llama" ...: LoRA's default target layers depend on it

    @property
    def head_dim(self) -> int:
        return self.hidden // max(1, self.heads)


@dataclass(frozen=True)
class Option:
    """A cheaper setting and its estimate, for the advice when a step will not fit."""

    kind: str  # "lora", "checkpointing", "batch": the advice names the first that fits of each kind
    label: str  # "LoRA", "gradient checkpointing", "batch size 2"
    total: int  # bytes


@dataclass(frozen=True)
class Estimate:
    """The peak memory of one step, as named parts in bytes that add up to `total`."""

    what: str  # "inference at 2,048 tokens", "full fine-tune with AdamW at batch 8 x 128 tokens"
    parts: tuple[tuple[str, int], ...]
    device: str = "cpu"  # where the memory is needed: "cpu" (RAM) or "cuda" (GPU memory)
    options: tuple[Option, ...] = ()  # cheaper settings of the same step, cheapest last

    @property
    def total(self) -> int:
        return sum(n for _, n in self.parts)

    def breakdown(self) -> str:
        """'weights 21.0 MB + activations 40.0 MB + ...' (the parts that are not zero), marked N_."""
        text = ""
        for name, n in self.parts:
            if n:
                part = N_("{name} {size}", name=name, size=human_bytes(n))
                text = N_("{parts} + {part}", parts=text, part=part) if text else part
        return text

    def summary(self) -> str:
        return N_("{total} ({breakdown})", total=human_bytes(self.total), breakdown=self.breakdown())


def dtype_bytes(dtype: str) -> int:
    """Bytes per element of a dtype name ("float32", "bf16", "torch.float16" ...); 4 if unknown."""
    return DTYPE_BYTES.get(str(dtype).replace("torch.", "").lower(), 4)


def available_ram() -> int:
    """What a step may use of this machine's RAM now (ram_budget of psutil's figures)."""
    import psutil

    vm = psutil.virtual_memory()
    return ram_budget(int(vm.total), int(vm.available))


def ram_budget(total: int, available: int) -> int:
    """What a step may use of the machine's RAM: the free memory, but no more than BUDGET_FRACTION
    of all of it (a laptop with 24 GB: 18 GB)."""
    return int(min(available, BUDGET_FRACTION * total))


# -- shapes ------------------------------------------------------------------------------------
def _get(cfg: Any, *names: str) -> Any:
    """The first of `names` that is set, on a config object or in a config.json dict."""
    for name in names:
        value = cfg.get(name) if isinstance(cfg, Mapping) else getattr(cfg, name, None)
        if value is not None:
            return value
    return None


def _mlp_tensors(activation: str, gated: bool) -> int:
    """Intermediate-width tensors an MLP keeps per token: gate, up, the activation and their
    product (gated); the pre-activation and three more for an activation written out in Python
    ops (GPT-2's gelu_new); else the pre-activation and the activation."""
    if gated:
        return 4
    return 6 if activation in UNFUSED_ACTIVATIONS else 2


def count_parameters(layers: int, hidden: int, heads: int, kv_heads: int, intermediate: int, vocab: int,
                     gated: bool = False, positions: int = 0, tied: bool = True) -> int:
    """Parameters of a decoder of this shape: embeddings (and an untied head), per layer the
    q/o projections (h x h each), k/v (h x key/value width each), the MLP's two or three matrices
    and two norms; learned position embeddings if `positions`."""
    kv_width = hidden // max(1, heads) * kv_heads
    per_layer = 2 * hidden * hidden + 2 * hidden * kv_width + (3 if gated else 2) * hidden * intermediate
    per_layer += 4 * hidden  # norm weights and biases
    embeddings = vocab * hidden * (1 if tied else 2) + positions * hidden
    return layers * per_layer + embeddings


def shape_from_config(config: Any, num_parameters: int | None = None) -> ModelShape:
    """The shape of a transformers config or a config.json dict (a multimodal model's text part).
    Without `num_parameters` it is counted from the shape (count_parameters)."""
    text = _get(config, "text_config")
    cfg = text if text is not None else config
    hidden = int(_get(cfg, "hidden_size", "n_embd", "d_model") or 768)
    heads = int(_get(cfg, "num_attention_heads", "n_head", "num_heads", "encoder_attention_heads") or 12)
    layers = int(_get(cfg, "num_hidden_layers", "n_layer", "num_layers", "encoder_layers") or 12)
    layers += int(_get(cfg, "num_decoder_layers", "decoder_layers") or 0) if _get(cfg, "is_encoder_decoder") else 0
    model_type = str(_get(cfg, "model_type") or "")
    activation = str(_get(cfg, "hidden_act", "activation_function", "dense_act_fn") or "gelu")
    gated = model_type in GATED_TYPES or activation in ("silu", "swish") or \
        str(_get(cfg, "feed_forward_proj") or "").startswith("gated")
    inter = int(_get(cfg, "intermediate_size", "n_inner", "d_ff", "encoder_ffn_dim") or 4 * hidden)
    kv_heads = int(_get(cfg, "num_key_value_heads") or heads)
    vocab = int(_get(cfg, "vocab_size") or 32000)
    archs = " ".join(_get(config, "architectures") or [])
    decoder = bool(_get(cfg, "is_decoder")) or bool(_get(cfg, "is_encoder_decoder")) or model_type in DECODER_TYPES \
        or model_type in GATED_TYPES or any(k in archs for k in ("CausalLM", "LMHead", "ConditionalGeneration"))
    dropout = float(_get(cfg, "attention_dropout", "attn_pdrop", "attention_probs_dropout_prob") or 0.0)
    context = _get(cfg, "max_position_embeddings", "n_positions", "n_ctx")
    if num_parameters is None:
        positions = int(context or 0) if model_type in ("gpt2", "bert", "roberta", "opt") else 0
        num_parameters = count_parameters(layers, hidden, heads, kv_heads, inter, vocab, gated, positions,
                                          bool(_get(cfg, "tie_word_embeddings") in (None, True)))
    return ModelShape(int(num_parameters), layers, hidden, heads, kv_heads, inter, vocab, decoder,
                      _mlp_tensors(activation, gated), dropout, int(context) if context else None, model_type)


def shape_from_info(info: ModelInfo) -> ModelShape:
    """A shape from the info card alone (an ONNX export, or no config at hand): the MLP is taken
    to be 4 x hidden with a plain activation, as in GPT-2 and BERT."""
    hidden = info.hidden_size or 768
    heads = info.num_heads or 12
    return ModelShape(info.num_parameters, info.num_layers or 12, hidden, heads, info.num_kv_heads or heads,
                      4 * hidden, info.vocab_size or 32000, info.task in ("causal-lm", "seq2seq-lm"),
                      context=info.context_length, model_type=info.model_type)


def shape_for_count(num_parameters: int, vocab: int = 32000) -> ModelShape:
    """A Llama-like shape for a bare parameter count (to size the activations): 64-wide heads,
    as many layers as heads, a gated MLP of 8/3 x hidden, so 12 x layers x hidden² = N."""
    hidden = max(64, int(round((64 * num_parameters / 12) ** (1 / 3) / 64)) * 64)
    layers = max(1, hidden // 64)
    return ModelShape(num_parameters, layers, hidden, hidden // 64, hidden // 64, hidden * 8 // 3, vocab,
                      mlp_tensors=4)


def safetensors_parameters(folder: Path) -> int | None:
    """The exact parameter count from the headers of a folder's .safetensors files (read without
    torch: 8 bytes of length, then a JSON header of shapes); None when there are none."""
    files = sorted(Path(folder).glob("*.safetensors"))
    if not files:
        return None
    total = 0
    for path in files:
        with open(path, "rb") as f:
            (length,) = struct.unpack("<Q", f.read(8))
            header = json.loads(f.read(length))
        total += sum(math.prod(t["shape"]) for name, t in header.items() if name != "__metadata__")
    return total


def shape_from_folder(folder: Path) -> ModelShape | None:
    """The shape of a Hugging Face folder, from its config.json and weight headers; None without one."""
    try:
        config = json.loads((Path(folder) / "config.json").read_text(encoding="utf-8"))
        count = safetensors_parameters(folder)
    except (OSError, ValueError, KeyError, struct.error):
        return None
    return shape_from_config(config, count)


# -- estimates ---------------------------------------------------------------------------------
def inference_estimate(shape: ModelShape, tokens: int, dtype: str = "float32", batch: int = 1,
                       kv_cache: bool | None = None, eager: bool = False) -> Estimate:
    """One forward pass over batch x tokens (a prompt's prefill, a classification, the Attention
    page's run): weights, one layer's working set, the logits, the KV cache of a decoder and, with
    eager attention, one layer's scores and softmax (SDPA's fused kernels keep none)."""
    b = dtype_bytes(dtype)
    t = batch * tokens
    cache = shape.decoder if kv_cache is None else kv_cache
    parts = [
        (N_("weights"), shape.num_parameters * b),
        # x, its norm, q/k/v and the MLP's intermediate tensors of the layer being run
        (N_("activations"), t * (HIDDEN_TENSORS_INFER * shape.hidden + shape.mlp_tensors * shape.intermediate) * b),
        (N_("logits"), t * shape.vocab * b),
        (N_("KV cache"), 2 * shape.layers * shape.kv_heads * shape.head_dim * t * b if cache else 0),
        (N_("attention scores"), 2 * shape.heads * tokens * tokens * batch * 4 if eager else 0),
    ]
    return Estimate(N_("inference at {tokens} tokens", tokens=f"{tokens:,}"), tuple(parts))


def layer_activation_bytes(shape: ModelShape, batch: int, seq: int, activation_bytes: int = 4) -> int:
    """What one layer keeps for the backward over batch x seq tokens: HIDDEN_TENSORS_TRAIN
    hidden-width and mlp_tensors intermediate-width tensors per token, and with attention dropout
    (the unfused path) the scores, softmax, dropout mask and their gradients, per attention weight."""
    per_token = HIDDEN_TENSORS_TRAIN * shape.hidden + shape.mlp_tensors * shape.intermediate
    n = batch * seq * per_token * activation_bytes
    if shape.attention_dropout > 0:
        n += DROPOUT_ATTENTION_TENSORS * shape.heads * seq * seq * batch * 4
    return n


def adamw_estimate(shape: ModelShape, batch: int, seq: int, *, lora_parameters: int = 0, base_bytes: int = 4,
                   activation_bytes: int = 4, checkpointing: bool = False, device: str = "cpu",
                   kind: str = "") -> Estimate:
    """A training step with AdamW over batch x seq tokens: a full fine-tune (lora_parameters 0;
    fp32 master weights, gradients and two moments, 16 bytes per parameter) or LoRA (the frozen
    base at base_bytes per parameter, the adapters at 16), plus the activations and the loss.
    kind names the step in `what` ("training from scratch"; default: full fine-tune or LoRA)."""
    if lora_parameters:
        states = [(N_("frozen weights"), shape.num_parameters * base_bytes),
                  (N_("adapters, gradients and AdamW moments"), lora_parameters * 16)]
        kind = kind or N_("LoRA ({count} trained parameters)", count=f"{lora_parameters:,}")
    else:
        states = [(N_("weights, gradients and AdamW moments"), shape.num_parameters * 16)]
        kind = kind or N_("full fine-tune with AdamW")
    layer = layer_activation_bytes(shape, batch, seq, activation_bytes)
    if checkpointing:  # each layer's input is kept; one layer at a time is recomputed in the backward,
        # its activations and their gradients alive together (measured: about two layers' worth)
        activations = shape.layers * batch * seq * shape.hidden * activation_bytes + 2 * layer
    else:
        activations = shape.layers * layer
    parts = (*states, (N_("activations"), activations), (N_("logits and loss"), LOSS_TENSORS * batch * seq * shape.vocab * 4))
    if checkpointing:
        what = N_("{kind} at batch {batch} x {tokens} tokens with gradient checkpointing", kind=kind, batch=batch,
                  tokens=f"{seq:,}")
    else:
        what = N_("{kind} at batch {batch} x {tokens} tokens", kind=kind, batch=batch, tokens=f"{seq:,}")
    return Estimate(what, parts, device)
