"""tiny-sentiment's tokenizer: a counted WordPiece, a pure function of its corpus. (tiny-stories
uses the engine's from-scratch tokenizer, workbench.training.scratch.train_tokenizer.)"""

from __future__ import annotations

from typing import Any, Sequence

from workbench.models.builtins import CLS_MAX_LEN


def train_review_tokenizer(texts: Sequence[str], vocab_size: int = 1000) -> Any:
    """Lower-cased WordPiece with BERT's special tokens and [CLS] A [SEP] framing.

    The vocabulary is counted here rather than by tokenizers' WordPieceTrainer: that trainer numbers
    its "##x" pieces in hash-map order, which changes from process to process, and merge ties are
    broken by those numbers, so the same corpus gave a different vocabulary (and so different
    weights) on every run. This one is a pure function of the corpus: specials, every character
    alone and as a "##" continuation (so any ASCII word can still be spelled), then whole words by
    descending frequency, ties alphabetical. The review language is closed, so whole words cover it.

    Chinese: BertNormalizer puts spaces around every CJK character, so each is a word of its own
    and never a continuation; the corpus's characters join the vocabulary alone, without a "##"
    twin that could never be used. A character the corpus never had is [UNK], as any unseen
    symbol is for a WordPiece: the reviews' language is closed, and the classifier is scored on it.
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
    pieces = specials + chars + ["##" + c for c in chars if not _is_cjk(c)]
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


def _is_cjk(char: str) -> bool:
    """A character BertNormalizer spaces apart (its CJK ranges, the basic block and extension A
    being the ones the reviews use), so it is never a "##" continuation."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf" or "\uf900" <= char <= "\ufaff"
