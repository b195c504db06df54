"""`workbench attention MODEL TEXT`: print a head's map and patterns, or save all maps."""

from __future__ import annotations

import argparse
from pathlib import Path

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
    s.add_argument("--patterns", action="store_true", help="describe every head's dominant pattern")
    from workbench.cli_util import add_model_args

    add_model_args(s)
    s.set_defaults(func=cmd_attention)


def cmd_attention(args: argparse.Namespace) -> int:
    from workbench.attention.aggregate import head_patterns
    from workbench.attention.export_maps import save_csv, save_npz
    from workbench.attention.filters import hide_special, merge_subwords
    from workbench.attention.select import select_matrix
    from workbench.cli_util import load_from_args

    maps = load_from_args(args).attention_maps(args.text, args.pair)
    kind = args.kind or next(iter(maps.sets))
    if kind not in maps.sets:
        raise InputError(f"No {kind} attention here; this model has: {', '.join(maps.sets)}")
    s = maps.sets[kind]
    s = hide_special(s) if args.hide_special else s
    s = merge_subwords(s) if args.merge_subwords else s
    for note in maps.notes:
        print(f"note: {note}")
    m = select_matrix(s.weights, args.layer, args.head)
    print(f"{s.label}, layer {args.layer}, head {args.head}: {m.shape[0]} queries x {m.shape[1]} keys")
    width = max(len(t) for t in s.key_tokens + s.query_tokens) + 1
    print(" " * width + "".join(f"{t[:6]:>7}" for t in s.key_tokens))
    for tok, row in zip(s.query_tokens, m):
        print(f"{tok:>{width}}" + "".join(f"{v:7.3f}" for v in row))
    if args.patterns:
        for p in head_patterns(s):
            print(p.describe())
    if args.out:
        out = Path(args.out)
        path = save_csv(m, s.query_tokens, s.key_tokens, out) if out.suffix == ".csv" else save_npz(maps, out)
        print(f"saved {path}")
    return 0
