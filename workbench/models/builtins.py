"""Built-in models that ship in resources/builtins and need no download.

Registry only for now; the builder (corpus + training) is added by the built-ins work.
"""

from __future__ import annotations

from dataclasses import dataclass
import sys
from pathlib import Path

from workbench.errors import ModelLoadError


@dataclass(frozen=True)
class BuiltinModel:
    name: str
    task: str
    description: str


BUILTINS: dict[str, BuiltinModel] = {
    "tiny-stories": BuiltinModel("tiny-stories", "causal-lm",
                                 "A small GPT-2-style model trained on generated short stories"),
    "tiny-sentiment": BuiltinModel("tiny-sentiment", "sequence-classification",
                                   "A small BERT-style classifier of positive/negative reviews"),
}


def builtins_root() -> Path:
    """resources/builtins, next to the package in a checkout or bundled in a frozen app."""
    frozen = getattr(sys, "_MEIPASS", None)  # PyInstaller bundle: resources/ sits beside the code
    if frozen:
        return Path(frozen) / "resources" / "builtins"
    return Path(__file__).resolve().parent.parent.parent / "resources" / "builtins"


def builtin_path(name: str) -> Path:
    if name not in BUILTINS:
        raise ModelLoadError(f"No built-in model named '{name}'; built-ins: {', '.join(BUILTINS)}")
    path = builtins_root() / name
    if not (path / "config.json").exists():
        raise ModelLoadError(f"Built-in model '{name}' is missing from {path.parent}; "
                             "rebuild it with `workbench build-builtins`")
    return path
