"""Encoder benchmark rows: a BERT-base-shaped masked LM, PyTorch eager vs ONNX Runtime."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from workbench.export.bench_common import (failed_variants, gpu_used_mb, open_for_bench, parity_digest, prepare,
                                           random_ids, record_weight_bytes, release, rss_mb, timed)
from workbench.export.bench_types import BASELINE, BenchConfig, BenchResult, BenchRow, Progress
from workbench.texts import N_


def bench_encoder(cfg: BenchConfig, device: str, threads: int, work: Path, result: BenchResult,
                  progress: Progress) -> None:
    variants = {"optimize": True, "int8": device == "cpu", "fp16": device == "cuda"}
    model_dir, onnx_dir, report = prepare("bert-mlm", cfg, work, variants, progress)
    record_weight_bytes(result, "encoder", report, model_dir)
    parity = parity_digest(report)
    result.meta["parity"]["encoder"] = parity
    vocab = int(report["graphs"]["encoder"]["outputs"][0]["shape"][-1])
    inputs = {f"{b}x{s}": random_ids(vocab, b, s, seed=b * 1000 + s) for b, s in cfg.encoder_shapes}
    progress(N_("PyTorch: eager fp32 encoder ..."))
    result.rows += torch_encoder(model_dir, inputs, cfg, device)
    for variant, entry in report["variants"].items():
        if entry.get("passed"):
            progress(N_("ONNX Runtime: {variant} encoder ...", variant=variant))
            top1 = parity[variant].get("top1_agreement")
            note = N_("parity top-1 {share}", share=f"{top1:.2%}") if top1 is not None else ""
            result.rows += ort_encoder(onnx_dir, variant, inputs, cfg, device, threads, note)
    for variant, (graph, note) in failed_variants(report, onnx_dir, work, f"bert-mlm-{cfg.size}").items():
        progress(N_("ONNX Runtime: {variant} encoder ({note}) ...", variant=variant, note=note))
        result.rows += ort_encoder(onnx_dir, variant, inputs, cfg, device, threads, note, graph)


def torch_encoder(model_dir: Path, inputs: dict[str, np.ndarray], cfg: BenchConfig, device: str) -> list[BenchRow]:
    import torch
    from transformers import AutoModelForMaskedLM

    release()
    before = rss_mb()
    if device == "cuda":
        torch.cuda.reset_peak_memory_stats()
    model = AutoModelForMaskedLM.from_pretrained(model_dir, dtype=torch.float32).to(device).eval()
    rows = []
    for shape, ids in inputs.items():
        x = torch.from_numpy(ids).to(device)
        mask = torch.ones_like(x)

        def run() -> None:
            with torch.inference_mode():
                model(input_ids=x, attention_mask=mask)

        rows.append(BenchRow(N_("encoder"), BASELINE, shape, N_("latency ms"),
                             timed(run, cfg.repeats * 3, device) * 1000,
                             provider="torch " + device))
    mem = torch.cuda.max_memory_allocated() / 2**20 if device == "cuda" else rss_mb() - before
    for r in rows:
        r.memory_mb = mem
    del model
    release()
    return rows


def ort_encoder(onnx_dir: Path, variant: str, inputs: dict[str, np.ndarray], cfg: BenchConfig, device: str,
                threads: int, note: str, graph: Path | None = None) -> list[BenchRow]:
    release()
    before, gpu0 = rss_mb(), gpu_used_mb() if device == "cuda" else None
    model = open_for_bench(onnx_dir, variant, device, threads, graph)
    name = f"onnxruntime {variant}" + (" (parity FAILED)" if graph is not None else "")
    runner = model.runner("encoder")
    rows = []
    for shape, ids in inputs.items():
        feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
        if "token_type_ids" in runner.inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        seconds = timed(lambda: runner.run(feeds, host_out=["logits"]), cfg.repeats * 3, "cpu")
        rows.append(BenchRow(N_("encoder"), name, shape, N_("latency ms"), seconds * 1000,
                             provider=model.provider, note=note))
    gpu1 = gpu_used_mb() if device == "cuda" else None
    mem = (gpu1 - gpu0 if gpu0 is not None and gpu1 is not None else None) if device == "cuda" else rss_mb() - before
    for r in rows:
        r.memory_mb = mem
    del model
    release()
    return rows
