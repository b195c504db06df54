"""The built-ins' tokenizers, each a pure function of its corpus: a byte-level BPE for the stories
and a counted WordPiece for the reviews.

The story BPE repeats workbench.training.scratch.train_tokenizer's trainer but is not that function:
it adds an <unk> special (so every id after the specials is one higher), a model_max_length and
model_input_names, so the shipped tiny-stories tokenizer would not come out byte-identical from it.
"""

from __future__ import annotations

from typing import Any, Sequence

from workbench.models.builtins import CLS_MAX_LEN, LM_BLOCK, LM_VOCAB


def train_story_tokenizer(stories: Sequence[str], vocab_size: int = LM_VOCAB) -> Any:
    """Byte-level BPE (GPT-2 style) on the stories, wrapped as a PreTrainedTokenizerFast.

    Byte level because it can encode any text the user types (no unknowns) and decodes back with
    the spaces intact. <|endoftext|> is both bos and eos, as in GPT-2; <pad> and <unk> exist so
    batching and tools that expect them work. The closed story language runs out of merges at
    ~900 entries (every word of the grammar is then one token), below the 1536 asked for.
    """
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tk = Tokenizer(models.BPE())
    tk.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tk.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=["<|endoftext|>", "<pad>", "<unk>"],
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
    tk.train_from_iterator(stories, trainer)
    return PreTrainedTokenizerFast(
        tokenizer_object=tk, bos_token="<|endoftext|>", eos_token="<|endoftext|>", pad_token="<pad>",
        unk_token="<unk>", model_max_length=LM_BLOCK,
        # GPT-2 would add wte[token_type_ids] to its input if a caller passed them through.
        model_input_names=["input_ids", "attention_mask"])


def train_review_tokenizer(texts: Sequence[str], vocab_size: int = 1000) -> Any:
    """Lower-cased WordPiece with BERT's special tokens and [CLS] A [SEP] framing.

    The vocabulary is counted here rather than by tokenizers' WordPieceTrainer: that trainer numbers
    its "##x" pieces in hash-map order, which changes from process to process, and merge ties are
    broken by those numbers, so the same corpus gave a different vocabulary (and so different
    weights) on every run. This one is a pure function of the corpus: specials, every character
    alone and as a "##" continuation (so any ASCII word can still be spelled), then whole words by
    descending frequency, ties alphabetical. The review language is closed, so whole words cover it.
    """
    import string
    from collections import Counter

    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    normalizer = normalizers.BertNormalizer(lowercase=True)
    pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w for w, _ in pre_tokenizer.pre_tokenize_str(normalizer.normalize_str(text)))
    # Plain ASCII letters, digits and punctuation always, so typed text beyond the corpus spells out.
    chars = sorted({c for w in counts for c in w} | set(string.ascii_lowercase + string.digits + string.punctuation))
    pieces = specials + chars + ["##" + c for c in chars]
    words = sorted((w for w, n in counts.items() if n >= 2 and len(w) > 1), key=lambda w: (-counts[w], w))
    pieces += words[: max(0, vocab_size - len(pieces))]
    tk = Tokenizer(models.WordPiece({p: i for i, p in enumerate(pieces)}, unk_token="[UNK]"))
    tk.normalizer = normalizer
    tk.pre_tokenizer = pre_tokenizer
    tk.decoder = decoders.WordPiece()
    cls, sep = pieces.index("[CLS]"), pieces.index("[SEP]")
    tk.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", cls), ("[SEP]", sep)])
    return PreTrainedTokenizerFast(tokenizer_object=tk, unk_token="[UNK]", pad_token="[PAD]",
                                   cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]",
                                   model_max_length=CLS_MAX_LEN,
                                   model_input_names=["input_ids", "token_type_ids", "attention_mask"])
