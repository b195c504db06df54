"""The on-disk format of a Workbench ONNX export, shared by the exporter (which writes it) and
ONNX Runtime inference (which reads it), so neither package imports the other for it."""

from __future__ import annotations

# Graph roles per kind; a variant has one .onnx file per role.
ROLES: dict[str, tuple[str, ...]] = {
    "decoder": ("decoder",),
    "encoder": ("encoder",),
    "seq2seq": ("encoder", "decoder_init", "decoder_with_past"),
}
REPORT_NAME = "export_report.json"
FORMAT = "workbench-onnx-export"
FORMAT_VERSION = 1
# The graph metadata key of an attention-maps export: a JSON list, one {"causal", "softcap", "mask"} per layer.
ATTENTION_METADATA_KEY = "workbench.attention"
