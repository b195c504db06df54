"""How much memory attention maps take, and how many tokens fit a memory budget.

Eager attention hands back every layer's maps at once, as layers x heads x queries x keys float32.
For a Qwen2.5-0.5B shape at 1,860 tokens that is 24 x 14 x 1,860² x 4 B = 4.65 GB. Workbench
copies them into one float32 array layer by layer and frees each layer as it goes
(maps._stack), so an extraction peaks at about one set of maps, plus one layer's scores being
computed. The text is cut to the tokens that fit the budget, and the maps say so. The budget is
a quarter of the memory available when the extraction starts. The Attention page's "Memory"
setting and the CLI's --max-memory set it (set_budget_mb); WORKBENCH_ATTENTION_BUDGET_MB sets it
from outside. Layers caught one by one (capture.py) need no second copy: the estimate below is the
eager path's, an upper bound for both.
"""

from __future__ import annotations

import math
import os

from workbench.models.memory import BUDGET_FRACTION
from workbench.texts import N_

DEFAULT_FRACTION = 0.25  # of the available memory: room for the model, the GUI and what else is open
BUDGET_ENV = "WORKBENCH_ATTENTION_BUDGET_MB"
_CHOSEN: list[float] = []  # MB chosen in this process (the GUI setting, --max-memory); [] = not chosen


def set_budget_mb(mb: float | None) -> None:
    """Choose the budget in megabytes for this process; None or 0 goes back to the default."""
    _CHOSEN.clear()
    if mb:
        _CHOSEN.append(float(mb))


def maps_bytes(layers: int, heads: int, queries: int, keys: int, itemsize: int = 4) -> int:
    return layers * heads * queries * keys * itemsize


def extraction_bytes(layers: int, heads: int, tokens: int) -> int:
    """The peak of one self-attention extraction: the model's float32 maps of every layer, our
    copy's layers as they move over (one set in all), and one layer's scores in the forward pass
    (scores and softmax: two heads x n x n float32 tensors)."""
    return maps_bytes(layers, heads, tokens, tokens) + 2 * maps_bytes(1, heads, tokens, tokens)


def available_bytes() -> int:
    import psutil

    return int(psutil.virtual_memory().available)


def ram_and_resident() -> tuple[int, int]:
    """(the machine's RAM, this process's resident memory) in bytes."""
    import psutil

    return int(psutil.virtual_memory().total), int(psutil.Process().memory_info().rss)


def budget_bytes(model_bytes: int = 0) -> int:
    """The attention memory budget: as chosen (set_budget_mb), else WORKBENCH_ATTENTION_BUDGET_MB,
    else a quarter of what is free besides the model's weights, and never so much that the process
    would pass BUDGET_FRACTION (models/memory.py) of the RAM.

    model_bytes: the loaded model's weights. A checkpoint read from safetensors is memory-mapped,
    and the kernel counts its pages as free (they can be dropped and read again), yet the forward
    needs every one of them: a Phi-3-mini shape (14.5 GB) left a "free" 22 GB, and a quarter of
    that took the process to 79% of the RAM."""
    if _CHOSEN:
        return int(_CHOSEN[0] * 2**20)
    value = os.environ.get(BUDGET_ENV, "").strip()
    if value:
        try:
            return int(float(value) * 2**20)
        except ValueError:
            pass  # a malformed setting falls back to the default (the CLI validates its flag)
    free = max(0, available_bytes() - model_bytes)
    total, resident = ram_and_resident()
    ceiling = BUDGET_FRACTION * total - max(resident, model_bytes)  # the same 75% as every step's
    return int(max(0, min(free * DEFAULT_FRACTION, ceiling)))


def max_tokens(layers: int, heads: int, budget: int) -> int:
    """The longest text whose extraction stays within `budget` bytes (at least 2 tokens)."""
    per_token_pair = (layers + 2) * heads * 4  # extraction_bytes / n²
    return max(2, math.isqrt(max(0, budget) // per_token_pair))


def budget_origin() -> str:
    if _CHOSEN:
        return N_("as chosen: the Attention page's Memory setting or --max-memory")
    if os.environ.get(BUDGET_ENV, "").strip():
        return N_("set by {variable}", variable=BUDGET_ENV)
    return N_("a quarter of the memory free besides the model; change it with the Attention page's Memory "
              "setting or --max-memory")


def gb(n: int) -> str:
    if n >= 2**30:
        return f"{n / 2**30:.2f} GB"
    return f"{n / 2**20:.0f} MB" if n >= 2**20 else f"{n / 2**10:.0f} KB"
