"""Loading, generation and the playground tasks on a CUDA device."""

from __future__ import annotations

import pytest

from workbench.config import GenerationSettings
from workbench.generation.stream import generate_text
from workbench.models.loading import available_devices, load_model
from workbench.models.spec import ModelSpec
from workbench.predict import classify, embed


def test_auto_picks_cuda_and_lists_it(tiny_gpt2):
    assert "cuda:0" in available_devices()
    loaded = load_model(ModelSpec(str(tiny_gpt2)))
    assert loaded.device == "cuda" and next(loaded.model.parameters()).is_cuda


@pytest.mark.parametrize("dtype", ["float32", "float16", "bfloat16"])
def test_greedy_generation_on_cuda_matches_cpu(tiny_gpt2, dtype):
    cpu = load_model(ModelSpec(str(tiny_gpt2), device="cpu"))
    gpu = load_model(ModelSpec(str(tiny_gpt2), device="cuda", dtype=dtype))
    s = GenerationSettings(max_new_tokens=16, greedy=True)
    a = [t.token_id for t in generate_text(cpu, "the cat sat", s).tokens]
    b = [t.token_id for t in generate_text(gpu, "the cat sat", s).tokens]
    if dtype == "float32":
        assert a == b
    else:  # half precision may flip a near-tie late in the sequence
        assert a[:4] == b[:4]
    assert gpu.info.dtype == dtype


def test_seeded_sampling_on_cuda_is_reproducible(tiny_llama):
    gpu = load_model(ModelSpec(str(tiny_llama), device="cuda"))
    s = GenerationSettings(max_new_tokens=12, seed=5, temperature=1.3)
    assert [t.token_id for t in generate_text(gpu, "a dog", s).tokens] == \
           [t.token_id for t in generate_text(gpu, "a dog", s).tokens]


def test_classify_and_embed_on_cuda(tiny_bert_cls):
    cpu = load_model(ModelSpec(str(tiny_bert_cls), device="cpu"))
    gpu = load_model(ModelSpec(str(tiny_bert_cls), device="cuda"))
    a, b = classify(cpu, "a lovely film"), classify(gpu, "a lovely film")
    assert max(abs(x - y) for x, y in zip(a.probs, b.probs)) < 1e-4
    assert abs(embed(cpu, ["hi there"]) - embed(gpu, ["hi there"])).max() < 1e-4
