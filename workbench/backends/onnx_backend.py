"""The ONNX Runtime backend: OnnxBackend, an OnnxModel with the Backend methods, and its opener.

A subclass rather than methods on OnnxModel itself: workbench.inference.tasks, .generate and
.attention import onnx_model, so calling them from OnnxModel would make an import cycle.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Callable, Iterator, Sequence

import numpy as np

from workbench.attention.maps import AttentionMaps
from workbench.config import GenerationSettings
from workbench.control import Control
from workbench.errors import InputError
from workbench.generation.stream import TokenGenerated
from workbench.inference import tasks
from workbench.inference.attention import onnx_attention_maps
from workbench.inference.generate import generate_stream
from workbench.inference.onnx_model import OnnxModel, open_onnx
from workbench.predict import Classification, MaskPrediction
from workbench.texts import N_


class OnnxBackend(OnnxModel):
    """Each method is the ONNX Runtime function of the same name, called on this model."""

    @classmethod
    def of(cls, model: OnnxModel) -> OnnxBackend:
        """The same export (shared sessions and tokenizer) as an OnnxBackend."""
        return cls(**{f.name: getattr(model, f.name) for f in fields(model) if f.init})

    def generate_stream(self, prompt: str, settings: GenerationSettings,
                        control: Control | None = None) -> Iterator[TokenGenerated]:
        return generate_stream(self, prompt, settings, control)

    def classify(self, text: str, text_pair: str | None = None) -> Classification:
        return tasks.classify(self, text, text_pair)

    def fill_mask(self, text: str, top_k: int = 5) -> list[MaskPrediction]:
        return tasks.fill_mask(self, text, top_k)

    def embed(self, texts: list[str]) -> np.ndarray:
        return tasks.embed(self, texts)

    def similarity(self, a: str, b: str) -> float:
        return tasks.similarity(self, a, b)

    def attention_maps(self, text: str, text_pair: str | None = None,
                       layers: Sequence[int] | None = None) -> AttentionMaps:
        """The probabilities of the graph's own Attention ops (an export made with --attention).
        The graph returns every layer at once, so `layers` is not used: the maps hold them all."""
        if text_pair:
            raise InputError("ONNX attention maps take one text; clear the second text")
        return onnx_attention_maps(self, text)

    def lm_logits(self, ids: np.ndarray) -> np.ndarray:
        if self.kind != "decoder":
            raise InputError("This export is a {kind} graph; next-token logits need a causal LM", kind=self.kind)
        return self.decoder_stepper(1).step(ids)[0]  # one call with an empty cache: (n, vocab)


def open_onnx_export(folder: str | Path, device: str = "auto", providers: list[str] | None = None,
                     variant: str | None = None, progress: Callable[[str], None] | None = None,
                     allow_refused: bool = False) -> OnnxBackend:
    """open_onnx's export as an OnnxBackend; variant None takes the report's default for the device."""
    if progress is not None:
        progress(N_("Opening the ONNX export with ONNX Runtime ..."))
    return OnnxBackend.of(open_onnx(folder, providers=providers, variant=variant, device=device,
                                    allow_refused=allow_refused))
