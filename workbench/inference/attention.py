"""Attention maps from the exported ONNX graph, and their difference with PyTorch's on the same text.

The export's attention graph (see workbench.export.attention_graph) returns each layer's scaled
scores (the only output mode ONNX Runtime's CUDA provider runs); the softmax is taken here, so the
maps are the same on every provider; they come back in the attention explorer's own AttentionMaps type, so the same
views can show them, and compare_attention gives the difference map against eager PyTorch.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from workbench.errors import InputError
from workbench.inference.onnx_model import OnnxModel
from workbench.inference.providers import make_session
from workbench.inference.runtime import GraphRunner, positions
from workbench.texts import N_


@dataclass(frozen=True)
class AttentionComparison:
    onnx: Any  # AttentionMaps from ONNX Runtime
    torch: Any  # AttentionMaps from PyTorch (eager attention)
    diff: np.ndarray  # (layers, heads, query, key): onnx - torch
    max_abs_diff: float


def _runner(model: OnnxModel) -> GraphRunner:
    info = model.report.get("attention")
    if not info or not (model.folder / info["file"]).is_file():
        raise InputError("This export has no attention graph; export again with attention maps "
                         "(the Export page's checkbox, or --attention on the command line)")
    if "attention" not in model.extras:
        model.extras["attention"] = GraphRunner(make_session(model.folder / info["file"], model.choice),
                                                model.device, model.choice.device_id, model.iobinding)
    return model.extras["attention"]


def attention_from_ids(model: OnnxModel, ids: list[int]) -> np.ndarray:
    """(layers, heads, seq, seq) float32 softmax probabilities for one sequence of token ids."""
    if model.kind == "seq2seq":
        raise InputError("ONNX attention maps are available for decoder and encoder exports")
    return probabilities(_runner(model), ids)


def probabilities(r: GraphRunner, ids: list[int]) -> np.ndarray:
    """Run the attention graph on one sequence (no cache); (layers, heads, seq, seq) probabilities."""
    x = np.asarray([ids], dtype=np.int64)
    feeds: dict[str, np.ndarray] = {"input_ids": x, "attention_mask": np.ones_like(x)}
    if "position_ids" in r.inputs:
        feeds["position_ids"] = positions(feeds["attention_mask"], x.shape[1])
    if "token_type_ids" in r.inputs:
        feeds["token_type_ids"] = np.zeros_like(x)
    for name in r.inputs:
        if name.startswith("past."):
            shape = r.inputs[name].shape
            feeds[name] = np.zeros((1, int(shape[1]), 0, int(shape[3])), dtype=r.dtype(name))
    names = sorted((o for o in r.outputs if o.startswith("attention.")), key=lambda n: int(n.split(".")[1]))
    layers = _layer_info(r, len(names))
    masks = [info["mask"] for info in layers if info and info.get("mask")]
    out, _ = r.run(feeds, host_out=names + masks)
    if not any(layers):  # an export made before scores were used: the outputs are probabilities
        return np.stack([out[n][0] for n in names]).astype(np.float32)
    return np.stack([_softmax_scores(out[n], out.get(info.get("mask") or ""), info)[0]
                     for n, info in zip(names, layers)]).astype(np.float32)


def _layer_info(r: GraphRunner, count: int) -> list[dict[str, Any]]:
    """Per-layer {"causal", "softcap", "mask"} from the graph's metadata ([{}] * count if none)."""
    import json

    from workbench.onnx_format import ATTENTION_METADATA_KEY as METADATA_KEY

    meta = r.session.get_modelmeta().custom_metadata_map.get(METADATA_KEY)
    return json.loads(meta) if meta else [{}] * count


def _softmax_scores(scores: np.ndarray, mask: np.ndarray | None, info: dict[str, Any]) -> np.ndarray:
    """What the Attention op does after its QK matmul: softcap, causal mask, mask, softmax.

    scores (b, h, q, k) are already scaled; mask is bool (True = attend) or additive float.
    """
    x = scores.astype(np.float64)
    if info.get("softcap"):
        x = info["softcap"] * np.tanh(x / info["softcap"])
    q, k = x.shape[-2:]
    if info.get("causal"):  # no past here, so q == k; explicit, not ORT's provider-dependent alignment
        x = np.where(np.tril(np.ones((q, k), dtype=bool)), x, -np.inf)
    if mask is not None:
        mask = mask[..., -q:, -k:] if mask.ndim >= 2 else mask
        x = np.where(mask, x, -np.inf) if mask.dtype == np.bool_ else x + mask.astype(np.float64)
    x = x - x.max(axis=-1, keepdims=True)
    e = np.exp(x)
    return e / e.sum(axis=-1, keepdims=True)


def onnx_attention_maps(model: OnnxModel, text: str) -> Any:
    """AttentionMaps (kind "self") of the ONNX model for `text`, tokenised as the explorer does."""
    from workbench.attention.maps import AttentionMaps, AttentionSet, _special_mask, token_views

    if not text or not text.strip():
        raise InputError("The text is empty; type some text first")
    tok = model.tokenizer
    ids = tok(text, add_special_tokens=model.task != "causal-lm")["input_ids"]
    limit = model.info.context_length or 512
    ids = ids[:limit]
    weights = attention_from_ids(model, ids)
    (labels, hover, words), special = token_views(tok, ids), _special_mask(tok, ids)
    s = AttentionSet("self", weights, labels, labels, special, special, words, words, model.task == "causal-lm",
                     query_hover=hover, key_hover=hover)
    return AttentionMaps(f"{model.folder} (ONNX Runtime, {model.provider})", {"self": s}, tuple(ids),
                         notes=(N_("Attention probabilities from the ONNX Attention ops (opset 23)."),))


def compare_attention(torch_loaded: Any, model: OnnxModel, text: str) -> AttentionComparison:
    """The ONNX maps, PyTorch's eager maps for the same tokens, and their difference."""
    from workbench.attention.maps import extract_from_ids

    onnx_maps = onnx_attention_maps(model, text)
    torch_maps = extract_from_ids(torch_loaded, list(onnx_maps.token_ids))
    diff = onnx_maps.weights - torch_maps.weights
    return AttentionComparison(onnx_maps, torch_maps, diff, float(np.abs(diff).max()))
