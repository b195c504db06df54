"""Streaming generation: equals transformers' generate, reproducible, and rejects bad input."""

from __future__ import annotations

import pytest

from workbench.config import GenerationSettings
from workbench.control import Control
from workbench.errors import InputError
from workbench.generation.chat import chat_prompt, trim_reply
from workbench.generation.stream import generate_stream, generate_text
from workbench.models.loading import load_model
from workbench.models.spec import ModelSpec


@pytest.fixture(scope="module")
def gpt2(tiny_gpt2):
    return load_model(ModelSpec(str(tiny_gpt2)))


@pytest.mark.parametrize("family", ["gpt2", "llama", "bart"])
def test_greedy_equals_transformers_generate(request, family):
    loaded = load_model(ModelSpec(str(request.getfixturevalue("tiny_" + family))))
    prompt = "the cat sat on"
    result = generate_text(loaded, prompt, GenerationSettings(max_new_tokens=12, greedy=True))
    enc = loaded.tokenizer(prompt, return_tensors="pt", add_special_tokens=loaded.is_encoder_decoder)
    ref = loaded.model.generate(**enc, max_new_tokens=12, do_sample=False, min_new_tokens=0)
    ref_ids = ref[0, 1:] if loaded.is_encoder_decoder else ref[0, enc["input_ids"].shape[1]:]
    ours = [t.token_id for t in result.tokens]
    assert ours == ref_ids.tolist()[: len(ours)]
    assert len(ours) >= 1


def test_probabilities_and_alternatives(gpt2):
    result = generate_text(gpt2, "the quick", GenerationSettings(max_new_tokens=8, greedy=True, alternatives=3))
    for tok in result.tokens:
        assert 0 < tok.prob <= 1
        assert len(tok.alternatives) == 3
        probs = [a.prob for a in tok.alternatives]
        assert probs == sorted(probs, reverse=True)
        assert tok.alternatives[0].token_id == tok.token_id  # greedy picks the top alternative
        assert abs(tok.alternatives[0].prob - tok.prob) < 1e-6


def test_seeded_sampling_is_reproducible(gpt2):
    s = GenerationSettings(max_new_tokens=20, temperature=1.5, top_k=0, top_p=1.0, seed=7)
    a = [t.token_id for t in generate_text(gpt2, "a cat", s).tokens]
    b = [t.token_id for t in generate_text(gpt2, "a cat", s).tokens]
    c = [t.token_id for t in generate_text(gpt2, "a cat", GenerationSettings(
        max_new_tokens=20, temperature=1.5, top_k=0, top_p=1.0, seed=8)).tokens]
    assert a == b
    assert a != c


def test_top_k_one_is_greedy(gpt2):
    greedy = generate_text(gpt2, "the dog", GenerationSettings(max_new_tokens=10, greedy=True))
    topk1 = generate_text(gpt2, "the dog", GenerationSettings(max_new_tokens=10, top_k=1, seed=3))
    assert [t.token_id for t in greedy.tokens] == [t.token_id for t in topk1.tokens]


def test_text_deltas_concatenate_to_decoded_output(gpt2):
    result = generate_text(gpt2, "once upon", GenerationSettings(max_new_tokens=16, seed=1, temperature=2.0))
    ids = [t.token_id for t in result.tokens]
    assert result.text == gpt2.tokenizer.decode(ids, skip_special_tokens=True)


def test_cancel_stops_the_stream(gpt2):
    control = Control()
    seen = []
    for tok in generate_stream(gpt2, "the", GenerationSettings(max_new_tokens=50, greedy=True), control):
        seen.append(tok)
        if len(seen) == 3:
            control.cancel()
    assert len(seen) == 3


def test_stops_at_context_end(gpt2):
    limit = gpt2.info.context_length
    prompt_ids = [5] * (limit - 4)
    prompt = gpt2.tokenizer.decode(prompt_ids)
    n_prompt = len(gpt2.tokenizer(prompt)["input_ids"])
    result = generate_text(gpt2, prompt, GenerationSettings(max_new_tokens=50, greedy=True))
    assert len(result.tokens) <= limit - n_prompt
    assert result.stop_reason in ("context", "eos")


def test_bad_input(gpt2, tiny_bert_cls):
    with pytest.raises(InputError, match="empty"):
        list(generate_stream(gpt2, "   ", GenerationSettings()))
    with pytest.raises(InputError, match="context"):
        list(generate_stream(gpt2, "the cat " * 400, GenerationSettings()))
    with pytest.raises(InputError, match="temperature"):
        list(generate_stream(gpt2, "hi", GenerationSettings(temperature=0)))
    with pytest.raises(InputError, match="not text generation"):
        list(generate_stream(load_model(ModelSpec(str(tiny_bert_cls))), "hi", GenerationSettings()))


def test_chat_prompt_fallback_and_template(gpt2):
    msgs = [{"role": "user", "content": "hello"}]
    assert chat_prompt(gpt2.tokenizer, msgs).endswith("User: hello\nAssistant:")
    gpt2.tokenizer.chat_template = "{% for m in messages %}<{{ m.role }}>{{ m.content }}{% endfor %}<assistant>"
    try:
        assert chat_prompt(gpt2.tokenizer, msgs) == "<user>hello<assistant>"
    finally:
        gpt2.tokenizer.chat_template = None
    assert trim_reply(" fine thanks\nUser: and you?") == "fine thanks"
