"""PeakMemory: how much memory a block of work added at its peak.

On CUDA it is torch's peak allocated; on the CPU the peak growth of resident memory (RSS), sampled
every 5 ms by a thread, since the OS keeps no per-block peak. Used by Evaluate (memory per model)
and by the benchmarks, so both measure the same way.
"""

from __future__ import annotations

import ctypes
import gc
import threading
from typing import Any


def rss() -> int:
    """This process's resident memory in bytes (Linux /proc; 0 where there is none)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * 4096
    except OSError:
        import psutil

        return int(psutil.Process().memory_info().rss)


def trim_heap() -> None:
    """Collect garbage and give freed heap back to the OS, so the next growth is the next block's."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the growth measured may include old free heap
        pass


class PeakMemory:
    """`with PeakMemory(cuda) as m: ...` then m.peak: bytes above the level at entry."""

    def __init__(self, cuda: bool = False) -> None:
        self.cuda, self.peak, self.base = cuda, 0, 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> PeakMemory:
        trim_heap()
        if self.cuda:
            import torch

            torch.cuda.empty_cache()
            torch.cuda.reset_peak_memory_stats()
            self.base = torch.cuda.memory_allocated()
        else:
            self.base = rss()
            self._thread = threading.Thread(target=self._sample, daemon=True)
            self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, rss() - self.base)

    def __exit__(self, *exc: Any) -> None:
        if self.cuda:
            import torch

            self.peak = torch.cuda.max_memory_allocated() - self.base
        elif self._thread is not None:
            self._stop.set()
            self._thread.join()
            self.peak = max(self.peak, rss() - self.base)
