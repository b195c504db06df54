"""The ways to extract attention on a real-size shape, side by side: time and memory above the model.

  python benchmarks/bench_attention_paths.py [--tokens 512] [--repeats 3] [--model FOLDER] [--out FILE]

On a random model of Qwen2.5-0.5B's shape (24 layers x 14 heads; built unless --model is given),
one process runs each way in turn, alternating, `repeats` times, and reports each one's median:
  forward only     the base model on SDPA, no maps: the floor every way pays
  eager, all       output_attentions with eager attention in every layer (Workbench before)
  caught, all      the attention interface, every layer caught as it runs (Workbench now)
  caught, layer 0  one layer caught, the forward stopped after it (the CLI's --layer 0)
  caught, last     one layer caught, the whole forward run
Memory is the growth of resident memory during the call, sampled every 5 ms, with malloc_trim
between calls. It also prints what float16 storage would change: the maps' bytes, and the time of
the mean of heads (what the views compute) on float16 against float32 arrays.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
from training_throughput import PeakMemory  # the growth of resident memory, sampled every 5 ms


def ways(loaded, ids: list[int]) -> dict:
    import torch

    from workbench.attention import capture, maps

    last = loaded.info.num_layers - 1
    x = torch.tensor([ids])

    def forward_only():
        with torch.inference_mode():
            loaded.model.base_model(input_ids=x, attention_mask=torch.ones_like(x))

    def eager_all():
        real, capture.supported = capture.supported, (lambda model: False)
        try:
            return maps.extract_from_ids(loaded, ids)
        finally:
            capture.supported = real

    return {"forward only": forward_only, "eager, all": eager_all,
            "caught, all": lambda: maps.extract_from_ids(loaded, ids),
            "caught, layer 0": lambda: maps.extract_from_ids(loaded, ids, layers=[0]),
            "caught, last": lambda: maps.extract_from_ids(loaded, ids, layers=[last])}


def fp16_figures(weights: np.ndarray) -> dict:
    """What float16 storage would save and cost: bytes, and mean-of-heads time (fp16 / fp32)."""
    from workbench.attention.aggregate import mean_heads

    half = weights.astype(np.float16)
    t32 = min(_seconds(lambda: mean_heads(weights)) for _ in range(3))
    t16 = min(_seconds(lambda: mean_heads(half)) for _ in range(3))
    return {"fp32_bytes": int(weights.nbytes), "fp16_bytes": int(half.nbytes),
            "mean_heads_fp32_s": round(t32, 3), "mean_heads_fp16_s": round(t16, 3)}


def _seconds(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--tokens", type=int, default=512)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--model", help="a model folder (default: build the Qwen2.5-0.5B shape)")
    p.add_argument("--out")
    args = p.parse_args()
    from workbench.backends import open_model
    from workbench.models.synthetic import build_real_shape

    folder = args.model or str(build_real_shape("qwen2.5-0.5b", Path(tempfile.mkdtemp()) / "qwen-0.5b-shape"))
    loaded = open_model(folder, device="cpu")
    words = ("the cat sat on the mat and the dog ran in the park while a bird sang " * 400).split()
    ids = loaded.tokenizer(" ".join(words))["input_ids"][: args.tokens]
    runs = ways(loaded, ids)
    for fn in runs.values():
        fn()  # warm-up: weights paged in, kernels chosen
    seconds = {name: [] for name in runs}
    grown = {name: [] for name in runs}
    for _ in range(args.repeats):
        for name, fn in runs.items():
            with PeakMemory(cuda=False) as mem:
                t = time.perf_counter()
                result = fn()
                seconds[name].append(time.perf_counter() - t)
            grown[name].append(mem.peak)
            del result
    rows = {name: {"seconds": round(statistics.median(seconds[name]), 2),
                   "above_model_gb": round(statistics.median(grown[name]) / 2**30, 2)} for name in runs}
    print(f"{'Qwen2.5-0.5B shape' if not args.model else args.model}, {len(ids)} tokens, median of {args.repeats}, {loaded.info.num_layers} layers x "
          f"{loaded.info.num_heads} heads")
    base = rows["eager, all"]["seconds"]
    for name, row in rows.items():
        print(f"  {name:<16} {row['seconds']:>7.2f} s  ({row['seconds'] / base:4.2f} x eager)   "
              f"memory above the model {row['above_model_gb']:.2f} GB")
    fp16 = fp16_figures(runs["caught, all"]().weights)
    print(f"  float16 storage: maps {fp16['fp32_bytes'] / 2**30:.2f} -> {fp16['fp16_bytes'] / 2**30:.2f} GB; mean of "
          f"heads {fp16['mean_heads_fp32_s']:.3f} s on fp32 vs {fp16['mean_heads_fp16_s']:.3f} s on fp16")
    if args.out:
        Path(args.out).write_text(json.dumps({"tokens": len(ids), "repeats": args.repeats, "ways": rows,
                                              "fp16": fp16}, indent=1) + "\n")


if __name__ == "__main__":
    main()
