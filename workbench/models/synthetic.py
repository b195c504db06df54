"""Random-weight models built from configs, saved as ordinary Hugging Face folders.

Used by the tests (tiny shapes) and the benchmarks (GPT-2-small / BERT-base shapes), because
nothing can be downloaded here. They are real transformers models with real tokenizers trained
with the `tokenizers` library; only the weights are random.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

FAMILIES = ("gpt2", "llama", "bert", "bert-mlm", "bert-cls", "bart", "t5")
_TEXT = ("the quick brown fox jumps over the lazy dog . a cat sat on the mat and looked at "
         "the bird . once upon a time there was a little robot who liked to read books . ") * 20


def make_tokenizer(kind: str = "bpe", vocab_size: int = 400) -> Any:
    """A small fast tokenizer: byte-level BPE (decoders) or WordPiece with [CLS]/[SEP] (encoders)."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    if kind == "bpe":
        tk = Tokenizer(models.BPE())
        tk.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
        tk.decoder = decoders.ByteLevel()
        specials = ["<|endoftext|>", "<pad>"]
        tk.train_from_iterator([_TEXT], trainers.BpeTrainer(
            vocab_size=vocab_size, special_tokens=specials,
            initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
        return PreTrainedTokenizerFast(tokenizer_object=tk, bos_token="<|endoftext|>",
                                       eos_token="<|endoftext|>", pad_token="<pad>")
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tk = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tk.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tk.decoder = decoders.WordPiece()
    tk.train_from_iterator([_TEXT], trainers.WordPieceTrainer(vocab_size=vocab_size, special_tokens=specials))
    cls, sep = tk.token_to_id("[CLS]"), tk.token_to_id("[SEP]")
    tk.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", cls), ("[SEP]", sep)])
    # Like BERT's own tokenizer, it writes token_type_ids (segment A/B of a sentence pair).
    return PreTrainedTokenizerFast(tokenizer_object=tk, unk_token="[UNK]", pad_token="[PAD]",
                                   cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]",
                                   model_input_names=["input_ids", "token_type_ids", "attention_mask"])


def build_config(family: str, vocab_size: int, size: str = "tiny", tokenizer: Any = None) -> Any:
    """A config of `family`; size "tiny" (2 layers, 64 dims) or "base" (GPT-2 small / BERT base)."""
    import transformers as tf

    base = size == "base"
    L, H, D = (12, 12, 768) if base else (2, 4, 64)
    ctx = 1024 if base else 128
    if family == "gpt2":
        return tf.GPT2Config(vocab_size=vocab_size, n_layer=L, n_head=H, n_embd=D, n_positions=ctx,
                             bos_token_id=tokenizer.bos_token_id if tokenizer else None,
                             eos_token_id=tokenizer.eos_token_id if tokenizer else None)
    if family == "llama":  # grouped-query attention: 2 key/value heads for 4 query heads
        return tf.LlamaConfig(vocab_size=vocab_size, num_hidden_layers=L, num_attention_heads=H,
                              num_key_value_heads=max(1, H // 2), hidden_size=D, intermediate_size=4 * D,
                              max_position_embeddings=ctx,
                              bos_token_id=tokenizer.bos_token_id if tokenizer else None,
                              eos_token_id=tokenizer.eos_token_id if tokenizer else None)
    if family.startswith("bert"):
        cfg = tf.BertConfig(vocab_size=vocab_size, num_hidden_layers=L, num_attention_heads=H,
                            hidden_size=D, intermediate_size=4 * D, max_position_embeddings=512 if base else ctx,
                            pad_token_id=tokenizer.pad_token_id if tokenizer else 0)
        if family == "bert-cls":
            cfg.id2label = {0: "negative", 1: "positive"}
            cfg.label2id = {"negative": 0, "positive": 1}
        return cfg
    if family == "bart":
        return tf.BartConfig(vocab_size=vocab_size, encoder_layers=L, decoder_layers=L,
                             encoder_attention_heads=H, decoder_attention_heads=H, d_model=D,
                             encoder_ffn_dim=4 * D, decoder_ffn_dim=4 * D, max_position_embeddings=ctx,
                             pad_token_id=tokenizer.pad_token_id, bos_token_id=tokenizer.bos_token_id,
                             eos_token_id=tokenizer.eos_token_id, decoder_start_token_id=tokenizer.eos_token_id,
                             forced_eos_token_id=None)
    if family == "t5":
        return tf.T5Config(vocab_size=vocab_size, num_layers=L, num_decoder_layers=L, num_heads=H,
                           d_model=D, d_kv=D // H, d_ff=4 * D, pad_token_id=tokenizer.pad_token_id,
                           eos_token_id=tokenizer.eos_token_id, decoder_start_token_id=tokenizer.pad_token_id)
    raise ValueError(f"unknown family {family!r}; one of {FAMILIES}")


def build_random_model(family: str, out_dir: Path, size: str = "tiny", seed: int = 0) -> Path:
    """Save a random `family` model with its tokenizer to out_dir; returns out_dir."""
    import torch
    import transformers as tf

    torch.manual_seed(seed)
    tok = make_tokenizer("wordpiece" if family.startswith("bert") else "bpe",
                         vocab_size=1000 if size == "base" else 400)
    cfg = build_config(family, len(tok), size, tok)
    cls = {"gpt2": tf.GPT2LMHeadModel, "llama": tf.LlamaForCausalLM, "bert": tf.BertModel,
           "bert-mlm": tf.BertForMaskedLM, "bert-cls": tf.BertForSequenceClassification,
           "bart": tf.BartForConditionalGeneration, "t5": tf.T5ForConditionalGeneration}[family]
    model = cls(cfg)
    return save_folder(model, tok, out_dir)


def save_folder(model: Any, tok: Any, out_dir: Path) -> Path:
    """An ordinary Hugging Face folder: weights, config, generation config and tokenizer."""
    if model.can_generate() and tok.pad_token_id is not None:
        model.generation_config.pad_token_id = tok.pad_token_id
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out_dir)
    tok.save_pretrained(out_dir)
    return out_dir


# Shapes for the training benchmark and the GPU tests. gpt2: (layers, heads, width, context, vocab),
# "gpt2" being GPT-2 small (124M parameters); llama: (layers, heads, key/value heads, width, MLP
# width, context, vocab), "1b" being TinyLlama's 1.1B shape.
GPT2_SHAPES = {"tiny": (2, 2, 64, 128, 2048), "small": (4, 4, 256, 256, 8192), "gpt2": (12, 12, 768, 1024, 50257)}
LLAMA_SHAPES = {"tiny": (2, 4, 2, 64, 256, 128, 2048), "1b": (22, 32, 4, 2048, 5632, 1024, 32000)}


def build_shaped(family: str, size: str, out_dir: Path, device: str = "cpu") -> Path:
    """A random gpt2 or llama model of a named shape, with the small BPE tokenizer (its ids are a
    subset of the model's vocabulary, so the vocabulary's matmuls keep their real size). Built on
    `device` and saved in bf16 on CUDA (2.2 GB for 1.1B parameters), fp32 on the CPU."""
    import torch
    import transformers as tf

    torch.manual_seed(0)
    tok = make_tokenizer("bpe", vocab_size=400)
    ids = dict(bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id)
    if family == "gpt2":
        layers, heads, width, ctx, vocab = GPT2_SHAPES[size]
        config = tf.GPT2Config(vocab_size=vocab, n_layer=layers, n_head=heads, n_embd=width, n_positions=ctx, **ids)
        cls = tf.GPT2LMHeadModel
    else:
        layers, heads, kv, width, mlp, ctx, vocab = LLAMA_SHAPES[size]
        config = tf.LlamaConfig(vocab_size=vocab, num_hidden_layers=layers, num_attention_heads=heads,
                                num_key_value_heads=kv, hidden_size=width, intermediate_size=mlp,
                                max_position_embeddings=ctx, **ids)
        cls = tf.LlamaForCausalLM
    with torch.device(device):
        model = cls(config).to(torch.bfloat16 if device.startswith("cuda") else torch.float32)
    return save_folder(model, tok, out_dir)


# Real models' shapes (from their config.json on the hub), with the small test tokenizer's 300-token
# vocabulary instead of the real 32k-150k: every layer is full size, the vocabulary matmul is not.
# Parameter counts with that vocabulary: Qwen2.5-0.5B 358M, Llama-3.2-1B 973M, Phi-3-mini 3.6B.
REAL_SHAPES: dict[str, tuple[str, dict[str, Any]]] = {
    "qwen2.5-0.5b": ("Qwen2Config", dict(num_hidden_layers=24, num_attention_heads=14, num_key_value_heads=2,
                                         hidden_size=896, intermediate_size=4864, max_position_embeddings=32768,
                                         tie_word_embeddings=True)),
    "llama-3.2-1b": ("LlamaConfig", dict(num_hidden_layers=16, num_attention_heads=32, num_key_value_heads=8,
                                         hidden_size=2048, intermediate_size=8192, max_position_embeddings=131072,
                                         rope_theta=500000.0, tie_word_embeddings=True)),
    "phi-3-mini": ("Phi3Config", dict(num_hidden_layers=32, num_attention_heads=32, num_key_value_heads=32,
                                      hidden_size=3072, intermediate_size=8192, max_position_embeddings=4096,
                                      tie_word_embeddings=False)),
}


def build_real_shape(name: str, out_dir: Path) -> Path:
    """A random causal LM of a REAL_SHAPES shape, saved in float32 (what the CPU loads)."""
    import torch
    import transformers as tf

    config_class, shape = REAL_SHAPES[name]
    torch.manual_seed(0)
    tok = make_tokenizer("bpe", vocab_size=300)
    config = getattr(tf, config_class)(vocab_size=len(tok), bos_token_id=tok.bos_token_id,
                                       eos_token_id=tok.eos_token_id, pad_token_id=tok.pad_token_id, **shape)
    return save_folder(tf.AutoModelForCausalLM.from_config(config), tok, out_dir)
