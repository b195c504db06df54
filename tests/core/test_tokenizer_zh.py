"""The from-scratch tokenizer (training.scratch.train_tokenizer) keeps CJK characters whole: every
character the corpus has is one token, never a byte piece; any text, seen or not, round-trips; and
English is tokenized exactly as before."""

from __future__ import annotations

from collections import Counter

import pytest

from workbench.corpus import stories, stories_zh
from workbench.training.scratch import _ISOLATED, SPECIALS, train_tokenizer

ROUND_TRIP = ["从前，有一只勇敢的小兔子，名叫乐乐。", "机器学习模型需要大量的数据。", "日本語のテキストです。",
              "한국어 문장입니다", "Party time 🎉😀! 👍🏽", "Crème brûlée, naïve café, Łódź", "Once upon a time, 注意 the cat 🐱.",
              "tab\tand\nnew line  two spaces", "𠮷野家"]


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    return stories.generate_stories(2000, seed=0) + stories_zh.generate_stories(2000, seed=0)


@pytest.fixture(scope="module")
def tok(corpus):
    return train_tokenizer(corpus, 1536)


def _partial(tok, ids: list[int]) -> list[str]:
    """The tokens that are not whole characters (their bytes are not valid UTF-8 on their own)."""
    return [t for t in tok.convert_ids_to_tokens(ids) if "\ufffd" in tok.convert_tokens_to_string([t])]


def test_every_character_of_the_corpus_is_one_token(tok, corpus):
    counts = Counter(c for text in corpus for c in _ISOLATED.findall(text))
    assert len(counts) > 200
    for char, n in counts.items():
        if n >= 2:
            assert len(tok(char, add_special_tokens=False).input_ids) == 1, char
    held_out = stories_zh.generate_stories(200, seed=99)
    ids = tok(held_out, add_special_tokens=False)["input_ids"]
    assert not [p for row in ids for p in _partial(tok, row)]  # no piece of a character anywhere
    # One token per character (and per punctuation mark): merges never join characters either.
    assert sum(map(len, ids)) == sum(map(len, held_out))


def test_a_tight_budget_still_keeps_the_characters_whole(corpus):
    """A small budget on a mixed corpus: the trainer alone leaves rarer characters in pieces
    (English pairs win the merges; 7.7% of the Chinese tokens on 30k + 30k stories with 600 asked);
    the vocabulary grows instead."""
    small = train_tokenizer(corpus, 600)
    assert len(small) > 600
    held_out = stories_zh.generate_stories(100, seed=98)
    ids = small(held_out, add_special_tokens=False)["input_ids"]
    assert not [p for row in ids for p in _partial(small, row)]


@pytest.mark.parametrize("text", ROUND_TRIP)
def test_any_text_round_trips_without_unknowns(tok, text):
    ids = tok(text, add_special_tokens=False).input_ids
    assert tok.decode(ids) == text
    assert tok.unk_token_id not in ids  # byte level: unseen characters are their bytes, never <unk>


def test_english_is_tokenized_as_by_plain_byte_level_bpe():
    """A corpus without CJK gets the same vocabulary and merges as GPT-2-style byte-level BPE."""
    import json

    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    texts = stories.generate_stories(1500, seed=4)
    plain = Tokenizer(models.BPE())
    plain.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    plain.decoder = decoders.ByteLevel()
    plain.train_from_iterator(texts, trainers.BpeTrainer(vocab_size=700, special_tokens=SPECIALS, show_progress=False,
                                                         initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    ours = json.loads(train_tokenizer(texts, 700).backend_tokenizer.to_str())["model"]
    theirs = json.loads(plain.to_str())["model"]
    assert ours["vocab"] == theirs["vocab"] and ours["merges"] == theirs["merges"]


def test_same_corpus_same_tokenizer_json(corpus, tmp_path):
    for name in ("a", "b"):
        train_tokenizer(corpus[::3], 800).save_pretrained(tmp_path / name)
    assert (tmp_path / "a" / "tokenizer.json").read_bytes() == (tmp_path / "b" / "tokenizer.json").read_bytes()
