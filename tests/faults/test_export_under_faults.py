"""``hivemq-rest clients export`` while the server misbehaves: every id once, retries bounded.

The export runs in this process against an emulator served in a thread,
behind a recorder that logs every request it answers, serves the listing in
pages of 50 (whatever limit the client asks; the next link keeps 50) so a few
hundred sessions make several pages, and expires every cursor once a chosen
page has gone out. The emulator answers a share of the API requests 503 and
drops a share of the connections without an answer.

Expected: exit code 0, no traceback, every session's id in the CSV exactly
once, the listing walked again from the top after the expiry, and no request
tried more often than the retry policy allows. Each property needs only a
few pages and a few hundred requests; the export of 50,000 sessions under the
same faults is a benchmark (``python -m benchmarks --only faults``).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hivemq_rest import RetryPolicy
from hivemq_rest._constants import MAX_PAGE_SIZE, MIN_PAGE_SIZE
from hivemq_rest_emulator import EmulatorHandle, EmulatorServer, create_app
from hivemq_rest_generated.operations import GET_ALL_MQTT_CLIENTS
from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tests.examples import examples
from tests.overlay.cli.cli_run import run

LIST = GET_ALL_MQTT_CLIENTS.path
SERVED_PAGE = MIN_PAGE_SIZE
# retryAfter 0 keeps hundreds of 503s from costing seconds of waiting.
STEADY_FAULTS: dict[str, Any] = {
    "unavailable_ratio": 0.2,
    "retry_after": 0,
    "drop_connection_ratio": 0.05,
}
# With at most 30 % of requests failing, 12 tries leave about one chance in
# 2,000,000 that a given request fails for good; the CLI's default of 10
# would leave one in 170,000 for each of a few thousand requests a run.
POLICY = RetryPolicy(max_attempts=12)

# hivemq_rest WARNING GET /api/v1/mqtt/clients/x: HTTP 503; attempt 2 of 4 in 0.00s
_RETRY = re.compile(
    r"^hivemq_rest WARNING (?P<method>[A-Z]+) (?P<path>\S+): (?P<why>.+); "
    r"attempt (?P<attempt>\d+) of (?P<of>\d+) in (?P<wait>[0-9.]+)s$",
    re.MULTILINE,
)


@dataclass(frozen=True)
class Access:
    """One API request the server answered (a dropped connection has status 0)."""

    path: str
    query: str
    status: int


@dataclass
class Recorder:
    """ASGI middleware in front of the emulator: records, pages by 50, expires cursors once.

    ``expire_after``: after that many listing pages answered 200, every cursor
    expires (the next page answers 410). ``retry_after_once``: the first
    details request is answered 503 with ``Retry-After: 1``.
    """

    app: ASGIApp
    handle: EmulatorHandle | None = None
    accesses: list[Access] = field(default_factory=list)
    expire_after: int | None = None
    retry_after_once: bool = False
    expired_after: int | None = None

    def reset(self, expire_after: int | None, retry_after_once: bool = False) -> None:
        """A new run: no accesses, the given expiry and Retry-After window."""
        self.accesses.clear()
        self.expire_after, self.retry_after_once = expire_after, retry_after_once
        self.expired_after = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/_emulator"):
            await self.app(scope, receive, send)
            return
        path, query = scope["path"], scope["query_string"].decode("ascii")
        if path == LIST:  # pages of 50, whatever the client asked for
            served = re.sub(r"limit=\d+", f"limit={SERVED_PAGE}", query)
            scope = {**scope, "query_string": served.encode("ascii")}
        elif self.retry_after_once:
            self.retry_after_once = False
            await _answer_503(send, retry_after=1)
            self.accesses.append(Access(path, query, 503))
            return
        status = 0

        async def recording(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, recording)
        finally:
            self.accesses.append(Access(path, query, status))
        pages = sum(1 for a in self.accesses if a.path == LIST and a.status == 200)
        if path == LIST and status == 200 and pages == self.expire_after:
            assert self.handle is not None
            self.handle.expire_cursors()
            self.expired_after = pages


async def _answer_503(send: Send, retry_after: int) -> None:
    body = b'{"errors": [{"title": "Service Unavailable"}]}'
    headers = [
        (b"content-type", b"application/json"),
        (b"retry-after", str(retry_after).encode()),
        (b"content-length", str(len(body)).encode()),
    ]
    await send({"type": "http.response.start", "status": 503, "headers": headers})
    await send({"type": "http.response.body", "body": body})


@pytest.fixture(scope="module")
def recorded() -> Iterator[tuple[EmulatorHandle, Recorder]]:
    """An emulator behind a :class:`Recorder`, for this module's tests."""
    app = create_app()
    recorder = Recorder(app)
    with EmulatorServer(recorder) as server:
        recorder.handle = EmulatorHandle(app, server.base_url)
        yield recorder.handle, recorder


def _exported_ids(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as rows:
        reader = csv.reader(rows)
        column = next(reader).index("clientId")
        return [row[column] for row in reader]


def _export(url: str, output: Path) -> tuple[int, str]:
    result = run(
        "clients", "export", "--format", "csv", "--output", str(output),
        "--max-attempts", str(POLICY.max_attempts), "--url", url, "--debug",
    )  # fmt: skip
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == 0, result.stderr[-3000:]
    return result.returncode, result.stderr


def _check_every_id_once_and_bounded(
    handle: EmulatorHandle, recorder: Recorder, output: Path, stderr: str
) -> list[dict[str, str]]:
    """Every session exactly once; retries within the policy, as both ends saw them."""
    exported = _exported_ids(output)
    assert [i for i, n in Counter(exported).items() if n > 1] == []
    assert sorted(exported) == sorted(handle.store.ids())

    listing = [a for a in recorder.accesses if a.path == LIST]
    expired = [n for n, access in enumerate(listing) if access.status == 410]
    pages = max(1, -(-len(exported) // SERVED_PAGE))
    if recorder.expired_after is not None and recorder.expired_after < pages:
        assert len(expired) == 1  # then the walk starts again from the top
        assert listing[expired[0] + 1].query == f"limit={MAX_PAGE_SIZE}"
    else:  # no expiry, or after the last page: no cursor left to expire
        assert expired == []

    retries = [match.groupdict() for match in _RETRY.finditer(stderr)]
    assert all(int(retry["of"]) == POLICY.max_attempts for retry in retries)
    assert all(int(retry["attempt"]) <= POLICY.max_attempts for retry in retries)
    assert all(float(retry["wait"]) <= POLICY.retry_after_cap for retry in retries)
    per_request = Counter(
        (retry["method"], retry["path"])
        for retry in retries
        if not retry["path"].startswith(f"{LIST}?")  # a listing's first page comes back on restart
    )
    assert max(per_request.values(), default=0) <= POLICY.max_attempts - 1
    details = Counter(a.path for a in recorder.accesses if a.path != LIST)
    assert len(details) == len(exported)
    assert max(details.values(), default=0) <= POLICY.max_attempts
    return retries


def test_export_under_faults_has_every_id_once(
    recorded: tuple[EmulatorHandle, Recorder], tmp_path: Path
) -> None:
    handle, recorder = recorded
    handle.reset()
    handle.seed(230, seed=7)  # five pages of 50, the last one short
    handle.set_faults(**STEADY_FAULTS, seed=1)
    recorder.reset(expire_after=2, retry_after_once=True)
    output = tmp_path / "clients.csv"

    _, stderr = _export(handle.base_url, output)

    retries = _check_every_id_once_and_bounded(handle, recorder, output, stderr)
    # The faults did happen: 503s, dropped connections, a Retry-After, one expiry.
    assert recorder.expired_after == 2
    answered = [a for a in recorder.accesses if a.status]
    assert sum(1 for a in answered if a.status == 503) > 0.1 * len(answered)
    # Dropped, yet every id came once. Not every drop reaches our retry log:
    # aiohttp itself resends a GET once when a reused keep-alive connection
    # closes unanswered, so which drops we see depends on the pool's timing.
    assert any(a.status == 0 for a in recorder.accesses)
    said_503 = [r for r in retries if r["why"] == "HTTP 503"]
    answered_503 = [a for a in recorder.accesses if a.status == 503][:3]
    assert any(float(r["wait"]) == 1.0 for r in said_503), (said_503, answered_503, stderr[-3000:])


@settings(max_examples=examples(12), deadline=None)
@given(
    sessions=st.integers(0, 180),
    unavailable=st.floats(0, 0.25),
    dropped=st.floats(0, 0.05),
    seed=st.integers(0, 2**32),
    expire_after=st.none() | st.integers(1, 4),
)
def test_any_faults_and_any_expiry_keep_every_id_once(
    recorded: tuple[EmulatorHandle, Recorder],
    tmp_path_factory: pytest.TempPathFactory,
    sessions: int,
    unavailable: float,
    dropped: float,
    seed: int,
    expire_after: int | None,
) -> None:
    handle, recorder = recorded
    handle.reset()
    handle.seed(sessions, seed=seed)
    handle.set_faults(
        unavailable_ratio=unavailable, retry_after=0, drop_connection_ratio=dropped, seed=seed
    )
    recorder.reset(expire_after)
    output = tmp_path_factory.mktemp("export") / "clients.csv"

    _, stderr = _export(handle.base_url, output)

    _check_every_id_once_and_bounded(handle, recorder, output, stderr)
    pages = max(1, -(-sessions // SERVED_PAGE))
    assert recorder.expired_after == (
        expire_after if (expire_after or pages + 1) <= pages else None
    )
