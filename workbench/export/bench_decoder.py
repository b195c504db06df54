"""Decoder benchmark rows: HF generate (PyTorch) vs the exported graphs on ONNX Runtime."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import numpy as np

from workbench.export.bench_common import (failed_variants, gpu_used_mb, open_for_bench, parity_digest, prepare,
                                           random_ids, record_weight_bytes, release, rss_mb, timed)
from workbench.export.bench_types import BASELINE, BenchConfig, BenchResult, BenchRow, Progress
from workbench.texts import N_


def bench_decoder(cfg: BenchConfig, device: str, threads: int, work: Path, result: BenchResult,
                  progress: Progress) -> None:
    variants = {"optimize": True, "int8": device == "cpu", "fp16": device == "cuda"}
    model_dir, onnx_dir, report = prepare("gpt2", cfg, work, variants, progress)
    record_weight_bytes(result, "decoder", report, model_dir)
    cfg = _fit_context(cfg, model_dir, result)
    result.meta["parity"]["decoder"] = parity_digest(report)
    vocab = int(report.get("graphs", {}).get("decoder", {}).get("outputs", [{}])[0].get("shape", [0, 0, 1000])[-1])
    ids = random_ids(vocab, 1, cfg.prompt_tokens)
    shape = f"b1 p{cfg.prompt_tokens} n{cfg.new_tokens}"
    progress(N_("PyTorch: Hugging Face generate, eager fp32, {shape} ...", shape=shape))
    result.rows += torch_generate(model_dir, ids, cfg, device, static=False, shape=shape)
    if device == "cuda":
        progress(N_("PyTorch: static cache + CUDA graphs (auto-compiled, fp16) ..."))
        try:
            result.rows += torch_generate(model_dir, ids, cfg, device, static=True, shape=shape)
        except Exception as exc:  # a baseline that cannot run is reported, not fatal
            error = f"{type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}"
            result.meta["notes"].append(N_("PyTorch static-cache baseline failed: {error}", error=error))
    for variant, entry in report["variants"].items():
        if entry.get("passed"):
            progress(N_("ONNX Runtime: {variant} decode loop ...", variant=variant))
            result.rows += ort_decode(onnx_dir, variant, ids, cfg, device, threads, shape)
    for variant, (graph, note) in failed_variants(report, onnx_dir, work, f"gpt2-{cfg.size}").items():
        progress(N_("ONNX Runtime: {variant} decode loop ({note}) ...", variant=variant, note=note))
        result.rows += ort_decode(onnx_dir, variant, ids, cfg, device, threads, shape, graph, note)
    default = report.get("default_variant", {}).get(device)
    if default:
        progress(N_("ONNX Runtime: Workbench generate_stream ({variant}) ...", variant=default))
        result.rows += ort_stream(onnx_dir, default, cfg, device, threads, shape)


def _fit_context(cfg: BenchConfig, model_dir: Path, result: BenchResult) -> BenchConfig:
    """Fewer new tokens when prompt + new tokens would pass the model's context (tiny: 128)."""
    import dataclasses
    import json

    config = json.loads((model_dir / "config.json").read_text())
    context = config.get("n_positions") or config.get("max_position_embeddings")
    if not context or cfg.prompt_tokens + cfg.new_tokens <= context:
        return cfg
    new = max(2, context - cfg.prompt_tokens)
    result.meta["notes"].append(N_("{new_tokens} new tokens after {prompt_tokens} would pass the model's context of "
                                   "{context}; {generated} were generated", new_tokens=cfg.new_tokens,
                                   prompt_tokens=cfg.prompt_tokens, context=context, generated=new))
    return dataclasses.replace(cfg, new_tokens=new)


def _decoder_rows(backend: str, shape: str, t1: float, tn: float, n: int, mem: float | None,
                  provider: str, note: str = "") -> list[BenchRow]:
    decode = (n - 1) / max(tn - t1, 1e-9)
    return [BenchRow(N_("decoder"), backend, shape, N_("prefill ms"), t1 * 1000, memory_mb=mem, provider=provider,
                     note=note),
            BenchRow(N_("decoder"), backend, shape, N_("decode tokens/s"), decode, memory_mb=mem, provider=provider,
                     note=note),
            BenchRow(N_("decoder"), backend, shape, N_("end-to-end tokens/s"), n / tn, memory_mb=mem, provider=provider,
                     note=note)]


def torch_generate(model_dir: Path, ids: np.ndarray, cfg: BenchConfig, device: str, static: bool,
                   shape: str) -> list[BenchRow]:
    """generate() for 1 token (prefill) and n tokens; decode tokens/s from the difference."""
    import torch
    from transformers import AutoModelForCausalLM

    release()
    before = rss_mb()
    if device == "cuda":
        torch.cuda.reset_peak_memory_stats()
    dtype = torch.float16 if static else torch.float32
    model = AutoModelForCausalLM.from_pretrained(model_dir, dtype=dtype).to(device).eval()
    x = torch.from_numpy(ids).to(device)
    kw: dict[str, Any] = {"attention_mask": torch.ones_like(x), "do_sample": False,
                          "pad_token_id": model.generation_config.pad_token_id or 0}
    if static:
        kw["cache_implementation"] = "static"  # on CUDA, generate compiles it (mode reduce-overhead)

    def gen(n: int) -> None:
        with torch.inference_mode():
            model.generate(x, max_new_tokens=n, min_new_tokens=n, **kw)

    warmup = 3 if static else 1
    t1 = timed(lambda: gen(1), cfg.repeats, device, warmup)
    tn = timed(lambda: gen(cfg.new_tokens), cfg.repeats, device, warmup)
    mem = torch.cuda.max_memory_allocated() / 2**20 if device == "cuda" else rss_mb() - before
    del model
    release()
    name = "pytorch static cache + CUDA graphs fp16" if static else BASELINE
    return _decoder_rows(name, shape, t1, tn, cfg.new_tokens, mem, "torch " + device,
                         N_("Hugging Face generate (static cache, torch.compile reduce-overhead)") if static
                         else N_("Hugging Face generate"))


def ort_decode(onnx_dir: Path, variant: str, ids: np.ndarray, cfg: BenchConfig, device: str, threads: int,
               shape: str, graph: Path | None = None, failed: str = "") -> list[BenchRow]:
    """Workbench's greedy KV-cache loop on the exported graph (IOBinding on CUDA)."""
    release()
    before, gpu0 = rss_mb(), gpu_used_mb() if device == "cuda" else None
    model = open_for_bench(onnx_dir, variant, device, threads, graph)

    def run(n: int) -> None:
        st = model.decoder_stepper(1)
        logits = st.step(ids)
        for _ in range(n - 1):
            logits = st.step(logits[:, -1].argmax(-1)[:, None])

    t1 = timed(lambda: run(1), cfg.repeats, "cpu")
    tn = timed(lambda: run(cfg.new_tokens), cfg.repeats, "cpu")
    mem = _ort_memory(device, before, gpu0)
    provider = model.provider
    del model
    release()
    note = N_("KV cache on the GPU (IOBinding)") if device == "cuda" else N_("numpy KV cache")
    name = f"onnxruntime {variant}" + (" (parity FAILED)" if failed else "")
    return _decoder_rows(name, shape, t1, tn, cfg.new_tokens, mem, provider,
                         N_("{note}; {failed}", note=note, failed=failed) if failed else note)


def ort_stream(onnx_dir: Path, variant: str, cfg: BenchConfig, device: str, threads: int,
               shape: str) -> list[BenchRow]:
    """The user's path: generate_stream with greedy settings (may stop early at EOS)."""
    from workbench.config import GenerationSettings
    from workbench.inference.generate import generate_stream
    from workbench.inference.onnx_model import open_onnx

    model = open_onnx(onnx_dir, variant=variant, device=device, threads=threads)
    prompt = "the quick brown fox jumps over the lazy dog " * max(1, cfg.prompt_tokens // 10)
    settings = GenerationSettings(max_new_tokens=cfg.new_tokens, greedy=True, alternatives=0)
    counts, times = [], []
    for _ in range(cfg.repeats + 1):
        t0 = time.perf_counter()
        counts.append(sum(1 for _ in generate_stream(model, prompt, settings)))
        times.append(time.perf_counter() - t0)
    n, t = counts[-1], sorted(times[1:])[len(times[1:]) // 2]
    row = BenchRow(N_("decoder"), f"onnxruntime {variant} (Workbench stream)", shape, N_("end-to-end tokens/s"), n / t,
                   provider=model.provider,
                   note=N_("{count} tokens, with per-token probabilities and text decoding", count=n))
    del model
    release()
    return [row]


def _ort_memory(device: str, before: float, gpu0: float | None) -> float | None:
    if device == "cuda":
        gpu1 = gpu_used_mb()
        return None if gpu0 is None or gpu1 is None else gpu1 - gpu0
    return rss_mb() - before
