"""Device and memory text for the status bar (torch only if it is already imported)."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from workbench.gui.i18n import translate
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
    tooltip = translate("MemoryStatus", "Workbench uses {rss} GB; the machine has {used} of {total} GB in use "
                        "({share}). The memory budget is {fraction} of the RAM ({budget} GB): a training run "
                        "whose estimate does not fit in it (and in the free memory) is refused before it starts."
                        ).format(rss=f"{rss / 2**30:.2f}", used=f"{used / 2**30:.1f}", total=f"{total / 2**30:.1f}",
                                 share=f"{used / total:.0%}", fraction=f"{BUDGET_FRACTION:.0%}",
                                 budget=f"{budget / 2**30:.1f}")
    if level != "ok":
        ram, sep, gpu = text.partition(" | ")
        text = translate("MemoryStatus", "{ram} (machine {share} used)").format(ram=ram, share=f"{used / total:.0%}")
        text += sep + gpu
        tooltip += " " + (translate("MemoryStatus", "Memory is running short: close other programs or models, "
                                    "or choose smaller settings.") if level == "over" else
                          translate("MemoryStatus", "Memory is close to the budget."))
    return MemoryStatus(text, level, tooltip)


def memory_text() -> str:
    try:
        import psutil

        rss = psutil.Process().memory_info().rss
    except Exception:
        return ""
    text = translate("MemoryStatus", "RAM: {size} GB").format(size=f"{rss / 2**30:.2f}")
    torch = sys.modules.get("torch")  # never import torch here: it would stall start-up
    cuda = getattr(torch, "cuda", None)  # None while a worker thread is still importing torch
    try:
        if cuda is not None and cuda.is_available() and cuda.is_initialized():
            text += " | " + translate("MemoryStatus", "GPU: {size} GB").format(
                size=f"{cuda.memory_allocated() / 2**30:.2f}")
    except Exception:  # torch half-imported on another thread: show RAM only this time
        pass
    return text


def device_text() -> str:
    """CPU or the GPU's name; imports torch, so call it from a worker."""
    import torch

    if torch.cuda.is_available():
        return translate("MemoryStatus", "Device: {name} (CUDA)").format(name=torch.cuda.get_device_name(0))
    if getattr(torch.backends, "mps", None) and torch.backends.mps.is_available():
        return translate("MemoryStatus", "Device: Apple GPU (MPS)")
    return translate("MemoryStatus", "Device: CPU ({threads} threads)").format(threads=torch.get_num_threads())
