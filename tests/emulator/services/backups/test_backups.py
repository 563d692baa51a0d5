from __future__ import annotations

import hashlib
import re
from typing import Any

import httpx
import pytest
from hivemq_rest_emulator import create_app
from hivemq_rest_emulator.core import Clock
from hivemq_rest_emulator.core.server import EmulatorServer
from hivemq_rest_emulator.services import default_services
from hivemq_rest_emulator.services.backups import BackupsService
from hivemq_rest_emulator.services.backups.handlers import MAX_BACKUP_BYTES
from hivemq_rest_generated.operations import (
    CREATE_BACKUP,
    DOWNLOAD_BACKUP_FILE,
    GET_ALL_BACKUPS,
    GET_BACKUP,
    RESTORE_BACKUP,
)

from ..helpers import START, SpecMismatch, SpecResponses, call, chunks, document, refused

MiB = 1024 * 1024


def _service(**options: Any) -> tuple[Clock, BackupsService]:
    clock = Clock(lambda: START)
    return clock, BackupsService(clock, **options)


def _create(service: BackupsService) -> dict[str, Any]:
    backup: dict[str, Any] = document(call(service, CREATE_BACKUP))["backup"]
    return backup


def _get(service: BackupsService, backup_id: str) -> dict[str, Any]:
    backup: dict[str, Any] = document(call(service, GET_BACKUP, {"backupId": backup_id}))["backup"]
    return backup


def _download(service: BackupsService, backup_id: str) -> bytes:
    return b"".join(chunks(call(service, DOWNLOAD_BACKUP_FILE, {"backupId": backup_id})))


def test_service_answers_the_five_backup_operations() -> None:
    _, service = _service()
    ids = {CREATE_BACKUP, DOWNLOAD_BACKUP_FILE, GET_ALL_BACKUPS, GET_BACKUP, RESTORE_BACKUP}
    assert set(service.handlers()) == {operation.operation_id for operation in ids}


def test_a_backup_completes_after_backup_seconds_of_emulator_time() -> None:
    clock, service = _service(backup_seconds=5, backup_bytes=1000)
    created = _create(service)
    assert created["state"] == "IN_PROGRESS"
    assert created["bytes"] is None
    assert created["createdAt"] == "2026-03-01T12:00:00.000Z"
    clock.advance(4.9)
    assert _get(service, created["id"])["state"] == "IN_PROGRESS"
    clock.advance(0.1)
    done = _get(service, created["id"])
    assert done == {**created, "state": "COMPLETED", "bytes": 1000}


def test_ids_look_like_the_brokers_and_never_collide() -> None:
    clock, service = _service(backup_seconds=0)
    first, second = _create(service), _create(service)
    assert first["id"] == "20260301-1200000"
    assert second["id"] == "20260301-1200001"
    clock.advance(3600)
    assert _create(service)["id"] == "20260301-1300000"
    assert all(re.fullmatch(r"\d{8}-\d{7}", item["id"]) for item in _list(service))


def _list(service: BackupsService) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = document(call(service, GET_ALL_BACKUPS))["items"]
    return items


def test_a_second_backup_while_one_runs_fails_with_a_reason_and_vanishes_after_an_hour() -> None:
    clock, service = _service(backup_seconds=2)
    running = _create(service)
    failed = _create(service)
    assert failed["state"] == "FAILED"
    assert failed["failReason"]
    assert failed["bytes"] is None
    clock.advance(2)
    assert [item["state"] for item in _list(service)] == ["COMPLETED", "FAILED"]
    clock.advance(3600 - 2 - 0.1)
    assert _get(service, failed["id"])["state"] == "FAILED"
    clock.advance(0.1)
    assert [item["id"] for item in _list(service)] == [running["id"]]
    assert refused(service, GET_BACKUP, {"backupId": failed["id"]}).status == 404
    # Once the first is done, a new backup runs normally.
    assert _create(service)["state"] == "IN_PROGRESS"


def test_restore_moves_through_restore_in_progress_to_restore_completed() -> None:
    clock, service = _service(backup_seconds=3, backup_bytes=10)
    backup_id = _create(service)["id"]
    clock.advance(3)
    restoring = document(call(service, RESTORE_BACKUP, {"backupId": backup_id}))["backup"]
    assert restoring["state"] == "RESTORE_IN_PROGRESS"
    assert restoring["bytes"] == 10
    # While the restore runs, no backup can: it fails.
    assert _create(service)["state"] == "FAILED"
    clock.advance(3)
    assert _get(service, backup_id)["state"] == "RESTORE_COMPLETED"
    # A restored backup can be restored again.
    again = document(call(service, RESTORE_BACKUP, {"backupId": backup_id}))["backup"]
    assert again["state"] == "RESTORE_IN_PROGRESS"


def test_restore_refuses_unfinished_failed_busy_and_unknown_backups() -> None:
    clock, service = _service(backup_seconds=2)
    first = _create(service)["id"]
    failed = _create(service)["id"]
    for backup_id in (first, failed):
        error = refused(service, RESTORE_BACKUP, {"backupId": backup_id})
        assert (error.status, error.title) == (400, "Restore not possible")
    clock.advance(2)
    second = _create(service)["id"]
    error = refused(service, RESTORE_BACKUP, {"backupId": first})
    assert error.status == 400
    assert "already in progress" in error.detail
    assert _get(service, second)["state"] == "IN_PROGRESS"
    assert refused(service, RESTORE_BACKUP, {"backupId": "nope"}).status == 404


@pytest.mark.parametrize("operation", [GET_BACKUP, RESTORE_BACKUP, DOWNLOAD_BACKUP_FILE])
def test_unknown_and_empty_ids(operation: Any) -> None:
    _, service = _service()
    unknown = refused(service, operation, {"backupId": "20200101-0000000"})
    assert (unknown.status, unknown.title) == (404, "Resource not found")
    assert refused(service, operation, {"backupId": ""}).status == 400


def test_a_hostile_id_is_echoed_bounded_and_printable() -> None:
    _, service = _service()
    error = refused(service, GET_BACKUP, {"backupId": "\x1b[31m" + "x" * 10_000})
    assert "\x1b" not in error.detail
    assert len(error.detail) < 300


def test_download_only_once_the_file_exists() -> None:
    clock, service = _service(backup_seconds=2, backup_bytes=100)
    backup_id = _create(service)["id"]
    failed_id = _create(service)["id"]
    for which in (backup_id, failed_id):
        error = refused(service, DOWNLOAD_BACKUP_FILE, {"backupId": which})
        assert (error.status, error.title) == (400, "Backup file not available")
    clock.advance(2)
    completed = _download(service, backup_id)
    call(service, RESTORE_BACKUP, {"backupId": backup_id})
    during_restore = _download(service, backup_id)
    clock.advance(2)
    after_restore = _download(service, backup_id)
    assert len(completed) == 100
    assert completed == during_restore == after_restore


def test_the_file_is_deterministic_per_backup_id_and_matches_bytes() -> None:
    def file_of_first_backup(size: int) -> tuple[dict[str, Any], bytes, str]:
        clock, service = _service(backup_seconds=0, backup_bytes=size)
        first = _create(service)
        clock.advance(0.1)
        other = _create(service)
        response = call(service, DOWNLOAD_BACKUP_FILE, {"backupId": first["id"]})
        assert response.headers["content-length"] == str(size)
        assert response.media_type == "application/octet-stream"
        body = b"".join(chunks(response))
        assert _download(service, other["id"]) != body
        return _get(service, first["id"]), body, first["id"]

    first, body, _ = file_of_first_backup(300_000)
    _, again, _ = file_of_first_backup(300_000)
    assert body == again
    assert first["bytes"] == len(body) == 300_000
    # Not a repeated pattern: a digest of the file differs from a digest of zeros.
    assert hashlib.sha256(body).digest() != hashlib.sha256(bytes(300_000)).digest()


@pytest.mark.parametrize("size", [0, 1, 256 * 1024, 256 * 1024 + 1])
def test_sizes_at_chunk_boundaries(size: int) -> None:
    _, service = _service(backup_seconds=0, backup_bytes=size)
    backup_id = _create(service)["id"]
    assert len(_download(service, backup_id)) == size
    assert _get(service, backup_id)["bytes"] == size


def test_a_64_mib_download_streams_in_bounded_chunks() -> None:
    _, service = _service(backup_seconds=0, backup_bytes=64 * MiB)
    backup_id = _create(service)["id"]
    response = call(service, DOWNLOAD_BACKUP_FILE, {"backupId": backup_id})
    total = 0
    digest = hashlib.sha256()
    for part in chunks(response):
        assert 0 < len(part) <= MiB
        total += len(part)
        digest.update(part)
    assert total == 64 * MiB == int(response.headers["content-length"])
    assert _get(service, backup_id)["bytes"] == total


def test_a_file_of_several_gib_is_announced_without_being_made() -> None:
    # Creating the answer must not produce the body: only iterating does.
    _, service = _service(backup_seconds=0, backup_bytes=8 * 1024 * MiB)
    backup_id = _create(service)["id"]
    response = call(service, DOWNLOAD_BACKUP_FILE, {"backupId": backup_id})
    assert response.headers["content-length"] == str(8 * 1024 * MiB)
    assert _get(service, backup_id)["bytes"] == 8 * 1024 * MiB


def test_the_largest_file_accepted_is_served_over_http() -> None:
    clock = Clock()
    services = default_services(clock, backup_seconds=0, backup_bytes=MAX_BACKUP_BYTES)
    with (
        EmulatorServer(create_app(clock=clock, services=services)) as server,
        httpx.Client(base_url=server.base_url, timeout=10) as http,
    ):
        backup_id = http.post(CREATE_BACKUP.path).json()["backup"]["id"]
        path = DOWNLOAD_BACKUP_FILE.path.replace("{backupId}", backup_id)
        with http.stream("GET", path) as response:
            assert response.status_code == 200
            assert response.headers["content-length"] == str(MAX_BACKUP_BYTES)
            assert len(next(response.iter_raw())) > 0


def test_reset_forgets_every_backup() -> None:
    _, service = _service()
    _create(service)
    service.reset()
    assert _list(service) == []
    assert _create(service)["state"] == "IN_PROGRESS"


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"backup_seconds": -1}, ValueError),
        ({"backup_seconds": float("nan")}, ValueError),
        ({"backup_seconds": "2"}, TypeError),
        ({"backup_seconds": True}, TypeError),
        ({"backup_seconds": 1e12}, ValueError),
        ({"backup_bytes": -1}, ValueError),
        ({"backup_bytes": 1.5}, TypeError),
        ({"backup_bytes": 10**20}, ValueError),
        ({"backup_bytes": 2**63}, ValueError),
    ],
)
def test_options_are_checked(options: dict[str, Any], error: type[Exception]) -> None:
    with pytest.raises(error):
        _service(**options)


def test_every_answer_matches_the_spec(spec: dict[str, Any]) -> None:
    responses = SpecResponses(spec)
    clock, service = _service(backup_seconds=2, backup_bytes=5)
    created = call(service, CREATE_BACKUP)
    responses.check(CREATE_BACKUP, 200, document(created))
    backup_id = document(created)["backup"]["id"]
    responses.check(CREATE_BACKUP, 200, document(call(service, CREATE_BACKUP)))
    for operation in (DOWNLOAD_BACKUP_FILE, RESTORE_BACKUP):
        responses.check_error(operation, refused(service, operation, {"backupId": backup_id}))
    clock.advance(2)
    for operation in (GET_BACKUP, RESTORE_BACKUP, GET_BACKUP):
        responses.check(operation, 200, document(call(service, operation, {"backupId": backup_id})))
        responses.check_error(operation, refused(service, operation, {"backupId": "x"}))
        responses.check_error(operation, refused(service, operation, {"backupId": ""}))
    responses.check(GET_ALL_BACKUPS, 200, document(call(service, GET_ALL_BACKUPS)))
    assert len(document(call(service, GET_ALL_BACKUPS))["items"]) == 2


def test_the_spec_check_catches_a_wrong_body(spec: dict[str, Any]) -> None:
    responses = SpecResponses(spec)
    with pytest.raises(SpecMismatch):
        responses.check(GET_BACKUP, 200, {"backup": {"id": "x", "state": "DONE"}})
    with pytest.raises(SpecMismatch):
        responses.check(GET_BACKUP, 200, {"backup": {"id": "x", "size": 1}})
    with pytest.raises(SpecMismatch):
        responses.check(GET_BACKUP, 200, {"backup": {"createdAt": "yesterday"}})
