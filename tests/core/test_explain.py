"""Guided explanations: the step-by-step attention equals the model's map; the loss adds up."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.errors import InputError
from workbench.explain.attention_steps import explain_attention
from workbench.explain.loss import explain_loss
from workbench.models.loading import load_model
from workbench.models.spec import ModelSpec


def _model_map(loaded, text, layer, head):
    import torch

    loaded.model.set_attn_implementation("eager")
    enc = loaded.tokenizer(text, return_tensors="pt")
    with torch.inference_mode():
        out = loaded.model(**enc, output_attentions=True)
    return out.attentions[layer][0, head].numpy()


@pytest.mark.parametrize("family,layer,head,causal", [("gpt2", 1, 2, True), ("bert", 0, 3, False),
                                                      ("llama", 1, 3, True)])
def test_steps_end_in_the_models_attention(request, family, layer, head, causal):
    loaded = load_model(ModelSpec(str(request.getfixturevalue("tiny_" + family))))
    text = "the quick brown fox jumps over the dog"
    steps = explain_attention(loaded, text, layer, head)
    T = len(steps.tokens)
    assert steps.q.shape == (T, steps.d_k) and steps.scores.shape == (T, T)
    np.testing.assert_allclose(steps.scaled, steps.scores / np.sqrt(steps.d_k), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(steps.weights.sum(-1), 1, atol=1e-5)
    np.testing.assert_allclose(steps.weights, _model_map(loaded, text, layer, head), atol=1e-5)
    assert steps.causal == causal
    future = np.triu_indices(T, 1)  # each query's scores and weights on later tokens
    if causal:  # the decoders mask the future out ...
        assert np.all(np.isneginf(steps.masked[future])) and np.all(steps.weights[future] == 0)
    else:  # ... the encoder attends both ways
        np.testing.assert_array_equal(steps.masked, steps.scaled)
        assert np.all(steps.weights[future] > 0)


def test_bad_layer_and_text(tiny_gpt2):
    loaded = load_model(ModelSpec(str(tiny_gpt2)))
    with pytest.raises(InputError, match="Layer"):
        explain_attention(loaded, "the cat", 5, 0)
    with pytest.raises(InputError, match="Head"):
        explain_attention(loaded, "the cat", 0, 9)
    with pytest.raises(InputError, match="empty"):
        explain_attention(loaded, " ", 0, 0)


def test_loss_breakdown_matches_model_loss(tiny_gpt2):
    loaded = load_model(ModelSpec(str(tiny_gpt2)))
    br = explain_loss(loaded, "the quick brown fox jumps")
    assert br.mean_loss == pytest.approx(br.model_loss, rel=1e-5)
    for p in br.positions:
        assert p.cross_entropy == pytest.approx(-np.log(p.prob), rel=1e-5)
    assert len(br.positions) == len(br.tokens) - 1
    with pytest.raises(InputError):
        explain_loss(loaded, "a")


@pytest.mark.parametrize("source", ["builtin:tiny-stories", "builtin:tiny-sentiment"])
def test_tokenisation_steps_end_in_the_models_ids_and_embedding_rows(source):
    """BPE (the story LM) and WordPiece (the classifier): the words' pieces are the tokenizer's
    tokens, the ids are what the model receives, the rows are rows of its embedding matrix."""
    from workbench.explain.tokens import explain_tokens

    loaded = load_model(ModelSpec(source))
    text = "Unbelievable, the dragon's friends played!"
    s = explain_tokens(loaded, text)
    ids = loaded.tokenizer(text)["input_ids"]
    assert list(s.ids) == ids and s.vocab_size == len(loaded.tokenizer)
    labels = [p for w in s.words for p in w.labels]  # each word's pieces, as the sequence's tokens read
    assert labels == [t for t in s.tokens if t not in s.special]
    assert [len(w.pieces) for w in s.words] == [len(w.labels) for w in s.words]
    assert [i for w in s.words for i in w.ids] == [i for i, t in zip(s.ids, s.tokens) if t not in s.special]
    assert s.algorithm == ("BPE" if source.endswith("stories") else "WordPiece")
    assert s.special == (() if source.endswith("stories") else ("[CLS]", "[SEP]"))
    weight = loaded.model.get_input_embeddings().weight.detach().numpy()
    assert s.embedding_shape == weight.shape
    np.testing.assert_array_equal(s.embedding_rows, weight[ids, : s.embedding_rows.shape[1]])
    with pytest.raises(InputError, match="empty"):
        explain_tokens(loaded, "  ")


@pytest.mark.parametrize("source", ["builtin:tiny-stories", "builtin:tiny-sentiment"])
def test_tokenisation_steps_show_chinese_as_text(source):
    """Words and pieces read as characters, never as byte-level stand-ins ("æ³¨") or "\ufffd": a
    character the vocabulary lacks is in byte pieces labelled 注(1/3), or [UNK] for the WordPiece."""
    from workbench.explain.tokens import explain_tokens

    text = "注意力机制让每个词看到其他词"
    s = explain_tokens(load_model(ModelSpec(source)), text)
    shown = [w.text for w in s.words] + [p for w in s.words for p in w.labels] + list(s.tokens)
    assert not any(ch in t for t in shown for ch in "\ufffdæåäèĠ"), shown
    assert "".join(w.text for w in s.words).replace(" ", "") == text
    if source.endswith("stories"):  # byte-level BPE: 注 is not in the stories, so it is three pieces
        assert s.words[0].labels[:3] == ("注(1/3)", "注(2/3)", "注(3/3)")
        assert all("bytes" in h for w in s.words for h in w.hovers)
