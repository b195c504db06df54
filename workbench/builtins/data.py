"""The built-ins' data: corpus sizes scaled for quick builds, derived seeds and the story blocks."""

from __future__ import annotations

import hashlib
from typing import Sequence

from workbench.models.builtins import LM_BLOCK


def scaled(n: int, scale: float, floor: int) -> int:
    return max(floor, int(round(n * scale)))


def derived(seed: int, purpose: str) -> int:
    """A second seed for another purpose, stable across processes (unlike hash() of a str)."""
    return int.from_bytes(hashlib.sha256(f"{seed}:{purpose}".encode()).digest()[:8], "big")


def pack_stories(token_lists: Sequence[list[int]], eos_id: int, block: int = LM_BLOCK) -> list[list[int]]:
    """Stories (token ids) -> blocks of exactly `block` ids, stories separated by eos.

    Every block starts at the beginning of a story, with no bos before it, because that is what a
    prompt looks like (the playground encodes prompts without special tokens). The training
    engine's "documents" packing is this same function, so the tiny-stories-scratch example
    trains on the same blocks.
    """
    from workbench.training.encode import pack_documents

    return pack_documents([ids[: block - 1] + [eos_id] for ids in token_lists], block)
