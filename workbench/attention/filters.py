"""View options: hide special tokens (renormalising rows) and merge sub-word tokens into words."""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from workbench.attention.maps import AttentionSet


def hide_special(s: AttentionSet) -> AttentionSet:
    """Drop special-token rows and columns; each remaining row is renormalised to sum to 1."""
    q_keep, k_keep = ~s.query_special, ~s.key_special
    if not q_keep.any() or not k_keep.any():
        return s
    w = s.weights[:, :, q_keep][:, :, :, k_keep]
    total = w.sum(axis=-1, keepdims=True)
    w = np.where(total > 0, w / np.where(total > 0, total, 1), 0).astype(np.float32)
    pick = lambda seq, keep: tuple(x for x, k in zip(seq, keep) if k)  # noqa: E731
    return replace(s, weights=w, query_tokens=pick(s.query_tokens, q_keep), key_tokens=pick(s.key_tokens, k_keep),
                   query_special=s.query_special[q_keep], key_special=s.key_special[k_keep],
                   query_words=pick(s.query_words, q_keep) if s.query_words else (),
                   key_words=pick(s.key_words, k_keep) if s.key_words else (),
                   query_hover=pick(s.query_hover, q_keep) if s.query_hover else (),
                   key_hover=pick(s.key_hover, k_keep) if s.key_hover else ())


def _groups(words: tuple[int | None, ...], n: int) -> list[list[int]]:
    """Token indices grouped by word; special tokens (word None) stay alone."""
    groups: list[list[int]] = []
    last = object()
    for i in range(n):
        w = words[i] if words else None
        if w is not None and w == last:
            groups[-1].append(i)
        else:
            groups.append([i])
        last = w
    return groups


_PIECE = re.compile(r"(.)\((\d+)/(\d+)\)")  # a byte piece's label: "注(2/3)"


def _join(tokens: tuple[str, ...], idx: list[int]) -> str:
    parts = [tokens[i] for i in idx]
    text = parts[0] + "".join(p[2:] if p.startswith("##") else p for p in parts[1:])
    return _PIECE.sub(_Pieces(), text)  # "注(1/3)注(2/3)注(3/3)" -> "注"


class _Pieces:
    """re.sub callback: each character split into byte pieces is written once, at its first piece."""

    def __init__(self) -> None:
        self.last = ""

    def __call__(self, m: re.Match[str]) -> str:
        ch, k = m.group(1), int(m.group(2))
        first = k == 1 or ch != self.last
        self.last = "" if k == int(m.group(3)) else ch
        return ch if first else ""


def merge_subwords(s: AttentionSet) -> AttentionSet:
    """One row and column per word: attention *to* a word is the sum over its pieces, attention
    *from* a word is the mean over its pieces (Clark et al. 2019), so rows still sum to 1."""
    qg = _groups(s.query_words, len(s.query_tokens))
    kg = _groups(s.key_words, len(s.key_tokens))
    w = s.weights
    cols = np.stack([w[..., g].sum(axis=-1) for g in kg], axis=-1)  # (L, H, q, words)
    rows = np.stack([cols[:, :, g, :].mean(axis=2) for g in qg], axis=2)  # (L, H, words, words)
    return replace(s, weights=rows.astype(np.float32),
                   query_tokens=tuple(_join(s.query_tokens, g) for g in qg),
                   key_tokens=tuple(_join(s.key_tokens, g) for g in kg),
                   query_special=np.array([s.query_special[g[0]] for g in qg]),
                   key_special=np.array([s.key_special[g[0]] for g in kg]),
                   query_words=tuple(range(len(qg))), key_words=tuple(range(len(kg))),
                   query_hover=_hovers(s.query_hover, qg), key_hover=_hovers(s.key_hover, kg))


def _hovers(hovers: tuple[str, ...], groups: list[list[int]]) -> tuple[str, ...]:
    """A merged word's tooltip: its pieces' ("piece 'æ' · bytes e6 + piece ...")."""
    return tuple(" + ".join(hovers[i] for i in g) for g in groups) if hovers else ()
