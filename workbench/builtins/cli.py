"""The builder's command line: `workbench build-builtins` and `python -m workbench.builtins` are this
one command (the same options, the same run)."""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path
from typing import Sequence

from workbench.models.builtins import BUILTINS, builtins_root

DESCRIPTION = "Train the built-in models from the generated corpora."


def _positive(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be > 0, not {text}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--out", type=Path, default=None, help=f"folder to write (default {builtins_root()})")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", choices=list(BUILTINS), action="append", help="build only this one (repeatable)")
    parser.add_argument("--steps-scale", type=_positive, default=1.0,
                        help="scale training steps and corpora (e.g. 0.1 for a quick try; 1 = the shipped recipe)")
    return parser


def run(args: argparse.Namespace) -> int:
    """Build what args ask for, printing progress, then each model's figures and the folder's size."""
    from workbench.builtins.build import build_builtins

    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    start = time.perf_counter()
    cards = build_builtins(args.out, seed=args.seed, names=args.only, steps_scale=args.steps_scale,
                           progress=lambda msg: print(msg, flush=True))
    print()
    for name, card in cards.items():
        held_out = [f"eval loss {card['eval_loss']}"] if "eval_loss" in card else []
        held_out += [f"Chinese eval loss {card['eval_loss_zh']}"] if "eval_loss_zh" in card else []
        held_out += [f"held-out accuracy {card['eval_accuracy']:.2%}"] if "eval_accuracy" in card else []
        held_out += [f"Chinese {card['eval_accuracy_zh']:.2%}"] if "eval_accuracy_zh" in card else []
        held_out += [f"held-out ROUGE-L {card['eval_rougeL']}"] if "eval_rougeL" in card else []
        print(f"{name}: {card['parameters']:,} parameters, final train loss {card['final_train_loss']}, "
              + ", ".join(held_out) + f", {card['wall_time_s']} s wall, {card['cpu_time_s']} s CPU")
        for s in card["samples"]:
            print("   ", json.dumps(s, ensure_ascii=False))
    root = args.out or builtins_root()
    size = sum(p.stat().st_size for p in Path(root).rglob("*") if p.is_file())
    print(f"total {time.perf_counter() - start:.0f} s; {root} holds {size / 1e6:.1f} MB")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m workbench.builtins [--out DIR] [--seed N] [--only NAME] [--steps-scale X]`."""
    parser = argparse.ArgumentParser(prog="python -m workbench.builtins", description=DESCRIPTION)
    return run(add_arguments(parser).parse_args(argv))
