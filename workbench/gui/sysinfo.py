"""Device and memory text for the status bar (torch only if it is already imported)."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from workbench.models.memory import BUDGET_FRACTION

NEAR_BUDGET = 0.9  # of the budget: the RAM figure turns orange here, red at the budget itself


@dataclass(frozen=True)
class MemoryStatus:
    """The status bar's RAM figure: its text, how close the machine is to the budget, and why."""

    text: str
    level: str  # "ok", "near" (orange: above NEAR_BUDGET of the budget) or "over" (red: at or past it)
    tooltip: str


def memory_status(total: int | None = None, available: int | None = None) -> MemoryStatus:
    """memory_text() and a warning level from the machine's used RAM (total - available) against
    the budget, BUDGET_FRACTION of all RAM; total/available default to psutil's."""
    text = memory_text()
    try:
        import psutil

        vm = psutil.virtual_memory()
    except Exception:
        return MemoryStatus(text, "ok", "")
    total = int(vm.total if total is None else total)
    available = int(vm.available if available is None else available)
    used, budget = total - available, BUDGET_FRACTION * total
    level = "over" if used >= budget else "near" if used >= NEAR_BUDGET * budget else "ok"
    rss = psutil.Process().memory_info().rss
    tooltip = (f"Workbench uses {rss / 2**30:.2f} GB; the machine has {used / 2**30:.1f} of "
               f"{total / 2**30:.1f} GB in use ({used / total:.0%}). The memory budget is {BUDGET_FRACTION:.0%} of "
               f"the RAM ({budget / 2**30:.1f} GB): a training run whose estimate does not fit in it (and in the free "
               "memory) is refused before it starts.")
    if level != "ok":
        ram, sep, gpu = text.partition(" | ")
        text = f"{ram} (machine {used / total:.0%} used){sep}{gpu}"
        tooltip += (" Memory is running short: close other programs or models, or choose smaller settings."
                    if level == "over" else " Memory is close to the budget.")
    return MemoryStatus(text, level, tooltip)


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
