"""What the user asks to open (ModelSpec) and what they get back (LoadedModel, ModelInfo)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from workbench.texts import N_

# The tasks Workbench knows, in the order they are offered in an override menu.
TASKS: tuple[str, ...] = (
    "causal-lm",
    "seq2seq-lm",
    "masked-lm",
    "sequence-classification",
    "feature-extraction",
)
DTYPES: tuple[str, ...] = ("float32", "float16", "bfloat16")
BUILTIN_PREFIX = "builtin:"


@dataclass(frozen=True)
class ModelSpec:
    """A request to load a model.

    source: a hub id ("gpt2"), a local folder, or "builtin:NAME".
    task: None to detect from the config, or one of TASKS to override.
    device: "auto" (CUDA, then MPS, then CPU), "cpu", "cuda", "cuda:1", "mps".
    attn_implementation: None lets transformers choose (SDPA); "eager" is needed for attention maps.
    """

    source: str
    task: str | None = None
    device: str = "auto"
    dtype: str = "float32"
    trust_remote_code: bool = False
    attn_implementation: str | None = None


@dataclass(frozen=True)
class ModelInfo:
    """The info card. Everything here comes from the config and the files, except device."""

    source: str
    path: str | None  # local folder the files were read from (hub cache snapshot for hub ids)
    architecture: str
    model_type: str
    task: str
    num_parameters: int
    num_layers: int | None
    num_heads: int | None
    num_kv_heads: int | None
    hidden_size: int | None
    vocab_size: int | None
    context_length: int | None
    dtype: str
    size_on_disk: int  # bytes of weight files
    estimated_memory: int  # bytes of weights at the chosen dtype
    device: str
    labels: tuple[str, ...] = ()
    has_chat_template: bool = False

    def as_rows(self) -> list[tuple[str, str]]:
        """(label, value) pairs for an info card or `workbench info`."""
        def num(v: int | None) -> str:
            return "-" if v is None else f"{v:,}"

        heads = num(self.num_heads)
        if self.num_kv_heads and self.num_heads and self.num_kv_heads != self.num_heads:
            heads += f" ({self.num_kv_heads} key/value heads)"
        rows = [
            (N_("Source"), self.source),
            (N_("Architecture"), self.architecture),
            (N_("Model type"), self.model_type),
            (N_("Task"), self.task),
            (N_("Parameters"), f"{self.num_parameters:,} ({human_count(self.num_parameters)})"),
            (N_("Layers"), num(self.num_layers)),
            (N_("Heads"), heads),
            (N_("Hidden size"), num(self.hidden_size)),
            (N_("Vocabulary"), num(self.vocab_size)),
            (N_("Context length"), num(self.context_length)),
            (N_("Dtype"), self.dtype),
            (N_("Size on disk"), human_bytes(self.size_on_disk)),
            (N_("Estimated memory"), human_bytes(self.estimated_memory)),
            (N_("Device"), self.device),
        ]
        if self.labels:
            rows.append((N_("Labels"), ", ".join(self.labels)))
        if self.path:
            rows.append((N_("Folder"), self.path))
        return rows


@dataclass
class LoadedModel:
    """A model ready to use. model is a torch.nn.Module in eval mode on `device`.

    The Playground features (classify, generate_stream, ...) are on workbench.backends'
    TorchBackend, a subclass: they live in modules that import this one, so they sit above it.
    """

    spec: ModelSpec
    model: Any
    tokenizer: Any
    task: str
    info: ModelInfo
    device: str
    extras: dict[str, Any] = field(default_factory=dict)
    backend: ClassVar[str] = "pytorch"  # OnnxModel's is "onnxruntime"

    @property
    def name(self) -> str:
        return self.spec.source

    @property
    def is_encoder_decoder(self) -> bool:
        return bool(getattr(self.model.config, "is_encoder_decoder", False))

    def describe(self) -> str:
        """One line for status bars and the CLI, like OnnxModel.describe()."""
        return N_("PyTorch on {device}", device=self.device)


def human_bytes(n: int | float) -> str:
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if abs(n) < 1024 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TB"


def human_count(n: int) -> str:
    for div, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if n >= div:
            return f"{n / div:.1f}{suffix}"
    return str(n)
