"""The PyTorch backend: TorchBackend, a LoadedModel with the Backend methods, and open_torch.

A subclass rather than methods on LoadedModel itself: workbench.predict, generation.stream and
attention.maps take a LoadedModel, so they sit above models/ and only a class up here may call
them. A TorchBackend is still a LoadedModel, so every feature that takes one takes it.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Callable, Iterator, Sequence

import numpy as np

from workbench import predict
from workbench.attention.maps import AttentionMaps, extract_attention
from workbench.config import GenerationSettings
from workbench.control import Control
from workbench.generation.stream import TokenGenerated, generate_stream
from workbench.models.spec import LoadedModel, ModelSpec


class TorchBackend(LoadedModel):
    """Each method is the PyTorch function of the same name, called on this model."""

    @classmethod
    def of(cls, loaded: LoadedModel) -> TorchBackend:
        """The same model (shared module, tokenizer and extras) as a TorchBackend."""
        return cls(**{f.name: getattr(loaded, f.name) for f in fields(loaded) if f.init})

    def generate_stream(self, prompt: str, settings: GenerationSettings,
                        control: Control | None = None) -> Iterator[TokenGenerated]:
        return generate_stream(self, prompt, settings, control)

    def classify(self, text: str, text_pair: str | None = None) -> predict.Classification:
        return predict.classify(self, text, text_pair)

    def fill_mask(self, text: str, top_k: int = 5) -> list[predict.MaskPrediction]:
        return predict.fill_mask(self, text, top_k)

    def embed(self, texts: list[str]) -> np.ndarray:
        return predict.embed(self, texts)

    def similarity(self, a: str, b: str) -> float:
        return predict.similarity(self, a, b)

    def attention_maps(self, text: str, text_pair: str | None = None,
                       layers: Sequence[int] | None = None) -> AttentionMaps:
        """Caught layer by layer (only `layers` when given, for decoders and encoders), or with eager
        attention for the call where the model must switch."""
        return extract_attention(self, text, text_pair, layers)

    def lm_logits(self, ids: np.ndarray) -> np.ndarray:
        import torch

        with torch.inference_mode():
            out = self.model(input_ids=torch.as_tensor(ids, device=self.device), use_cache=False)
        return out.logits[0].float().cpu().numpy()  # (n, vocab)


def open_torch(source: str, task: str | None = None, device: str = "auto", dtype: str = "float32",
               trust_remote_code: bool = False, progress: Callable[[str], None] | None = None) -> TorchBackend:
    # Imported on call: loading pulls in transformers and torch, which `import workbench.backends` should not.
    from workbench.models.loading import load_model

    spec = ModelSpec(source=source, task=task, device=device, dtype=dtype, trust_remote_code=trust_remote_code)
    return TorchBackend.of(load_model(spec, progress=progress))
