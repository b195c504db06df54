"""Every page's work on real-size model shapes: time and peak memory, step by step.

  python benchmarks/bench_scale.py [--shapes qwen2.5-0.5b llama-3.2-1b phi-3-mini]
                                   [--steps load generate attention-512 attention-2048 lora export onnx-generate]
                                   [--out benchmarks/results/scale-cpu.json]

Random models of the real shapes (workbench.models.synthetic.REAL_SHAPES: every layer full size,
a 300-token vocabulary) are built once into a scratch folder. Each (shape, step) then runs in a
fresh process, through the same functions the pages and the CLI call, so each peak is its own:
  load            open_model (the Models page)
  generate        32 greedy tokens on PyTorch (Playground)
  attention-N     extract_attention on an N-token text, within the default budget (Attention page)
  lora            2 LoRA steps of batch 1 x 256 tokens on the CPU (Training page)
  export          export_model, fp32 graph with external data and its parity check (Export page)
  onnx-generate   32 greedy tokens on ONNX Runtime from that export (Playground on the export)
"peak" is the process's maximum resident memory; "above model" subtracts what it held once the
model was loaded (so it is the step's own cost). "% RAM" is the peak over this machine's RAM: the
issue's target is at most 75% on every step. A step whose estimate does not fit is not run: the
row says so, as the GUI would.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STEPS = ("load", "generate", "attention-512", "attention-2048", "lora", "export", "onnx-generate")
WORDS = "the cat sat on the mat and the dog ran in the park while a bird sang in a tree ".split()

CHILD = r"""
import json, os, resource, sys, time
sys.path.insert(0, sys.argv[1])
folder, step, export_dir = sys.argv[2], sys.argv[3], sys.argv[4]
rss = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
sys.path.insert(0, os.path.join(sys.argv[1], "benchmarks"))
from bench_scale import run_step
out = run_step(folder, step, export_dir, rss)
print("RESULT " + json.dumps(out))
"""


def text_of(tokenizer, n: int) -> str:
    """The longest prefix of repeated words with at most n tokens."""
    words = (WORDS * (n // len(WORDS) + 2))[: n + 16]
    lo, hi = 1, len(words)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        lo, hi = (mid, hi) if len(tokenizer(" ".join(words[:mid]))["input_ids"]) <= n else (lo, mid - 1)
    return " ".join(words[:lo])


def run_step(folder: str, step: str, export_dir: str, rss) -> dict:
    """In the child: open the model (unless the step opens its own), then time the step."""
    from workbench.backends import open_model

    if step == "export":
        return _timed(lambda: _export(folder, export_dir), rss, base=rss())
    if step == "onnx-generate":
        loaded = open_model(export_dir, device="cpu")
        return _timed(lambda: _generate(loaded), rss, base=rss())
    if step == "lora":  # the training engine loads the model itself
        return _timed(lambda: _lora(folder), rss, base=rss())
    t = time.perf_counter()
    loaded = open_model(folder, device="cpu")
    if step == "load":
        return {"seconds": round(time.perf_counter() - t, 1), "peak": rss(), "base": 0}
    if step == "generate":
        return _timed(lambda: _generate(loaded), rss, base=rss())
    from workbench.attention.maps import extract_attention

    extract_attention(loaded, "the cat sat")  # warm-up: every weight page touched
    text = text_of(loaded.tokenizer, int(step.split("-")[1]))
    base = rss()
    return _timed(lambda: _attention(loaded, text), rss, base=base)


def _timed(fn, rss, base: int) -> dict:
    t = time.perf_counter()
    extra = fn() or {}
    return {"seconds": round(time.perf_counter() - t, 1), "peak": rss(), "base": base, **extra}


def _generate(loaded) -> dict:
    from workbench.config import GenerationSettings

    t = time.perf_counter()
    n = sum(1 for _ in loaded.generate_stream("the cat sat on the mat", GenerationSettings(max_new_tokens=32, greedy=True)))
    return {"tokens": n, "tokens_per_s": round(n / (time.perf_counter() - t), 2)}


def _attention(loaded, text: str) -> dict:
    from workbench.attention.maps import extract_attention

    maps = extract_attention(loaded, text)
    return {"tokens": len(maps.tokens), "maps_bytes": int(maps.weights.nbytes), "notes": list(maps.notes)}


def _lora(folder: str) -> dict:
    from workbench.training.config import DataConfig, LoraSettings, TrainConfig
    from workbench.training.engine import run_training

    work = Path(tempfile.mkdtemp())
    (work / "data.txt").write_text((" ".join(WORDS) + "\n") * 400, encoding="utf-8")
    cfg = TrainConfig(task="causal-lm", model=folder, data=DataConfig(path=str(work / "data.txt"), max_length=256,
                      eval_fraction=0.0), lora=LoraSettings(enabled=True, r=16, alpha=32),
                      max_steps=2, batch_size=1, logging_steps=1, eval_steps=0, save_steps=0, device="cpu",
                      output_root=str(work / "runs"))
    t = time.perf_counter()
    try:
        result = run_training(cfg)
    finally:
        shutil.rmtree(work, ignore_errors=True)  # the run's merged model is as big as the model
    return {"train_seconds": round(time.perf_counter() - t, 1), "steps": result.step}


def _export(folder: str, out: str) -> dict:
    from workbench.export.options import ExportOptions
    from workbench.export.pipeline import export_model

    result = export_model(folder, Path(out), ExportOptions(overwrite=True, greedy_tokens=8))
    data = sum(p.stat().st_size for p in Path(out).glob("*.data"))
    return {"parity_passed": result.report["variants"]["fp32"]["passed"], "external_data_bytes": data}


def _row(shape: str, step: str, folder: Path, export_dir: Path) -> dict:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_VERBOSITY": "error", "TOKENIZERS_PARALLELISM": "false"}
    proc = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(folder), step, str(export_dir)],
                          capture_output=True, text=True, env=env)
    lines = [l for l in proc.stdout.splitlines() if l.startswith("RESULT ")]
    if proc.returncode or not lines:
        tail = (proc.stderr.strip().splitlines() or ["(no output)"])[-1][:300]
        return {"shape": shape, "step": step, "error": f"exit {proc.returncode}: {tail}"}
    return {"shape": shape, "step": step, **json.loads(lines[-1][7:])}


def _skip(shape: str, step: str, folder: Path) -> str:
    """Why a step is not run on this machine, from the estimate the GUI and the CLI refuse it
    with, or ''."""
    if step == "export":
        from workbench.export.memory_check import check_export_memory

        advice = check_export_memory(str(folder))
        return f"not run: {advice}" if advice else ""
    return ""


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    from workbench.models.synthetic import REAL_SHAPES, build_real_shape

    p.add_argument("--shapes", nargs="+", default=list(REAL_SHAPES), choices=list(REAL_SHAPES))
    p.add_argument("--steps", nargs="+", default=list(STEPS), choices=list(STEPS))
    p.add_argument("--work", help="scratch folder for the models and exports (default: a new temp folder)")
    p.add_argument("--out", help="write the rows as JSON here")
    args = p.parse_args()
    import psutil

    work = Path(args.work or tempfile.mkdtemp(prefix="bench-scale-"))
    rows = []
    for shape in args.shapes:
        folder, export_dir = work / shape, work / f"{shape}-onnx"
        if not (folder / "config.json").exists():
            t = time.perf_counter()
            build_real_shape(shape, folder)
            print(f"built {shape} in {time.perf_counter() - t:.0f} s", flush=True)
        for step in args.steps:
            why = _skip(shape, step, folder) or ("not run: no export" if step == "onnx-generate" and not
                                                  (export_dir / "export_report.json").exists() else "")
            row = {"shape": shape, "step": step, "skipped": why} if why else _row(shape, step, folder, export_dir)
            rows.append(row)
            print(_line(row, psutil.virtual_memory().total), flush=True)
    if args.out:
        Path(args.out).write_text(json.dumps({"ram_bytes": psutil.virtual_memory().total, "cpus": os.cpu_count(),
                                              "rows": rows}, indent=1) + "\n")


def _line(row: dict, ram: int) -> str:
    head = f"{row['shape']:<14} {row['step']:<15}"
    if "skipped" in row or "error" in row:
        return f"{head} {row.get('skipped') or row.get('error')}"
    gb = 2**30
    extra = {k: v for k, v in row.items() if k not in ("shape", "step", "seconds", "peak", "base", "notes")}
    return (f"{head} {row['seconds']:>7.1f} s  peak {row['peak'] / gb:5.2f} GB ({row['peak'] / ram:4.0%} RAM)  "
            f"above model {(row['peak'] - row['base']) / gb if row['base'] else 0:5.2f} GB  {extra}")


if __name__ == "__main__":
    main()
