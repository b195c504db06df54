"""Opened models behind one interface: the Backend protocol, its two implementations, one opener.

    from workbench.backends import Backend, open_model
    model = open_model(source)        # an ONNX export folder -> ONNX Runtime, else PyTorch
    model.classify(text); model.generate_stream(prompt, settings, control); model.describe()

TorchBackend (torch_backend.py) is a LoadedModel and OnnxBackend (onnx_backend.py) an OnnxModel,
each with the Backend methods delegating to that runtime's functions. Layering: this package
sits above models/, the features and inference/ (it calls them); none of those import it. The
GUI and the CLI open models here.
"""

from __future__ import annotations

from typing import Callable

from workbench.backends.onnx_backend import OnnxBackend, open_onnx_export
from workbench.backends.protocol import Backend
from workbench.backends.torch_backend import TorchBackend, open_torch
from workbench.inference.onnx_model import is_onnx_folder

__all__ = ["Backend", "OnnxBackend", "TorchBackend", "open_model", "open_onnx_export", "open_torch"]


def open_model(source: str, task: str | None = None, device: str = "auto", dtype: str = "float32",
               trust_remote_code: bool = False, providers: list[str] | None = None,
               progress: Callable[[str], None] | None = None) -> Backend:
    """An ONNX export folder opens on ONNX Runtime (task, dtype and trust_remote_code are fixed by
    the export); anything else through load_model (PyTorch). providers: ONNX Runtime's, e.g.
    ["CUDAExecutionProvider", "CPUExecutionProvider"]; None picks from `device`."""
    if is_onnx_folder(source):
        return open_onnx_export(source, device=device, providers=providers, progress=progress)
    return open_torch(source, task=task, device=device, dtype=dtype, trust_remote_code=trust_remote_code,
                      progress=progress)
