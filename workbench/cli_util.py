"""What the command line's subcommands share: the model options and opening the model they name.

Its own module, below workbench.cli, so that feature packages' `commands` modules (which cli.py
loads) can use these without importing cli.py back.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.backends import Backend


def add_model_args(s: argparse.ArgumentParser) -> None:
    s.add_argument("--task", help="override the detected task")
    s.add_argument("--device", default="auto", help="auto, cpu, cuda, cuda:N or mps")
    s.add_argument("--dtype", default="float32", choices=["float32", "float16", "bfloat16"])
    s.add_argument("--trust-remote-code", action="store_true")


def load_from_args(args: argparse.Namespace, task: str | None = None) -> Backend:
    """The model named on the command line; an ONNX export folder opens on ONNX Runtime."""
    from workbench.backends import open_model

    return open_model(args.model, task=args.task or task, device=args.device, dtype=args.dtype,
                      trust_remote_code=args.trust_remote_code)
