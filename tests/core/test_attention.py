"""Attention maps: shapes, normalisation, causality, equality with transformers, aggregations."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.attention.aggregate import head_entropy, head_patterns, max_heads, mean_heads, rollout
from workbench.attention.filters import hide_special, merge_subwords
from workbench.attention.maps import extract_attention, extract_from_ids, extract_generated
from workbench.attention.projector import find_token, nearest_neighbours, project
from workbench.config import GenerationSettings
from workbench.errors import InputError
from workbench.models.loading import load_model
from workbench.models.spec import ModelSpec

TEXT = "the quick brown fox jumps over the lazy dog"


def _reference(loaded, **inputs):
    import torch

    loaded.model.set_attn_implementation("eager")
    with torch.inference_mode():
        return loaded.model(**inputs, output_attentions=True)


@pytest.mark.parametrize("family", ["gpt2", "llama", "bert"])
def test_self_attention_equals_transformers(request, family):
    loaded = load_model(ModelSpec(str(request.getfixturevalue("tiny_" + family))))
    assert loaded.model.config._attn_implementation != "eager"  # loaded with SDPA
    maps = extract_attention(loaded, TEXT)
    # Caught through the attention interface: the model stays on SDPA, and says nothing of eager.
    assert not maps.switched_to_eager and not any("eager" in n for n in maps.notes)
    assert loaded.model.config._attn_implementation == "sdpa"  # set back afterwards
    w = maps.weights
    n = len(maps.tokens)
    assert w.shape == (2, 4, n, n) and w.dtype == np.float32
    np.testing.assert_allclose(w.sum(-1), 1, atol=1e-5)
    ref = _reference(loaded, input_ids=__import__("torch").tensor([list(maps.token_ids)]))
    np.testing.assert_allclose(w, np.stack([a[0].numpy() for a in ref.attentions]), atol=1e-6)
    if family != "bert":
        assert np.all(w[..., np.triu_indices(n, 1)[0], np.triu_indices(n, 1)[1]] == 0)
    else:
        assert maps.primary.query_special[0] and maps.tokens[0] == "[CLS]"


@pytest.mark.parametrize("family", ["gpt2", "bert"])
def test_chosen_layers_only_and_the_forward_stops_after_the_last(request, family, monkeypatch):
    from workbench.attention import capture

    loaded = load_model(ModelSpec(str(request.getfixturevalue("tiny_" + family))))
    full = extract_attention(loaded, TEXT).primary
    calls = []
    real = capture.capture_forward
    monkeypatch.setattr(capture, "capture_forward", lambda *a: calls.append(real(*a)) or calls[-1])
    first = extract_from_ids(loaded, list(extract_attention(loaded, TEXT).token_ids), layers=[0]).primary
    assert first.weights.shape[0] == 1 and first.layer_numbers == (0,)
    np.testing.assert_allclose(first.weights[0], full.weights[0], atol=1e-6)
    assert calls[-1].calls == 1  # layer 1 never ran
    with pytest.raises(InputError, match="Layer must be between 0 and 1"):
        extract_from_ids(loaded, [1, 2, 3], layers=[2])


def test_models_outside_the_interface_fall_back_to_eager(tiny_gpt2, monkeypatch):
    from workbench.attention import capture

    loaded = load_model(ModelSpec(str(tiny_gpt2)))
    caught = extract_attention(loaded, TEXT).weights
    monkeypatch.setattr(capture, "supported", lambda model: False)
    maps = extract_attention(loaded, TEXT)
    assert maps.switched_to_eager and any("eager" in n for n in maps.notes)
    assert loaded.model.config._attn_implementation == "sdpa"
    np.testing.assert_allclose(maps.weights, caught, atol=1e-6)
    second = extract_from_ids(loaded, list(maps.token_ids), layers=[1]).primary
    np.testing.assert_allclose(second.weights[0], caught[1], atol=1e-6)


@pytest.mark.parametrize("family", ["bart", "t5"])
def test_encoder_decoder_sets_are_labelled(request, family):
    loaded = load_model(ModelSpec(str(request.getfixturevalue("tiny_" + family))))
    maps = extract_attention(loaded, TEXT, "a dog")
    assert list(maps.sets) == ["encoder", "decoder", "cross"]
    enc, dec, cross = maps.sets["encoder"], maps.sets["decoder"], maps.sets["cross"]
    assert cross.weights.shape[2:] == (len(dec.query_tokens), len(enc.key_tokens))
    for s in (enc, dec, cross):
        np.testing.assert_allclose(s.weights.sum(-1), 1, atol=1e-5)
    d = dec.weights.shape[-1]
    assert np.all(dec.weights[..., np.triu_indices(d, 1)[0], np.triu_indices(d, 1)[1]] == 0)
    assert "Cross" in cross.label


def test_generated_text_maps(tiny_gpt2):
    loaded = load_model(ModelSpec(str(tiny_gpt2)))
    maps = extract_generated(loaded, "the cat", GenerationSettings(max_new_tokens=5, greedy=True))
    assert maps.prompt_length == 2 and len(maps.tokens) == 7


def test_hide_special_renormalises(tiny_bert):
    maps = extract_attention(load_model(ModelSpec(str(tiny_bert))), TEXT)
    s = hide_special(maps.primary)
    assert "[CLS]" not in s.query_tokens and "[SEP]" not in s.key_tokens
    assert s.weights.shape[-1] == len(maps.tokens) - 2
    np.testing.assert_allclose(s.weights.sum(-1), 1, atol=1e-5)


def test_merge_subwords_keeps_rows_normalised(tiny_bert):
    loaded = load_model(ModelSpec(str(tiny_bert)))
    maps = extract_attention(loaded, "unbelievably quick foxes")
    merged = merge_subwords(maps.primary)
    assert len(merged.query_tokens) < len(maps.tokens)  # some word was split into pieces
    assert any(t.startswith("unbel") for t in merged.query_tokens)
    np.testing.assert_allclose(merged.weights.sum(-1), 1, atol=1e-5)


def test_rollout_of_identity_is_identity():
    eye = np.broadcast_to(np.eye(5, dtype=np.float32), (3, 2, 5, 5))
    np.testing.assert_allclose(rollout(eye), np.broadcast_to(np.eye(5), (3, 5, 5)), atol=1e-7)


def test_rollout_rows_sum_to_one_and_mixes_layers(tiny_gpt2):
    w = extract_attention(load_model(ModelSpec(str(tiny_gpt2))), TEXT).weights
    r = rollout(w)
    np.testing.assert_allclose(r.sum(-1), 1, atol=1e-5)
    assert not np.allclose(r[1], r[0])


def test_aggregations_and_patterns():
    L, H, T = 2, 3, 6
    w = np.zeros((L, H, T, T), dtype=np.float32)
    w[:, 0, np.arange(1, T), np.arange(T - 1)] = 1  # head 0: previous token
    w[:, 0, 0, 0] = 1
    w[:, 1, :, 0] = 1  # head 1: first token
    w[:, 2] = 1 / T  # head 2: uniform
    np.testing.assert_allclose(mean_heads(w).sum(-1), 1, atol=1e-6)
    assert max_heads(w).max() == 1
    ent = head_entropy(w)
    assert ent[0, 2] == pytest.approx(np.log(T), rel=1e-4) and ent[0, 1] == pytest.approx(0, abs=1e-6)
    from workbench.attention.maps import AttentionSet

    toks = tuple("abcdef")
    s = AttentionSet("self", w, toks, toks, np.zeros(T, bool), np.zeros(T, bool))
    pats = {(p.layer, p.head): p for p in head_patterns(s)}
    assert pats[(0, 0)].pattern == "previous token" and pats[(0, 0)].share > 0.8
    assert pats[(1, 1)].pattern == "first token" and pats[(1, 1)].share == pytest.approx(1)
    assert pats[(0, 2)].pattern == "broad"


def test_truncation_and_bad_input(tiny_gpt2, tiny_bert):
    loaded = load_model(ModelSpec(str(tiny_gpt2)))
    maps = extract_attention(loaded, "the cat " * 200)
    assert maps.truncated_from and len(maps.tokens) == loaded.info.context_length
    assert any("cut to" in n for n in maps.notes)
    with pytest.raises(InputError, match="empty"):
        extract_attention(loaded, "  ")


def test_projector_and_neighbours(tiny_bert):
    loaded = load_model(ModelSpec(str(tiny_bert)))
    proj = project(loaded)
    assert proj.coords.shape == (len(proj.token_ids), 2)
    assert 0 < proj.explained[0] <= 1 and proj.explained[1] <= proj.explained[0]
    emb = loaded.model.get_input_embeddings().weight
    tid = find_token(loaded, "fox")
    nn = nearest_neighbours(loaded, tid, k=5)
    assert len(nn) == 5 and nn[0][1] >= nn[-1][1]
    import torch

    cos = torch.nn.functional.cosine_similarity(emb[tid:tid + 1], emb).detach().numpy()
    cos[tid] = -1
    cos[loaded.tokenizer.all_special_ids] = -1
    assert loaded.tokenizer.convert_ids_to_tokens(int(cos.argmax())) == nn[0][0]


@pytest.mark.parametrize("name", ["tiny-stories", "tiny-sentiment"])
def test_builtin_models_maps(name):
    loaded = load_model(ModelSpec(f"builtin:{name}"))
    maps = extract_attention(loaded, "Once upon a time there was a happy cat. The food was good.")
    np.testing.assert_allclose(maps.weights.sum(-1), 1, atol=1e-5)
    assert maps.weights.shape[:2] == (loaded.info.num_layers, loaded.info.num_heads)


def test_no_attentions_is_a_clear_error():
    from workbench.attention.maps import _stack
    from workbench.errors import WorkbenchError

    with pytest.raises(WorkbenchError, match="returned no self attention weights"):
        _stack(None, "self")
    with pytest.raises(WorkbenchError, match="no cross attention"):
        _stack((None, None), "cross")
