"""ONNX Runtime on CUDA: the provider, the IOBinding KV cache, fp16, attention maps, encoders, seq2seq.

Skipped without a CUDA GPU (tests/gpu/conftest.py) and without onnxruntime-gpu's CUDA provider
(below). Run on the GPU machine by benchmarks/gpu/run.sh. Each CUDA answer is compared with the
CPU provider's (or PyTorch's) on the same export.
"""

from __future__ import annotations

import pytest

from workbench.config import GenerationSettings
from workbench.export.options import ExportOptions
from workbench.export.pipeline import export_model

ort = pytest.importorskip("onnxruntime")
if "CUDAExecutionProvider" not in ort.get_available_providers():
    pytest.skip("onnxruntime has no CUDAExecutionProvider here (install onnxruntime-gpu)", allow_module_level=True)

GREEDY = GenerationSettings(max_new_tokens=16, greedy=True, alternatives=0)


@pytest.fixture(scope="module")
def gpt2_export(tiny_gpt2, tmp_path_factory):
    """fp32 + fp16 + the attention graph, validated on CUDA (the export picks CUDA when it can)."""
    out = tmp_path_factory.mktemp("gpt2-onnx")
    return export_model(str(tiny_gpt2), out, ExportOptions(fp16=True, attention_probs=True))


def _open(folder, device, variant=None):
    from workbench.inference.onnx_model import open_onnx

    return open_onnx(folder, device=device, variant=variant)


def test_cuda_provider_is_chosen_and_shown(gpt2_export):
    model = _open(gpt2_export.folder, "cuda")
    assert model.provider == "CUDAExecutionProvider" and model.device == "cuda"
    assert gpt2_export.report["parity_provider"] == "CUDAExecutionProvider"
    assert model.describe().endswith("on CUDAExecutionProvider")  # the line the Playground shows


def test_iobinding_kv_cache_decode_matches_cpu(gpt2_export):
    from workbench.inference.generate import generate_text

    cpu = generate_text(_open(gpt2_export.folder, "cpu", "fp32"), "the cat sat", GREEDY)
    gpu_model = _open(gpt2_export.folder, "cuda", "fp32")
    assert gpu_model.runner("decoder").iobinding  # the KV cache stays on the GPU as OrtValues
    gpu = generate_text(gpu_model, "the cat sat", GREEDY)
    assert [t.token_id for t in gpu.tokens] == [t.token_id for t in cpu.tokens]


def test_fp16_parity_on_cuda(gpt2_export):
    fp16 = gpt2_export.report["variants"]["fp16"]
    assert fp16["passed"] and fp16["parity"]["provider"] == "CUDAExecutionProvider"
    assert fp16["parity"]["top1_agreement"] >= 0.99


def test_attention_maps_on_cuda_equal_eager(gpt2_export, tiny_gpt2):
    from workbench.inference.attention import compare_attention
    from workbench.models.loading import load_model
    from workbench.models.spec import ModelSpec

    assert gpt2_export.report["attention"]["passed"]  # checked on CUDA at export time
    torch_model = load_model(ModelSpec(str(tiny_gpt2), device="cpu"))
    cmp = compare_attention(torch_model, _open(gpt2_export.folder, "cuda"), "the lazy dog sat on the mat")
    assert cmp.max_abs_diff < 1e-4


def test_encoder_classify_on_cuda(tiny_bert_cls, tmp_path):
    from workbench.inference import tasks

    folder = export_model(str(tiny_bert_cls), tmp_path / "onnx", ExportOptions(fp16=True)).folder
    a = tasks.classify(_open(folder, "cpu", "fp32"), "a lovely film").probs
    b = tasks.classify(_open(folder, "cuda", "fp32"), "a lovely film").probs
    assert max(abs(x - y) for x, y in zip(a, b)) < 1e-4


@pytest.mark.parametrize("family", ["tiny_t5", "tiny_bart"])
def test_seq2seq_generates_on_cuda_as_on_cpu(family, request, tmp_path):
    from workbench.inference.generate import generate_text

    folder = export_model(str(request.getfixturevalue(family)), tmp_path / "onnx").folder
    cpu = generate_text(_open(folder, "cpu"), "the quick brown fox", GREEDY)
    gpu = generate_text(_open(folder, "cuda"), "the quick brown fox", GREEDY)
    assert [t.token_id for t in gpu.tokens] == [t.token_id for t in cpu.tokens]
