"""The Playground's one-shot tasks: classify, fill-mask, embeddings, tokenizer view.

Each takes a LoadedModel and text and returns plain Python/numpy values, no tensors.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from workbench.errors import InputError
from workbench.hf_compat import forward_inputs
from workbench.models.spec import LoadedModel
from workbench.token_text import token_labels


@dataclass(frozen=True)
class Classification:
    labels: tuple[str, ...]
    probs: tuple[float, ...]  # same order as labels, sums to 1
    truncated_to: int | None  # token count the input was cut to, None if it fitted

    @property
    def top(self) -> tuple[str, float]:
        i = int(np.argmax(self.probs))
        return self.labels[i], self.probs[i]


@dataclass(frozen=True)
class MaskPrediction:
    position: int  # token index of the mask in the input
    candidates: tuple[tuple[str, float], ...]  # (token text, probability), best first


@dataclass(frozen=True)
class TokenSpan:
    id: int
    token: str  # vocabulary entry
    text: str  # the characters of the input it covers ("" for special tokens)
    start: int
    end: int
    special: bool
    label: str = ""  # what views show: the text, '注(1/3)' for a byte piece (workbench.token_text)
    hover: str = ""  # the raw piece and its bytes


def _require(loaded: LoadedModel, *tasks: str) -> None:
    if loaded.task not in tasks:
        raise InputError("This model is loaded for {task}; this needs {needs}",
                         task=loaded.task, needs=" or ".join(tasks))


def _text(text: str) -> str:
    if not text or not text.strip():
        raise InputError("The text is empty; type some text first")
    return text


def encode(loaded: LoadedModel, text: str, text_pair: str | None = None) -> tuple[dict[str, Any], int | None]:
    """Tokenize to tensors on the device, truncating to the context; (batch, truncated_to)."""
    tok = loaded.tokenizer
    limit = loaded.info.context_length or 512
    full = len(tok(text, text_pair)["input_ids"])
    enc = tok(text, text_pair, return_tensors="pt", truncation=True, max_length=limit)
    enc = {k: v.to(loaded.device) for k, v in forward_inputs(loaded.model, enc).items()}
    return enc, (limit if full > limit else None)


def classify(loaded: LoadedModel, text: str, text_pair: str | None = None) -> Classification:
    import torch

    _require(loaded, "sequence-classification")
    enc, truncated = encode(loaded, _text(text), text_pair)
    with torch.inference_mode():
        logits = loaded.model(**enc).logits[0].float()
    probs = torch.softmax(logits, dim=-1).tolist()
    id2label = loaded.model.config.id2label
    labels = tuple(str(id2label.get(i, f"LABEL_{i}")) for i in range(len(probs)))
    return Classification(labels, tuple(probs), truncated)


def fill_mask(loaded: LoadedModel, text: str, top_k: int = 5) -> list[MaskPrediction]:
    """Top-k candidates for each mask. "[MASK]" and "<mask>" both mean the model's mask token."""
    import torch

    _require(loaded, "masked-lm")
    tok = loaded.tokenizer
    text = _text(text)
    for alias in ("[MASK]", "<mask>"):
        text = text.replace(alias, tok.mask_token)
    if tok.mask_token not in text:
        raise InputError("Put {mask} where a word should be predicted", mask=tok.mask_token)
    enc, _ = encode(loaded, text)
    with torch.inference_mode():
        logits = loaded.model(**enc).logits[0].float()  # (seq, vocab)
    positions = (enc["input_ids"][0] == tok.mask_token_id).nonzero().flatten().tolist()
    out = []
    for pos in positions:
        probs = torch.softmax(logits[pos], dim=-1)
        top = torch.topk(probs, top_k)
        cands = tuple((tok.decode([int(i)]).strip(), float(p)) for p, i in zip(top.values, top.indices))
        out.append(MaskPrediction(pos, cands))
    return out


def embed(loaded: LoadedModel, texts: list[str]) -> np.ndarray:
    """Sentence embeddings (n, hidden): mean of the last hidden states over real tokens."""
    import torch

    tok = loaded.tokenizer
    texts = [_text(t) for t in texts]
    limit = loaded.info.context_length or 512
    enc = tok(texts, return_tensors="pt", padding=True, truncation=True, max_length=limit)
    enc = {k: v.to(loaded.device) for k, v in forward_inputs(loaded.model, enc).items()}
    model = loaded.model
    with torch.inference_mode():
        if loaded.is_encoder_decoder:
            hidden = model.get_encoder()(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"]).last_hidden_state
        else:
            out = model(**enc, output_hidden_states=True)
            hidden = out.hidden_states[-1] if getattr(out, "hidden_states", None) else out.last_hidden_state
    mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)  # (n, seq, 1)
    pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1)  # (n, hidden)
    return pooled.float().cpu().numpy()


def similarity(loaded: LoadedModel, a: str, b: str) -> float:
    """Cosine similarity of the two texts' embeddings, in [-1, 1]."""
    va, vb = embed(loaded, [a, b])
    return float(np.dot(va, vb) / (np.linalg.norm(va) * np.linalg.norm(vb) + 1e-12))


def tokenize(tokenizer: Any, text: str) -> list[TokenSpan]:
    """The tokenizer's view of `text`: every token with its id and the characters it covers."""
    if not text:
        return []
    enc = tokenizer(text, return_offsets_mapping=True, return_special_tokens_mask=True)
    ids = enc["input_ids"]
    tokens = tokenizer.convert_ids_to_tokens(ids)
    labels = token_labels(tokenizer, ids)
    spans = []
    for i, (tid, tokstr) in enumerate(zip(ids, tokens)):
        start, end = enc["offset_mapping"][i]
        special = bool(enc["special_tokens_mask"][i])
        spans.append(TokenSpan(int(tid), str(tokstr), "" if special else text[start:end], int(start), int(end), special,
                               labels[i].text, labels[i].hover))
    return spans
