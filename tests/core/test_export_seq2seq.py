"""ONNX export of an encoder-decoder (BART): encoder, decoder-init and decoder-with-past graphs."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.config import GenerationSettings
from workbench.export.pipeline import export_model

pytestmark = pytest.mark.slow


def test_bart_export_parity_and_generation(tiny_bart, tmp_path):
    from workbench import predict
    from workbench.generation.stream import generate_text as torch_generate
    from workbench.inference.generate import generate_text
    from workbench.inference.onnx_model import open_onnx
    from workbench.inference.tasks import embed
    from workbench.models.loading import load_model
    from workbench.models.spec import ModelSpec

    result = export_model(str(tiny_bart), tmp_path / "bart")
    report = result.report
    assert report["kind"] == "seq2seq" and report["passed"]
    assert set(report["graphs"]) == {"encoder", "decoder_init", "decoder_with_past"}
    for name in ("encoder_model.onnx", "decoder_model.onnx", "decoder_with_past_model.onnx"):
        assert (result.folder / name).is_file()
    fig = report["variants"]["fp32"]["parity"]
    # decoder logits step by step with the cache vs PyTorch without one, on every case
    assert fig["max_abs_diff"] < 1e-4 and fig["top1_agreement"] == 1.0 and fig["greedy_match"] == 1.0
    assert fig["hidden_max_abs_diff"] < 1e-4
    inputs = {i["name"]: i["shape"] for i in report["graphs"]["decoder_with_past"]["inputs"]}
    assert inputs["past.0.key"] == ["batch", 4, "past", 16] and inputs["cross.0.key"] == ["batch", 4, "enc_seq", 16]

    model = open_onnx(result.folder)
    torch_model = load_model(ModelSpec(str(tiny_bart), device="cpu"))
    assert model.is_encoder_decoder
    for settings in (GenerationSettings(max_new_tokens=20, greedy=True),
                     GenerationSettings(max_new_tokens=20, seed=5, temperature=1.5, top_k=0, top_p=1.0)):
        got = [t.token_id for t in generate_text(model, "the cat sat on the mat", settings).tokens]
        expected = [t.token_id for t in torch_generate(torch_model, "the cat sat on the mat", settings).tokens]
        assert got == expected and len(got) > 0
    texts = ["a little robot", "the lazy dog"]
    assert np.abs(embed(model, texts) - predict.embed(torch_model, texts)).max() < 1e-4
