"""The GUI-thread garbage collector: young generations on the timer, survivors frozen, and
full_collect() reclaiming cyclic garbage that had been frozen."""

from __future__ import annotations

import gc
import time
import weakref
from contextlib import contextmanager

from workbench.gui import gc_guard


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector can free it


@contextmanager
def _collections():
    """The (generation, objects collected) of every collection run inside the block."""
    runs: list[tuple[int, int]] = []

    def watch(phase: str, info: dict) -> None:
        if phase == "stop":
            runs.append((info["generation"], info["collected"]))

    gc.callbacks.append(watch)
    try:
        yield runs
    finally:
        gc.callbacks.remove(watch)


def test_timer_tick_freezes_survivors_and_full_collect_reclaims_them() -> None:
    enabled = gc.isenabled()
    gc.disable()
    try:
        node = _Node()
        ref = weakref.ref(node)
        for _ in range(gc_guard.FREEZE_EVERY):  # one timer period: gen 0 ticks, then gen 1 + freeze
            gc_guard._collect()
        assert gc.get_freeze_count() > 0
        del node
        gc.collect()  # frozen objects are out of reach of an ordinary collection ...
        assert ref() is not None
        with _collections() as runs:
            started = time.perf_counter()
            took = gc_guard.full_collect()  # ... and full_collect() gets them
            elapsed = time.perf_counter() - started
        assert ref() is None
        assert [generation for generation, _ in runs] == [2] and runs[0][1] >= 1  # one full collection freed it
        assert 0 < took <= elapsed  # the seconds it took
        assert gc.get_freeze_count() > 0  # what survived is frozen again
    finally:
        gc.unfreeze()
        if enabled:
            gc.enable()


def test_a_paused_run_keeps_its_objects_young_and_collect_young_frees_them() -> None:
    enabled = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        gc.freeze()
        gc_guard.pause_freezing()  # a training run starts
        node = _Node()
        ref = weakref.ref(node)
        frozen = gc.get_freeze_count()
        for _ in range(gc_guard.FREEZE_EVERY):
            gc_guard._collect()
        # nothing new frozen while the run is active (frozen objects another thread frees may lower it)
        assert gc.get_freeze_count() <= frozen
        gc_guard.full_collect()  # a model replaced during the run: its collection must not freeze the run
        assert gc.get_freeze_count() == 0
        del node
        gc_guard.collect_young()  # the run ends: its cycles go
        assert ref() is None and not gc_guard._paused[0]
        assert gc.get_freeze_count() > 0  # and what survived is frozen again
    finally:
        gc.unfreeze()
        if enabled:
            gc.enable()


def test_collect_young_does_not_scan_frozen_objects() -> None:
    enabled = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        old = _Node()
        ref = weakref.ref(old)
        gc.freeze()  # long-lived, as the timer leaves it
        del old  # garbage now, but frozen: only a full collection could free it
        gc_guard.pause_freezing()
        young = _Node()
        young_ref = weakref.ref(young)
        del young
        with _collections() as runs:
            took = gc_guard.collect_young()
        assert young_ref() is None and ref() is not None  # the run's garbage went, the frozen object was not seen
        assert len(runs) == 1 and 0 < took
    finally:
        gc.unfreeze()
        if enabled:
            gc.enable()
