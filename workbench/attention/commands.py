"""`workbench attention MODEL TEXT`: a head's strongest links per token and its patterns; the full
matrices only to a file (--out), since a 2,000-token matrix is unreadable in a terminal."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import numpy as np

from workbench.attention.budget import set_budget_mb
from workbench.errors import InputError


def register(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser("attention", help="attention maps of a model for a text")
    s.add_argument("model")
    s.add_argument("text")
    s.add_argument("--pair", help="second sentence (encoders) or decoder text (encoder-decoders)")
    s.add_argument("--kind", help="encoder, decoder or cross (encoder-decoders)")
    s.add_argument("--layer", type=int, default=0)
    s.add_argument("--head", default="0", help="a head number, or mean, max, rollout")
    s.add_argument("--hide-special", action="store_true")
    s.add_argument("--merge-subwords", action="store_true")
    s.add_argument("--out", help="save all maps to this .npz (or the shown matrix to a .csv)")
    s.add_argument("--top", type=int, default=3, help="keys listed per query token (default 3)")
    s.add_argument("--patterns", action="store_true", help="describe every head's dominant pattern")
    s.add_argument("--max-memory", type=float, metavar="MB",
                   help="memory budget for the maps (default: a quarter of the free memory); a longer "
                        "text is cut to what fits, and the output says so")
    from workbench.cli_util import add_model_args

    add_model_args(s)
    s.set_defaults(func=cmd_attention)


def cmd_attention(args: argparse.Namespace) -> int:
    from workbench.attention.aggregate import head_patterns
    from workbench.attention.export_maps import save_csv, save_npz
    from workbench.attention.filters import hide_special, merge_subwords
    from workbench.attention.select import select_matrix
    from workbench.cli_util import load_from_args

    if args.max_memory is not None and args.max_memory <= 0:
        raise InputError("--max-memory must be a positive number of megabytes")
    if args.top < 1:
        raise InputError("--top must be at least 1")
    maps = _extract(args, load_from_args(args))
    kind = args.kind or next(iter(maps.sets))
    if kind not in maps.sets:
        raise InputError("No {kind} attention here; this model has: {sets}", kind=kind, sets=", ".join(maps.sets))
    s = maps.sets[kind]
    if args.layer not in s.layer_numbers:
        raise InputError("Layer must be between 0 and {last}", last=len(s.layer_numbers) - 1)
    s = hide_special(s) if args.hide_special else s
    s = merge_subwords(s) if args.merge_subwords else s
    for note in maps.notes:
        print(f"note: {note}")
    m = select_matrix(s.weights, s.layer_numbers.index(args.layer), args.head)
    print(f"{s.label}, layer {args.layer}, head {args.head}: {m.shape[0]} queries x {m.shape[1]} keys; "
          f"each token's {min(args.top, m.shape[1])} strongest keys (the full matrix: --out FILE.csv)")
    for line in top_keys(m, s.query_tokens, s.key_tokens, args.top):
        print(line)
    if args.patterns:
        for p in head_patterns(s):
            print(p.describe())
    if args.out:
        out = Path(args.out)
        path = save_csv(m, s.query_tokens, s.key_tokens, out) if out.suffix == ".csv" else save_npz(maps, out)
        print(f"saved {path}")
    return 0


def _extract(args: argparse.Namespace, model: Any) -> Any:
    """The maps the command shows. With one layer shown and nothing that reads them all (patterns,
    rollout, the .npz), only that layer is extracted, and the forward stops after it."""
    every = args.patterns or args.head == "rollout" or (args.out and not args.out.endswith(".csv"))
    set_budget_mb(args.max_memory)
    try:
        return model.attention_maps(args.text, args.pair, None if every else [args.layer])
    finally:
        set_budget_mb(None)  # the choice is this command's (main() also runs in-process in tests)


def top_keys(matrix: np.ndarray, queries: tuple[str, ...], keys: tuple[str, ...], k: int) -> list[str]:
    """One line per query token: its k highest-weighted keys, e.g. ' sat  →  cat 0.412 ·  the 0.201'.
    matrix: (queries, keys) weights; a causal row's future keys are 0 and never listed first."""
    width = max(len(repr(t)) for t in queries) if queries else 0
    lines = []
    for i, row in enumerate(matrix):
        best = np.argsort(-row, kind="stable")[:k]
        parts = " · ".join(f"{keys[j]!r} {row[j]:.3f}" for j in best)
        lines.append(f"{i:>5} {queries[i]!r:<{width}}  →  {parts}")
    return lines
