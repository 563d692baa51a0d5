"""An asyncio event loop in a background thread, and bounded calls into it from other threads."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

_T = TypeVar("_T")

DEFAULT_TIMEOUT = 10.0
"""Seconds a call into the loop may take before :class:`TimeoutError`."""


class LoopThread:
    """An event loop running in a daemon thread until :meth:`stop`.

    Other threads hand it work with :meth:`run` (a coroutine) or :meth:`call`
    (a plain function, run between two steps of the loop, so it sees the
    loop's objects in a consistent state). Both wait at most ``timeout``
    seconds. Calling either from the loop's own thread would wait for itself,
    so it raises ``RuntimeError`` instead.
    """

    def __init__(self, name: str) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()

    def run(self, coroutine: Coroutine[Any, Any, _T], timeout: float = DEFAULT_TIMEOUT) -> _T:
        """Run ``coroutine`` on the loop; its result, or ``TimeoutError`` after ``timeout``."""
        if threading.current_thread() is self._thread:
            coroutine.close()
            raise RuntimeError("LoopThread.run() called from the loop's own thread")
        future = asyncio.run_coroutine_threadsafe(coroutine, self.loop)
        try:
            return future.result(timeout)
        except TimeoutError:
            future.cancel()
            raise

    def call(self, function: Callable[[], _T], timeout: float = DEFAULT_TIMEOUT) -> _T:
        """Call ``function()`` on the loop's thread and return its result."""

        async def wrapper() -> _T:
            return function()

        return self.run(wrapper(), timeout)

    @property
    def running(self) -> bool:
        """Whether the loop's thread is alive."""
        return self._thread.is_alive()

    def stop(self, timeout: float = DEFAULT_TIMEOUT) -> None:
        """Cancel what is left on the loop, stop it and wait for the thread (bounded)."""
        if not self._thread.is_alive():
            return

        async def cancel_rest() -> None:
            current = asyncio.current_task()
            tasks = [task for task in asyncio.all_tasks() if task is not current]
            for task in tasks:
                task.cancel()
            if tasks:
                await asyncio.wait(tasks, timeout=timeout)

        with contextlib.suppress(TimeoutError, RuntimeError):
            self.run(cancel_rest(), timeout)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout)
        if not self._thread.is_alive():
            self.loop.close()
