"""Which (query, key) matrix a view shows: one head of a layer, or an aggregation of its heads.

The one place the CLI (`workbench attention --layer --head`), the Attention page and the Training
page's attention replay turn a layer and head choice into a matrix; bad choices are InputErrors.
"""

from __future__ import annotations

import numpy as np

from workbench.errors import InputError
from workbench.texts import N_

AGGREGATES = ("mean", "max", "rollout")
AGGREGATE_LABELS = {"mean": N_("mean of heads"), "max": N_("max of heads"), "rollout": N_("rollout")}


def head_options(num_heads: int) -> list[tuple[str, str]]:
    """(choice, menu label) of every head, then every aggregation: [("0", "head 0"), ..., ("rollout", "rollout")]."""
    return [(str(h), f"head {h}") for h in range(num_heads)] + [(a, AGGREGATE_LABELS[a]) for a in AGGREGATES]


def select_matrix(weights: np.ndarray, layer: int, head: int | str) -> np.ndarray:
    """The (q, k) matrix of `layer` for `head`: a head number (int or digits) or "mean", "max" or
    "rollout" (through the layers up to this one). weights is (layers, heads, q, k)."""
    from workbench.attention.aggregate import max_heads, mean_heads, rollout

    num_layers, num_heads = weights.shape[:2]
    if not 0 <= layer < num_layers:
        raise InputError("Layer must be between 0 and {last}", last=num_layers - 1)
    choice = str(head)
    if choice == "mean":
        return mean_heads(weights)[layer]
    if choice == "max":
        return max_heads(weights)[layer]
    if choice == "rollout":
        if weights.shape[-1] != weights.shape[-2]:
            raise InputError("Rollout needs self-attention (square maps), not cross-attention; "
                             "choose a head number, mean or max")
        return rollout(weights)[layer]
    if not choice.isdigit() or not 0 <= int(choice) < num_heads:
        raise InputError("Head must be between 0 and {last}, or mean, max, rollout", last=num_heads - 1)
    return weights[layer, int(choice)]
