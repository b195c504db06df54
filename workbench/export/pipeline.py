"""export_model: load -> export the fp32 graph(s) -> prove parity -> optional variants, each proven.

A long job in the Workbench style: a plain function reporting progress through a callback and
polling a Control between steps; the GUI runs it on a worker thread, the CLI in the foreground.
"""

from __future__ import annotations

import logging
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np

from workbench.control import Control
from workbench.errors import WorkbenchError
from workbench.export.options import ExportOptions, file_name
from workbench.onnx_format import ROLES
from workbench.export.report import graph_io, new_report, summary, write_report
from workbench.models.spec import LoadedModel, ModelSpec
from workbench.texts import N_

log = logging.getLogger("workbench")
Progress = Callable[[str], None]


class ParityError(WorkbenchError):
    """A variant failed its parity check. .report holds all figures (also in export_report.json)."""

    def __init__(self, message: str, report: dict[str, Any], **fields: Any) -> None:
        super().__init__(message, **fields)
        self.report = report


@dataclass(frozen=True)
class ExportResult:
    folder: Path
    report: dict[str, Any]

    @property
    def summary(self) -> str:
        return summary(self.report)


def load_for_export(model: str | LoadedModel, task: str | None) -> LoadedModel:
    """A float32 CPU copy to trace (the loaded one when it already is one)."""
    from workbench.models.loading import load_model

    if isinstance(model, LoadedModel):
        dtype = str(next(model.model.parameters()).dtype)
        if model.device == "cpu" and dtype == "torch.float32" and (task is None or task == model.task):
            return model
        model = model.info.path or model.spec.source
    return load_model(ModelSpec(source=str(model), task=task, device="cpu", dtype="float32"))


def prepare_folder(out: Path, overwrite: bool) -> None:
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise WorkbenchError("{out} is a file; choose a folder for the export", out=out)
    if out.exists() and any(out.iterdir()):
        if not overwrite:
            raise WorkbenchError("{out} is not empty; choose an empty folder or allow overwriting", out=out)
        for p in out.iterdir():
            if p.is_dir():
                shutil.rmtree(p)
            else:
                p.unlink()
    out.mkdir(parents=True, exist_ok=True)


def export_model(model: str | LoadedModel, out: Path, options: ExportOptions | None = None,
                 progress: Progress | None = None, control: Control | None = None) -> ExportResult:
    """Export, validate and write the folder. Raises ParityError (after writing the report) on failure."""
    from workbench.export.onnx_export import copy_model_files, export_graphs, export_kind

    options = options or ExportOptions()
    progress = progress or (lambda _m: None)
    out = Path(out)
    if options.attention_probs and options.opset < 23:
        options = ExportOptions(**{**options.__dict__, "opset": 23})
    progress(N_("Loading the model (float32, CPU) ..."))
    loaded = load_for_export(model, options.task)
    kind = export_kind(loaded)
    prepare_folder(out, options.overwrite)
    _check(control, out)
    source = model if isinstance(model, str) else loaded.spec.source
    prompts = options.prompts or _default_prompts()
    report = new_report(str(source), loaded.task, kind, loaded.info, options.opset, prompts)
    report["_t0"] = time.perf_counter()
    try:
        files = export_graphs(loaded, kind, out, options.opset, progress)
        report["graphs"] = {role: {**f, **graph_io(out / f["file"])} for role, f in files.items()}
        report["files"] = copy_model_files(loaded, out)
        _check(control, out)
        _validate_all(loaded, kind, out, options, prompts, report, progress, control)
    except BaseException:
        if not (out / "export_report.json").exists():
            shutil.rmtree(out, ignore_errors=True)  # cancelled or crashed: leave no half export
        raise
    return _finish(out, report)


def _default_prompts() -> tuple[str, ...]:
    from workbench.export.options import DEFAULT_PROMPTS

    return DEFAULT_PROMPTS


def _check(control: Control | None, out: Path) -> None:
    if control is not None and control.cancelled:
        raise WorkbenchError("Export cancelled")


def _validate_all(loaded: LoadedModel, kind: str, out: Path, options: ExportOptions, prompts: tuple[str, ...],
                  report: dict[str, Any], progress: Progress, control: Control | None) -> None:
    from workbench.export import reference
    from workbench.inference.providers import choose

    choice = choose(device="auto")
    progress(N_("Computing PyTorch reference outputs ..."))
    ref = reference.compute(loaded, kind, prompts, options.greedy_tokens)
    report["parity_cases"] = [{"name": c.name, "batch": int(c.ids.shape[0]), "length": int(c.ids.shape[1])}
                              for c in ref.cases]
    start = reference._decoder_start(loaded) if kind == "seq2seq" else 0
    for variant in options.variants():
        _check(control, out)
        entry = _build_variant(kind, out, variant, report, progress)
        if entry.get("error") is None:
            progress(N_("Checking parity of the {variant} graph against PyTorch ...", variant=variant))
            entry.update(_parity(ref, kind, out, entry, variant, choice, start))
        report["variants"][variant] = entry
        if not entry["passed"]:
            if variant == "fp32" or "parity" not in entry:
                _remove(out, entry)
                if variant == "fp32":
                    break  # nothing else can be built from a graph that is wrong
            else:  # it runs, but below the bar: never a default, kept so Evaluate can show what it costs
                entry["kept_for_evaluation"] = True
    if options.attention_probs and report["variants"]["fp32"]["passed"]:
        _check(control, out)
        progress(N_("Building the attention-map graph and checking it against PyTorch eager attention ..."))
        report["attention"] = _attention_graph(loaded, kind, out, report, prompts[0], choice)
    report["parity_provider"] = "CUDAExecutionProvider" if choice.device == "cuda" else "CPUExecutionProvider"
    if choice.note:
        report["parity_note"] = choice.note


def _attention_graph(loaded: LoadedModel, kind: str, out: Path, report: dict[str, Any], prompt: str,
                     choice: Any) -> dict[str, Any]:
    """model.attention.onnx with the softmax probabilities exposed, checked against eager PyTorch."""
    from workbench.attention.maps import extract_from_ids
    from workbench.export.attention_graph import add_attention_outputs
    from workbench.export.parity import FP32_TOLERANCE
    from workbench.inference.attention import probabilities
    from workbench.inference.providers import make_session
    from workbench.inference.runtime import GraphRunner

    if kind == "seq2seq":
        return {"passed": False, "error": N_("attention maps are exported for decoders and encoders only")}
    dst = out / "model.attention.onnx"
    try:
        layers = add_attention_outputs(out / report["variants"]["fp32"]["files"][kind], dst)
        ids = loaded.tokenizer(prompt, add_special_tokens=loaded.task != "causal-lm")["input_ids"]
        onnx_maps = probabilities(GraphRunner(make_session(dst, choice), choice.device, choice.device_id), ids)
    except WorkbenchError as exc:
        dst.unlink(missing_ok=True)
        return {"passed": False, "error": str(exc)}
    torch_maps = extract_from_ids(loaded, ids).weights
    diff = float(np.abs(onnx_maps - torch_maps).max())
    entry = {"file": dst.name, "layers": layers, "max_abs_diff": diff, "tolerance": FP32_TOLERANCE,
             "checked_on": prompt, "passed": diff <= FP32_TOLERANCE}
    if not entry["passed"]:
        dst.unlink(missing_ok=True)
        entry["error"] = N_("attention maps differ from PyTorch eager by {diff}", diff=f"{diff:.3g}")
    return entry


def _source_variant(report: dict[str, Any]) -> str:
    opt = report["variants"].get("optimized")
    return "optimized" if opt and opt["passed"] else "fp32"


def _build_variant(kind: str, out: Path, variant: str, report: dict[str, Any], progress: Progress) -> dict[str, Any]:
    from workbench.export import variants as vt

    entry: dict[str, Any] = {"files": {}, "precision": {"fp16": "fp16", "int8": "int8"}.get(variant, "fp32"),
                             "optimized": variant == "optimized", "error": None, "passed": False}
    if variant == "fp32":
        entry["files"] = {role: g["file"] for role, g in report["graphs"].items()}
        return entry
    base = _source_variant(report)
    entry["built_from"] = base
    entry["optimized"] = variant == "optimized" or report["variants"][base]["optimized"]
    for role in ROLES[kind]:
        src, dst = out / file_name(kind, role, base), out / file_name(kind, role, variant)
        progress(N_("Building the {variant} variant of {file} ...", variant=variant, file=src.name))
        try:
            if variant == "optimized":
                entry.setdefault("fusions", {})[role] = vt.optimize(src, dst)
            elif variant == "fp16":
                vt.to_fp16(src, dst)
            else:
                vt.to_int8(src, dst)
        except Exception as exc:
            log.debug("building %s failed", variant, exc_info=True)
            entry["error"] = N_("building the {variant} graph failed: {reason}", variant=variant,
                                reason=str(exc).strip().splitlines()[0][:200])
            entry["files"][role] = dst.name
            return entry
        entry["files"][role] = dst.name
    return entry


def _parity(ref: Any, kind: str, out: Path, entry: dict[str, Any], variant: str, choice: Any,
            start: int) -> dict[str, Any]:
    from workbench.export.parity import check
    from workbench.inference.providers import make_session
    from workbench.inference.runtime import GraphRunner

    try:
        runners = {role: GraphRunner(make_session(out / f, choice), choice.device, choice.device_id)
                   for role, f in entry["files"].items()}
    except WorkbenchError as exc:
        return {"error": str(exc), "passed": False}
    provider = next(iter(runners.values())).session.get_providers()[0]
    try:
        fig = check(ref, runners, variant, entry["precision"], provider, start)
    except Exception as exc:  # ONNX Runtime refused an input the graph should take: a failed variant
        from workbench.export.onnx_export import root_cause

        log.debug("parity run of %s failed", variant, exc_info=True)
        return {"error": N_("ONNX Runtime failed on a parity case: {reason}", reason=root_cause(exc)), "passed": False}
    size = sum((out / f).stat().st_size for f in entry["files"].values())
    size += sum(p.stat().st_size for f in entry["files"].values() for p in out.glob(f + ".data"))
    return {"parity": fig.to_dict(), "passed": fig.passed, "size_bytes": size}


def _remove(out: Path, entry: dict[str, Any]) -> None:
    for f in entry["files"].values():
        for p in (out / f, out / (f + ".data")):
            p.unlink(missing_ok=True)
    entry["removed"] = True


def _finish(out: Path, report: dict[str, Any]) -> ExportResult:
    good = [v for v, e in report["variants"].items() if e["passed"]]
    attention_ok = report.get("attention", {}).get("passed", True)
    report["passed"] = len(good) == len(report["variants"]) and "fp32" in good and attention_ok
    if "fp32" in good:
        cpu_order = ("int8", "optimized", "fp32")
        gpu_order = ("fp16", "optimized", "fp32")
        report["default_variant"] = {"cpu": next(v for v in cpu_order if v in good),
                                     "cuda": next(v for v in gpu_order if v in good)}
    report["seconds"] = round(time.perf_counter() - report.pop("_t0", time.perf_counter()), 1)
    write_report(report, out)
    if not report["passed"]:
        failed = [v for v, e in report["variants"].items() if not e["passed"]]
        failed += [] if attention_ok else [N_("attention maps")]
        if "fp32" not in good:
            for p in out.glob("*.onnx*"):
                p.unlink()
        kept = [v for v, e in report["variants"].items() if e.get("kept_for_evaluation")]
        if kept:
            raise ParityError("Parity check failed for {failed}; {kept} kept for Evaluate only (never opened "
                              "by default)\n{summary}", report,
                              failed=", ".join(failed), kept=", ".join(kept), summary=summary(report))
        raise ParityError("Parity check failed for {failed}; the failed graphs were removed\n{summary}", report,
                          failed=", ".join(failed), summary=summary(report))
    return ExportResult(out, report)
