"""Garbage collection only on the GUI thread, in steps too short to be seen.

A cyclic-garbage collection that runs on a worker thread can finalise Qt wrapper objects there;
PySide then needs the GUI thread, which may be waiting for the GIL the worker holds: a deadlock.
It was seen here when the transformers Trainer (through accelerate's `release_memory`) called
`gc.collect()` on the training thread. So: automatic collection is turned off, a timer collects on
the GUI thread instead, and accelerate's explicit collections become no-ops in the GUI process.

A full collection walks every tracked object; with torch and transformers imported that is about
450,000 objects and 270 ms of GUI thread holding the GIL (a visible stall, and the training
thread waits too). So the timer only collects the young generations, and what survives them is
frozen (`gc.freeze()`: moved out of every later scan; it is long-lived: modules, widgets, models).
Garbage that becomes cyclic after freezing is reclaimed by `full_collect()`, which the app calls
where a model is let go (replaced or unloaded).

A training run is different: the Trainer leaves the model in reference cycles when it ends, so its
memory needs a collection, and a full one would stall the window for ~0.3 s at the end of every
run. So freezing pauses while a run is active (`pause_freezing()`); at its end `collect_young()`
scans only what was not frozen -- the run's own objects -- and frees the run's model in a few ms.
"""

from __future__ import annotations

import gc
import time
import types

from PySide6.QtCore import QObject, QTimer

_installed: list[QObject] = []
FREEZE_EVERY = 20  # ticks: every 10 s at the default 500 ms
_paused = [0]  # active pause_freezing() calls


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


def quiet_core_gc() -> None:
    """Make the core's explicit collections a no-op in the GUI process: workbench.models.peak's
    trim_heap() (the core's one gc.collect(), used by Evaluate between models and by the export
    benchmark) runs on worker threads, and hung the GUI tests one run in three. The main window
    calls this; the Evaluate page collects on the GUI thread instead (collect_young() as each model
    finishes); malloc_trim still runs. Idempotent."""
    import workbench.models.peak as peak

    peak.gc = types.SimpleNamespace(collect=lambda *args, **kwargs: 0)  # type: ignore[assignment]


def full_collect() -> float:
    """Collect everything, frozen objects included, then freeze the survivors again; seconds taken.
    GUI thread only; a few hundred ms, so only where the user just let something large go."""
    start = time.perf_counter()
    gc.unfreeze()
    gc.collect()
    if not _paused[0]:  # during a run, freezing would hide the run's model from collect_young()
        gc.freeze()
    return time.perf_counter() - start


def pause_freezing() -> None:
    """Keep new objects unfrozen (a training run starts) until collect_young()."""
    _paused[0] += 1


def collect_young() -> float:
    """Collect every unfrozen object (what was created since freezing paused), end the pause and
    freeze the survivors; seconds taken. GUI thread only."""
    start = time.perf_counter()
    gc.collect()  # frozen objects are skipped: only the young ones are scanned
    _paused[0] = max(0, _paused[0] - 1)
    if not _paused[0]:
        gc.freeze()
    return time.perf_counter() - start


def _collect() -> None:
    # Generation 0 every tick (microseconds); every FREEZE_EVERY ticks generation 1 as well, and
    # its survivors are frozen instead of piling up in generation 2 for an expensive full scan.
    _collect.ticks = getattr(_collect, "ticks", 0) + 1
    if _collect.ticks % FREEZE_EVERY:
        gc.collect(0)
        return
    gc.collect(1)
    if not _paused[0]:
        gc.freeze()
