"""Device and memory text for the status bar (torch only if it is already imported)."""

from __future__ import annotations

import sys


def memory_text() -> str:
    try:
        import psutil

        rss = psutil.Process().memory_info().rss
    except Exception:
        return ""
    text = f"RAM: {rss / 2**30:.2f} GB"
    torch = sys.modules.get("torch")  # never import torch here: it would stall start-up
    cuda = getattr(torch, "cuda", None)  # None while a worker thread is still importing torch
    try:
        if cuda is not None and cuda.is_available() and cuda.is_initialized():
            text += f" | GPU: {cuda.memory_allocated() / 2**30:.2f} GB"
    except Exception:  # torch half-imported on another thread: show RAM only this time
        pass
    return text


def device_text() -> str:
    """CPU or the GPU's name; imports torch, so call it from a worker."""
    import torch

    if torch.cuda.is_available():
        return f"Device: {torch.cuda.get_device_name(0)} (CUDA)"
    if getattr(torch.backends, "mps", None) and torch.backends.mps.is_available():
        return "Device: Apple GPU (MPS)"
    return f"Device: CPU ({torch.get_num_threads()} threads)"
