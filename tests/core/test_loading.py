"""Model loading: every source kind, task detection, the info card, and each bad input's message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workbench.errors import ModelLoadError
from workbench.models.loading import inspect_model, load_model
from workbench.models.spec import ModelSpec
from workbench.models.tasks import detect_task


@pytest.mark.parametrize("family,task", [
    ("gpt2", "causal-lm"), ("llama", "causal-lm"), ("bert", "feature-extraction"),
    ("bert-mlm", "masked-lm"), ("bert-cls", "sequence-classification"), ("bart", "seq2seq-lm"),
    ("t5", "seq2seq-lm"),
])
def test_task_detected_from_config(request, family, task):
    folder = request.getfixturevalue("tiny_" + family.replace("-", "_"))
    loaded = load_model(ModelSpec(str(folder), device="cpu"))
    assert loaded.task == task
    assert loaded.info.num_parameters == sum(p.numel() for p in loaded.model.parameters())
    assert loaded.info.num_layers == 2 and loaded.info.num_heads == 4
    assert loaded.info.size_on_disk > 0
    assert loaded.info.estimated_memory == loaded.info.num_parameters * 4


def test_llama_info_shows_grouped_query_heads(tiny_llama):
    info = load_model(ModelSpec(str(tiny_llama))).info
    assert info.num_kv_heads == 2
    assert "2 key/value heads" in dict(info.as_rows())["Heads"]


def test_task_override_and_dtype(tiny_bert_mlm):
    loaded = load_model(ModelSpec(str(tiny_bert_mlm), task="feature-extraction", dtype="float16"))
    assert loaded.task == "feature-extraction"
    assert loaded.info.dtype == "float16"
    assert loaded.info.estimated_memory == loaded.info.num_parameters * 2


def test_inspect_reads_config_only(tiny_gpt2):
    info = inspect_model(str(tiny_gpt2))
    assert info.device == "not loaded"
    assert info.num_parameters == load_model(ModelSpec(str(tiny_gpt2))).info.num_parameters


def test_detect_task_without_architectures():
    from transformers import GPT2Config, T5Config

    assert detect_task(GPT2Config()) == "causal-lm"
    assert detect_task(T5Config()) == "seq2seq-lm"


def _copy(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


@pytest.mark.parametrize("make,expected", [
    (lambda tmp, src: tmp / "missing", "No such folder"),
    (lambda tmp, src: (tmp / "empty").mkdir() or tmp / "empty", "has no config.json"),
])
def test_bad_paths(tmp_path, tiny_gpt2, make, expected):
    with pytest.raises(ModelLoadError, match=expected):
        load_model(ModelSpec(str(make(tmp_path, tiny_gpt2))))


def test_truncated_safetensors(tmp_path, tiny_gpt2):
    folder = _copy(tiny_gpt2, tmp_path / "m")
    weights = folder / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:1000])
    with pytest.raises(ModelLoadError, match="could not be read"):
        load_model(ModelSpec(str(folder)))


def test_missing_tokenizer(tmp_path, tiny_gpt2):
    folder = _copy(tiny_gpt2, tmp_path / "m")
    for name in ("tokenizer.json", "tokenizer_config.json"):
        (folder / name).unlink()
    with pytest.raises(ModelLoadError, match="no tokenizer"):
        load_model(ModelSpec(str(folder)))


def test_missing_weights(tmp_path, tiny_gpt2):
    folder = _copy(tiny_gpt2, tmp_path / "m")
    (folder / "model.safetensors").unlink()
    with pytest.raises(ModelLoadError, match="no weight files"):
        load_model(ModelSpec(str(folder)))


def _use_cache(monkeypatch, path: Path) -> None:
    """huggingface_hub reads HF_HUB_CACHE at import, so patch its constant too."""
    import huggingface_hub.constants as c

    monkeypatch.setenv("HF_HUB_CACHE", str(path))
    monkeypatch.setattr(c, "HF_HUB_CACHE", str(path))


def test_hub_id_not_cached_offline(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    _use_cache(monkeypatch, tmp_path / "empty-cache")
    with pytest.raises(ModelLoadError, match="not in the local hub cache"):
        load_model(ModelSpec("someone/not-a-cached-model"))


def test_hub_id_loads_from_cache(tmp_path, monkeypatch, tiny_gpt2):
    """The real from_pretrained path on a hub id: a cache laid out as huggingface_hub writes it."""
    cache = tmp_path / "hub"
    snap = cache / "models--acme--tiny-gpt2" / "snapshots" / ("0" * 40)
    shutil.copytree(tiny_gpt2, snap)
    (cache / "models--acme--tiny-gpt2" / "refs").mkdir()
    (cache / "models--acme--tiny-gpt2" / "refs" / "main").write_text("0" * 40)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    _use_cache(monkeypatch, cache)
    from workbench.models.library import cached_entries

    assert [e.source for e in cached_entries()] == ["acme/tiny-gpt2"]
    loaded = load_model(ModelSpec("acme/tiny-gpt2"))
    assert loaded.task == "causal-lm"
    assert Path(loaded.info.path) == snap


def test_architecture_the_task_cannot_load(tiny_gpt2):
    with pytest.raises(ModelLoadError, match="cannot be loaded for the task 'masked-lm'"):
        load_model(ModelSpec(str(tiny_gpt2), task="masked-lm"))


def test_unknown_builtin_and_task(tiny_gpt2):
    with pytest.raises(ModelLoadError, match="No built-in model named"):
        load_model(ModelSpec("builtin:nope"))
    with pytest.raises(ModelLoadError, match="Unknown task"):
        load_model(ModelSpec(str(tiny_gpt2), task="juggling"))


def test_cuda_requested_without_gpu(tiny_gpt2):
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU; the no-GPU message cannot appear")
    with pytest.raises(ModelLoadError, match="no CUDA GPU"):
        load_model(ModelSpec(str(tiny_gpt2), device="cuda"))


def test_recent_list(tiny_gpt2):
    from workbench.models.library import add_recent, recent_sources

    add_recent("a")
    add_recent(str(tiny_gpt2))
    add_recent("a")
    assert recent_sources()[:2] == ["a", str(tiny_gpt2)]
