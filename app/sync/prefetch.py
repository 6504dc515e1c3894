"""Reading a pull's tables from the team server in a thread, one after another in the pull's one snapshot, while
the caller writes the tables already read into the file: the server builds and sends the next table while
SQLite writes the previous one (most of their time is spent outside Python's lock), so a big join costs
little more than its slower half."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable


class Prefetch:
    """``get(key)`` waits for ``fetch(key)``, which a thread runs for every key in order, all inside one
    ``around()`` (the server transaction, which thus ends as soon as the last table is read). Use as a context
    manager: leaving it stops the thread after its current query and waits for it, so the server connection
    is free again (and its transaction can end) when the block is left, whatever happened inside."""

    def __init__(self, fetch: Callable[[object], list], keys: Iterable,
                 around: Callable[[], contextlib.AbstractContextManager] = contextlib.nullcontext) -> None:
        self._fetch = fetch
        self._around = around
        self._keys = list(keys)
        self._results: dict = {}
        self._error: BaseException | None = None
        self._stop = False
        self._ready = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="stakemap-pull-fetch", daemon=True)

    def _run(self) -> None:
        try:
            with self._around():
                for key in self._keys:
                    if self._stop:
                        return
                    rows = self._fetch(key)
                    with self._ready:
                        self._results[key] = rows
                        self._ready.notify_all()
        except BaseException as exc:  # handed to the caller's thread, which raises it
            with self._ready:
                self._error = exc
                self._ready.notify_all()

    def get(self, key) -> list:
        with self._ready:
            self._ready.wait_for(lambda: key in self._results or self._error is not None)
            if key in self._results:
                return self._results.pop(key)
            raise self._error

    def __enter__(self) -> Prefetch:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop = True
        self._thread.join()
