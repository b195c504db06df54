"""What the user asks of an export (ExportOptions) and the names of the files it writes."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.errors import WorkbenchError

# Kinds of export, from the task: which graphs are written and how they are run.
KIND_BY_TASK = {
    "causal-lm": "decoder",
    "masked-lm": "encoder",
    "sequence-classification": "encoder",
    "feature-extraction": "encoder",
    "seq2seq-lm": "seq2seq",
}
BASE_NAMES = {
    ("decoder", "decoder"): "model",
    ("encoder", "encoder"): "model",
    ("seq2seq", "encoder"): "encoder_model",
    ("seq2seq", "decoder_init"): "decoder_model",
    ("seq2seq", "decoder_with_past"): "decoder_with_past_model",
}
# Variants in the order they are built; each is validated against PyTorch like the first.
VARIANTS = ("fp32", "optimized", "fp16", "int8")
DEFAULT_PROMPTS = ("The quick brown fox jumps over the lazy dog.",
                   "Once upon a time there was a little robot who liked to read books.")
# Above this many bytes of weights the graph is saved with ONNX external data (protobuf's 2 GB cap).
EXTERNAL_DATA_BYTES = 1_800_000_000


class UnsupportedModelError(WorkbenchError):
    """The architecture or task cannot be exported (yet)."""


@dataclass(frozen=True)
class ExportOptions:
    """Export settings. The fp32 graph is always written and validated; the rest are extra variants.

    prompts: the user's own sample texts, checked besides generated inputs.
    greedy_tokens: new tokens compared in the greedy-generation check (decoders, seq2seq).
    attention_probs: export with opset 23 so the ONNX Attention op can return its probabilities.
    """

    task: str | None = None
    opset: int = 18
    optimize: bool = False
    fp16: bool = False
    int8: bool = False
    prompts: tuple[str, ...] = ()
    greedy_tokens: int = 32
    attention_probs: bool = False
    overwrite: bool = False

    def variants(self) -> tuple[str, ...]:
        wanted = {"fp32": True, "optimized": self.optimize, "fp16": self.fp16, "int8": self.int8}
        return tuple(v for v in VARIANTS if wanted[v])


def file_name(kind: str, role: str, variant: str) -> str:
    """model.onnx, model.int8.onnx, decoder_with_past_model.fp16.onnx ..."""
    base = BASE_NAMES[(kind, role)]
    return f"{base}.onnx" if variant == "fp32" else f"{base}.{variant}.onnx"
