"""Garbage collection only on the GUI thread.

A cyclic-garbage collection that runs on a worker thread can finalise Qt wrapper objects there;
PySide then needs the GUI thread, which may be waiting for the GIL the worker holds: a deadlock.
It was seen here when the transformers Trainer (through accelerate's `release_memory`) called
`gc.collect()` on the training thread. So: automatic collection is turned off, a timer collects on
the GUI thread instead, and accelerate's explicit collections become no-ops in the GUI process.
"""

from __future__ import annotations

import gc
import types

from PySide6.QtCore import QObject, QTimer

_installed: list[QObject] = []


def install(parent: QObject, interval_ms: int = 500) -> QTimer:
    gc.disable()
    timer = QTimer(parent)
    timer.timeout.connect(_collect)
    timer.start(interval_ms)
    _installed.append(timer)
    return timer


def quiet_accelerate_gc() -> None:
    """Make accelerate's explicit gc.collect() a no-op. Call on a worker thread before training
    (importing accelerate costs seconds, so not at start-up)."""
    try:
        import accelerate.utils.memory as memory

        memory.gc = types.SimpleNamespace(collect=lambda *args, **kwargs: 0)
    except Exception:  # accelerate missing or changed: nothing to neutralise
        pass


def _collect() -> None:
    # Young generations every tick (cheap); a full collection now and then.
    _collect.ticks = getattr(_collect, "ticks", 0) + 1
    gc.collect(2 if _collect.ticks % 20 == 0 else 0)
