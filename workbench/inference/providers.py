"""Which ONNX Runtime execution provider to use, and sessions that say what they really got.

onnxruntime-gpu lists CUDAExecutionProvider even on machines without a GPU and then logs loud
errors when asked for it, so CUDA is only requested when a driver with a device is present,
and the session's own `get_providers()` decides what is reported. A fallback to CPU is a
visible note, never silent.
"""

from __future__ import annotations

import ctypes
import functools
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.errors import ModelLoadError
from workbench.texts import N_

log = logging.getLogger("workbench")
CPU = "CPUExecutionProvider"
CUDA = "CUDAExecutionProvider"


@dataclass
class ProviderChoice:
    """What was asked, what is used, and why they differ (note)."""

    requested: list[str]
    device: str  # "cuda" or "cpu": where the sessions run
    note: str | None = None
    device_id: int = 0
    options: dict[str, Any] = field(default_factory=dict)


@functools.lru_cache(maxsize=1)
def cuda_device_count() -> int:
    """GPUs the NVIDIA driver sees (0 without a driver); asks the driver, not PyTorch."""
    for name in ("libcuda.so.1", "libcuda.so", "nvcuda.dll"):
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            continue
        count = ctypes.c_int(0)
        if lib.cuInit(0) != 0 or lib.cuDeviceGetCount(ctypes.byref(count)) != 0:
            return 0
        return int(count.value)
    return 0


def cuda_available() -> bool:
    import onnxruntime as ort

    return CUDA in ort.get_available_providers() and cuda_device_count() > 0


def choose(providers: list[str] | None = None, device: str = "auto") -> ProviderChoice:
    """Resolve a provider request (a list, or device "auto"/"cpu"/"cuda[:N]") to what can load.

    An explicit request for CUDA that cannot be met runs on the CPU with a note saying why;
    "auto" without a GPU is simply the CPU (the provider in use is always shown anyway).
    """
    explicit = providers is not None or device.startswith("cuda")
    if providers is None:
        providers = [CPU] if device == "cpu" else [CUDA, CPU]
    device_id = int(device.split(":")[1]) if device.startswith("cuda:") else 0
    if CUDA in providers and cuda_available():
        return ProviderChoice(list(providers), "cuda", None, device_id)
    note = None
    if CUDA in providers and explicit:
        note = N_("CUDA was asked for but {why}; running on the CPU", why=_why_no_cuda())
    return ProviderChoice(list(providers), "cpu", note)


def _why_no_cuda() -> str:
    import onnxruntime as ort

    if CUDA not in ort.get_available_providers():
        return N_("this onnxruntime build has no CUDA provider (install onnxruntime-gpu)")
    return N_("no NVIDIA GPU/driver was found")


def session_options(threads: int | None = None) -> Any:
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.log_severity_level = 3  # errors only: shape-merge warnings on dynamo graphs are noise
    if threads:
        so.intra_op_num_threads = threads
    elif os.environ.get("WORKBENCH_ORT_THREADS"):
        so.intra_op_num_threads = int(os.environ["WORKBENCH_ORT_THREADS"])
    return so


def make_session(path: Path, choice: ProviderChoice, threads: int | None = None) -> Any:
    """An InferenceSession on choice.device; a CUDA session that lands on the CPU updates choice.note."""
    import onnxruntime as ort

    if choice.device == "cuda":
        if hasattr(ort, "preload_dlls"):
            try:
                ort.preload_dlls()  # CUDA/cuDNN from the nvidia-* wheels, if that is where they are
            except Exception as exc:  # pragma: no cover - depends on the GPU machine
                log.info("onnxruntime.preload_dlls: %s", exc)
        # TF32 moves fp32 logits ~1e-2 from PyTorch; keep fp32 exact (fp16 graphs are the fast path).
        cuda_opts = {"device_id": choice.device_id, "use_tf32": 0, **choice.options}
        providers: list[Any] = [(CUDA, cuda_opts), CPU]
    else:
        providers = [CPU]
    try:
        sess = ort.InferenceSession(str(path), session_options(threads), providers=providers)
    except Exception as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:300]
        raise ModelLoadError("ONNX Runtime could not load {name} (corrupted or incomplete export?): "
                             "{first}", name=path.name, first=first) from exc
    if choice.device == "cuda" and sess.get_providers()[0] != CUDA:
        choice.device = "cpu"
        choice.note = N_("The CUDA provider failed to load (see the log); running on the CPU")
        log.warning(choice.note)
    return sess
