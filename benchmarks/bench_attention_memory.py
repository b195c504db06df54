"""Attention extraction on a real-size shape: time, peak memory and what the budget kept.

  python benchmarks/bench_attention_memory.py [--tokens 620 1860] [--budget-mb MB] [--code CHECKOUT]

A random model of Qwen2.5-0.5B's shape (24 layers, 14 heads, 2 key/value heads, width 896, MLP
4864; the small test tokenizer's vocabulary) is saved once. Each text length is then extracted
in a fresh process (so each peak is its own), with `extract_attention` as the Attention page and
`workbench attention` call it. The peak is the process's maximum resident memory minus what it
held after loading the model and a short warm-up extraction (which touches every weight page of
the memory-mapped safetensors). Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from workbench.attention.maps import extract_attention
from workbench.models.loading import load_model
from workbench.models.spec import ModelSpec
loaded = load_model(ModelSpec(sys.argv[2], device="cpu"))
words = ("the cat sat on the mat and the dog ran in the park while a bird sang " * 400).split()
text, n = "", int(sys.argv[3])
ids = lambda t: len(loaded.tokenizer(t)["input_ids"])
lo, hi = 1, len(words)
while lo < hi:  # the longest prefix of words with at most n tokens
    mid = (lo + hi + 1) // 2
    lo, hi = (mid, hi) if ids(" ".join(words[:mid])) <= n else (lo, mid - 1)
text = " ".join(words[:lo])
extract_attention(loaded, "the cat sat")  # warm-up: every weight page touched, kernels chosen
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
t = time.perf_counter()
maps = extract_attention(loaded, text)
seconds = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"tokens_asked": ids(text), "tokens_kept": len(maps.tokens), "seconds": round(seconds, 1),
                  "peak_above_model_gb": round((peak - base) / 2**30, 2),
                  "maps_gb": round(maps.weights.nbytes / 2**30, 2), "notes": list(maps.notes)}))
"""


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--tokens", type=int, nargs="+", default=[620, 1860])
    p.add_argument("--budget-mb", type=float, help="WORKBENCH_ATTENTION_BUDGET_MB for the runs")
    p.add_argument("--model", help="an existing model folder (default: build the Qwen2.5-0.5B shape)")
    p.add_argument("--code", default=str(ROOT), help="the checkout whose workbench/ runs the extraction "
                   "(e.g. a worktree of an earlier commit, for a before/after pair)")
    p.add_argument("--out")
    args = p.parse_args()
    from workbench.models.synthetic import build_real_shape

    folder = Path(args.model) if args.model else build_real_shape("qwen2.5-0.5b", Path(tempfile.mkdtemp()) / "qwen-0.5b-shape")
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_VERBOSITY": "error"}
    if args.budget_mb:
        env["WORKBENCH_ATTENTION_BUDGET_MB"] = str(args.budget_mb)
    from workbench.attention.budget import available_bytes

    rows = []
    for n in args.tokens:
        proc = subprocess.run([sys.executable, "-c", CHILD, args.code, str(folder), str(n)], env=env,
                              capture_output=True, text=True, check=True)
        rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        print(rows[-1], file=sys.stderr, flush=True)
    result = {"bench": "attention-memory", "model": "Qwen2.5-0.5B shape (random, 24 x 14 heads)",
              "available_gb_at_start": round(available_bytes() / 2**30, 1), "budget_mb": args.budget_mb,
              "code": args.code,
              "rows": rows}
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
