"""The cache names of the installed transformers (5.24 renamed past_key_values to cache)."""

from __future__ import annotations

import dataclasses
import inspect

import pytest
import torch

from workbench.hf_compat import (NEW, OLD, cache_arg, name_default_loss, output_field, returned_cache,
                                 with_cache)
from workbench.models.loading import load_model
from workbench.models.spec import ModelSpec


def _release_renamed() -> bool:
    from transformers import GPT2LMHeadModel

    return "cache" in inspect.signature(GPT2LMHeadModel.forward).parameters


def test_names_follow_the_installed_release():
    from transformers.modeling_outputs import CausalLMOutputWithPast, Seq2SeqLMOutput

    expected = NEW if _release_renamed() else OLD
    assert output_field() == expected
    for cls in (CausalLMOutputWithPast, Seq2SeqLMOutput):
        assert expected in {f.name for f in dataclasses.fields(cls)}


@pytest.mark.parametrize("family", ["gpt2", "llama"])
def test_decoder_cache_round_trip(family, tiny_gpt2, tiny_llama):
    loaded = load_model(ModelSpec(str(tiny_gpt2 if family == "gpt2" else tiny_llama)))
    model = loaded.model
    assert cache_arg(model) == (NEW if _release_renamed() else OLD)
    ids = torch.tensor([[1, 2, 3, 4]])
    with torch.no_grad():
        first = model(input_ids=ids[:, :3], **with_cache(model, None))
        cache = returned_cache(first)
        assert cache is not None and cache.get_seq_length() == 3
        step = model(input_ids=ids[:, 3:], **with_cache(model, cache))
        full = model(input_ids=ids).logits
    # Decoding the 4th token with the cache gives the logits of the full forward pass.
    assert torch.allclose(step.logits[:, -1], full[:, -1], atol=1e-5)


def test_encoder_decoder_cache(tiny_bart):
    loaded = load_model(ModelSpec(str(tiny_bart)))
    model = loaded.model
    enc = model.get_encoder()(input_ids=torch.tensor([[5, 6, 7, 2]]))
    with torch.no_grad():
        out = model(encoder_outputs=enc, decoder_input_ids=torch.tensor([[2]]), **with_cache(model, None))
    cache = returned_cache(out)
    assert cache.self_attention_cache.get_seq_length() == 1


class _OldStyle(torch.nn.Module):
    """A remote-code model written for a release before 5.24 keeps the old keyword."""

    def forward(self, input_ids, past_key_values=None, use_cache=None):
        return {"past_key_values": past_key_values}


class _NoCache(torch.nn.Module):
    def forward(self, input_ids):
        return input_ids


def test_models_keep_their_own_keyword():
    assert cache_arg(_OldStyle()) == OLD
    assert with_cache(_OldStyle(), "c") == {OLD: "c", "use_cache": True}
    assert returned_cache(_OldStyle()(None, past_key_values="c")) == "c"
    assert cache_arg(_NoCache()) is None
    with pytest.raises(TypeError, match="takes no key/value cache"):
        with_cache(_NoCache(), None)


def test_default_loss_is_named_and_unchanged(tiny_gpt2):
    model = load_model(ModelSpec(str(tiny_gpt2))).model
    assert model.loss_type == "ForCausalLM"  # named at load; transformers leaves None for GPT2LMHeadModel
    model.loss_type = None
    name_default_loss(model)
    assert model.loss_type == "ForCausalLM"
    ids = torch.tensor([[3, 9, 4, 7, 1]])
    with torch.no_grad():
        out = model(input_ids=ids, labels=ids)
    logits = out.logits[0, :-1]
    expected = torch.nn.functional.cross_entropy(logits, ids[0, 1:])
    assert torch.allclose(out.loss, expected, atol=1e-5)
