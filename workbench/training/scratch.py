"""From scratch: a byte-level BPE tokenizer trained on the user's corpus (CJK characters kept
whole), and a fresh model.

The recipe the seeds used: a GPT-2- or Llama-style decoder, cross-entropy on the next token,
AdamW and a learning-rate schedule (the Trainer supplies the last two). For seq2seq, a BART:
an encoder reads the source, the decoder writes the target attending to it (cross-attention).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Iterable

from workbench.training.config import ScratchConfig

SPECIALS = ["<|endoftext|>", "<pad>", "<unk>"]
# Characters that are each a pre-token of their own: CJK ideographs (and extensions, compatibility
# forms), kana, bopomofo, Hangul syllables, CJK and full-width punctuation, curly quotes and dashes,
# and the emoji / pictograph blocks. In Onig's \x{...} syntax, so tokenizer.json stays ASCII.
ISOLATED_CHARACTERS = (r"[\x{2010}-\x{2027}\x{2600}-\x{27bf}\x{3000}-\x{303f}\x{3040}-\x{30ff}\x{3100}-\x{312f}"
                       r"\x{3400}-\x{4dbf}\x{4e00}-\x{9fff}\x{ac00}-\x{d7af}\x{f900}-\x{faff}\x{ff00}-\x{ffef}"
                       r"\x{1f300}-\x{1faff}\x{20000}-\x{3134f}]")
_ISOLATED = re.compile("[\u2010-\u2027\u2600-\u27bf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf"
                       "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U0001f300-\U0001faff"
                       "\U00020000-\U0003134f]")
MIN_CHARACTER_COUNT = 2  # a character seen this often gets its own token (the vocabulary grows for it)


def train_tokenizer(texts: Iterable[str], vocab_size: int, context_length: int | None = None,
                    append_eos: bool = False) -> Any:
    """A byte-level BPE tokenizer that keeps CJK characters whole, wrapped as PreTrainedTokenizerFast
    (it saves and loads like any hub tokenizer). <|endoftext|> is both bos and eos, as in GPT-2;
    <pad> lets batches pad; <unk> is never produced, but tools that expect one find it. The built-in
    tiny-stories and tiny-summarizer tokenizers are this one, trained on their corpora.

    Why byte-level BPE with isolated CJK characters, not plain byte-level BPE and not Unigram
    (measured on held-out text, tokenizers trained on 30k English + 30k Chinese generated stories,
    vocabulary 1536 asked; tests/core/test_tokenizer_zh.py keeps the properties):
      plain byte-level BPE   Chinese stories 0.49 tokens/char, but 10% of the tokens are broken
                             pieces of a character (merges run across character boundaries and leave
                             half-merged ones): the attention maps and token views show "注(1/3)".
      Unigram (Metaspace)    0.36 tokens/char, no broken pieces, but every character it has not seen
                             (a Chinese review word, Japanese, an emoji, "é") is <unk>: 0 of 300 held-out
                             reviews and 0 of 9 Japanese/emoji/accented texts decode back; 20x slower
                             to train (92 s against 4 s).
      isolated byte BPE      this one: 1.0 tokens/char on Chinese (each character one token, never a
                             piece, since no merge can cross a character), English unchanged
                             (0.26 tokens/char), and every text decodes back exactly, unseen
                             characters as their UTF-8 bytes.
    Each isolated character (ISOLATED_CHARACTERS) is a pre-token of its own; the rest of the text is
    pre-tokenized as GPT-2 does (words with their leading space). A Chinese character is three bytes,
    so two merges (the first shared by characters with the same leading bytes); the vocabulary grows
    by one entry per leading byte pair and per character seen MIN_CHARACTER_COUNT times or more, so a
    small vocab_size asked for an English corpus cannot leave common characters in pieces. English
    text gets exactly the vocabulary it did. The trainer is deterministic: the same corpus gives the
    same tokenizer.json.

    context_length becomes model_max_length, so tools that truncate know the model's limit.
    append_eos (seq2seq): every encoded text ends with <|endoftext|>, so a target teaches the model
    where to stop, as T5's and BART's tokenizers do.
    """
    from tokenizers import Regex, Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    texts = list(texts)  # read twice: the characters are counted before training
    tk = Tokenizer(models.BPE())
    tk.pre_tokenizer = pre_tokenizers.Sequence([pre_tokenizers.Split(Regex(ISOLATED_CHARACTERS), "isolated"),
                                                pre_tokenizers.ByteLevel(add_prefix_space=False)])
    tk.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab_size + character_merges(texts), special_tokens=SPECIALS,
                                  show_progress=False, initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tk.train_from_iterator(texts, trainer)
    if append_eos:
        from tokenizers import processors

        tk.post_processor = processors.TemplateProcessing(
            single=f"$A {SPECIALS[0]}", special_tokens=[(SPECIALS[0], tk.token_to_id(SPECIALS[0]))])
    limit = {"model_max_length": context_length} if context_length else {}
    return PreTrainedTokenizerFast(tokenizer_object=tk, bos_token=SPECIALS[0], eos_token=SPECIALS[0],
                                   pad_token=SPECIALS[1], unk_token=SPECIALS[2], **limit,
                                   # A decoder has no token types: GPT-2 would add wte[token_type_ids]
                                   # to its input if a caller passed them through.
                                   model_input_names=["input_ids", "attention_mask"])


def character_merges(texts: Iterable[str], min_count: int = MIN_CHARACTER_COUNT) -> int:
    """How many merges the isolated characters seen at least min_count times need to become one
    token each: one per distinct byte prefix of two or more bytes (e6 b3, then e6 b3 a8 = 注)."""
    counts = Counter(c for text in texts for c in _ISOLATED.findall(text))
    encoded = [c.encode("utf-8") for c, n in counts.items() if n >= min_count]
    return len({b[:k] for b in encoded for k in range(2, len(b) + 1)})


def scratch_tokenizer(dataset: Any, task: str, s: ScratchConfig) -> Any:
    """The run's tokenizer, trained on its rows: the texts (language modelling), or the sources and
    the targets (seq2seq, whose texts end with eos)."""
    seq2seq = task == "seq2seq"
    texts = list(dataset["source"]) + list(dataset["target"]) if seq2seq else list(dataset["text"])
    return train_tokenizer(texts, s.vocab_size, s.context_length, append_eos=seq2seq)


def scratch_config(s: ScratchConfig, tokenizer: Any) -> Any:
    """A transformers config for the chosen shape; vocab = the trained tokenizer's size."""
    import transformers as tf

    common = dict(vocab_size=len(tokenizer), bos_token_id=tokenizer.bos_token_id,
                  eos_token_id=tokenizer.eos_token_id, pad_token_id=tokenizer.pad_token_id)
    if s.architecture == "bart":
        # The encoder and the decoder get `layers` each; BART starts decoding from eos.
        return tf.BartConfig(d_model=s.width, encoder_layers=s.layers, decoder_layers=s.layers,
                             encoder_attention_heads=s.heads, decoder_attention_heads=s.heads,
                             encoder_ffn_dim=s.mlp_width or 4 * s.width, decoder_ffn_dim=s.mlp_width or 4 * s.width,
                             max_position_embeddings=s.context_length, dropout=s.dropout,
                             attention_dropout=s.dropout, activation_dropout=0.0,
                             decoder_start_token_id=tokenizer.eos_token_id, forced_bos_token_id=None,
                             forced_eos_token_id=None, tie_word_embeddings=True, **common)
    if s.architecture == "llama":
        return tf.LlamaConfig(num_hidden_layers=s.layers, num_attention_heads=s.heads,
                              num_key_value_heads=s.kv_heads or s.heads, hidden_size=s.width,
                              intermediate_size=s.mlp_width or 4 * s.width, max_position_embeddings=s.context_length,
                              tie_word_embeddings=True, attention_dropout=s.dropout, **common)
    return tf.GPT2Config(n_layer=s.layers, n_head=s.heads, n_embd=s.width, n_positions=s.context_length,
                         n_inner=s.mlp_width or None,
                         resid_pdrop=s.dropout, embd_pdrop=s.dropout, attn_pdrop=s.dropout, **common)


def scratch_model(s: ScratchConfig, tokenizer: Any, seed: int) -> Any:
    """A randomly initialised causal LM, or a BART (seeded, so a run is reproducible from its config)."""
    import torch
    from transformers import AutoModelForCausalLM, AutoModelForSeq2SeqLM

    torch.manual_seed(seed)
    config = scratch_config(s, tokenizer)
    names = {"llama": "LlamaForCausalLM", "gpt2": "GPT2LMHeadModel", "bart": "BartForConditionalGeneration"}
    config.architectures = [names[s.architecture]]
    auto = AutoModelForSeq2SeqLM if s.architecture == "bart" else AutoModelForCausalLM
    model = auto.from_config(config)
    model.generation_config.pad_token_id = tokenizer.pad_token_id
    return model
