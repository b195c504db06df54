"""Save attention maps as .npz (all sets, tokens) or CSV (one layer/head matrix)."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from workbench.attention.maps import AttentionMaps


def save_npz(maps: AttentionMaps, path: Path) -> Path:
    arrays: dict[str, np.ndarray] = {"token_ids": np.array(maps.token_ids)}
    for kind, s in maps.sets.items():
        arrays[f"{kind}_weights"] = s.weights
        arrays[f"{kind}_query_tokens"] = np.array(s.query_tokens)
        arrays[f"{kind}_key_tokens"] = np.array(s.key_tokens)
    np.savez_compressed(path, **arrays)
    return Path(path)


def save_csv(matrix: np.ndarray, query_tokens: tuple[str, ...], key_tokens: tuple[str, ...], path: Path) -> Path:
    """One (query, key) matrix with token labels on the first row and column."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["query \\ key", *key_tokens])
        for tok, row in zip(query_tokens, matrix):
            w.writerow([tok, *(f"{v:.6g}" for v in row)])
    return Path(path)
