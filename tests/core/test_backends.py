"""The Backend protocol: one open_model, and both implementations answering through the same methods."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.backends import Backend, open_model
from workbench.config import GenerationSettings
from workbench.errors import InputError


def test_pytorch_backend_methods_are_the_predict_functions(tiny_bert_cls):
    from workbench import predict
    from workbench.backends import TorchBackend
    from workbench.models.spec import LoadedModel

    model = open_model(str(tiny_bert_cls), device="cpu")
    assert isinstance(model, TorchBackend) and isinstance(model, LoadedModel) and isinstance(model, Backend)
    assert model.backend == "pytorch" and model.describe() == "PyTorch on cpu"
    text = "a lovely film"
    assert model.classify(text) == predict.classify(model, text)
    texts = ["a cat sat on the mat", "a dog lay on the rug"]
    assert np.array_equal(model.embed(texts), predict.embed(model, texts))
    assert model.similarity(*texts) == predict.similarity(model, *texts)
    assert model.attention_maps(text).sets["self"].weights.shape[0] == model.info.num_layers


def test_pytorch_generate_stream_is_generation_stream(tiny_gpt2):
    from workbench.generation.stream import generate_stream

    model = open_model(str(tiny_gpt2), device="cpu")
    settings = GenerationSettings(max_new_tokens=4, greedy=True)
    got = [t.token_id for t in model.generate_stream("the cat", settings)]
    assert got == [t.token_id for t in generate_stream(model, "the cat", settings)]


@pytest.mark.slow
def test_onnx_export_opens_as_a_backend(tiny_bert_cls, tmp_path):
    from workbench.export.options import ExportOptions
    from workbench.export.pipeline import export_model
    from workbench.backends import OnnxBackend
    from workbench.inference.tasks import classify

    folder = export_model(str(tiny_bert_cls), tmp_path / "cls", ExportOptions()).folder
    messages: list[str] = []
    model = open_model(str(folder), device="cpu", progress=messages.append)
    assert isinstance(model, OnnxBackend) and isinstance(model, Backend)
    assert model.backend == "onnxruntime" and model.describe().startswith("ONNX Runtime")
    assert messages == ["Opening the ONNX export with ONNX Runtime ..."]
    assert model.classify("a lovely film") == classify(model, "a lovely film")
    with pytest.raises(InputError, match="one text"):
        model.attention_maps("a lovely film", "a second text")


def test_a_plain_loaded_model_is_not_a_backend(tiny_gpt2):
    """What load_model returns has no Playground methods: the GUI and the CLI open through open_model."""
    from workbench.models.loading import load_model
    from workbench.models.spec import ModelSpec

    loaded = load_model(ModelSpec(str(tiny_gpt2), device="cpu"))
    assert loaded.backend == "pytorch" and loaded.describe() == "PyTorch on cpu"
    assert not isinstance(loaded, Backend)
