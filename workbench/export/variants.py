"""Optimised, fp16 and int8 variants of an exported graph. Each is re-validated by the caller.

- optimized: onnxscript's ORT fusions (MultiHeadAttention, SkipLayerNormalization, GELU, rotary
  embeddings, GQA where the patterns match the dynamo graph). Its MHA fusion can swallow the
  Reshape in front of a 2-D Gemm (GPT-2's Conv1D), leaving a rank-3 Gemm ORT refuses to load;
  turning every Gemm into MatMul + Add first avoids that (MatMul takes any rank).
- fp16: onnxruntime.transformers' float16 converter, inputs and outputs included (the KV cache
  stays fp16 on the GPU). Meant for CUDA.
- int8: ORT dynamic quantisation of the MatMul weights, per output channel (Gemms are turned into
  MatMuls first so GPT-2's Conv1D layers count too). Meant for the CPU. Per-channel scales and
  fp32 embeddings (Gather is not quantised) were measured against the earlier per-tensor scales
  with int8 embeddings, same speed: on the built-in story LM top-1 agreement 100% vs 98.9% and
  greedy generation equal for 64 tokens vs 33; on random BERT-base 96.7% vs 97.1% (random
  weights give nearly tied logits, so any int8 noise flips some of them). Stale value_info from the dynamo export
  breaks the quantiser's shape pass, so it is cleared first. "Attention" is left out of the op
  types: the quantiser takes it for ORT's contrib Attention and writes an invalid QAttention
  for the opset-23 ONNX Attention op.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

log = logging.getLogger("workbench")
INT8_OPS = ["MatMul"]


def gemm_to_matmul(proto: Any) -> int:
    """Replace Gemm(A, B, C) (alpha=beta=1, no transA) with MatMul(A, B') + Add(C) in place."""
    from onnx import helper, numpy_helper

    graph = proto.graph
    inits = {i.name: i for i in graph.initializer}
    nodes, changed = [], 0
    for node in graph.node:
        attrs = {a.name: helper.get_attribute_value(a) for a in node.attribute}
        simple = attrs.get("alpha", 1.0) == 1.0 and attrs.get("beta", 1.0) == 1.0 and not attrs.get("transA", 0)
        weight = node.input[1] if node.op_type == "Gemm" else None
        if node.op_type != "Gemm" or not simple or (attrs.get("transB", 0) and weight not in inits):
            nodes.append(node)
            continue
        if attrs.get("transB", 0):  # store the weight pre-transposed: (out, in) -> (in, out)
            arr = numpy_helper.to_array(inits[weight]).T.copy()
            inits[weight].CopyFrom(numpy_helper.from_array(arr, weight))
        has_bias = len(node.input) > 2 and node.input[2]
        mm_out = node.output[0] + "_matmul" if has_bias else node.output[0]
        nodes.append(helper.make_node("MatMul", [node.input[0], weight], [mm_out], name=node.name + "_matmul"))
        if has_bias:
            nodes.append(helper.make_node("Add", [mm_out, node.input[2]], [node.output[0]], name=node.name + "_bias"))
        changed += 1
    del graph.node[:]
    graph.node.extend(nodes)
    return changed


def optimize(src: Path, dst: Path) -> dict[str, int]:
    """Fuse transformer patterns for ONNX Runtime; {fusion: count} of what was applied."""
    import onnx
    import onnx_ir as ir
    from onnxscript.rewriter.ort_fusions import optimize_for_ort

    proto = onnx.load(str(src))
    gemm_to_matmul(proto)
    model, counts = optimize_for_ort(ir.from_proto(proto))
    out = ir.to_proto(model)
    # Shapes inferred before the fusions no longer hold after them (ORT warns on each); ORT
    # infers its own at load time.
    del out.graph.value_info[:]
    _save(out, dst)
    return {k: int(v) for k, v in counts.items() if v}


def to_fp16(src: Path, dst: Path) -> None:
    import onnx
    from onnxruntime.transformers.float16 import convert_float_to_float16

    proto = onnx.load(str(src))
    _save(convert_float_to_float16(proto, keep_io_types=False, disable_shape_infer=True), dst)


def to_int8(src: Path, dst: Path) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    proto = onnx.load(str(src))
    gemm_to_matmul(proto)
    del proto.graph.value_info[:]
    tmp = dst.with_suffix(".prequant.onnx")
    _save(proto, tmp)
    quiet = _DropPreprocessHint()
    logging.getLogger().addFilter(quiet)  # the quantiser logs a pre-processing hint on the root logger
    try:
        # DefaultTensorType: fused contrib ops (MultiHeadAttention ...) have no ONNX type inference.
        quantize_dynamic(str(tmp), str(dst), weight_type=QuantType.QInt8, op_types_to_quantize=INT8_OPS, per_channel=True,
                         use_external_data_format=_needs_external(proto),
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
    finally:
        logging.getLogger().removeFilter(quiet)
        for p in (tmp, tmp.with_name(tmp.name + ".data")):
            p.unlink(missing_ok=True)


class _DropPreprocessHint(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "pre-processing before quantization" not in record.getMessage()


def _needs_external(proto: Any) -> bool:
    """Weights past protobuf's 2 GB limit? (proto.ByteSize() itself fails there, so sum them.)"""
    from workbench.export.options import EXTERNAL_DATA_BYTES

    return sum(len(t.raw_data) for t in proto.graph.initializer) > EXTERNAL_DATA_BYTES


def _save(proto: Any, dst: Path) -> None:
    """Save, with external data when the weights pass protobuf's 2 GB limit."""
    import onnx

    if _needs_external(proto):
        onnx.save(proto, str(dst), save_as_external_data=True, location=dst.name + ".data")
    else:
        onnx.save(proto, str(dst))
