"""From scratch: a byte-level BPE tokenizer trained on the user's corpus, and a fresh model.

The recipe the seeds used: a GPT-2- or Llama-style decoder, cross-entropy on the next token,
AdamW and a learning-rate schedule (the Trainer supplies the last two).
"""

from __future__ import annotations

from typing import Any, Iterable

from workbench.training.config import ScratchConfig

SPECIALS = ["<|endoftext|>", "<pad>", "<unk>"]


def train_tokenizer(texts: Iterable[str], vocab_size: int, context_length: int | None = None) -> Any:
    """A byte-level BPE tokenizer (GPT-2 style: every byte representable, so no unknown tokens,
    and decoding gives back the spaces) wrapped as PreTrainedTokenizerFast, so it saves and loads
    like any hub tokenizer. <|endoftext|> is both bos and eos, as in GPT-2; <pad> lets batches pad;
    <unk> is never produced, but tools that expect a tokenizer to name one find it.
    The built-in tiny-stories model's tokenizer is this one, trained on the stories.

    context_length becomes model_max_length, so tools that truncate know the model's limit.
    """
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tk = Tokenizer(models.BPE())
    tk.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tk.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=SPECIALS, show_progress=False,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tk.train_from_iterator(texts, trainer)
    limit = {"model_max_length": context_length} if context_length else {}
    return PreTrainedTokenizerFast(tokenizer_object=tk, bos_token=SPECIALS[0], eos_token=SPECIALS[0],
                                   pad_token=SPECIALS[1], unk_token=SPECIALS[2], **limit,
                                   # A decoder has no token types: GPT-2 would add wte[token_type_ids]
                                   # to its input if a caller passed them through.
                                   model_input_names=["input_ids", "attention_mask"])


def scratch_config(s: ScratchConfig, tokenizer: Any) -> Any:
    """A transformers config for the chosen shape; vocab = the trained tokenizer's size."""
    import transformers as tf

    common = dict(vocab_size=len(tokenizer), bos_token_id=tokenizer.bos_token_id,
                  eos_token_id=tokenizer.eos_token_id, pad_token_id=tokenizer.pad_token_id)
    if s.architecture == "llama":
        return tf.LlamaConfig(num_hidden_layers=s.layers, num_attention_heads=s.heads,
                              num_key_value_heads=s.kv_heads or s.heads, hidden_size=s.width,
                              intermediate_size=s.mlp_width or 4 * s.width, max_position_embeddings=s.context_length,
                              tie_word_embeddings=True, attention_dropout=s.dropout, **common)
    return tf.GPT2Config(n_layer=s.layers, n_head=s.heads, n_embd=s.width, n_positions=s.context_length,
                         n_inner=s.mlp_width or None,
                         resid_pdrop=s.dropout, embd_pdrop=s.dropout, attn_pdrop=s.dropout, **common)


def scratch_model(s: ScratchConfig, tokenizer: Any, seed: int) -> Any:
    """A randomly initialised causal LM (seeded, so a run is reproducible from its config)."""
    import torch
    from transformers import AutoModelForCausalLM

    torch.manual_seed(seed)
    config = scratch_config(s, tokenizer)
    config.architectures = ["LlamaForCausalLM" if s.architecture == "llama" else "GPT2LMHeadModel"]
    model = AutoModelForCausalLM.from_config(config)
    model.generation_config.pad_token_id = tokenizer.pad_token_id
    return model
