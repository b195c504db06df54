"""`workbench export` and `workbench bench`: the export pipeline and the benchmark, headless."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from workbench.errors import InputError, WorkbenchError


def register(sub: Any) -> None:
    s = sub.add_parser("export", help="export a model to ONNX, prove parity with PyTorch, print the report")
    s.add_argument("model", help="hub id, folder or builtin:NAME")
    s.add_argument("out", help="output folder (must be empty unless --force)")
    s.add_argument("--task", help="override the detected task")
    s.add_argument("--opset", type=int, default=18, help="ONNX opset (default 18; 23 for attention maps)")
    s.add_argument("--optimize", action="store_true", help="also build an ONNX Runtime-fused graph")
    s.add_argument("--fp16", action="store_true", help="also build an fp16 graph (for GPUs)")
    s.add_argument("--int8", action="store_true", help="also build a dynamic int8 graph (for CPUs)")
    s.add_argument("--attention", action="store_true",
                   help="also write an attention-map graph (opset 23 Attention ops' probabilities), checked "
                        "against PyTorch eager attention")
    s.add_argument("--prompt", action="append", default=[], help="a sample text for the parity check (repeatable)")
    s.add_argument("--greedy-tokens", type=int, default=32, help="new tokens in the greedy-generation check")
    s.add_argument("--force", action="store_true", help="overwrite a non-empty output folder")
    s.add_argument("--json", action="store_true", help="print the full report as JSON")
    s.add_argument("--ignore-memory-check", action="store_true", help="start even when the memory estimate "
                   "says the export will not fit (the estimate can be wrong)")
    s.set_defaults(func=cmd_export)

    b = sub.add_parser("bench", help="PyTorch vs ONNX Runtime: encoder latency, decoder prefill and decode speed")
    b.add_argument("--device", default="cpu", help="cpu or cuda (falls back to CPU with a note)")
    b.add_argument("--which", default="decoder,encoder", help="comma list: decoder, encoder")
    b.add_argument("--size", default="base", choices=["tiny", "base"],
                   help="base: GPT-2-small / BERT-base shapes (random weights); tiny: a quick smoke run")
    b.add_argument("--new-tokens", type=int, default=128)
    b.add_argument("--prompt-tokens", type=int, default=32)
    b.add_argument("--threads", type=int, help="threads for both PyTorch and ONNX Runtime (default: all cores)")
    b.add_argument("--repeats", type=int, default=3)
    b.add_argument("--encoder-shapes", default="1x128,8x128,1x32,8x32", help="batch x sequence list")
    b.add_argument("--out", default="bench-results", help="folder for bench.json, bench.csv, bench.png")
    b.add_argument("--work", help="folder for the random models and exports (default: a temp folder)")
    b.set_defaults(func=cmd_bench)


def cmd_export(args: argparse.Namespace) -> int:
    import json
    import time

    from workbench.export.options import ExportOptions
    from workbench.export.pipeline import ParityError, export_model
    from workbench.export.report import summary

    options = ExportOptions(task=args.task, opset=args.opset, optimize=args.optimize, fp16=args.fp16,
                            int8=args.int8, prompts=tuple(args.prompt), greedy_tokens=args.greedy_tokens,
                            attention_probs=args.attention,
                            overwrite=args.force)
    if not args.ignore_memory_check:
        from workbench.export.memory_check import check_export_memory

        advice = check_export_memory(args.model)
        if advice:
            raise InputError("{advice}; --ignore-memory-check starts it anyway", advice=advice)
    t0 = time.perf_counter()

    def progress(msg: str) -> None:
        print(f"[{time.perf_counter() - t0:6.1f}s] {msg}", file=sys.stderr, flush=True)

    try:
        result = export_model(args.model, args.out, options, progress=progress)
    except ParityError as exc:
        print(json.dumps(exc.report, indent=2) if args.json else summary(exc.report))
        print(f"workbench: error: parity check failed; figures above and in {args.out}/export_report.json",
              file=sys.stderr)
        return 2
    print(json.dumps(result.report, indent=2) if args.json else result.summary)
    print(f"Exported to {result.folder} in {time.perf_counter() - t0:.1f} s; "
          f"run it with: workbench generate {result.folder} --prompt ...", file=sys.stderr)
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from pathlib import Path

    from workbench.export.bench import BenchConfig, run_bench

    which = tuple(w.strip() for w in args.which.split(",") if w.strip())
    bad = [w for w in which if w not in ("decoder", "encoder")]
    if bad:
        raise WorkbenchError("Unknown benchmark {bad}; choose decoder and/or encoder", bad=", ".join(bad))
    try:
        shapes = tuple(tuple(int(x) for x in s.lower().split("x")) for s in args.encoder_shapes.split(","))
    except ValueError as exc:
        raise WorkbenchError("--encoder-shapes takes a list like 1x128,8x128") from exc
    cfg = BenchConfig(device=args.device, which=which, size=args.size, new_tokens=args.new_tokens,
                      prompt_tokens=args.prompt_tokens, threads=args.threads, repeats=args.repeats,
                      encoder_shapes=shapes, out=Path(args.out), work=Path(args.work) if args.work else None)
    result = run_bench(cfg, progress=lambda m: print(m, file=sys.stderr, flush=True))
    print(result.table())
    print(f"Saved {', '.join(str(p) for p in result.files)}", file=sys.stderr)
    return 0
