"""torch.onnx.export (dynamo) of the graphs of one model, and the files that go beside them."""

from __future__ import annotations

import contextlib
import io
import logging
import re
import warnings
from pathlib import Path
from typing import Any, Callable

from workbench.errors import WorkbenchError
from workbench.export.options import EXTERNAL_DATA_BYTES, KIND_BY_TASK, UnsupportedModelError, file_name
from workbench.models.spec import LoadedModel
from workbench.texts import N_

log = logging.getLogger("workbench")
# A graph's role as its progress line names it (marked: the GUI shows it translated)
ROLE_NAMES = {"decoder": N_("decoder"), "encoder": N_("encoder"), "decoder_init": N_("decoder init"),
              "decoder_with_past": N_("decoder with past")}


def export_kind(loaded: LoadedModel) -> str:
    """decoder, encoder or seq2seq; raises for combinations Workbench cannot export."""
    kind = KIND_BY_TASK.get(loaded.task)
    if kind is None:
        raise UnsupportedModelError("Export of {task} models to ONNX is not supported", task=loaded.task)
    if loaded.is_encoder_decoder and kind != "seq2seq":
        raise UnsupportedModelError("{architecture} is an encoder-decoder; export it for seq2seq-lm, not {task}",
                                    architecture=loaded.info.architecture, task=loaded.task)
    if kind == "seq2seq" and not loaded.is_encoder_decoder:
        raise UnsupportedModelError("{architecture} is not an encoder-decoder model",
                                    architecture=loaded.info.architecture)
    return kind


def graph_specs(loaded: LoadedModel, kind: str) -> list[Any]:
    from workbench.export import wrappers

    if kind == "decoder":
        return [wrappers.decoder_spec(loaded.model)]
    if kind == "encoder":
        return [wrappers.encoder_spec(loaded.model, loaded.task, loaded.tokenizer)]
    return wrappers.seq2seq_specs(loaded.model)


def export_graphs(loaded: LoadedModel, kind: str, out: Path, opset: int,
                  progress: Callable[[str], None]) -> dict[str, dict[str, Any]]:
    """Write the fp32 graph(s) to `out`; {role: {"file", "external_data"}}."""
    weight_bytes = sum(p.numel() * p.element_size() for p in loaded.model.parameters())
    external = weight_bytes > EXTERNAL_DATA_BYTES
    files: dict[str, dict[str, Any]] = {}
    for spec in graph_specs(loaded, kind):
        name = file_name(kind, spec.role, "fp32")
        role = ROLE_NAMES.get(spec.role) or spec.role.replace("_", " ")
        progress(N_("Exporting the {role} graph to {file} (opset {opset}) ...", role=role, file=name, opset=opset))
        _export_one(spec, out / name, opset, external, loaded.info.architecture)
        files[spec.role] = {"file": name, "external_data": external}
    return files


def _export_one(spec: Any, path: Path, opset: int, external: bool, arch: str) -> None:
    import torch

    # torch.onnx prints progress lines and warnings of its own; Workbench reports its own steps.
    quiet = io.StringIO()
    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(quiet), torch.inference_mode(False), \
                torch.no_grad():
            warnings.simplefilter("ignore")
            logging.getLogger("torch.onnx").setLevel(logging.ERROR)
            program = torch.onnx.export(
                spec.module, spec.args, dynamic_shapes=spec.dynamic_shapes, input_names=spec.input_names,
                output_names=spec.output_names, opset_version=opset, dynamo=True, verbose=False,
                external_data=external)
            program.save(str(path), external_data=external)
    except WorkbenchError:
        raise
    except Exception as exc:  # torch.export raises many kinds; the first line is what helps
        log.debug("ONNX export of %s failed", arch, exc_info=True)
        raise UnsupportedModelError(
            "{arch} is not supported for ONNX export: tracing its {role} graph failed ({cause})",
            arch=arch, role=spec.role.replace("_", " "), cause=root_cause(exc)) from exc


def copy_model_files(loaded: LoadedModel, out: Path) -> list[str]:
    """Tokenizer, config and generation config, so the folder works without the original."""
    before = {p.name for p in out.iterdir()}
    loaded.tokenizer.save_pretrained(out)
    loaded.model.config.save_pretrained(out)
    gen = getattr(loaded.model, "generation_config", None)
    if gen is not None and loaded.task in ("causal-lm", "seq2seq-lm"):
        gen.save_pretrained(out)
    return sorted(p.name for p in out.iterdir() if p.name not in before)


def root_cause(exc: BaseException) -> str:
    """The innermost cause's first line, without terminal colours (torch.onnx wraps errors twice)."""
    while exc.__cause__ is not None:
        exc = exc.__cause__
    text = re.sub(r"\x1b\[[0-9;]*m", "", str(exc)).strip()
    first = text.splitlines()[0][:300] if text else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__
