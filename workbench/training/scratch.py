"""From scratch: a byte-level BPE tokenizer trained on the user's corpus, and a fresh model.

The recipe the seeds used: a GPT-2- or Llama-style decoder, cross-entropy on the next token,
AdamW and a learning-rate schedule (the Trainer supplies the last two). For seq2seq, a BART:
an encoder reads the source, the decoder writes the target attending to it (cross-attention).
"""

from __future__ import annotations

from typing import Any, Iterable

from workbench.training.config import ScratchConfig

SPECIALS = ["<|endoftext|>", "<pad>", "<unk>"]


def train_tokenizer(texts: Iterable[str], vocab_size: int, context_length: int | None = None,
                    append_eos: bool = False) -> Any:
    """A byte-level BPE tokenizer (GPT-2 style: every byte representable, so no unknown tokens,
    and decoding gives back the spaces) wrapped as PreTrainedTokenizerFast, so it saves and loads
    like any hub tokenizer. <|endoftext|> is both bos and eos, as in GPT-2; <pad> lets batches pad;
    <unk> is never produced, but tools that expect a tokenizer to name one find it.
    The built-in tiny-stories model's tokenizer is this one, trained on the stories.

    context_length becomes model_max_length, so tools that truncate know the model's limit.
    append_eos (seq2seq): every encoded text ends with <|endoftext|>, so a target teaches the model
    where to stop, as T5's and BART's tokenizers do.
    """
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tk = Tokenizer(models.BPE())
    tk.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tk.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=SPECIALS, show_progress=False,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
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
