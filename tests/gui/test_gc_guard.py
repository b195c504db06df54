"""The GUI-thread garbage collector: young generations on the timer, survivors frozen, and
full_collect() reclaiming cyclic garbage that had been frozen."""

from __future__ import annotations

import gc
import weakref

from workbench.gui import gc_guard


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector can free it


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
        assert gc_guard.full_collect() >= 0  # ... and full_collect() gets them
        assert ref() is None
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
        assert gc.get_freeze_count() == frozen  # nothing new frozen while the run is active
        gc_guard.full_collect()  # a model replaced during the run: its collection must not freeze the run
        assert gc.get_freeze_count() == 0
        del node
        assert gc_guard.collect_young() >= 0  # the run ends: its cycles go, frozen objects are not scanned
        assert ref() is None and not gc_guard._paused[0]
    finally:
        gc.unfreeze()
        if enabled:
            gc.enable()
