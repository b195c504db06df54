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
import gc
import json
import os
import platform
import statistics
import subprocess
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

import numpy as np

from workbench.export.bench_plot import speedup_svg

Progress = Callable[[str], None]
BASELINE = "pytorch eager fp32"


@dataclass(frozen=True)
class BenchConfig:
    device: str = "cpu"
    which: tuple[str, ...] = ("decoder", "encoder")
    size: str = "base"
    new_tokens: int = 128
    prompt_tokens: int = 32
    threads: int | None = None
    repeats: int = 3
    encoder_shapes: tuple[tuple[int, ...], ...] = ((1, 128), (8, 128), (1, 32), (8, 32))
    out: Path = Path("bench-results")
    work: Path | None = None


@dataclass
class BenchRow:
    bench: str  # decoder | encoder
    backend: str  # "pytorch eager fp32", "onnxruntime int8" ...
    shape: str  # "b1 p32 n128" | "8x128"
    metric: str  # "decode tokens/s", "prefill ms", "end-to-end tokens/s", "latency ms"
    value: float
    speedup: float | None = None  # vs the PyTorch eager fp32 row of the same bench/shape/metric; >1 = faster
    memory_mb: float | None = None
    bound_pct: float | None = None  # % of the weight-read bound (see bench_bound.py); None if not known
    provider: str = ""
    note: str = ""


@dataclass
class BenchResult:
    config: BenchConfig
    rows: list[BenchRow] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)

    def table(self) -> str:
        head = (f"{'bench':8s} {'shape':13s} {'metric':20s} {'backend':44s} {'value':>10s} {'speedup':>8s} "
                f"{'mem MB':>8s} {'% bound':>8s}")
        lines = [head, "-" * len(head)]
        for r in self.rows:
            sp = "-" if r.speedup is None else f"{r.speedup:.2f}x"
            mem = "-" if r.memory_mb is None else f"{r.memory_mb:.0f}"
            bound = "-" if r.bound_pct is None else f"{r.bound_pct:.0f}%"
            lines.append(f"{r.bench:8s} {r.shape:13s} {r.metric:20s} {r.backend:44s} {r.value:10.2f} {sp:>8s} "
                         f"{mem:>8s} {bound:>8s}")
        if self.meta.get("bandwidth_gb_s"):
            lines.append(f"bound: weights read once per token/forward at {self.meta['bandwidth_gb_s']:.1f} GB/s "
                         "(a device-local copy measured in this run)")
        for note in self.meta.get("notes", []):
            lines.append(f"note: {note}")
        return "\n".join(lines)


def _sync(device: str) -> None:
    if device == "cuda":
        import torch

        torch.cuda.synchronize()


def timed(fn: Callable[[], Any], repeats: int, device: str = "cpu", warmup: int = 1) -> float:
    """Median seconds of fn() over `repeats` runs after `warmup` runs."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        _sync(device)
        t0 = time.perf_counter()
        fn()
        _sync(device)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def gpu_used_mb() -> float | None:
    """Device memory in use (nvidia-smi), for ONNX Runtime's CUDA allocations; None without it."""
    try:
        out = subprocess.run(["nvidia-smi", "--query-gpu=memory.used", "--format=csv,noheader,nounits"],
                             capture_output=True, text=True, timeout=10).stdout.split()
        return float(out[0]) if out else None
    except (OSError, ValueError, subprocess.SubprocessError):
        return None


def resolve_device(cfg: BenchConfig) -> tuple[str, list[str]]:
    """('cuda' or 'cpu', notes): CUDA only when both PyTorch and ONNX Runtime can use it."""
    if not cfg.device.startswith("cuda"):
        return "cpu", []
    import torch

    from workbench.inference.providers import cuda_available

    if torch.cuda.is_available() and cuda_available():
        return "cuda", []
    why = "PyTorch sees no CUDA GPU" if not torch.cuda.is_available() else "ONNX Runtime cannot use CUDA here"
    return "cpu", [f"--device {cfg.device} was asked for but {why}; the benchmark ran on the CPU"]


def prepare(family: str, cfg: BenchConfig, work: Path, variants: dict[str, bool], progress: Progress
            ) -> tuple[Path, Path, dict[str, Any]]:
    """Random model folder, its validated export (reused when already there) and the report."""
    from workbench.export.options import ExportOptions
    from workbench.export.pipeline import ParityError, export_model
    from workbench.models.synthetic import build_random_model

    model_dir, onnx_dir = work / f"{family}-{cfg.size}", work / f"{family}-{cfg.size}-onnx"
    if not (model_dir / "config.json").exists():
        progress(f"Building a random {family} model ({cfg.size} shapes) ...")
        build_random_model(family, model_dir, size=cfg.size)
    report_path = onnx_dir / "export_report.json"
    if report_path.exists():
        report = json.loads(report_path.read_text())
        wanted = {"optimize": "optimized"}  # ExportOptions field -> variant name
        if all(wanted.get(v, v) in report["variants"] for v, on in variants.items() if on):
            return model_dir, onnx_dir, report
    progress(f"Exporting and validating {family} ({', '.join(v for v, on in variants.items() if on)}) ...")
    opts = ExportOptions(overwrite=True, greedy_tokens=16, **variants)
    try:
        report = export_model(str(model_dir), onnx_dir, opts, progress=lambda m: progress("  " + m)).report
    except ParityError as exc:  # the failed variants were removed; benchmark the rest, say so
        report = exc.report
    return model_dir, onnx_dir, report


def open_for_bench(onnx_dir: Path, variant: str, device: str, threads: int, graph: Path | None = None) -> Any:
    """The export opened on ONNX Runtime; `graph` swaps in an unvalidated graph file (timing only)."""
    from workbench.inference.onnx_model import open_onnx
    from workbench.inference.providers import make_session

    model = open_onnx(onnx_dir, variant="fp32" if graph else variant, device=device, threads=threads)
    if graph is not None:
        role = next(iter(model.sessions))
        model.sessions = {role: make_session(graph, model.choice, threads)}
        model.variant = variant
    return model


def failed_variants(report: dict[str, Any], onnx_dir: Path, work: Path, name: str) -> dict[str, tuple[Path, str]]:
    """Variants that failed parity, rebuilt outside the export folder so their speed can still be
    shown, labelled as failed: {variant: (graph file, note with the failing figure)}."""
    from workbench.export import variants as vt
    from workbench.export.options import ROLES, file_name

    kind, out = report["kind"], {}
    for variant, entry in report["variants"].items():
        if entry.get("passed") or variant not in ("int8", "fp16") or len(ROLES[kind]) != 1:
            continue
        role = ROLES[kind][0]
        src = onnx_dir / file_name(kind, role, entry.get("built_from", "fp32"))
        dst = work / f"{name}-{variant}-parity-failed.onnx"
        if not dst.exists():
            (vt.to_int8 if variant == "int8" else vt.to_fp16)(src, dst)
        top1 = (entry.get("parity") or {}).get("top1_agreement")
        out[variant] = (dst, f"parity FAILED (top-1 {top1:.1%}); timing only" if top1 is not None
                        else "parity FAILED; timing only")
    return out


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


def record_weight_bytes(result: BenchResult, bench: str, report: dict[str, Any], model_dir: Path) -> None:
    """Bytes each backend reads per forward: the PyTorch weights, and each variant's graph files."""
    sizes = result.meta.setdefault("weight_bytes", {}).setdefault(bench, {})
    weights = sum(p.stat().st_size for p in Path(model_dir).glob("*.safetensors"))
    if weights:
        sizes[BASELINE] = weights
        sizes["pytorch static cache + CUDA graphs fp16"] = weights / 2
    for variant, entry in report.get("variants", {}).items():
        if entry.get("size_bytes"):
            sizes[f"onnxruntime {variant}"] = entry["size_bytes"]


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


def release() -> None:
    gc.collect()
    try:
        import torch

        if torch.cuda.is_available():
            torch.cuda.empty_cache()
    except Exception:
        pass


def random_ids(vocab: int, batch: int, length: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).integers(5, vocab, size=(batch, length)).astype(np.int64)
