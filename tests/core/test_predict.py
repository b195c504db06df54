"""Classification, fill-mask, embeddings and the tokenizer view."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.errors import InputError
from workbench.models.loading import load_model
from workbench.models.spec import ModelSpec
from workbench.predict import classify, embed, fill_mask, similarity, tokenize


def test_classify_probabilities(tiny_bert_cls):
    loaded = load_model(ModelSpec(str(tiny_bert_cls)))
    result = classify(loaded, "the cat sat on the mat")
    assert result.labels == ("negative", "positive")
    assert abs(sum(result.probs) - 1) < 1e-5
    assert result.truncated_to is None
    long = classify(loaded, "the cat " * 500)
    assert long.truncated_to == loaded.info.context_length
    with pytest.raises(InputError, match="empty"):
        classify(loaded, "")


def test_fill_mask_each_mask(tiny_bert_mlm):
    loaded = load_model(ModelSpec(str(tiny_bert_mlm)))
    preds = fill_mask(loaded, "the [MASK] sat on the [MASK] .", top_k=4)
    assert len(preds) == 2
    for p in preds:
        probs = [c[1] for c in p.candidates]
        assert len(probs) == 4 and probs == sorted(probs, reverse=True) and sum(probs) <= 1 + 1e-6
    with pytest.raises(InputError, match=r"\[MASK\]"):
        fill_mask(loaded, "no mask here")


def test_embeddings_and_similarity(tiny_bert, tiny_gpt2):
    for folder in (tiny_bert, tiny_gpt2):
        loaded = load_model(ModelSpec(str(folder)))
        vecs = embed(loaded, ["the cat", "a lazy dog jumps"])
        assert vecs.shape == (2, 64) and np.isfinite(vecs).all()
        assert similarity(loaded, "the cat", "the cat") == pytest.approx(1.0, abs=1e-5)
        assert similarity(loaded, "the cat", "a lazy dog jumps") < 0.9999


def test_wrong_task_is_a_clear_error(tiny_gpt2):
    with pytest.raises(InputError, match="sequence-classification"):
        classify(load_model(ModelSpec(str(tiny_gpt2))), "hi")


def test_tokenize_spans_cover_text(tiny_gpt2, tiny_bert):
    from workbench.models.loading import load_tokenizer

    text = "the quick brown fox"
    spans = tokenize(load_tokenizer(tiny_gpt2), text)
    assert "".join(s.text for s in spans) == text
    bert_spans = tokenize(load_tokenizer(tiny_bert), text)
    assert bert_spans[0].special and bert_spans[0].token == "[CLS]" and bert_spans[-1].token == "[SEP]"
    assert all(text[s.start:s.end] == s.text for s in bert_spans if not s.special)
