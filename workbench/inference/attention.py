"""Attention maps from the exported ONNX graph, and their difference with PyTorch's on the same text.

The export's attention graph (see workbench.export.attention_graph) returns each layer's softmax
probabilities; they come back in the attention explorer's own AttentionMaps type, so the same
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
    """Run the attention graph on one sequence (no cache); stack its attention.{layer} outputs."""
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
    out, _ = r.run(feeds, host_out=names)
    return np.stack([out[n][0] for n in names]).astype(np.float32)


def onnx_attention_maps(model: OnnxModel, text: str) -> Any:
    """AttentionMaps (kind "self") of the ONNX model for `text`, tokenised as the explorer does."""
    from workbench.attention.maps import AttentionMaps, AttentionSet, _special_mask, _word_ids, token_labels

    if not text or not text.strip():
        raise InputError("The text is empty; type some text first")
    tok = model.tokenizer
    ids = tok(text, add_special_tokens=model.task != "causal-lm")["input_ids"]
    limit = model.info.context_length or 512
    ids = ids[:limit]
    weights = attention_from_ids(model, ids)
    labels, special, words = token_labels(tok, ids), _special_mask(tok, ids), _word_ids(tok, ids)
    s = AttentionSet("self", weights, labels, labels, special, special, words, words, model.task == "causal-lm")
    return AttentionMaps(f"{model.folder} (ONNX Runtime, {model.provider})", {"self": s}, tuple(ids),
                         notes=("Attention probabilities from the ONNX Attention ops (opset 23).",))


def compare_attention(torch_loaded: Any, model: OnnxModel, text: str) -> AttentionComparison:
    """The ONNX maps, PyTorch's eager maps for the same tokens, and their difference."""
    from workbench.attention.maps import extract_from_ids

    onnx_maps = onnx_attention_maps(model, text)
    torch_maps = extract_from_ids(torch_loaded, list(onnx_maps.token_ids))
    diff = onnx_maps.weights - torch_maps.weights
    return AttentionComparison(onnx_maps, torch_maps, diff, float(np.abs(diff).max()))
