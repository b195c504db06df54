"""`workbench --self-test`: prove an installation (or a frozen app) works end to end, offline.

Loads the built-in models, generates, classifies, extracts attention, exports the built-in LM to
ONNX with its parity check and generates with ONNX Runtime. Exit 0, or 1 naming what failed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any, Callable


def register(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser("self-test", help="check that this installation works end to end (offline)")
    s.set_defaults(func=lambda args: run_self_test())


def _checks(work: Path) -> list[tuple[str, Callable[[dict[str, Any]], str]]]:
    return [("load builtin:tiny-stories", _load_lm), ("generate", _generate),
            ("classify builtin:tiny-sentiment", _classify), ("extract attention", _attention),
            ("export to ONNX with parity", lambda ctx: _export(ctx, work)),
            ("generate with ONNX Runtime", _onnx_generate)]


def _load_lm(ctx: dict[str, Any]) -> str:
    from workbench.models.loading import load_model
    from workbench.models.spec import ModelSpec

    ctx["lm"] = load_model(ModelSpec("builtin:tiny-stories", device="cpu"))
    return f"{ctx['lm'].info.num_parameters:,} parameters"


def _generate(ctx: dict[str, Any]) -> str:
    from workbench.config import GenerationSettings
    from workbench.generation.stream import generate_text

    r = generate_text(ctx["lm"], "Once upon a time", GenerationSettings(max_new_tokens=24, seed=0))
    if len(r.tokens) == 0 or not r.text.strip():
        raise RuntimeError("no text generated")
    return repr(r.text.strip()[:60])


def _classify(ctx: dict[str, Any]) -> str:
    from workbench.models.loading import load_model
    from workbench.models.spec import ModelSpec
    from workbench.predict import classify as run

    clf = load_model(ModelSpec("builtin:tiny-sentiment", device="cpu"))
    good = run(clf, "The food was wonderful and the staff were friendly.").top
    bad = run(clf, "The film was boring and the ending was terrible.").top
    if (good[0], bad[0]) != ("positive", "negative"):
        raise RuntimeError(f"classified a clear review wrongly: {good}, {bad}")
    return f"positive {good[1]:.2f}, negative {bad[1]:.2f}"


def _attention(ctx: dict[str, Any]) -> str:
    import numpy as np

    from workbench.attention.maps import extract_attention

    maps = extract_attention(ctx["lm"], "Once upon a time there was a cat.")
    if not np.allclose(maps.weights.sum(-1), 1, atol=1e-4):
        raise RuntimeError("attention rows do not sum to 1")
    return f"{maps.weights.shape[0]} layers x {maps.weights.shape[1]} heads x {len(maps.tokens)} tokens"


def _export(ctx: dict[str, Any], work: Path) -> str:
    from workbench.export.options import ExportOptions
    from workbench.export.pipeline import export_model

    out = work / "onnx"
    export_model(ctx["lm"], out, ExportOptions(greedy_tokens=16, overwrite=True))
    ctx["onnx"] = out
    return f"exported to {out.name}, parity passed"


def _onnx_generate(ctx: dict[str, Any]) -> str:
    from workbench.config import GenerationSettings
    from workbench.inference.generate import generate_text
    from workbench.inference.onnx_model import open_onnx

    model = open_onnx(ctx["onnx"])
    r = generate_text(model, "Once upon a time", GenerationSettings(max_new_tokens=16, greedy=True))
    if not r.text.strip():
        raise RuntimeError("ONNX Runtime generated no text")
    return f"{repr(r.text.strip()[:50])} on {model.provider}"


def run_self_test() -> int:
    ctx: dict[str, Any] = {}
    failed = []
    with tempfile.TemporaryDirectory(prefix="workbench-selftest-") as tmp:
        for name, check in _checks(Path(tmp)):
            start = time.perf_counter()
            try:
                detail = check(ctx)
                print(f"ok    {name} ({time.perf_counter() - start:.1f} s): {detail}")
            except Exception as exc:  # report every failing step, then exit non-zero
                failed.append(name)
                print(f"FAIL  {name}: {type(exc).__name__}: {exc}".splitlines()[0])
                traceback.print_exc(limit=3, file=sys.stderr)
                if name.startswith("load"):
                    break  # nothing else can run without the model
    if failed:
        print(f"self-test failed: {', '.join(failed)}")
        return 1
    print("self-test passed")
    return 0
