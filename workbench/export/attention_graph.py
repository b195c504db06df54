"""An attention-map graph: the opset-23 export with each Attention op's softmax probabilities as outputs.

From opset 23, torch.onnx turns scaled_dot_product_attention into the ONNX `Attention` op.
Its optional fourth output is the QK matmul result; qk_matmul_output_mode=3 makes that the
probabilities after the softmax. Exposing it as `attention.{layer}` (batch, heads, query, key)
gives the ONNX model's own attention maps, comparable with PyTorch's eager attentions.
"""

from __future__ import annotations

from pathlib import Path

from workbench.export.options import UnsupportedModelError

QK_AFTER_SOFTMAX = 3


def add_attention_outputs(src: Path, dst: Path) -> int:
    """Write dst = src with probabilities outputs; the number of Attention ops (layers) exposed."""
    import onnx
    from onnx import helper

    proto = onnx.load(str(src))
    nodes = [n for n in proto.graph.node if n.op_type == "Attention" and n.domain in ("", "ai.onnx")]
    if not nodes:
        raise UnsupportedModelError("This graph has no ONNX Attention ops (they need opset 23 and SDPA "
                                    "attention), so it cannot return attention maps")
    for layer, node in enumerate(nodes):
        for attr in list(node.attribute):
            if attr.name == "qk_matmul_output_mode":
                node.attribute.remove(attr)
        node.attribute.append(helper.make_attribute("qk_matmul_output_mode", QK_AFTER_SOFTMAX))
        while len(node.output) < 4:
            node.output.append("")  # present_key / present_value stay unused
        name = f"attention.{layer}"
        node.output[3] = name
        proto.graph.output.append(helper.make_tensor_value_info(name, onnx.TensorProto.FLOAT, None))
    onnx.save(proto, str(dst))
    return len(nodes)
