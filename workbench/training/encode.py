"""Validated rows -> token ids, the train/eval split, the collator and the token count.

causal-lm: documents are tokenized with an end-of-text token after each, concatenated and cut
into blocks of max_length tokens (labels = input ids; the model shifts them). Classification
and chat keep one example per row, truncated to max_length and padded per batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from workbench.control import Control
from workbench.errors import Cancelled, InputError
from workbench.training.chat_data import IGNORE, encode_conversation, ensure_chat_template
from workbench.training.config import TrainConfig
from workbench.training.data import RawData, load_raw


@dataclass
class PreparedData:
    train: Any  # datasets.Dataset of token ids
    eval: Any | None
    collator: Any
    label_names: list[str]
    train_tokens: int  # real (non-padding) tokens in the training split
    eval_tokens: int
    block_size: int
    source: str
    # seq2seq: the first eval examples as (source, target) texts, in the eval split's order, for
    # generating at each evaluation (cfg.eval_samples / eval_generate of them); [] otherwise.
    eval_pairs: list[tuple[str, str]] = field(default_factory=list)

    @property
    def train_examples(self) -> int:
        return len(self.train)

    @property
    def eval_examples(self) -> int:
        return len(self.eval) if self.eval is not None else 0


def prepare_data(cfg: TrainConfig, tokenizer: Any, raw: RawData | None = None,
                 block_size: int | None = None, control: Control | None = None) -> PreparedData:
    """Tokenize, split and check that at least one batch can be made. A cancel on `control` stops
    the tokenisation at its next batch with Cancelled."""
    raw = raw or load_raw(cfg.data, cfg.task)
    size = block_size or cfg.data.max_length
    tick = _cancel_check(control)
    train = encode(raw.dataset, cfg.task, tokenizer, size, tick, cfg.data.packing)
    evalset, eval_rows = None, None  # eval_rows: the eval split's raw rows, one per encoded row (seq2seq)
    if cfg.data.eval_path:
        eval_cfg = _with_label_names(cfg, raw.label_names)
        eval_rows = load_raw(eval_cfg.data, cfg.task, cfg.data.eval_path).dataset
        evalset = encode(eval_rows, cfg.task, tokenizer, size, tick, cfg.data.packing)
    elif cfg.data.eval_fraction > 0 and len(train) >= 4:
        n_eval = max(1, round(len(train) * cfg.data.eval_fraction))
        parts = train.train_test_split(test_size=n_eval, seed=cfg.data.split_seed, shuffle=True)
        train, evalset = parts["train"], parts["test"]
        if cfg.task == "seq2seq":  # one encoded row per raw row: the same split picks the same rows
            eval_rows = raw.dataset.train_test_split(test_size=n_eval, seed=cfg.data.split_seed, shuffle=True)["test"]
    _check_batch(train, cfg, raw.source, size)
    return PreparedData(train, evalset, make_collator(cfg.task, tokenizer), raw.label_names,
                        count_tokens(train), count_tokens(evalset) if evalset is not None else 0, size, raw.source,
                        _eval_pairs(eval_rows, cfg))


def _eval_pairs(rows: Any, cfg: TrainConfig) -> list[tuple[str, str]]:
    """The first (source, target) texts of the eval split that a seq2seq run generates for."""
    wanted = max(cfg.eval_samples, cfg.eval_generate)
    if cfg.task != "seq2seq" or rows is None or not wanted:
        return []
    head = rows.select(range(min(wanted, len(rows))))
    return list(zip(head["source"], head["target"]))


def _cancel_check(control: Control | None) -> Callable[[], None]:
    """A function the map callbacks call first: datasets.map has no cancel of its own."""
    def tick() -> None:
        if control is not None and control.cancelled:
            raise Cancelled("Cancelled while the data was being tokenised")
    return tick


def _with_label_names(cfg: TrainConfig, names: list[str]) -> TrainConfig:
    import copy

    c = copy.deepcopy(cfg)
    c.data.label_names = list(names)
    return c


def _check_batch(train: Any, cfg: TrainConfig, source: str, size: int) -> None:
    if len(train) >= cfg.batch_size:
        return
    if cfg.task == "causal-lm":
        raise InputError("{source} gives {count} training blocks of {size} tokens, fewer than one batch of "
                         "{batch_size}; add data, or choose a shorter maximum sequence length or a smaller batch size",
                         source=source, count=len(train), size=size, batch_size=cfg.batch_size)
    raise InputError("{source} gives {count} training examples, fewer than one batch of {batch_size}; "
                     "add data, or choose a smaller batch size", source=source, count=len(train),
                     batch_size=cfg.batch_size)


def encode(ds: Any, task: str, tokenizer: Any, size: int, tick: Callable[[], None] = lambda: None,
           packing: str = "concat") -> Any:
    if task == "causal-lm":
        return _lm_blocks(ds, tokenizer, size, tick, packing)

    def classify_batch(b: dict[str, list[Any]]) -> dict[str, Any]:
        tick()
        return {**tokenizer(b["text"], truncation=True, max_length=size), "labels": b["label"]}

    def conversation(r: dict[str, Any]) -> dict[str, Any]:
        tick()
        return encode_conversation(tokenizer, r["messages"], size)

    def pair_batch(b: dict[str, list[Any]]) -> dict[str, Any]:
        tick()
        # The labels are the target's ids (with its eos); the model shifts them right to make its
        # decoder input, and the collator pads them with IGNORE: the loss is on the target only.
        target = tokenizer(text_target=b["target"], truncation=True, max_length=size)["input_ids"]
        return {**tokenizer(b["source"], truncation=True, max_length=size), "labels": target}

    if task == "sequence-classification":
        return ds.map(classify_batch, batched=True, remove_columns=ds.column_names, keep_in_memory=True)
    if task == "seq2seq":
        return ds.map(pair_batch, batched=True, remove_columns=ds.column_names, keep_in_memory=True)
    ensure_chat_template(tokenizer)
    encoded = ds.map(conversation, remove_columns=ds.column_names, keep_in_memory=True)
    # A conversation truncated before its first reply has nothing to learn from (and a 0/0 loss).
    kept = encoded.filter(lambda r: any(t != IGNORE for t in r["labels"]), keep_in_memory=True)
    if len(kept) == 0 and len(encoded) > 0:
        raise InputError("Every conversation is cut off before its first reply at {size} tokens; "
                         "raise the maximum sequence length", size=size)
    return kept


DOCUMENTS_PER_PACK = 100_000


def _lm_blocks(ds: Any, tokenizer: Any, size: int, tick: Callable[[], None], packing: str = "concat") -> Any:
    eos = tokenizer.eos_token_id

    def tokenize(batch: dict[str, list[str]]) -> dict[str, list[list[int]]]:
        tick()
        ids = tokenizer(batch["text"], add_special_tokens=False)["input_ids"]
        return {"ids": [x + [eos] if eos is not None else x for x in ids]}

    def group(batch: dict[str, list[list[int]]]) -> dict[str, list[list[int]]]:
        if packing == "documents":
            blocks = pack_documents(batch["ids"], size)
        else:
            # Concatenate the batch and cut blocks of `size`; the tail shorter than a block is dropped
            # (per map batch of 1000 documents, so at most one block's worth of tokens per batch).
            flat = [t for ids in batch["ids"] for t in ids]
            blocks = [flat[i:i + size] for i in range(0, len(flat) - size + 1, size)]
        return {"input_ids": blocks, "attention_mask": [[1] * size for _ in blocks], "labels": blocks}

    tokens = ds.map(tokenize, batched=True, remove_columns=ds.column_names, keep_in_memory=True)
    # "documents" packs up to DOCUMENTS_PER_PACK documents at a time (each pack drops its last,
    # partial block): the built-in story corpus (30,000) is one pack, as its recipe packed it.
    size_of_pack = DOCUMENTS_PER_PACK if packing == "documents" else 1000
    return tokens.map(group, batched=True, batch_size=size_of_pack, remove_columns=["ids"], keep_in_memory=True)


def pack_documents(documents: list[list[int]], size: int) -> list[list[int]]:
    """Documents (ids, each ending in eos) -> blocks of exactly `size` ids, each starting at a document.

    A document longer than a block keeps its first size - 1 ids and its eos. A block's tail is
    filled with the start of the next document, which then opens the next block in full (so those
    tokens are seen twice). The last, partial block is dropped: no padding, every label is real.
    """
    blocks: list[list[int]] = []
    current: list[int] = []
    for ids in documents:
        doc = ids[: size - 1] + ids[-1:] if len(ids) > size else list(ids)
        if len(current) + len(doc) <= size:
            current += doc
            continue
        if current:
            blocks.append(current + doc[: size - len(current)])
        current = doc
    return blocks


def make_collator(task: str, tokenizer: Any) -> Any:
    from transformers import DataCollatorForSeq2Seq, DataCollatorWithPadding, default_data_collator

    if task == "causal-lm":
        return default_data_collator  # every block has the same length
    if task == "sequence-classification":
        return DataCollatorWithPadding(tokenizer)
    # Chat and seq2seq: pad ids with the pad token and labels with IGNORE so padding adds no loss.
    return DataCollatorForSeq2Seq(tokenizer, padding=True, label_pad_token_id=IGNORE)


def count_tokens(ds: Any) -> int:
    return int(sum(sum(m) for m in ds["attention_mask"]))
