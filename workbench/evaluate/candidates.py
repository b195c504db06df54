"""What the user asked to compare, as one Candidate per model to open.

One source can stand for several models:
  a training run folder   its final model and every checkpoint, oldest first
  an ONNX export folder   each variant that passed its parity check (fp32, optimized, fp16, int8)
  anything else           one model: builtin:NAME, a hub id or a model folder (PyTorch)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import InputError


@dataclass(frozen=True)
class Candidate:
    name: str  # the row's label: "tiny-stories", "my-run/checkpoint-50", "export/int8"
    source: str  # what open_candidate opens: a model source or an export folder
    variant: str = ""  # ONNX variant; "" for PyTorch
    refused: bool = False  # an ONNX variant that failed its parity check and was kept for evaluation

    @property
    def backend(self) -> str:
        return "onnxruntime" if self.variant else "pytorch"


def _short(path: Path) -> str:
    return path.name or str(path)


def run_candidates(folder: Path) -> list[Candidate]:
    """A run's checkpoints (by step) and final model; InputError when it has none yet."""
    from workbench.training.runs import RunFolder

    run = RunFolder(folder)
    found = [Candidate(f"{_short(folder)}/{c.name}", str(c)) for c in run.checkpoints() if (c / "config.json").exists()]
    if (run.model_dir / "config.json").exists():
        found.append(Candidate(f"{_short(folder)}/final", str(run.model_dir)))
    if not found:
        raise InputError("The run {name} has no model or checkpoint yet; train it further first", name=folder.name)
    return found


def export_candidates(folder: Path) -> list[Candidate]:
    from workbench.onnx_format import REPORT_NAME

    try:
        report = json.loads((folder / REPORT_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError("{name}'s {report} is unreadable ({exc}); export the model again",
                         name=folder.name, report=REPORT_NAME, exc=exc) from exc
    variants = report.get("variants", {})
    if not any(v.get("passed") for v in variants.values()):
        raise InputError("No variant of the export in {name} passed its parity check", name=folder.name)
    # A variant below the parity bar but kept (int8 at 98.6% top-1, say) is compared too: seeing
    # what it costs on the user's own data is the point. Its row says it was refused.
    return [Candidate(f"{_short(folder)}/{name}" + ("" if v.get("passed") else " (refused)"), str(folder), name,
                      refused=not v.get("passed"))
            for name, v in variants.items() if v.get("passed") or v.get("kept_for_evaluation")]


def is_run_folder(path: Path) -> bool:
    return path.is_dir() and (path / "config.json").exists() and (path / "status.json").exists()


def expand(sources: list[str]) -> list[Candidate]:
    """Every model the sources stand for, in order, each once."""
    from workbench.inference.onnx_model import is_onnx_folder

    if not sources:
        raise InputError("Add at least one model to evaluate")
    out: list[Candidate] = []
    for source in sources:
        path = Path(source).expanduser()
        if is_onnx_folder(path):
            found = export_candidates(path)
        elif is_run_folder(path):
            found = run_candidates(path)
        else:
            found = [Candidate(source.removeprefix("builtin:") if source.startswith("builtin:") else _short(path)
                               if path.exists() else source, source)]
        out += [c for c in found if c not in out]
    return out


def open_candidate(candidate: Candidate, device: str = "auto"):  # -> Backend
    """The candidate opened on its backend (ModelLoadError with the reason if it cannot be)."""
    from workbench.backends import open_onnx_export, open_torch

    if candidate.variant:
        return open_onnx_export(candidate.source, device=device, variant=candidate.variant,
                                allow_refused=candidate.refused)
    return open_torch(candidate.source, device=device)
