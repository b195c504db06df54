"""Aggregations of attention maps: over heads, across layers (rollout), entropy, head patterns."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from workbench.attention.maps import AttentionSet


def mean_heads(weights: np.ndarray) -> np.ndarray:
    """(layers, heads, q, k) -> (layers, q, k)."""
    return weights.mean(axis=1)


def max_heads(weights: np.ndarray) -> np.ndarray:
    """(layers, heads, q, k) -> (layers, q, k); rows no longer sum to 1 (it is a max)."""
    return weights.max(axis=1)


def rollout(weights: np.ndarray, residual: float = 0.5) -> np.ndarray:
    """Attention rollout (Abnar & Zuidema 2020): how much each output position draws on each input
    token through all layers. Heads are averaged, the residual connection is modelled by adding
    the identity (A' = (1 - r) A + r I), rows are renormalised, and layers are multiplied from the
    first up: R_1 = A'_1, R_l = A'_l R_(l-1). Returns (layers, q, k): the rollout up to each layer.
    Needs square maps (self-attention)."""
    per_layer = weights.mean(axis=1) if weights.ndim == 4 else weights  # (layers, q, k)
    n = per_layer.shape[-1]
    if per_layer.shape[-2] != n:
        raise ValueError("rollout needs self-attention (square) maps")
    eye = np.eye(n, dtype=np.float64)
    out = np.empty(per_layer.shape, dtype=np.float32)
    acc = eye
    for layer, a in enumerate(per_layer.astype(np.float64)):
        a = (1 - residual) * a + residual * eye
        a = a / a.sum(axis=-1, keepdims=True)
        acc = a @ acc
        out[layer] = acc
    return out


def head_entropy(weights: np.ndarray) -> np.ndarray:
    """Mean over query rows of the entropy (nats) of each head's distribution: (layers, heads).
    Low = focused on one token, high = spread out."""
    p = np.clip(weights.astype(np.float64), 1e-12, 1.0)
    ent = -(weights * np.log(p)).sum(axis=-1)  # (layers, heads, q)
    return ent.mean(axis=-1).astype(np.float32)


@dataclass(frozen=True)
class HeadPattern:
    layer: int
    head: int
    pattern: str  # "previous token", "first token", "separator", "self", "broad"
    share: float  # the share of attention weight that supports it (0..1)

    def describe(self) -> str:
        if self.pattern == "broad":
            return f"L{self.layer} H{self.head}: broad (no pattern above {self.share:.0%})"
        return f"L{self.layer} H{self.head}: {self.pattern} ({self.share:.0%} of the weight)"


def head_patterns(s: AttentionSet, threshold: float = 0.4) -> list[HeadPattern]:
    """The dominant pattern of every head, by the mean share of weight each pattern gets."""
    w = s.weights  # (layers, heads, q, k)
    L, H, Q, K = w.shape
    square = Q == K
    sep = np.array([t in ("[SEP]", "</s>", "<|endoftext|>", "[SEP]") for t in s.key_tokens]) & s.key_special
    out = []
    for layer in range(L):
        for head in range(H):
            m = w[layer, head]
            shares = {"first token": float(m[:, 0].mean())}
            if square and Q > 1:
                shares["previous token"] = float(np.mean([m[q, q - 1] for q in range(1, Q)]))
                shares["self"] = float(np.mean(np.diag(m)))
            if sep.any():
                shares["separator"] = float(m[:, sep].sum(axis=-1).mean())
            name, share = max(shares.items(), key=lambda kv: kv[1])
            out.append(HeadPattern(layer, head, name if share >= threshold else "broad", share))
    return out
