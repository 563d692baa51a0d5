"""SIGINT, SIGTERM and SIGHUP: one way to stop an export, whichever arrives.

The first of them cancels the asyncio task run through :meth:`StopSignals.run`
(as ``asyncio.run`` does for SIGINT alone), so the export unwinds at an
``await`` and keeps its rows; outside that task, or the second time, the
handler raises :class:`Stopped` where the program is.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Coroutine, Iterator
from contextlib import contextmanager
from types import FrameType, TracebackType
from typing import Any, Final, TypeVar

T = TypeVar("T")

STOP_SIGNALS: Final = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Stopped(BaseException):
    """A signal stopped the export; the exit code is 128 + its number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        """``SIGTERM`` and so on."""
        return signal.Signals(self.signum).name


class StopSignals:
    """While entered, the stop signals raise :class:`Stopped` (or cancel :meth:`run`'s task)."""

    def __init__(self) -> None:
        self._previous: dict[int, Any] = {}
        self._received: int | None = None
        self._task: asyncio.Task[Any] | None = None

    def __enter__(self) -> StopSignals:
        for signum in STOP_SIGNALS:
            self._previous[signum] = signal.signal(signum, self._on_signal)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.restore()

    def restore(self) -> None:
        """Give the signals back their earlier handlers (again is harmless)."""
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        self._previous.clear()

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        task = self._task
        if self._received is None and task is not None and not task.done():
            self._received = signum
            task.cancel()
            task.get_loop().call_soon_threadsafe(lambda: None)  # wake the loop up
            return
        raise Stopped(signum)

    async def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        """Await ``coroutine`` in the current task, which a stop signal cancels."""
        self._task = asyncio.current_task()
        try:
            result = await coroutine
        except asyncio.CancelledError:
            if self._received is None:
                raise
            raise Stopped(self._received) from None
        finally:
            self._task = None
        if self._received is not None:  # the coroutine swallowed the cancellation
            raise Stopped(self._received)
        return result


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold the stop signals back for a step that must not be cut in two."""
    earlier = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, earlier)
