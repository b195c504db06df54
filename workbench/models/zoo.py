"""Tiny random models of the text architectures people load most, each with its own tokenizer.

The architecture matrix (workbench/archmatrix.py, docs/architectures.md) runs every one of them
through every feature. Each is a real transformers model built from its own config class, two
layers of 64 dims, with a tokenizer trained here in the style of the architecture's own: byte-
level BPE for GPT-2 and RoBERTa, WordPiece for BERT, a unigram (SentencePiece-style) model for
Llama, T5, ALBERT and the rest, with that family's special tokens and templates. Only the
weights are random; nothing is downloaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from workbench.models.synthetic import _TEXT, save_folder

# Shared tiny shapes: layers, hidden size, heads, feed-forward width, context.
L, D, H, FF, CTX = 2, 64, 4, 128, 128
# Sliding-window attention (Mistral, Gemma-2): shorter than a prompt plus the generated tokens,
# so every cell crosses the window (an export once broke exactly there).
WINDOW = 8


@dataclass(frozen=True)
class TokenizerStyle:
    """How an architecture's tokenizer splits text and which special tokens it has."""

    model: str  # bpe | wordpiece | unigram
    specials: dict[str, str]  # transformers name (bos_token ...) -> token
    single: str  # post-processing template, e.g. "[CLS] $A [SEP]"; "$A" adds nothing
    pair: str = ""


GPT2 = TokenizerStyle("bpe", {"bos_token": "<|endoftext|>", "eos_token": "<|endoftext|>", "pad_token": "<pad>"}, "$A")
SPM = TokenizerStyle("unigram", {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<pad>"},
                     "<s> $A")
BERT = TokenizerStyle("wordpiece", {"unk_token": "[UNK]", "pad_token": "[PAD]", "cls_token": "[CLS]",
                                    "sep_token": "[SEP]", "mask_token": "[MASK]"},
                      "[CLS] $A [SEP]", "[CLS] $A [SEP] $B:1 [SEP]:1")
SPM_CLS = TokenizerStyle("unigram", {**BERT.specials, "unk_token": "<unk>"}, BERT.single, BERT.pair)
ROBERTA = TokenizerStyle("bpe", {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<pad>",
                                 "cls_token": "<s>", "sep_token": "</s>", "mask_token": "<mask>"},
                         "<s> $A </s>", "<s> $A </s> </s> $B </s>")
XLMR = TokenizerStyle("unigram", ROBERTA.specials, ROBERTA.single, ROBERTA.pair)
T5 = TokenizerStyle("unigram", {"pad_token": "<pad>", "eos_token": "</s>", "unk_token": "<unk>"}, "$A </s>")
MARIAN = TokenizerStyle("unigram", {"eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<pad>"}, "$A </s>")


@dataclass(frozen=True)
class Arch:
    """One architecture: its kind, tokenizer style and a config factory taking the token ids."""

    name: str  # the model_type
    kind: str  # decoder | encoder | seq2seq
    style: TokenizerStyle
    config: Callable[[dict[str, int | None], int], Any]  # (special ids, vocab size) -> config
    token_types: bool = False  # does the real tokenizer write token_type_ids (BERT, ALBERT ...)?


def _ids(i: dict[str, int | None]) -> dict[str, int | None]:
    return {"pad_token_id": i["pad"], "bos_token_id": i["bos"], "eos_token_id": i["eos"]}


def _llama_like(cls_name: str, **extra: Any) -> Callable[[dict[str, int | None], int], Any]:
    def make(i: dict[str, int | None], vocab: int) -> Any:
        import transformers as tf

        return getattr(tf, cls_name)(vocab_size=vocab, hidden_size=D, intermediate_size=FF, num_hidden_layers=L,
                                     num_attention_heads=H, num_key_value_heads=H // 2,
                                     max_position_embeddings=CTX, **_ids(i), **extra)
    return make


def _bart_like(cls_name: str, start: str = "eos", **extra: Any) -> Callable[[dict[str, int | None], int], Any]:
    """BART-shaped keyword names; `start` names the decoder start token (eos, or pad for Marian)."""
    def make(i: dict[str, int | None], vocab: int) -> Any:
        import transformers as tf

        return getattr(tf, cls_name)(vocab_size=vocab, d_model=D, encoder_layers=L, decoder_layers=L,
                                     encoder_attention_heads=H, decoder_attention_heads=H, encoder_ffn_dim=FF,
                                     decoder_ffn_dim=FF, max_position_embeddings=CTX, **_ids(i),
                                     decoder_start_token_id=i[start], forced_eos_token_id=None, **extra)
    return make


def _t5_like(cls_name: str) -> Callable[[dict[str, int | None], int], Any]:
    def make(i: dict[str, int | None], vocab: int) -> Any:
        import transformers as tf

        return getattr(tf, cls_name)(vocab_size=vocab, d_model=D, d_kv=D // H, d_ff=FF, num_layers=L,
                                     num_decoder_layers=L, num_heads=H, pad_token_id=i["pad"],
                                     eos_token_id=i["eos"], decoder_start_token_id=i["pad"])
    return make


def _encoder(cls_name: str, offset_positions: bool = False, **extra: Any
             ) -> Callable[[dict[str, int | None], int], Any]:
    """BERT-shaped keyword names (hidden_size, num_hidden_layers ...)."""
    def make(i: dict[str, int | None], vocab: int) -> Any:
        import transformers as tf

        # RoBERTa-style position ids start after the padding id: leave room for them.
        positions = CTX + (i["pad"] or 0) + 2 if offset_positions else CTX
        return getattr(tf, cls_name)(vocab_size=vocab, hidden_size=D, num_hidden_layers=L, num_attention_heads=H,
                                     intermediate_size=FF, max_position_embeddings=positions, **_ids(i),
                                     **extra)
    return make


def _cfg(cls_name: str, **kwargs: Any) -> Callable[[dict[str, int | None], int], Any]:
    """A config class with its own keyword names, plus the vocabulary size and special token ids."""
    def make(i: dict[str, int | None], vocab: int) -> Any:
        import transformers as tf

        return getattr(tf, cls_name)(vocab_size=vocab, **_ids(i), **kwargs)
    return make


ARCHS: tuple[Arch, ...] = (
    # decoders
    Arch("gpt2", "decoder", GPT2, _cfg("GPT2Config", n_layer=L, n_head=H, n_embd=D, n_positions=CTX)),
    Arch("gpt_neox", "decoder", GPT2, _cfg("GPTNeoXConfig", hidden_size=D, num_hidden_layers=L,
                                           num_attention_heads=H, intermediate_size=FF, max_position_embeddings=CTX)),
    Arch("opt", "decoder", GPT2, _cfg("OPTConfig", hidden_size=D, num_hidden_layers=L, num_attention_heads=H,
                                      ffn_dim=FF, word_embed_proj_dim=D, max_position_embeddings=CTX)),
    Arch("llama", "decoder", SPM, _llama_like("LlamaConfig")),
    Arch("mistral", "decoder", SPM, _llama_like("MistralConfig", sliding_window=WINDOW)),
    Arch("qwen2", "decoder", GPT2, _llama_like("Qwen2Config")),
    Arch("qwen3", "decoder", GPT2, _llama_like("Qwen3Config", head_dim=D // H)),
    Arch("gemma", "decoder", SPM, _llama_like("GemmaConfig", head_dim=D // H)),
    Arch("gemma2", "decoder", SPM, _llama_like("Gemma2Config", head_dim=D // H, query_pre_attn_scalar=D // H,
                                               sliding_window=WINDOW)),
    Arch("phi3", "decoder", SPM, _llama_like("Phi3Config", original_max_position_embeddings=CTX)),
    Arch("phi", "decoder", GPT2, _llama_like("PhiConfig")),
    Arch("olmo2", "decoder", GPT2, _llama_like("Olmo2Config")),
    Arch("smollm3", "decoder", GPT2, _llama_like("SmolLM3Config")),
    Arch("starcoder2", "decoder", GPT2, _llama_like("Starcoder2Config", sliding_window=None)),
    Arch("gpt_neo", "decoder", GPT2, _cfg("GPTNeoConfig", hidden_size=D, num_layers=L, num_heads=H,
                                          attention_types=[[["global", "local"], 1]], window_size=32,
                                          intermediate_size=FF, max_position_embeddings=CTX)),
    Arch("bloom", "decoder", GPT2, _cfg("BloomConfig", hidden_size=D, n_layer=L, n_head=H)),
    Arch("falcon", "decoder", GPT2, _cfg("FalconConfig", hidden_size=D, num_hidden_layers=L, num_attention_heads=H,
                                         new_decoder_architecture=True, num_kv_heads=2, ffn_hidden_size=FF,
                                         max_position_embeddings=CTX)),
    # encoders: a masked LM and a classifier each
    Arch("bert", "encoder", BERT, _encoder("BertConfig"), token_types=True),
    Arch("distilbert", "encoder", BERT, _cfg("DistilBertConfig", dim=D, n_layers=L, n_heads=H, hidden_dim=FF,
                                             max_position_embeddings=CTX)),
    Arch("roberta", "encoder", ROBERTA, _encoder("RobertaConfig", offset_positions=True)),
    Arch("xlm-roberta", "encoder", XLMR, _encoder("XLMRobertaConfig", offset_positions=True)),
    Arch("deberta-v2", "encoder", SPM_CLS, _encoder("DebertaV2Config", type_vocab_size=0, relative_attention=True,
                                                    position_buckets=32, pos_att_type=["p2c", "c2p"]),
         token_types=True),
    Arch("electra", "encoder", BERT, _encoder("ElectraConfig", embedding_size=D), token_types=True),
    Arch("albert", "encoder", SPM_CLS, _encoder("AlbertConfig", embedding_size=32), token_types=True),
    Arch("mpnet", "encoder", ROBERTA, _encoder("MPNetConfig", offset_positions=True)),
    Arch("modernbert", "encoder", ROBERTA, _encoder("ModernBertConfig", global_attn_every_n_layers=2,
                                                    local_attention=32, cls_token_id=0, sep_token_id=1)),
    # encoder-decoders
    Arch("t5", "seq2seq", T5, _t5_like("T5Config")),
    Arch("mt5", "seq2seq", T5, _t5_like("MT5Config")),
    Arch("bart", "seq2seq", ROBERTA, _bart_like("BartConfig")),
    Arch("mbart", "seq2seq", XLMR, _bart_like("MBartConfig")),
    Arch("marian", "seq2seq", MARIAN, _bart_like("MarianConfig", start="pad")),
    Arch("pegasus", "seq2seq", MARIAN, _bart_like("PegasusConfig", start="pad")),
    Arch("m2m_100", "seq2seq", XLMR, _bart_like("M2M100Config")),
)
BY_NAME = {a.name: a for a in ARCHS}
# The tasks each kind is built for; encoders get one folder per head.
TASKS_BY_KIND = {"decoder": ("causal-lm",), "encoder": ("masked-lm", "sequence-classification"),
                 "seq2seq": ("seq2seq-lm",)}
LABELS = ("negative", "positive")


def train_tokenizer(style: TokenizerStyle, vocab_size: int = 400) -> Any:
    """A fast tokenizer of `style` trained on a small English text."""
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    specials = list(dict.fromkeys(style.specials.values()))
    if style.model == "bpe":
        tk = Tokenizer(models.BPE())
        tk.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
        tk.decoder = decoders.ByteLevel()
        trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=specials,
                                      initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    elif style.model == "wordpiece":
        tk = Tokenizer(models.WordPiece(unk_token=style.specials["unk_token"]))
        tk.normalizer = normalizers.BertNormalizer(lowercase=True)
        tk.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
        tk.decoder = decoders.WordPiece()
        trainer = trainers.WordPieceTrainer(vocab_size=vocab_size, special_tokens=specials)
    else:  # SentencePiece-style unigram: "▁" marks a word start
        tk = Tokenizer(models.Unigram())
        tk.pre_tokenizer = pre_tokenizers.Metaspace()
        tk.decoder = decoders.Metaspace()
        trainer = trainers.UnigramTrainer(vocab_size=vocab_size, special_tokens=specials,
                                          unk_token=style.specials.get("unk_token"))
    tk.train_from_iterator([_TEXT], trainer)
    if style.single != "$A":
        used = {t for t in (style.single + " " + style.pair).split() if t in specials}
        tk.post_processor = processors.TemplateProcessing(
            single=style.single, pair=style.pair or None,
            special_tokens=[(t, tk.token_to_id(t)) for t in sorted(used)])
    return PreTrainedTokenizerFast(tokenizer_object=tk, **style.specials)


def special_ids(tok: Any) -> dict[str, int | None]:
    pad = tok.pad_token_id
    return {"pad": pad, "bos": tok.bos_token_id if tok.bos_token_id is not None else tok.cls_token_id,
            "eos": tok.eos_token_id if tok.eos_token_id is not None else tok.sep_token_id}


def build_tiny(name: str, task: str, out_dir: Path, seed: int = 0) -> Path:
    """Save a random `name` model for `task`, with its trained tokenizer, to out_dir."""
    import torch

    from workbench.models.tasks import auto_class

    arch = BY_NAME[name]
    torch.manual_seed(seed)
    tok = train_tokenizer(arch.style)
    tok.model_input_names = ["input_ids", "token_type_ids", "attention_mask"] if arch.token_types \
        else ["input_ids", "attention_mask"]
    cfg = arch.config(special_ids(tok), len(tok))
    if task == "sequence-classification":
        cfg.id2label = dict(enumerate(LABELS))
        cfg.label2id = {v: k for k, v in cfg.id2label.items()}
    return save_folder(auto_class(task).from_config(cfg), tok, out_dir)
