"""An attention-map graph: the opset-23 export with each Attention op's scores as outputs.

From opset 23, torch.onnx turns scaled_dot_product_attention into the ONNX `Attention` op. Its
optional fourth output is the QK matmul result, in one of four modes. Only mode 0 (the scaled
scores Q·Kᵀ·scale, before mask and softmax) runs on ONNX Runtime's CUDA provider (modes 1-3
are NOT_IMPLEMENTED there, onnxruntime#28351), so the graph returns mode 0 on every provider:

- `attention.{layer}`: scores (batch, heads, query, key), already scaled;
- `attention_mask.{layer}`: the op's own mask input (bool or additive float, broadcastable),
  when it has one, so the host applies exactly the mask the op applied.

The host (workbench.inference.attention.probabilities) then applies the softcap, the causal
mask (explicit, top-left aligned: the graph runs without a past, so query and key lengths are
equal, and ORT's CPU and CUDA alignments differ otherwise, onnxruntime#29020), the mask, and the
softmax. Which of these each layer needs is written into the model's metadata.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from workbench.export.options import UnsupportedModelError
from workbench.onnx_format import ATTENTION_METADATA_KEY

QK_SCORES = 0  # the scaled scores, before softcap, mask and softmax: the only mode ORT CUDA runs
METADATA_KEY = ATTENTION_METADATA_KEY  # JSON list, one {"causal", "softcap", "mask"} per layer


def add_attention_outputs(src: Path, dst: Path) -> int:
    """Write dst = src with scores (and mask) outputs; the number of Attention ops (layers) exposed."""
    import onnx
    from onnx import helper

    proto = onnx.load(str(src))
    nodes = [n for n in proto.graph.node if n.op_type == "Attention" and n.domain in ("", "ai.onnx")]
    if not nodes:
        raise UnsupportedModelError("This graph has no ONNX Attention ops (they need opset 23 and SDPA "
                                    "attention), so it cannot return attention maps")
    layers = []
    for layer, node in enumerate(nodes):
        attrs = {a.name: helper.get_attribute_value(a) for a in node.attribute}
        for attr in list(node.attribute):
            if attr.name == "qk_matmul_output_mode":
                node.attribute.remove(attr)
        node.attribute.append(helper.make_attribute("qk_matmul_output_mode", QK_SCORES))
        while len(node.output) < 4:
            node.output.append("")  # present_key / present_value stay unused
        node.output[3] = f"attention.{layer}"
        proto.graph.output.append(helper.make_tensor_value_info(node.output[3], onnx.TensorProto.FLOAT, None))
        mask = _expose_mask(proto, node, layer)
        layers.append({"causal": bool(attrs.get("is_causal", 0)), "softcap": float(attrs.get("softcap", 0.0)),
                       "mask": mask})
    meta = proto.metadata_props.add()
    meta.key, meta.value = METADATA_KEY, json.dumps(layers)
    onnx.save(proto, str(dst))
    return len(nodes)


def _expose_mask(proto: Any, node: Any, layer: int) -> str | None:
    """Make the op's attn_mask input (input 3) a graph output too; its output name, or None."""
    from onnx import helper

    if len(node.input) < 4 or not node.input[3]:
        return None
    name = f"attention_mask.{layer}"
    proto.graph.node.append(helper.make_node("Identity", [node.input[3]], [name], name=f"expose_{name}"))
    proto.graph.output.append(helper.make_empty_tensor_value_info(name))
    return name
