"""The poll loop of ``health.wait_ready`` and ``backups.wait``: the pauses between polls, the
time each poll may take, what a wait that runs out says.

Time is a fake clock that the loop reads and sleeps on: a poll "takes" what the fake peer
adds to it, and nothing really sleeps.
"""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from hivemq_rest import APIConnectionError, BackupState, HealthStatus, WaitTimeoutError
from hivemq_rest._async_resources import _polling as async_polling
from hivemq_rest._deadline import remaining
from hivemq_rest._sync_resources import _polling as sync_polling

from tests.overlay.fake_api import FakeAPI
from tests.overlay.resources.clients import FAKE_KINDS, ONCE, run_fake

_START = 1000.0  # the fake clock's first reading

_DOWN = httpx.Response(503, json={"status": "DOWN"})
_UP = httpx.Response(200, json={"status": "UP"})
_NO_ANSWER = httpx.ConnectError("connection refused")


def _backup(state: str) -> httpx.Response:
    return httpx.Response(
        200, json={"backup": {"id": "b", "createdAt": "2026-01-01T00:00:00Z", "state": state}}
    )


class _Clock:
    """A monotonic clock that moves only when slept on or when a poll takes time."""

    def __init__(self) -> None:
        self.now = _START
        self.pauses: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.pauses.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> _Clock:
    fake = _Clock()
    for module, sleep in ((sync_polling, fake.sleep), (async_polling, fake.async_sleep)):
        monkeypatch.setattr(module, "monotonic", fake.monotonic)
        monkeypatch.setattr(module, "sleep", sleep)
    return fake


class _Peer:
    """Answers polls in order (the last one again and again); each poll takes ``takes`` s.

    Records, for each poll, the most its attempt may still take as it is sent.
    """

    def __init__(self, clock: _Clock, *answers: httpx.Response | Exception, takes: float = 0.0):
        self.clock = clock
        self.answers = answers
        self.takes = takes
        self.bounds: list[float | None] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.bounds.append(remaining(None))
        answer = self.answers[min(len(self.bounds), len(self.answers)) - 1]
        self.clock.now += self.takes
        if isinstance(answer, Exception):
            raise answer
        return httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)

    def fake(self) -> FakeAPI:
        return FakeAPI(self)


def _wait_ready(kind: str, peer: _Peer, **arguments: Any) -> Any:
    return run_fake(kind, peer.fake(), lambda h: h.health.wait_ready(**arguments), timeout=1000)


def _wait(kind: str, peer: _Peer, **arguments: Any) -> Any:
    """``backups.wait``; a poll is sent once, so that a lost connection reaches the wait."""
    action = lambda h: h.backups.wait("b", **arguments)  # noqa: E731
    return run_fake(kind, peer.fake(), action, timeout=1000, retry=ONCE)


def _bounded_by(bounds: list[float | None], lefts: list[float]) -> bool:
    """Whether each poll got at most the time left, and not much less (real time passes)."""
    return len(bounds) == len(lefts) and all(
        bound is not None and left - 1.0 < bound <= left
        for bound, left in zip(bounds, lefts, strict=True)
    )


@pytest.mark.parametrize("kind", FAKE_KINDS)
def test_health_pauses_double_up_to_2s_and_the_last_is_cut_to_the_time_left(
    kind: str, clock: _Clock
) -> None:
    with pytest.raises(WaitTimeoutError) as caught:
        _wait_ready(kind, _Peer(clock, _DOWN), timeout=10, poll_interval=0.25)
    assert clock.pauses == [0.25, 0.5, 1.0, 2.0, 2.0, 2.0, 2.0, 0.25]
    assert clock.now == _START + 10
    assert str(caught.value) == "readiness is not ready after 10 s: DOWN (HTTP 503)"


@pytest.mark.parametrize("kind", FAKE_KINDS)
def test_health_polls_at_most_every_2s_even_from_a_longer_interval(
    kind: str, clock: _Clock
) -> None:
    peer = _Peer(clock, _DOWN, _DOWN, _UP)
    health = _wait_ready(kind, peer, timeout=60, poll_interval=5, probe="liveness")
    assert (health.status, clock.pauses) == (HealthStatus.UP, [2.0, 2.0])
    assert len(peer.bounds) == 3


@pytest.mark.parametrize("kind", FAKE_KINDS)
def test_each_health_poll_gets_the_time_left(kind: str, clock: _Clock) -> None:
    peer = _Peer(clock, _DOWN, takes=3.0)
    with pytest.raises(WaitTimeoutError, match="after 10 s: DOWN"):
        _wait_ready(kind, peer, timeout=10, poll_interval=1)
    # t=0 poll (to 3), pause 1; t=4 poll (to 7), pause 2; t=9 poll with 1 s left (to 12).
    assert clock.pauses == [1.0, 2.0]
    assert _bounded_by(peer.bounds, [10.0, 6.0, 1.0])


@pytest.mark.parametrize("kind", FAKE_KINDS)
def test_a_health_wait_names_no_answer_only_when_nothing_answered(kind: str, clock: _Clock) -> None:
    with pytest.raises(WaitTimeoutError) as caught:
        _wait_ready(kind, _Peer(clock, _NO_ANSWER, takes=1.0), timeout=3, poll_interval=1)
    assert str(caught.value).startswith("readiness is not ready after 3 s: no answer (")
    with pytest.raises(WaitTimeoutError) as caught:
        _wait_ready(kind, _Peer(clock, _DOWN, _NO_ANSWER, takes=1.0), timeout=3, poll_interval=1)
    assert str(caught.value) == "readiness is not ready after 3 s: DOWN (HTTP 503)"


@pytest.mark.parametrize("kind", FAKE_KINDS)
def test_backup_pauses_double_up_to_10s_and_the_last_is_cut_to_the_time_left(
    kind: str, clock: _Clock
) -> None:
    with pytest.raises(WaitTimeoutError) as caught:
        _wait(kind, _Peer(clock, _backup("IN_PROGRESS")), timeout=40, poll_interval=1)
    assert clock.pauses == [1.0, 2.0, 4.0, 8.0, 10.0, 10.0, 5.0]
    assert str(caught.value) == "backup 'b' is still IN_PROGRESS after 40 s"


@pytest.mark.parametrize("kind", FAKE_KINDS)
def test_a_backup_wait_keeps_a_first_interval_above_10s(kind: str, clock: _Clock) -> None:
    peer = _Peer(clock, _backup("IN_PROGRESS"), _backup("IN_PROGRESS"), _backup("COMPLETED"))
    backup = _wait(kind, peer, timeout=100, poll_interval=30)
    assert (backup.state, clock.pauses) == (BackupState.COMPLETED, [30.0, 10.0])


@pytest.mark.parametrize("kind", FAKE_KINDS)
def test_each_backup_poll_gets_the_time_left(kind: str, clock: _Clock) -> None:
    peer = _Peer(clock, _backup("IN_PROGRESS"), takes=3.0)
    with pytest.raises(WaitTimeoutError, match="still IN_PROGRESS after 10 s"):
        _wait(kind, peer, timeout=10, poll_interval=1)
    assert clock.pauses == [1.0, 2.0]
    assert _bounded_by(peer.bounds, [10.0, 6.0, 1.0])


@pytest.mark.parametrize("kind", FAKE_KINDS)
def test_a_backup_poll_unanswered_ends_the_wait_only_past_its_deadline(
    kind: str, clock: _Clock
) -> None:
    # Within the deadline a lost connection is raised as it is: waiting does not mend it.
    peer = _Peer(clock, _backup("IN_PROGRESS"), _NO_ANSWER, takes=1.0)
    with pytest.raises(APIConnectionError) as lost:
        _wait(kind, peer, timeout=10, poll_interval=1)
    assert not isinstance(lost.value, WaitTimeoutError)
    # Past it, it is the wait's end, naming the last state answered ...
    peer = _Peer(clock, _backup("IN_PROGRESS"), _NO_ANSWER, takes=3.0)
    with pytest.raises(WaitTimeoutError) as caught:
        _wait(kind, peer, timeout=5, poll_interval=1)
    assert str(caught.value) == "backup 'b' is still IN_PROGRESS after 5 s"
    assert isinstance(caught.value.__cause__, APIConnectionError)
    # ... or that none was.
    with pytest.raises(WaitTimeoutError) as caught:
        _wait(kind, _Peer(clock, _NO_ANSWER, takes=5.0), timeout=4, poll_interval=1)
    assert str(caught.value) == "backup 'b': no poll was answered within 4 s"


@pytest.mark.parametrize("kind", FAKE_KINDS)
@pytest.mark.parametrize("argument", ["timeout", "poll_interval"])
@pytest.mark.parametrize("bad", [0, -1.5, float("nan"), "5", True, None])
def test_both_waits_refuse_a_bad_number_of_seconds_before_sending(
    kind: str, argument: str, bad: Any
) -> None:
    message = f"^{re.escape(f'{argument} must be a number of seconds above 0, not {bad!r}')}$"
    for wait in (_wait_ready, _wait):
        peer = _Peer(_Clock(), _UP)
        with pytest.raises(ValueError, match=message):
            wait(kind, peer, **{argument: bad})
        assert peer.bounds == []
