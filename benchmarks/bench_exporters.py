"""transformers.exporters vs Workbench's hand-written export wrappers: parity and speed in one run.

    python benchmarks/bench_exporters.py --work /tmp/wb-bench            # BERT-base + GPT-2-small shapes
    python benchmarks/bench_exporters.py --size tiny --repeats 1         # a quick smoke run

Both sides export the same random-weight models (workbench/models/synthetic.py). Every graph is
checked on the cases of Workbench's parity harness (workbench/export/reference.py: single
prompts, a padded batch, generated batches with left padding) and timed on ONNX Runtime beside
PyTorch eager, in the same process, so the ratios are comparable. Library graphs that cannot
take a case (a fixed batch of 1, no attention mask) are reported as such, not skipped quietly.
The decision this informs is written in workbench/export/wrappers.py and DESIGN notes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from workbench.export.bench import BenchConfig, prepare, random_ids, timed

ATTENTION_OPS = ("Attention", "MultiHeadAttention", "GroupQueryAttention")


def _session(path: Path, threads: int) -> Any:
    import onnxruntime as ort

    from workbench.inference.providers import session_options

    return ort.InferenceSession(str(path), session_options(threads), providers=["CPUExecutionProvider"])


def _fused(path: Path) -> str:
    import onnx

    ops = Counter(n.op_type for n in onnx.load(str(path), load_external_data=False).graph.node)
    return ", ".join(f"{op} {ops[op]}" for op in ATTENTION_OPS if ops[op]) or "no attention op"


def _library_export(model: Any, sample: dict[str, Any], fusions: str | None, out: Path,
                    generation: bool) -> tuple[dict[str, Path], float, str]:
    """Export with transformers.exporters; ({component: .onnx file}, seconds, error or "")."""
    import contextlib
    import io
    import warnings

    from transformers.exporters import OnnxConfig, OnnxExporter

    t0 = time.perf_counter()
    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore")
            cfg = OnnxConfig(dynamic=True, ort_fusions=fusions)
            exporter = OnnxExporter()
            exported = (exporter.export_for_generation(model, sample, cfg) if generation
                        else exporter.export(model, sample, cfg))
            exported.save_pretrained(out)
    except Exception as exc:  # reported in the table: the library's failure is a finding
        cause = exc
        while cause.__cause__ is not None:
            cause = cause.__cause__
        return {}, time.perf_counter() - t0, f"{type(cause).__name__}: {str(cause).splitlines()[0][:160]}"
    files = {p.stem: p for p in sorted(out.glob("*.onnx"))}
    return files, time.perf_counter() - t0, ""


def _case_figures(ref: Any, outputs: list[np.ndarray | None]) -> dict[str, Any]:
    """Max |logits diff| over real positions and top-1 agreement, on the cases a graph could run."""
    from workbench.export.parity import _agreement, _rows

    a_rows, b_rows, skipped = [], [], []
    for case, got in zip(ref.cases, outputs):
        if got is None:
            skipped.append(case.name)
            continue
        mask = case.mask if ref.kind != "seq2seq" else None
        a_rows.append(_rows(case.logits, mask))
        b_rows.append(_rows(got, mask))
    if not a_rows:
        return {"max_abs_diff": None, "top1": None, "cases": 0, "skipped": skipped}
    a, b = np.concatenate(a_rows), np.concatenate(b_rows)
    return {"max_abs_diff": float(np.abs(a - b).max()), "top1": _agreement(a, b, 1),
            "cases": len(a_rows), "skipped": skipped}


# -- encoder --------------------------------------------------------------------------------------

def encoder_rows(model_dir: Path, onnx_dir: Path, work: Path, shapes: list[tuple[int, int]], threads: int,
                 repeats: int) -> list[dict[str, Any]]:
    import torch

    from workbench.export import reference
    from workbench.export.options import DEFAULT_PROMPTS
    from workbench.models.loading import load_model
    from workbench.models.spec import ModelSpec

    loaded = load_model(ModelSpec(str(model_dir), device="cpu"))
    ref = reference.compute(loaded, "encoder", DEFAULT_PROMPTS, 0)
    vocab = int(loaded.model.config.vocab_size)
    inputs = {f"{b}x{s}": random_ids(vocab, b, s, seed=b * 1000 + s) for b, s in shapes}
    rows = [_eager_encoder(loaded.model, inputs, repeats)]
    graphs = {"workbench fp32": (onnx_dir / "model.onnx", 0.0, ""),
              "workbench optimized": (onnx_dir / "model.optimized.onnx", 0.0, "")}
    ids = torch.from_numpy(ref.cases[-1].ids)
    sample = {"input_ids": ids, "attention_mask": torch.from_numpy(ref.cases[-1].mask),
              "token_type_ids": torch.zeros_like(ids)}
    for fusions in (None, "cpu"):
        name = f"transformers.exporters ort_fusions={fusions}"
        files, secs, err = _library_export(loaded.model, sample, fusions, work / f"lib-encoder-{fusions}", False)
        graphs[name] = (next(iter(files.values()), None), secs, err)
    for name, (path, secs, err) in graphs.items():
        if err or path is None:
            rows.append({"backend": name, "error": err or "no graph written"})
            continue
        rows.append(_ort_encoder(name, path, ref, inputs, threads, repeats) | {"export_s": round(secs, 1)})
    return rows


def _eager_encoder(model: Any, inputs: dict[str, np.ndarray], repeats: int) -> dict[str, Any]:
    import torch

    ms = {}
    for shape, ids in inputs.items():
        x = torch.from_numpy(ids)

        def run() -> None:
            with torch.inference_mode():
                model(input_ids=x, attention_mask=torch.ones_like(x))

        ms[shape] = timed(run, repeats * 3) * 1000
    return {"backend": "pytorch eager fp32", "ms": ms}


def _ort_encoder(name: str, path: Path, ref: Any, inputs: dict[str, np.ndarray], threads: int,
                 repeats: int) -> dict[str, Any]:
    sess = _session(path, threads)
    names = {i.name for i in sess.get_inputs()}
    out_name = sess.get_outputs()[0].name

    def feeds(ids: np.ndarray, mask: np.ndarray) -> dict[str, np.ndarray]:
        f = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        return {k: v for k, v in f.items() if k in names}

    outputs = [sess.run([out_name], feeds(c.ids, c.mask))[0] for c in ref.cases]
    ms = {shape: timed(lambda: sess.run([out_name], feeds(ids, np.ones_like(ids))), repeats * 3) * 1000
          for shape, ids in inputs.items()}
    return {"backend": name, "ms": ms, "parity": _case_figures(ref, outputs), "attention": _fused(path),
            "inputs": sorted(names)}


# -- decoder --------------------------------------------------------------------------------------

def decoder_rows(model_dir: Path, onnx_dir: Path, work: Path, prompt: int, new: int, threads: int,
                 repeats: int) -> list[dict[str, Any]]:
    import torch

    from workbench.export import reference
    from workbench.export.options import DEFAULT_PROMPTS
    from workbench.models.loading import load_model
    from workbench.models.spec import ModelSpec

    loaded = load_model(ModelSpec(str(model_dir), device="cpu"))
    ref = reference.compute(loaded, "decoder", DEFAULT_PROMPTS, 16)
    ids = random_ids(int(loaded.model.config.vocab_size), 1, prompt)
    rows = [_eager_generate(loaded.model, ids, new, repeats)]
    for variant, file in (("fp32", "model.onnx"), ("optimized", "model.optimized.onnx")):
        rows.append(_workbench_decoder(f"workbench {variant}", onnx_dir / file, ref, ids, new, threads, repeats))
    sample = {"input_ids": torch.from_numpy(ids[:, :8]), "attention_mask": torch.ones(1, 8, dtype=torch.long)}
    for fusions in (None, "cpu"):
        name = f"transformers.exporters ort_fusions={fusions}"
        files, secs, err = _library_export(loaded.model, sample, fusions, work / f"lib-decoder-{fusions}", True)
        if err:
            rows.append({"backend": name, "error": err})
            continue
        rows.append(_library_decoder(name, files, ref, ids, new, threads, repeats) | {"export_s": round(secs, 1)})
    return rows


def _decode_rates(step_fn: Any, ids: np.ndarray, new: int, repeats: int) -> dict[str, float]:
    """prefill ms and decode tokens/s of a greedy loop: step_fn(ids) -> a function that runs n tokens."""
    t1 = timed(lambda: step_fn(ids, 1), repeats)
    tn = timed(lambda: step_fn(ids, new), repeats)
    return {"prefill_ms": t1 * 1000, "decode_tok_s": (new - 1) / max(tn - t1, 1e-9)}


def _eager_generate(model: Any, ids: np.ndarray, new: int, repeats: int) -> dict[str, Any]:
    import torch

    x = torch.from_numpy(ids)

    def run(_ids: np.ndarray, n: int) -> None:
        with torch.inference_mode():
            model.generate(x, attention_mask=torch.ones_like(x), max_new_tokens=n, min_new_tokens=n,
                           do_sample=False, pad_token_id=0)

    return {"backend": "pytorch eager fp32 (generate)", **_decode_rates(run, ids, new, repeats)}


def _workbench_decoder(name: str, path: Path, ref: Any, ids: np.ndarray, new: int, threads: int,
                       repeats: int) -> dict[str, Any]:
    from workbench.export.parity import greedy_onnx
    from workbench.inference.runtime import DecoderStepper, GraphRunner

    runner = GraphRunner(_session(path, threads))

    def run(x: np.ndarray, n: int) -> None:
        st = DecoderStepper(runner, 1)
        logits = st.step(x)
        for _ in range(n - 1):
            logits = st.step(logits[:, -1].argmax(-1)[:, None])

    outputs = [DecoderStepper(runner, c.ids.shape[0]).step(c.ids, c.mask) for c in ref.cases]
    greedy = [greedy_onnx("decoder", {"decoder": runner}, p, len(t)) == t for p, t in ref.greedy]
    return {"backend": name, **_decode_rates(run, ids, new, repeats), "parity": _case_figures(ref, outputs),
            "greedy_equal": f"{sum(greedy)}/{len(greedy)}", "attention": _fused(path)}


class _LibraryLoop:
    """A greedy loop over the library's prefill and decode graphs (batch 1, no attention mask)."""

    def __init__(self, files: dict[str, Path], threads: int) -> None:
        self.prefill, self.decode = _session(files["prefill"], threads), _session(files["decode"], threads)
        self.cache_out = [o.name for o in self.prefill.get_outputs()][1:]
        self.decode_in = [i.name for i in self.decode.get_inputs() if "cache" in i.name]
        self.decode_out = [o.name for o in self.decode.get_outputs()]

    def start(self, ids: np.ndarray) -> np.ndarray:
        pos = np.arange(ids.shape[1], dtype=np.int64)[None]
        out = self.prefill.run(None, {"input_ids": ids, "position_ids": pos})
        self.cache, self.length = out[1:], ids.shape[1]
        return out[0]

    def step(self, token: int) -> np.ndarray:
        feeds = {"input_ids": np.array([[token]]), "position_ids": np.array([[self.length]]),
                 **dict(zip(self.decode_in, self.cache))}
        out = self.decode.run(self.decode_out, feeds)
        self.cache, self.length = out[1:], self.length + 1
        return out[0]

    def greedy(self, ids: np.ndarray, n: int) -> list[int]:
        logits, tokens = self.start(ids), []
        for _ in range(n):
            tokens.append(int(logits[0, -1].argmax()))
            logits = self.step(tokens[-1])
        return tokens


def _library_decoder(name: str, files: dict[str, Path], ref: Any, ids: np.ndarray, new: int, threads: int,
                     repeats: int) -> dict[str, Any]:
    loop = _LibraryLoop(files, threads)

    def run(x: np.ndarray, n: int) -> None:
        logits = loop.start(x)
        for _ in range(n - 1):
            logits = loop.step(int(logits[0, -1].argmax()))

    # The graphs take one unpadded row: batched and left-padded cases cannot be run at all.
    outputs = [loop.start(c.ids) if c.ids.shape[0] == 1 and c.mask.all() else None for c in ref.cases]
    greedy = [loop.greedy(p, len(t)) == t for p, t in ref.greedy]
    return {"backend": name, **_decode_rates(run, ids, new, repeats), "parity": _case_figures(ref, outputs),
            "greedy_equal": f"{sum(greedy)}/{len(greedy)}", "attention": _fused(files["decode"]),
            "inputs": [i.name for i in loop.decode.get_inputs()][:2] + ["..."]}


# -- report ---------------------------------------------------------------------------------------

def _ratio(base: float | None, value: float | None, higher_better: bool) -> str:
    if not base or not value:
        return "-"
    return f"{(value / base if higher_better else base / value):.2f}x"


def print_tables(enc: list[dict[str, Any]], dec: list[dict[str, Any]]) -> None:
    if enc:
        base = enc[0]["ms"]
        print("\nEncoder (BERT masked LM), latency ms, speedup vs PyTorch eager")
        for r in enc:
            if "error" in r:
                print(f"  {r['backend']:44s} FAILED: {r['error']}")
                continue
            cells = "  ".join(f"{s} {v:7.1f} ({_ratio(base[s], v, False)})" for s, v in r["ms"].items())
            print(f"  {r['backend']:44s} {cells}  {_parity_text(r)}")
    if dec:
        base = dec[0]
        print("\nDecoder (GPT-2), batch 1, greedy; speedup vs Hugging Face generate (eager)")
        for r in dec:
            if "error" in r:
                print(f"  {r['backend']:44s} FAILED: {r['error']}")
                continue
            print(f"  {r['backend']:44s} prefill {r['prefill_ms']:7.1f} ms ({_ratio(base['prefill_ms'], r['prefill_ms'], False)})"
                  f"  decode {r['decode_tok_s']:6.1f} tok/s ({_ratio(base['decode_tok_s'], r['decode_tok_s'], True)})"
                  f"  {_parity_text(r)}")


def _parity_text(r: dict[str, Any]) -> str:
    p = r.get("parity")
    if not p:
        return ""
    diff = "-" if p["max_abs_diff"] is None else f"{p['max_abs_diff']:.1e}"
    text = f"| parity: max|d| {diff}, {p['cases']} cases"
    if p["skipped"]:
        text += f", {len(p['skipped'])} cases impossible ({', '.join(p['skipped'])})"
    if "greedy_equal" in r:
        text += f", greedy equal {r['greedy_equal']}"
    return text + f" | {r['attention']}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", choices=("tiny", "base"), default="base")
    ap.add_argument("--work", type=Path, default=Path("bench-exporters"))
    ap.add_argument("--which", default="encoder,decoder")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--new-tokens", type=int, default=128)
    ap.add_argument("--prompt-tokens", type=int, default=32)
    args = ap.parse_args(argv)
    import torch
    import transformers

    torch.set_num_threads(args.threads)
    args.work.mkdir(parents=True, exist_ok=True)
    cfg = BenchConfig(size=args.size, work=args.work)
    variants = {"optimize": True, "int8": False, "fp16": False}
    print(f"transformers {transformers.__version__}, torch {torch.__version__}, {args.threads} threads")
    enc: list[dict[str, Any]] = []
    dec: list[dict[str, Any]] = []
    if "encoder" in args.which:
        model_dir, onnx_dir, _ = prepare("bert-mlm", cfg, args.work, variants, print)
        enc = encoder_rows(model_dir, onnx_dir, args.work, [(1, 128), (8, 128)], args.threads, args.repeats)
    if "decoder" in args.which:
        model_dir, onnx_dir, _ = prepare("gpt2", cfg, args.work, variants, print)
        dec = decoder_rows(model_dir, onnx_dir, args.work, args.prompt_tokens, args.new_tokens, args.threads,
                           args.repeats)
    print_tables(enc, dec)
    (args.work / "bench_exporters.json").write_text(json.dumps({"encoder": enc, "decoder": dec}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
