"""`workbench bench`: PyTorch eager vs ONNX Runtime, side by side in one run, as ratios.

Decoder: a GPT-2-small-shaped random model, batch 1: prefill time, decode tokens/s and
end-to-end tokens/s for Hugging Face `generate` (eager, fp32) and the exported graphs (fp32,
optimised, and int8 on the CPU / fp16 on CUDA) driven by Workbench's KV-cache loop. On CUDA a
PyTorch static cache compiled with CUDA graphs (transformers' auto-compile, fp16) is the
strong baseline. Encoder: a BERT-base-shaped masked LM, latency over batch x sequence shapes.
Every ONNX variant is the one `workbench export` validated, so its parity figures come along.
Results: bench.json (everything), bench.csv (the rows), bench.svg (speedups, plotted).
"""

from __future__ import annotations

import csv
import json
import os
import platform
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from workbench.export.bench_common import (failed_variants, gpu_used_mb, open_for_bench,  # noqa: F401 (re-exported)
                                           parity_digest, prepare, random_ids, record_weight_bytes, release,
                                           rss_mb, timed)
from workbench.export.bench_plot import speedup_svg
from workbench.export.bench_types import BASELINE, BenchConfig, BenchResult, BenchRow, Progress
from workbench.texts import N_


def resolve_device(cfg: BenchConfig) -> tuple[str, list[str]]:
    """('cuda' or 'cpu', notes): CUDA only when both PyTorch and ONNX Runtime can use it."""
    if not cfg.device.startswith("cuda"):
        return "cpu", []
    import torch

    from workbench.inference.providers import cuda_available

    if torch.cuda.is_available() and cuda_available():
        return "cuda", []
    why = N_("PyTorch sees no CUDA GPU") if not torch.cuda.is_available() else N_("ONNX Runtime cannot use CUDA here")
    return "cpu", [N_("--device {device} was asked for but {why}; the benchmark ran on the CPU", device=cfg.device,
                      why=why)]


def run_bench(cfg: BenchConfig, progress: Progress | None = None, control: Any = None) -> BenchResult:
    """Run the benchmarks in cfg.which; control (workbench.control.Control) cancels between stages."""
    import torch

    from workbench.errors import WorkbenchError

    def report(msg: str) -> None:
        if control is not None and control.cancelled:
            raise WorkbenchError("Benchmark cancelled")
        (progress or (lambda _m: None))(msg)

    device, notes = resolve_device(cfg)
    threads = cfg.threads or os.cpu_count() or 1
    torch.set_num_threads(threads)
    result = BenchResult(cfg, meta=_meta(device, threads, notes))
    work_ctx = tempfile.TemporaryDirectory(prefix="wb-bench-") if cfg.work is None else None
    work = Path(work_ctx.name) if work_ctx else Path(cfg.work)
    work.mkdir(parents=True, exist_ok=True)
    try:
        if "decoder" in cfg.which:
            from workbench.export.bench_decoder import bench_decoder

            bench_decoder(cfg, device, threads, work, result, report)
        if "encoder" in cfg.which:
            from workbench.export.bench_encoder import bench_encoder

            bench_encoder(cfg, device, threads, work, result, report)
    finally:
        if work_ctx:
            work_ctx.cleanup()
    add_speedups(result.rows)
    _bounds(result, device)
    result.files = save(result)
    return result


def _bounds(result: BenchResult, device: str) -> None:
    """% of the weight-read bound for each row whose weight bytes the benchmark recorded."""
    from workbench.export.bench_bound import add_bounds, copy_bandwidth

    sizes = result.meta.pop("weight_bytes", {})
    if not sizes:
        return
    bandwidth = copy_bandwidth(device)
    result.meta["bandwidth_gb_s"] = bandwidth / 1e9
    for bench, by_backend in sizes.items():
        add_bounds([r for r in result.rows if r.bench == bench], by_backend, bandwidth)


def add_speedups(rows: list[BenchRow]) -> None:
    base = {(r.bench, r.shape, r.metric): r.value for r in rows if r.backend == BASELINE}
    for r in rows:
        b = base.get((r.bench, r.shape, r.metric))
        if b and r.value:
            higher_better = "tokens/s" in r.metric
            r.speedup = r.value / b if higher_better else b / r.value


def _meta(device: str, threads: int, notes: list[str]) -> dict[str, Any]:
    from workbench.export.report import versions

    meta: dict[str, Any] = {"device": device, "threads": threads, "notes": notes, "versions": versions(),
                            "cpu": platform.processor() or platform.machine(), "cpu_count": os.cpu_count(),
                            "created": time.strftime("%Y-%m-%d %H:%M:%S"), "parity": {}}
    if device == "cuda":
        import torch

        meta["gpu"] = torch.cuda.get_device_name(0)
    return meta


def save(result: BenchResult) -> list[Path]:
    out = Path(result.config.out)
    out.mkdir(parents=True, exist_ok=True)
    rows = [asdict(r) for r in result.rows]
    cfg = {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(result.config).items()}
    (out / "bench.json").write_text(json.dumps({"config": cfg, "meta": result.meta, "rows": rows}, indent=2) + "\n")
    with open(out / "bench.csv", "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]) if rows else ["bench"])
        writer.writeheader()
        writer.writerows(rows)
    (out / "bench.svg").write_text(speedup_svg(rows, result.meta))
    return [out / "bench.json", out / "bench.csv", out / "bench.svg"]
