"""export_report.json: what was exported, with which versions, and the parity figures.

The report is written for failed exports too (with passed=false), so the figures that failed
can be read after the fact; graphs that failed are deleted, never kept beside it.
"""

from __future__ import annotations

import json
import platform
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from workbench.onnx_format import FORMAT, FORMAT_VERSION, REPORT_NAME


def versions() -> dict[str, str]:
    import onnx
    import onnxruntime
    import onnxscript
    import torch
    import transformers

    import workbench

    return {"workbench": workbench.__version__, "python": platform.python_version(),
            "torch": torch.__version__, "transformers": transformers.__version__, "onnx": onnx.__version__,
            "onnxscript": onnxscript.__version__, "onnxruntime": onnxruntime.__version__}


def _dims(value_info: Any) -> list[int | str]:
    return [d.dim_param or d.dim_value for d in value_info.type.tensor_type.shape.dim]


def graph_io(path: Path) -> dict[str, Any]:
    """Input and output names, symbolic shapes and element types of a graph file."""
    import onnx

    proto = onnx.load(str(path), load_external_data=False)
    def describe(vi: Any) -> dict[str, Any]:
        return {"name": vi.name, "shape": _dims(vi),
                "type": onnx.TensorProto.DataType.Name(vi.type.tensor_type.elem_type).lower()}

    init = {i.name for i in proto.graph.initializer}
    return {"inputs": [describe(i) for i in proto.graph.input if i.name not in init],
            "outputs": [describe(o) for o in proto.graph.output],
            "opset": max((o.version for o in proto.opset_import if o.domain in ("", "ai.onnx")), default=0)}


def new_report(source: str, task: str, kind: str, loaded_info: Any, opset: int, prompts: tuple[str, ...]) -> dict[str, Any]:
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "source": source, "task": task, "kind": kind,
        "architecture": loaded_info.architecture, "model_type": loaded_info.model_type,
        "num_parameters": loaded_info.num_parameters, "context_length": loaded_info.context_length,
        "labels": list(loaded_info.labels), "opset": opset, "versions": versions(),
        "sample_prompts": list(prompts), "graphs": {}, "variants": {}, "default_variant": {},
        "thresholds": {
            "fp32": "max |logits - PyTorch| <= 1e-4 x max(1, RMS of PyTorch logits); same with and without "
                    "the KV cache; greedy generation equal token for token",
            "fp16/int8": "top-1 agreement >= 99% (embeddings: cosine >= 0.99)"},
        "passed": False,
    }


def write_report(report: dict[str, Any], out: Path) -> Path:
    path = out / REPORT_NAME
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return path


def _num(x: float | None, fmt: str) -> str:
    width = int("".join(ch for ch in fmt.split(".")[0] if ch.isdigit()) or 0)
    return "-".rjust(width) if x is None else format(x, fmt)


def summary(report: dict[str, Any]) -> str:
    """The parity report as a small text table (CLI output, GUI details)."""
    lines = [f"{report['architecture']} ({report['task']}) -> ONNX opset {report['opset']}, "
             f"{report['kind']} export"]
    head = (f"{'variant':10s} {'max|d|':>9s} {'mean|d|':>9s} {'tol':>8s} {'top1':>7s} {'top5':>7s} "
            f"{'cache|d|':>9s} {'greedy':>7s} {'emb cos':>8s} {'MB':>7s}  result")
    lines += [head, "-" * len(head)]
    for name, v in report["variants"].items():
        p = v.get("parity") or {}
        g = p.get("greedy_match")
        greedy = "-" if g is None else f"{g:.0%}"
        result = "ok" if v.get("passed") else "FAILED"
        lines.append(f"{name:10s} {_num(p.get('max_abs_diff'), '9.2e')} {_num(p.get('mean_abs_diff'), '9.2e')} "
                     f"{_num(p.get('tolerance'), '8.1e')} {_num(p.get('top1_agreement'), '7.2%')} "
                     f"{_num(p.get('top5_agreement'), '7.2%')} {_num(p.get('cache_max_abs_diff'), '9.2e')} "
                     f"{greedy:>7s} {_num(p.get('embedding_cosine_min'), '8.5f')} "
                     f"{v.get('size_bytes', 0) / 1e6:7.1f}  {result}")
        for reason in p.get("failures", []):
            lines.append(f"    {name}: {reason}")
        if v.get("error"):
            lines.append(f"    {name}: {v['error']}")
        if v.get("kept_for_evaluation"):
            lines.append(f"    {name}: kept for Evaluate only: `workbench eval` shows what it costs on your data")
    att = report.get("attention")
    if att:
        figures = f"max |d| {att['max_abs_diff']:.2e} vs PyTorch eager over {att['layers']} layers" \
            if "max_abs_diff" in att else att.get("error", "")
        lines.append(f"attention maps: {att.get('file', '-')} {figures} -> {'ok' if att['passed'] else 'FAILED'}")
    if report.get("default_variant"):
        lines.append("default variant: " + ", ".join(f"{d}: {v}" for d, v in report["default_variant"].items()))
    lines.append(f"parity checked on {report.get('parity_provider', 'CPUExecutionProvider')} against PyTorch "
                 f"{report['versions']['torch']} on {len(report.get('parity_cases', []))} input batches")
    return "\n".join(lines)
