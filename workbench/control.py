"""Cancellation and pause flags that long-running core functions poll between steps.

The GUI (or a signal handler in the CLI) sets the flags from another thread; the worker never
gets killed, it notices the flag at its next step and returns cleanly.
"""

from __future__ import annotations

import threading


class Control:
    def __init__(self) -> None:
        self._cancel = threading.Event()
        self._running = threading.Event()  # set = not paused
        self._running.set()

    def cancel(self) -> None:
        self._cancel.set()
        self._running.set()  # a paused worker must wake up to notice the cancel

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def wait_if_paused(self, poll_s: float = 0.1) -> None:
        """Block while paused; returns at once when running or cancelled."""
        while not self._running.wait(poll_s):
            if self.cancelled:
                return
