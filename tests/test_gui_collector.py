"""Cycles are collected on the GUI thread, by the timer, and never by the interpreter in a worker."""

from __future__ import annotations

import gc
import threading
import weakref


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cycle collector frees it


def test_cycles_are_collected_by_the_timer_and_not_in_a_worker(qtbot):
    from app.ui.main.gui_collector import INTERVAL_MS, GuiThreadCollector

    gc.enable()
    collector = GuiThreadCollector()
    assert not gc.isenabled()
    garbage = weakref.ref(Node())

    def allocate_a_lot() -> None:
        # Far beyond the threshold that would make the interpreter collect, here in this thread.
        [Node() for _ in range(50_000)]

    worker = threading.Thread(target=allocate_a_lot)
    worker.start()
    worker.join()
    assert garbage() is not None, "nothing was collected in the worker"
    qtbot.waitUntil(lambda: garbage() is None, timeout=INTERVAL_MS * 6)
    collector.stop()
    assert gc.isenabled()
