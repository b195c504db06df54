"""The loss, position by position: the probability of the true next token and its cross-entropy.

The mean of the per-position cross-entropies is exactly the loss a causal LM reports for the text
(labels = input ids), which is what training minimises.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from workbench.errors import InputError
from workbench.models.spec import LoadedModel
from workbench.token_text import label_texts, piece_text


@dataclass(frozen=True)
class PositionLoss:
    position: int  # index of the token being predicted
    context: str  # the text up to (not including) it
    target: str  # the true next token
    prob: float  # the model's probability of it
    cross_entropy: float  # -ln(prob)
    top: tuple[tuple[str, float], ...]  # what the model expected instead, best first


@dataclass(frozen=True)
class LossBreakdown:
    tokens: tuple[str, ...]
    positions: tuple[PositionLoss, ...]
    mean_loss: float  # mean cross-entropy, equal to the model's own loss
    model_loss: float  # what model(..., labels=ids).loss returns

    @property
    def perplexity(self) -> float:
        return float(np.exp(self.mean_loss))


def explain_loss(loaded: LoadedModel, text: str, top_k: int = 5) -> LossBreakdown:
    import torch

    if not hasattr(loaded, "model"):
        raise InputError("The loss breakdown is computed from the PyTorch model, not an ONNX export")
    if loaded.task != "causal-lm":
        raise InputError("The next-token loss needs a causal language model")
    tok = loaded.tokenizer
    ids = tok(text, return_tensors="pt").input_ids.to(loaded.device)
    if ids.shape[1] < 2:
        raise InputError("Type at least two tokens of text: the loss compares each token with the next")
    limit = loaded.info.context_length or ids.shape[1]
    ids = ids[:, :limit]
    with torch.inference_mode():
        out = loaded.model(input_ids=ids, labels=ids)
    logp = torch.log_softmax(out.logits[0, :-1].float(), dim=-1)  # (T-1, vocab): predicts token t+1
    targets = ids[0, 1:]
    labels = label_texts(tok, ids[0].tolist())  # '注(1/3)', not the byte piece decoded alone
    tokens = labels
    positions = []
    for t in range(targets.shape[0]):
        lp = float(logp[t, targets[t]])
        top = torch.topk(logp[t], top_k)
        positions.append(PositionLoss(
            position=t + 1, context=tok.decode(ids[0, : t + 1]), target=labels[t + 1],
            prob=float(np.exp(lp)), cross_entropy=-lp,
            top=tuple((piece_text(tok, int(i)), float(np.exp(v))) for v, i in zip(top.values, top.indices))))
    mean = float(np.mean([p.cross_entropy for p in positions]))
    return LossBreakdown(tokens, tuple(positions), mean, float(out.loss))
