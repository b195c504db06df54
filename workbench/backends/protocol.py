"""Backend: what the Playground pages and the CLI ask of an opened model, whichever runtime runs it.

Two classes implement it: LoadedModel (PyTorch, workbench.models.spec) and OnnxModel (ONNX
Runtime, workbench.inference.onnx_model). Each method delegates to that backend's existing
function (workbench.predict / generation.stream / attention.maps, or workbench.inference.*),
so callers write `model.classify(text)` and never test which backend they hold.

Attributes are declared as read-only properties: LoadedModel has plain dataclass fields where
OnnxModel computes properties, and a property in a Protocol accepts both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, Protocol, Sequence, runtime_checkable

if TYPE_CHECKING:  # only for the annotations: importing these would pull numpy/torch into every caller
    import numpy as np

    from workbench.attention.maps import AttentionMaps
    from workbench.config import GenerationSettings
    from workbench.control import Control
    from workbench.generation.stream import TokenGenerated
    from workbench.models.spec import ModelInfo, ModelSpec
    from workbench.predict import Classification, MaskPrediction


@runtime_checkable
class Backend(Protocol):
    @property
    def backend(self) -> str:
        """"pytorch" or "onnxruntime": for the few messages that must name the runtime."""

    @property
    def name(self) -> str: ...

    @property
    def spec(self) -> ModelSpec: ...

    @property
    def task(self) -> str:
        """One of workbench.models.spec.TASKS."""

    @property
    def info(self) -> ModelInfo: ...

    @property
    def tokenizer(self) -> Any: ...

    @property
    def device(self) -> str: ...

    @property
    def is_encoder_decoder(self) -> bool:
        """Seq2seq (summarize / translate): the output does not continue the input."""

    def describe(self) -> str:
        """One line for status bars and the CLI, e.g. "PyTorch on cpu"."""

    def generate_stream(self, prompt: str, settings: GenerationSettings,
                        control: Control | None = None) -> Iterator[TokenGenerated]:
        """Tokens as they are sampled; decoders continue `prompt`, seq2seq models rewrite it."""

    def classify(self, text: str, text_pair: str | None = None) -> Classification: ...

    def fill_mask(self, text: str, top_k: int = 5) -> list[MaskPrediction]: ...

    def embed(self, texts: list[str]) -> np.ndarray:
        """(n, hidden) sentence embeddings."""

    def similarity(self, a: str, b: str) -> float:
        """Cosine similarity of the two texts' embeddings."""

    def attention_maps(self, text: str, text_pair: str | None = None,
                       layers: Sequence[int] | None = None) -> AttentionMaps: ...

    def lm_logits(self, ids: np.ndarray) -> np.ndarray:
        """A causal LM's next-token logits at every position: ids (1, n) int64 -> (n, vocab) float32."""
