from __future__ import annotations

import re
from typing import Any

import pytest
from hivemq_rest_emulator.core import Clock
from hivemq_rest_emulator.services.diagnostic_archives import DiagnosticArchivesService
from hivemq_rest_generated.operations import CREATE_DIAGNOSTIC_ARCHIVE

from ..helpers import START, SpecResponses, call, document


def _create(service: DiagnosticArchivesService) -> dict[str, Any]:
    archive: dict[str, Any] = document(call(service, CREATE_DIAGNOSTIC_ARCHIVE))[
        "diagnosticArchive"
    ]
    return archive


def test_create_answers_200_with_an_archive_in_progress() -> None:
    service = DiagnosticArchivesService(Clock(lambda: START))
    assert set(service.handlers()) == {CREATE_DIAGNOSTIC_ARCHIVE.operation_id}
    response = call(service, CREATE_DIAGNOSTIC_ARCHIVE)
    assert response.status_code == 200
    archive = document(response)["diagnosticArchive"]
    assert archive == {
        "id": "20260301-1200000",
        "createdAt": "2026-03-01T12:00:00.000Z",
        "state": "IN_PROGRESS",
        "bytes": None,
        "failReason": None,
    }
    assert re.fullmatch(r"\d{8}-\d{7}", archive["id"])


def test_one_at_a_time_by_the_clock() -> None:
    clock = Clock(lambda: START)
    service = DiagnosticArchivesService(clock, archive_seconds=5)
    first = _create(service)
    clock.advance(4.9)
    second = _create(service)
    assert second["state"] == "FAILED"
    assert second["failReason"]
    assert second["id"] != first["id"]
    clock.advance(0.1)
    assert _create(service)["state"] == "IN_PROGRESS"


def test_reset_ends_the_running_archive() -> None:
    service = DiagnosticArchivesService(Clock(lambda: START))
    _create(service)
    service.reset()
    assert _create(service)["state"] == "IN_PROGRESS"


@pytest.mark.parametrize(
    ("seconds", "error"), [(-1, ValueError), (1e12, ValueError), ("1", TypeError)]
)
def test_archive_seconds_are_checked(seconds: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        DiagnosticArchivesService(Clock(lambda: START), archive_seconds=seconds)


def test_every_answer_matches_the_spec(spec: dict[str, Any]) -> None:
    responses = SpecResponses(spec)
    service = DiagnosticArchivesService(Clock(lambda: START))
    for _ in range(2):  # in progress, then failed
        answer = call(service, CREATE_DIAGNOSTIC_ARCHIVE)
        responses.check(CREATE_DIAGNOSTIC_ARCHIVE, 200, document(answer))
