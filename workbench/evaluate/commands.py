"""`workbench eval`: several models on one held-out file, the figures side by side, headless."""

from __future__ import annotations

import argparse
import math
import signal
import sys
from typing import Any

from workbench.errors import InputError


def register(sub: Any) -> None:
    s = sub.add_parser("eval", help="compare models, runs (checkpoints) and exports on a held-out file")
    s.add_argument("models", nargs="*", help="model sources: builtin:NAME, hub id or folder, a training run "
                   "folder (its checkpoints and final model), an ONNX export folder (each variant)")
    s.add_argument("--data", help="held-out .txt/.csv/.jsonl file, or builtin:stories / reviews / summaries / stories-zh / reviews-zh")
    s.add_argument("--kind", default="auto", choices=["auto", "lm", "classification", "seq2seq"],
                   help="what to measure (default: from the first model's task)")
    s.add_argument("--text-column", default="text")
    s.add_argument("--label-column", default="label")
    s.add_argument("--source-column", default="source")
    s.add_argument("--target-column", default="target")
    s.add_argument("--pair-column", default="", help="a second text for sentence-pair classifiers")
    s.add_argument("--limit", type=int, default=0, help="at most this many examples (default: all)")
    s.add_argument("--max-new-tokens", type=int, default=64, help="seq2seq: tokens generated per example")
    s.add_argument("--device", default="auto")
    s.add_argument("--out", default="", help="results folder (default: a new one under <workbench home>/evals)")
    s.add_argument("--open", metavar="FOLDER", help="print saved results instead of evaluating")
    s.add_argument("--json", action="store_true", help="print the results as JSON")
    s.set_defaults(func=cmd_eval)


def cmd_eval(args: argparse.Namespace) -> int:
    from workbench.control import Control
    from workbench.evaluate import Columns, EvalJob, load, run_eval

    if args.open:
        return _print(load(args.open), args.json)
    if not args.data:
        raise InputError("Give the held-out data with --data FILE (or builtin:stories, builtin:reviews, "
                         "builtin:summaries, builtin:stories-zh, builtin:reviews-zh)")
    if args.limit < 0 or args.max_new_tokens < 1:
        raise InputError("--limit must be 0 (all) or more, and --max-new-tokens at least 1")
    columns = Columns(args.text_column, args.label_column, args.source_column, args.target_column, args.pair_column)
    job = EvalJob(args.data, tuple(args.models), args.kind, columns, args.limit, args.max_new_tokens,
                  args.device, args.out)
    control = Control()
    previous = signal.signal(signal.SIGINT, lambda *_: control.cancel())  # Ctrl-C: stop, keep what is done
    try:
        results = run_eval(job, notify=_Progress(), control=control)
    finally:
        signal.signal(signal.SIGINT, previous)
    code = _print(results, args.json)
    return 130 if results.state == "stopped" else code


class _Progress:
    """One stderr line per model and per tenth of the data: enough to see it move, few enough to read."""

    def __init__(self) -> None:
        self.shown: set[tuple[int, int]] = set()

    def __call__(self, event: Any) -> None:
        from workbench.evaluate import EvalProgress, ModelEvaluated

        if isinstance(event, ModelEvaluated):
            r = event.result
            print(f"  {r.name}: {'done' if r.ok else r.error} ({r.seconds:.1f} s)", file=sys.stderr)
        elif isinstance(event, EvalProgress) and event.total:
            tenth = 10 * event.done // event.total
            if (event.model, tenth) not in self.shown and (event.stage != "loading" or tenth == 0):
                self.shown.add((event.model, tenth))
                what = "read" if event.model < 0 else event.name
                print(f"  {what}: {event.done:,} / {event.total:,}", file=sys.stderr)


def _print(results: Any, as_json: bool) -> int:
    import json

    if as_json:
        print(json.dumps(results.to_dict(), ensure_ascii=False, indent=1))
    else:
        print(table(results))
        print(f"results: {results.folder}")
    failed = [m for m in results.models if m.error and not m.error.startswith("stopped")
              and not m.error.startswith("not run")]
    for m in failed:
        print(f"workbench: error: {m.name}: {m.error}", file=sys.stderr)
    return 2 if failed else 0


def table(results: Any) -> str:
    """The side-by-side table as aligned text (the README shows one)."""
    from workbench.evaluate.metrics import COMMON, FIGURES

    names = [n for n in (*FIGURES[results.kind], *(["mean_loss"] if results.kind == "classification" else []),
                         *COMMON) if any(n in m.figures for m in results.models)]
    head = ["model", "backend", "examples", *names]
    rows = [[m.name, f"onnx {m.variant}" if m.variant else m.backend, str(len(m.examples)),
             *[_fmt(n, m.figures.get(n, math.nan)) for n in names]] for m in results.models]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
             for r in [head, *rows]]
    return "\n".join([lines[0], "  ".join("-" * w for w in widths), *lines[1:]])


def _fmt(name: str, value: float) -> str:
    if math.isnan(value):
        return "-"
    if name in ("perplexity", "mean_loss"):
        return f"{value:.4f}"
    return f"{value:.1f}" if name.endswith("_mb") or name.startswith("latency") else f"{value:.2f}"
