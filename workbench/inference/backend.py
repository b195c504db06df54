"""One entry point per Playground feature for both backends (PyTorch LoadedModel or OnnxModel).

    from workbench.inference import backend
    model = backend.open_model(source)          # an ONNX export folder -> OnnxModel
    for event in backend.generate_stream(model, prompt, settings, control): ...
    backend.classify(model, text) / fill_mask / embed / similarity
"""

from __future__ import annotations

from typing import Any, Iterator

from workbench.config import GenerationSettings
from workbench.control import Control
from workbench.inference.onnx_model import OnnxModel, is_onnx_folder, open_onnx


def is_onnx(model: Any) -> bool:
    return isinstance(model, OnnxModel)


def open_model(source: str, task: str | None = None, device: str = "auto", dtype: str = "float32",
               trust_remote_code: bool = False, providers: list[str] | None = None) -> Any:
    """An ONNX export folder opens on ONNX Runtime; anything else through load_model (PyTorch)."""
    if is_onnx_folder(source):
        return open_onnx(source, providers=providers, device=device)
    from workbench.models.loading import load_model
    from workbench.models.spec import ModelSpec

    return load_model(ModelSpec(source=source, task=task, device=device, dtype=dtype,
                                trust_remote_code=trust_remote_code))


def generate_stream(model: Any, prompt: str, settings: GenerationSettings,
                    control: Control | None = None) -> Iterator[Any]:
    if isinstance(model, OnnxModel):
        from workbench.inference.generate import generate_stream as onnx_stream

        return onnx_stream(model, prompt, settings, control)
    from workbench.generation.stream import generate_stream as torch_stream

    return torch_stream(model, prompt, settings, control)


def classify(model: Any, text: str, text_pair: str | None = None) -> Any:
    from workbench.inference.tasks import run_any

    return run_any("classify", model, text, text_pair)


def fill_mask(model: Any, text: str, top_k: int = 5) -> Any:
    from workbench.inference.tasks import run_any

    return run_any("fill_mask", model, text, top_k)


def embed(model: Any, texts: list[str]) -> Any:
    from workbench.inference.tasks import run_any

    return run_any("embed", model, texts)


def similarity(model: Any, a: str, b: str) -> float:
    from workbench.inference.tasks import run_any

    return float(run_any("similarity", model, a, b))


def attention_maps(model: Any, text: str, text_pair: str | None = None) -> Any:
    """AttentionMaps of `text`: PyTorch's eager attention, or, for an ONNX export made with
    --attention, the probabilities of the exported graph's own Attention ops."""
    if isinstance(model, OnnxModel):
        from workbench.errors import InputError
        from workbench.inference.attention import onnx_attention_maps

        if text_pair:
            raise InputError("ONNX attention maps take one text; clear the second text")
        return onnx_attention_maps(model, text)
    from workbench.attention.maps import extract_attention

    return extract_attention(model, text, text_pair)
