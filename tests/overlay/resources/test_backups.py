"""hivemq.backups: requests, answers, states, errors, and waiting for a backup."""

from __future__ import annotations

import io
import json
import pickle
from typing import Any

import httpx
import pytest
from hivemq_rest import (
    APIConnectionError,
    BackupFailedError,
    BackupState,
    BadRequestError,
    NotFoundError,
    ServiceUnavailableError,
    UnexpectedResponseError,
    WaitTimeoutError,
)
from hypothesis import given, settings

from tests.examples import examples
from tests.faults.test_hostile_ids import hostile_ids
from tests.overlay.fake_api import FakeAPI, problem
from tests.overlay.local_server import local_server

from .clients import FAKE_KINDS, KINDS, NO_WAIT, ONCE, Action, run, run_fake
from .hostile import FIXED_IDS, answer_any, the_segment_after

BACKUPS = "/api/v1/management/backups"


def backup(**fields: Any) -> httpx.Response:
    return httpx.Response(200, json={"backup": {"id": "20201006-1902318", **fields}})


@pytest.mark.parametrize("kind", FAKE_KINDS)
def test_list_parses_every_backup_and_keeps_unknown_states(kind: str) -> None:
    fake = FakeAPI(
        httpx.Response(
            200,
            json={
                "items": [
                    {
                        "id": "a",
                        "createdAt": "2026-11-29T10:00:00Z",
                        "state": "COMPLETED",
                        "bytes": 12,
                    },
                    {"id": "b", "state": "ARCHIVED", "extra": {"x": 1}},
                ]
            },
        )
    )
    listed = run_fake(kind, fake, lambda h: h.backups.list())
    assert [r.method for r in fake.requests] == ["GET"]
    assert fake.paths() == [BACKUPS]
    assert [b.id for b in listed[:2]] == ["a", "b"]
    assert listed[0].bytes_ == 12
    assert listed[1].state == "ARCHIVED"
    assert not listed[1].state.is_known
    assert listed[1]["extra"] == {"x": 1}
    assert listed[1].to_dict()["state"] == "ARCHIVED"


@pytest.mark.parametrize("kind", FAKE_KINDS)
def test_a_backup_without_its_id_is_malformed(kind: str) -> None:
    fake = FakeAPI(httpx.Response(200, json={"items": [{"id": "a"}, {"state": "COMPLETED"}]}))
    with pytest.raises(UnexpectedResponseError, match="do not parse"):
        run_fake(kind, fake, lambda h: h.backups.list())


@pytest.mark.parametrize("kind", FAKE_KINDS)
def test_create_posts_without_a_body(kind: str) -> None:
    fake = FakeAPI(backup(state="IN_PROGRESS", createdAt="2026-11-29T10:00:00+00:00"))
    created = run_fake(kind, fake, lambda h: h.backups.create())
    [request] = fake.requests
    assert (request.method, fake.paths()) == ("POST", [BACKUPS])
    assert request.content == b""
    assert created.state is BackupState.IN_PROGRESS
    assert created.created_at.year == 2026


@pytest.mark.parametrize("kind", FAKE_KINDS)
def test_get_and_restore_name_the_backup(kind: str) -> None:
    fake = FakeAPI(backup(state="RESTORE_IN_PROGRESS"))
    got = [
        run_fake(kind, fake, lambda h: h.backups.get("b-1")),
        run_fake(kind, fake, lambda h: h.backups.restore("b-1")),
    ]
    assert [(r.method, r.url.raw_path.decode()) for r in fake.requests] == [
        ("GET", f"{BACKUPS}/b-1"),
        ("POST", f"{BACKUPS}/b-1"),
    ]
    assert [g.state for g in got] == [BackupState.RESTORE_IN_PROGRESS] * 2


# Every status each operation documents, and the error it is.
STATUSES = [
    ("list", 503, ServiceUnavailableError),
    ("create", 503, ServiceUnavailableError),
    ("get", 400, BadRequestError),
    ("get", 404, NotFoundError),
    ("get", 503, ServiceUnavailableError),
    ("restore", 400, BadRequestError),
    ("restore", 404, NotFoundError),
    ("restore", 503, ServiceUnavailableError),
    ("download", 400, BadRequestError),
    ("download", 404, NotFoundError),
    ("download", 503, ServiceUnavailableError),
]


def _operation(name: str, tmp: Any) -> Any:
    return {
        "list": lambda h: h.backups.list(),
        "create": lambda h: h.backups.create(),
        "get": lambda h: h.backups.get("b"),
        "restore": lambda h: h.backups.restore("b"),
        "download": lambda h: h.backups.download("b", tmp / "file"),
    }[name]


@pytest.mark.parametrize("kind", FAKE_KINDS)
@pytest.mark.parametrize(("operation", "status", "error"), STATUSES)
def test_every_documented_status_is_its_typed_error(
    kind: str, operation: str, status: int, error: type[Exception], tmp_path: Any
) -> None:
    # A download asks for the backup first; that answer is fine, the file's is not.
    fake = FakeAPI(problem(status, "No", "not today"))
    if operation == "download":
        fake.script(backup(bytes=4))
    with pytest.raises(error) as caught:
        run_fake(kind, fake, _operation(operation, tmp_path), retry=ONCE)
    assert caught.value.detail == "not today"  # type: ignore[attr-defined]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kind", FAKE_KINDS)
@pytest.mark.parametrize(
    "body",
    [
        {"backup": {"id": "b", "bytes": "12"}},
        {"backup": {"id": 7}},
        {"backup": {"id": "b", "createdAt": "yesterday"}},
        {"backup": {"id": "b", "state": 3}},
        {"backup": "b"},
        {"backup": []},
        {"nothing": 1},
        [1],
    ],
)
def test_a_malformed_backup_is_an_unexpected_response(kind: str, body: Any) -> None:
    fake = FakeAPI(httpx.Response(200, json=body))
    with pytest.raises(UnexpectedResponseError):
        run_fake(kind, fake, lambda h: h.backups.get("b"))


@pytest.mark.parametrize("kind", FAKE_KINDS)
def test_wait_polls_until_completed(kind: str) -> None:
    fake = FakeAPI().script(
        backup(state="IN_PROGRESS"),
        backup(state="SOMETHING_NEWER"),
        backup(state="COMPLETED", bytes=10),
    )
    done = run_fake(kind, fake, lambda h: h.backups.wait("b", timeout=30, poll_interval=0.001))
    assert done.state is BackupState.COMPLETED
    assert fake.paths() == [f"{BACKUPS}/b"] * 3


@pytest.mark.parametrize("kind", FAKE_KINDS)
@pytest.mark.parametrize("state", ["FAILED", "RESTORE_FAILED"])
def test_wait_raises_the_fail_reason(kind: str, state: str) -> None:
    fake = FakeAPI(backup(state=state, failReason="disk full"))
    with pytest.raises(BackupFailedError) as caught:
        run_fake(kind, fake, lambda h: h.backups.wait("b", poll_interval=0.001))
    assert (caught.value.fail_reason, caught.value.state) == ("disk full", state)
    assert "disk full" in str(caught.value)


@pytest.mark.parametrize("kind", FAKE_KINDS)
def test_wait_gives_up_after_its_timeout(kind: str) -> None:
    fake = FakeAPI(backup(state="IN_PROGRESS"))
    with pytest.raises(WaitTimeoutError):
        run_fake(kind, fake, lambda h: h.backups.wait("b", timeout=0.05, poll_interval=0.01))
    # Backoff doubles: 0.01 + 0.02 + 0.04 > 0.05, so a handful of polls at most.
    assert 2 <= len(fake.requests) <= 5


@pytest.mark.parametrize("bad", [0, -1, float("nan"), "5", True])
def test_wait_refuses_bad_timeouts_before_sending(bad: Any) -> None:
    fake = FakeAPI(backup(state="COMPLETED"))
    with pytest.raises(ValueError, match="timeout"):
        run_fake("sync", fake, lambda h: h.backups.wait("b", timeout=bad))
    assert fake.requests == []


def _drop(method: str, target: str, headers: dict[str, str]) -> None:
    return None  # read the request, then drop the connection without a word


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("operation", ["create", "restore"])
def test_a_post_is_never_sent_twice(kind: str, operation: str) -> None:
    with local_server(_drop) as server:
        with pytest.raises(APIConnectionError) as caught:
            run(kind, server.base_url, _operation(operation, None), retry=NO_WAIT)
        assert [m for m, _, _ in server.seen] == ["POST"]
    assert caught.value.outcome_unknown


def _call(method: str, backup_id: str) -> Action:
    return lambda hivemq: getattr(hivemq.backups, method)(backup_id)


@pytest.mark.parametrize("kind", KINDS)
def test_fixed_hostile_ids_reach_their_backup(kind: str, tmp_path: Any) -> None:
    with local_server(answer_any) as server:
        for backup_id in FIXED_IDS:
            run(kind, server.base_url, _call("get", backup_id))
            run(kind, server.base_url, _call("restore", backup_id))
        seen = server.seen
    assert the_segment_after(seen, f"{BACKUPS}/") == [i for i in FIXED_IDS for _ in (1, 2)]


@settings(max_examples=examples(60))
@given(backup_id=hostile_ids)
def test_fuzzed_ids_reach_their_backup_and_its_file(backup_id: str) -> None:
    with local_server(answer_any) as server:
        run("sync", server.base_url, lambda h: h.backups.get(backup_id))
        run("sync", server.base_url, lambda h: h.backups.restore(backup_id))
        # A download asks for the backup (its size), then for the file.
        run("sync", server.base_url, lambda h: h.backups.download(backup_id, io.BytesIO()))
        seen = server.seen
    assert the_segment_after(seen[:3], f"{BACKUPS}/") == [backup_id] * 3
    assert the_segment_after(seen[3:], "/api/v1/management/files/backups/") == [backup_id]


def test_the_body_of_a_created_backup_is_json() -> None:
    fake = FakeAPI(backup(state="IN_PROGRESS"))
    run_fake("sync", fake, lambda h: h.backups.create())
    assert json.loads(fake.requests[0].content or b"null") is None


def test_a_backup_failure_survives_pickling() -> None:
    error = BackupFailedError("b", "FAILED", "disk full")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.backup_id, copy.state, copy.fail_reason, str(copy)) == (
        "b",
        "FAILED",
        "disk full",
        str(error),
    )
