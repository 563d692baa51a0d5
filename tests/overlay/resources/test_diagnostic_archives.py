"""hivemq.diagnostic_archives: create one."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from hivemq_rest import APIConnectionError, DiagnosticArchiveState, UnexpectedResponseError

from tests.overlay.fake_api import FakeAPI
from tests.overlay.local_server import local_server

from .clients import FAKE_KINDS, KINDS, NO_WAIT, run, run_fake

PATH = "/api/v1/management/diagnostic-archives"


@pytest.mark.parametrize("kind", FAKE_KINDS)
def test_create_posts_and_parses_the_archive(kind: str) -> None:
    body = {"diagnosticArchive": {"id": "d1", "state": "IN_PROGRESS", "bytes": None, "x": 1}}
    fake = FakeAPI(httpx.Response(200, json=body))
    archive = run_fake(kind, fake, lambda h: h.diagnostic_archives.create())
    [request] = fake.requests
    assert (request.method, fake.paths(), request.content) == ("POST", [PATH], b"")
    assert archive.state is DiagnosticArchiveState.IN_PROGRESS
    assert archive.to_dict() == body["diagnosticArchive"]


@pytest.mark.parametrize("kind", FAKE_KINDS)
def test_partial_archives_and_unknown_states_survive(kind: str) -> None:
    fake = FakeAPI(httpx.Response(200, json={"diagnosticArchive": {"id": "d", "state": "QUEUED"}}))
    archive = run_fake(kind, fake, lambda h: h.diagnostic_archives.create())
    assert archive.state == "QUEUED"
    assert not archive.state.is_known


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"diagnosticArchive": {"id": "d", "bytes": "1"}},
        {"diagnosticArchive": {"id": 1}},
        {"diagnosticArchive": {"state": "COMPLETED"}},  # no id
        [],
        "x",
    ],
)
def test_a_malformed_archive_is_an_unexpected_response(body: Any) -> None:
    fake = FakeAPI(httpx.Response(200, json=body))
    with pytest.raises(UnexpectedResponseError):
        run_fake("sync", fake, lambda h: h.diagnostic_archives.create())


def _drop(method: str, target: str, headers: dict[str, str]) -> None:
    return None  # read the request, then drop the connection without a word


@pytest.mark.parametrize("kind", KINDS)
def test_create_is_never_sent_twice(kind: str) -> None:
    with local_server(_drop) as server:
        with pytest.raises(APIConnectionError):
            run(kind, server.base_url, lambda h: h.diagnostic_archives.create(), retry=NO_WAIT)
        assert [(m, t) for m, t, _ in server.seen] == [("POST", PATH)]
