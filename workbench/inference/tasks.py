"""The Playground's one-shot tasks on ONNX Runtime, returning workbench.predict's dataclasses.

Same tokenisation, truncation and pooling as the PyTorch versions, so results line up value
for value with predict.classify / fill_mask / embed.
"""

from __future__ import annotations

import numpy as np

from workbench.errors import InputError
from workbench.inference.onnx_model import OnnxModel
from workbench.predict import Classification, MaskPrediction, _text


def _require(model: OnnxModel, *tasks: str) -> None:
    if model.task not in tasks:
        raise InputError("This model is exported for {task}; this needs {needs}",
                         task=model.task, needs=" or ".join(tasks))


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _encode(model: OnnxModel, texts: list[str], pair: str | None = None) -> tuple[dict[str, np.ndarray], int | None]:
    tok = model.tokenizer
    limit = model.info.context_length or 512
    full = max(len(tok(t, pair)["input_ids"]) for t in texts)
    enc = tok(texts, [pair] * len(texts) if pair else None, return_tensors="np", padding=True,
              truncation=True, max_length=limit)
    return {k: np.asarray(v, dtype=np.int64) for k, v in enc.items()}, (limit if full > limit else None)


def _run_encoder(model: OnnxModel, enc: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    runner = model.runner("encoder")
    feeds = {k: v for k, v in enc.items() if k in runner.inputs}
    if "token_type_ids" in runner.inputs and "token_type_ids" not in feeds:
        feeds["token_type_ids"] = np.zeros_like(enc["input_ids"])
    out, _ = runner.run(feeds)
    return {k: v.astype(np.float32, copy=False) for k, v in out.items()}


def classify(model: OnnxModel, text: str, text_pair: str | None = None) -> Classification:
    _require(model, "sequence-classification")
    enc, truncated = _encode(model, [_text(text)], text_pair)
    probs = _softmax(_run_encoder(model, enc)["logits"][0].astype(np.float64))
    id2label = getattr(model.config, "id2label", {}) or {}
    labels = tuple(str(id2label.get(i, f"LABEL_{i}")) for i in range(len(probs)))
    return Classification(labels, tuple(float(p) for p in probs), truncated)


def fill_mask(model: OnnxModel, text: str, top_k: int = 5) -> list[MaskPrediction]:
    """Top-k candidates for each mask; "[MASK]" and "<mask>" both mean the model's mask token."""
    _require(model, "masked-lm")
    tok = model.tokenizer
    text = _text(text)
    for alias in ("[MASK]", "<mask>"):
        text = text.replace(alias, tok.mask_token)
    if tok.mask_token not in text:
        raise InputError("Put {mask} where a word should be predicted", mask=tok.mask_token)
    enc, _ = _encode(model, [text])
    logits = _run_encoder(model, enc)["logits"][0]  # (seq, vocab)
    out = []
    for pos in np.flatnonzero(enc["input_ids"][0] == tok.mask_token_id).tolist():
        probs = _softmax(logits[pos].astype(np.float64))
        top = np.argsort(-probs)[:top_k]
        out.append(MaskPrediction(pos, tuple((tok.decode([int(i)]).strip(), float(probs[i])) for i in top)))
    return out


def embed(model: OnnxModel, texts: list[str]) -> np.ndarray:
    """Sentence embeddings (n, hidden): mean of the last hidden states over real tokens."""
    if model.kind == "decoder":
        raise InputError("Embeddings need an encoder; this ONNX export is a text-generation decoder")
    enc, _ = _encode(model, [_text(t) for t in texts])
    if model.is_encoder_decoder:
        hidden = model.seq2seq_stepper().encode(enc["input_ids"], enc["attention_mask"])
    else:
        hidden = _run_encoder(model, enc)["last_hidden_state"]
    mask = enc["attention_mask"][..., None].astype(np.float32)  # (n, seq, 1)
    return (hidden * mask).sum(1) / np.maximum(mask.sum(1), 1)


def similarity(model: OnnxModel, a: str, b: str) -> float:
    va, vb = embed(model, [a, b])
    return float(np.dot(va, vb) / (np.linalg.norm(va) * np.linalg.norm(vb) + 1e-12))

