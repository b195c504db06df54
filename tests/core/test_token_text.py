"""Token labels show text for every script: no "�" for valid UTF-8, and they join back to the text."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.token_text import joined, label_texts, token_labels

TEXTS = ["注意力机制让每个词看到其他词", "日本語のテキストです", "Party time 🎉😀!", "Crème brûlée, naïve café",
         "Once upon a time, 注意 the cat 🐱."]


def _byte_level():
    from workbench.models.loading import load_tokenizer, model_folder

    return load_tokenizer(model_folder("builtin:tiny-stories"))  # GPT-2-style byte-level BPE


def _sentencepiece():
    """A Llama-2-style SentencePiece BPE with byte fallback: unmerged characters become <0xHH> tokens."""
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tk = Tokenizer(models.BPE(unk_token="<unk>", byte_fallback=True))
    tk.normalizer = normalizers.Sequence([normalizers.Prepend("▁"), normalizers.Replace(" ", "▁")])
    tk.pre_tokenizer = pre_tokenizers.Split("▁", behavior="merged_with_next")
    tk.decoder = decoders.Sequence([decoders.Replace("▁", " "), decoders.ByteFallback(), decoders.Fuse(),
                                    decoders.Strip(" ", 1, 0)])
    corpus = ["once upon a time the cat sat", "注意 the cat"] * 20
    byte_tokens = [f"<0x{b:02X}>" for b in range(256)]
    tk.train_from_iterator(corpus, trainers.BpeTrainer(vocab_size=400, special_tokens=["<unk>", "<s>", *byte_tokens]))
    return PreTrainedTokenizerFast(tokenizer_object=tk, unk_token="<unk>", bos_token="<s>")


def _unigram():
    """A T5-style Unigram (Metaspace) tokenizer."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tk = Tokenizer(models.Unigram())
    tk.pre_tokenizer = pre_tokenizers.Metaspace()
    tk.decoder = decoders.Metaspace()
    corpus = [t for t in TEXTS for _ in range(5)] + ["once upon a time the cat sat"] * 20
    tk.train_from_iterator(corpus, trainers.UnigramTrainer(vocab_size=120, special_tokens=["<pad>", "</s>", "<unk>"],
                                                           unk_token="<unk>"))
    return PreTrainedTokenizerFast(tokenizer_object=tk, unk_token="<unk>", pad_token="<pad>", eos_token="</s>")


@pytest.mark.parametrize("make", [_byte_level, _sentencepiece, _unigram], ids=["byte-bpe", "sentencepiece", "unigram"])
@pytest.mark.parametrize("text", TEXTS)
def test_labels_show_text_and_join_back(make, text):
    tok = make()
    ids = tok(text, add_special_tokens=False)["input_ids"]
    labels = token_labels(tok, ids)
    assert all("\ufffd" not in label.text for label in labels), [label.text for label in labels]
    assert joined(labels) == tok.decode(ids)
    if make is not _unigram:  # byte-level and byte-fallback tokenizers lose nothing
        assert joined(labels) == text


def test_byte_pieces_of_one_character_are_marked_and_hover_shows_the_bytes():
    tok = _byte_level()
    labels = token_labels(tok, tok("注", add_special_tokens=False)["input_ids"])
    assert [label.text for label in labels] == ["注(1/3)", "注(2/3)", "注(3/3)"]
    assert b"".join(label.data for label in labels) == "注".encode()
    assert labels[0].hover.endswith("bytes e6") and labels[0].own == "注" and labels[1].own == ""


def test_sentencepiece_byte_fallback_tokens_are_marked():
    tok = _sentencepiece()
    ids = tok("词", add_special_tokens=False)["input_ids"]
    raws = tok.convert_ids_to_tokens(ids)
    assert "<0xE8>" in raws  # not merged: byte fallback
    texts = label_texts(tok, ids)
    assert texts[-3:] == ("词(1/3)", "词(2/3)", "词(3/3)")


def test_wordpiece_keeps_its_marks_and_unknowns_are_named(tiny_bert):
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(tiny_bert)
    ids = tok("the cat 注意")["input_ids"]
    labels = token_labels(tok, ids)
    assert labels[0].text == "[CLS]" and labels[0].special and labels[-1].text == "[SEP]"
    assert all("\ufffd" not in label.text for label in labels)
    assert joined(labels) == tok.decode(ids, skip_special_tokens=True) == "the cat"  # [UNK] is a special token
    assert [label.text for label in labels[1:3]] == [tok.decode([i]) for i in ids[1:3]]


def test_whole_tokens_read_as_before():
    tok = _byte_level()
    ids = tok("Once upon a time\nthe end", add_special_tokens=False)["input_ids"]
    assert label_texts(tok, ids) == ("Once", " upon", " a", " time", "↵", "the", " end")


def test_attention_labels_and_merge_read_chinese_as_characters():
    from workbench.attention.filters import merge_subwords
    from workbench.backends import open_torch

    maps = open_torch("builtin:tiny-stories", device="cpu").attention_maps("注意力 the cat")
    assert maps.tokens[:3] == ("注(1/3)", "注(2/3)", "注(3/3)")
    merged = merge_subwords(maps.primary)  # pieces merged into characters, each character a unit
    assert merged.query_tokens == ("注", "意", "力", " the", " cat")
    assert np.allclose(merged.weights.sum(axis=-1), 1.0, atol=1e-5)


def test_attention_sets_carry_each_tokens_piece_and_bytes_through_the_view_options():
    from workbench.attention.filters import hide_special, merge_subwords
    from workbench.backends import open_torch

    s = open_torch("builtin:tiny-stories", device="cpu").attention_maps("注 cat").primary
    assert s.query_hover[:3] == ("piece 'æ' · bytes e6", "piece '³' · bytes b3", "piece '¨' · bytes a8")
    assert len(hide_special(s).key_hover) == len(hide_special(s).key_tokens)
    merged = merge_subwords(s)
    assert merged.key_hover[0] == " + ".join(s.key_hover[:3]) and len(merged.key_hover) == len(merged.key_tokens)
