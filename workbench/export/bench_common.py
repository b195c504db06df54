"""What the decoder and encoder benchmarks share: timing, memory, the validated export of a random
model, failed variants rebuilt for timing, weight bytes and the parity digest. Above bench_types,
below bench_decoder, bench_encoder and bench.py."""

from __future__ import annotations

import json
import statistics
import subprocess
import time
from pathlib import Path
from typing import Any, Callable

import numpy as np

from workbench.export.bench_types import BASELINE, BenchConfig, BenchResult, Progress
from workbench.texts import N_


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


def prepare(family: str, cfg: BenchConfig, work: Path, variants: dict[str, bool], progress: Progress
            ) -> tuple[Path, Path, dict[str, Any]]:
    """Random model folder, its validated export (reused when already there) and the report."""
    from workbench.export.options import ExportOptions
    from workbench.export.pipeline import ParityError, export_model
    from workbench.models.synthetic import build_random_model

    model_dir, onnx_dir = work / f"{family}-{cfg.size}", work / f"{family}-{cfg.size}-onnx"
    if not (model_dir / "config.json").exists():
        progress(N_("Building a random {family} model ({size} shapes) ...", family=family, size=cfg.size))
        build_random_model(family, model_dir, size=cfg.size)
    report_path = onnx_dir / "export_report.json"
    if report_path.exists():
        report = json.loads(report_path.read_text())
        wanted = {"optimize": "optimized"}  # ExportOptions field -> variant name
        if all(wanted.get(v, v) in report["variants"] for v, on in variants.items() if on):
            return model_dir, onnx_dir, report
    progress(N_("Exporting and validating {family} ({variants}) ...", family=family,
                variants=", ".join(v for v, on in variants.items() if on)))
    opts = ExportOptions(overwrite=True, greedy_tokens=16, **variants)
    try:
        report = export_model(str(model_dir), onnx_dir, opts,
                              progress=lambda m: progress(N_("  {step}", step=m))).report  # indented under it
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
    from workbench.export.options import file_name
    from workbench.onnx_format import ROLES

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
        out[variant] = (dst, N_("parity FAILED (top-1 {share}); timing only", share=f"{top1:.1%}")
                        if top1 is not None else N_("parity FAILED; timing only"))
    return out


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


def parity_digest(report: dict[str, Any]) -> dict[str, Any]:
    keys = ("max_abs_diff", "top1_agreement", "greedy_match", "cache_max_abs_diff", "embedding_cosine_min")
    return {v: {"passed": e.get("passed"), **{k: (e.get("parity") or {}).get(k) for k in keys}}
            for v, e in report.get("variants", {}).items()}


def release() -> None:
    from workbench.models.peak import trim_heap  # the one explicit collection (a no-op in the GUI, see gc_guard)

    trim_heap()
    try:
        import torch

        if torch.cuda.is_available():
            torch.cuda.empty_cache()
    except Exception:
        pass


def random_ids(vocab: int, batch: int, length: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).integers(5, vocab, size=(batch, length)).astype(np.int64)
