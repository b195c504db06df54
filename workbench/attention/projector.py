"""Embedding projector data: the input token embeddings in 2-D (PCA) and nearest neighbours.

PCA by numpy's SVD (no extra dependency); UMAP was left out: it needs numba/pynndescent and a
few seconds per run, while PCA is exact, instant and shows the main directions well enough.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from workbench.errors import InputError
from workbench.models.spec import LoadedModel
from workbench.token_text import piece_text

MAX_POINTS = 5000


@dataclass(frozen=True)
class Projection:
    token_ids: np.ndarray  # (n,) which vocabulary entries are shown
    tokens: tuple[str, ...]  # their strings
    coords: np.ndarray  # (n, 2) PCA coordinates
    explained: tuple[float, float]  # share of variance on each axis
    vocab_size: int


def input_embeddings(loaded: LoadedModel) -> np.ndarray:
    """The model's input embedding matrix (vocab, hidden) as float32 numpy."""
    emb = loaded.model.get_input_embeddings()
    if emb is None or not hasattr(emb, "weight"):
        raise InputError("This model has no input embedding matrix to show")
    return emb.weight.detach().float().cpu().numpy()


def project(loaded: LoadedModel, max_points: int = MAX_POINTS) -> Projection:
    """PCA of the first `max_points` vocabulary entries (BPE/WordPiece ids are roughly ordered by
    frequency, so these are the common ones); special tokens are left out."""
    E = input_embeddings(loaded)
    tok = loaded.tokenizer
    special = set(tok.all_special_ids)
    ids = np.array([i for i in range(min(len(E), max_points + len(special))) if i not in special][:max_points])
    X = E[ids].astype(np.float64)
    X = X - X.mean(axis=0)
    _, S, Vt = np.linalg.svd(X, full_matrices=False)
    coords = X @ Vt[:2].T  # (n, 2)
    var = S ** 2 / max((S ** 2).sum(), 1e-12)
    return Projection(ids, tuple(piece_text(tok, int(i)) for i in ids), coords.astype(np.float32),
                      (float(var[0]), float(var[1]) if len(var) > 1 else 0.0), len(E))


def find_token(loaded: LoadedModel, query: str) -> int:
    """A vocabulary id for a word or token string (exact entry, then the first piece of the word)."""
    tok = loaded.tokenizer
    vocab = tok.get_vocab()
    for cand in (query, "Ġ" + query, "▁" + query, query.lower(), "Ġ" + query.lower()):
        if cand in vocab:
            return int(vocab[cand])
    ids = tok(query, add_special_tokens=False)["input_ids"]
    if not ids:
        raise InputError("'{query}' is not in this model's vocabulary", query=query)
    return int(ids[0])


def nearest_neighbours(loaded: LoadedModel, token_id: int, k: int = 10) -> list[tuple[str, float]]:
    """The k vocabulary entries whose embeddings have the highest cosine similarity to token_id's."""
    E = input_embeddings(loaded)
    if not 0 <= token_id < len(E):
        raise InputError("Token id {token_id} is outside the vocabulary (0..{last})",
                         token_id=token_id, last=len(E) - 1)
    norm = E / (np.linalg.norm(E, axis=1, keepdims=True) + 1e-12)
    sims = norm @ norm[token_id]
    sims[token_id] = -np.inf
    special = list(loaded.tokenizer.all_special_ids)
    sims[special] = -np.inf
    best = np.argsort(-sims)[:k]
    return [(piece_text(loaded.tokenizer, int(i)), float(sims[i])) for i in best]
