"""Rewrite the README's tested-versions table from the running venv (`make lock` calls this after
the suite passed in that venv). Usage: python packaging/tested_versions.py README.md"""

from __future__ import annotations

import platform
import re
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

KEY = ["torch", "transformers", "tokenizers", "huggingface_hub", "safetensors", "datasets", "accelerate",
       "peft", "onnx", "onnxscript", "onnxruntime-gpu", "onnxruntime", "PySide6-Essentials", "pyqtgraph",
       "numpy", "pyinstaller"]
START, END = "<!-- tested-versions: written by make lock -->", "<!-- /tested-versions -->"


def table() -> str:
    rows = [f"| Python | {platform.python_version()} ({platform.system()} {platform.machine()}) |"]
    for name in KEY:
        try:
            rows.append(f"| {name} | {version(name)} |")
        except PackageNotFoundError:
            continue
    return "\n".join(["| package | version |", "|---|---|", *rows])


def main(readme: str) -> None:
    path = Path(readme)
    text = path.read_text(encoding="utf-8")
    block = f"{START}\n{table()}\n{END}"
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(text):
        sys.exit(f"{readme} has no '{START}' block")
    path.write_text(pattern.sub(lambda _: block, text), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
