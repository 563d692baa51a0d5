from __future__ import annotations

import io
import zipfile
from datetime import timedelta
from typing import Any

import pytest
from hivemq_rest_emulator.core import Clock
from hivemq_rest_emulator.services.trace_recordings import TraceRecordingsService
from hivemq_rest_generated.operations import (
    CREATE_TRACE_RECORDING,
    DELETE_TRACE_RECORDING,
    DOWNLOAD_TRACE_RECORDING_FILE,
    GET_ALL_TRACE_RECORDINGS,
    STOP_TRACE_RECORDING,
)
from hypothesis import given
from hypothesis import strategies as st

from ..helpers import START, SpecResponses, call, document, refused

STOP = {"traceRecording": {"state": "STOPPED"}}


def _at(seconds: float) -> str:
    return (START + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _recording(**changes: Any) -> dict[str, Any]:
    recording: dict[str, Any] = {
        "name": "trace-1",
        "startAt": _at(10),
        "endAt": _at(70),
        "clientIdFilters": [{"regex": "sensor-.*"}],
        "topicFilters": [],
        "events": ["MQTT_MESSAGE_CONNECT", "MQTT_MESSAGE_PUBLISH"],
    }
    recording.update(changes)
    return {key: value for key, value in recording.items() if value is not ...}


def _service() -> tuple[Clock, TraceRecordingsService]:
    clock = Clock(lambda: START)
    return clock, TraceRecordingsService(clock)


def _create(service: TraceRecordingsService, **changes: Any) -> dict[str, Any]:
    response = call(service, CREATE_TRACE_RECORDING, body={"traceRecording": _recording(**changes)})
    assert response.status_code == 201
    created: dict[str, Any] = document(response)["traceRecording"]
    return created


def _states(service: TraceRecordingsService) -> dict[str, str]:
    items = document(call(service, GET_ALL_TRACE_RECORDINGS))["items"]
    return {item["name"]: item["state"] for item in items}


def _path(name: str) -> dict[str, str]:
    return {"traceRecordingId": name}


def test_service_answers_the_five_trace_recording_operations() -> None:
    _, service = _service()
    operations = {
        CREATE_TRACE_RECORDING,
        DELETE_TRACE_RECORDING,
        DOWNLOAD_TRACE_RECORDING_FILE,
        GET_ALL_TRACE_RECORDINGS,
        STOP_TRACE_RECORDING,
    }
    assert set(service.handlers()) == {operation.operation_id for operation in operations}


def test_create_echoes_the_recording_and_ignores_a_given_state() -> None:
    _, service = _service()
    created = _create(service, state="STOPPED", startAt="2026-03-01T13:00:10+01:00")
    assert created == {
        "name": "trace-1",
        "startAt": "2026-03-01T12:00:10.000Z",
        "endAt": "2026-03-01T12:01:10.000Z",
        "state": "SCHEDULED",
        "clientIdFilters": [{"regex": "sensor-.*"}],
        "topicFilters": [],
        "events": ["MQTT_MESSAGE_CONNECT", "MQTT_MESSAGE_PUBLISH"],
    }


def test_state_follows_the_clock_start_and_end() -> None:
    clock, service = _service()
    _create(service)
    _create(service, name="running-now", startAt=_at(-5))
    assert _states(service) == {"trace-1": "SCHEDULED", "running-now": "IN_PROGRESS"}
    clock.advance(10)
    assert _states(service) == {"trace-1": "IN_PROGRESS", "running-now": "IN_PROGRESS"}
    clock.advance(59.9)
    assert _states(service)["trace-1"] == "IN_PROGRESS"
    clock.advance(0.1)
    assert _states(service) == {"trace-1": "STOPPED", "running-now": "STOPPED"}


def test_patch_stops_a_running_or_scheduled_recording() -> None:
    clock, service = _service()
    _create(service)
    _create(service, name="later", startAt=_at(1000), endAt=_at(2000))
    clock.advance(20)
    stopped = document(call(service, STOP_TRACE_RECORDING, _path("trace-1"), STOP))
    assert stopped["traceRecording"]["state"] == "STOPPED"
    # Other properties of the body are not used (if they have the spec's shape).
    body = {"traceRecording": {"state": "STOPPED", "name": "x", "endAt": "2000-01-01T00:00:00Z"}}
    call(service, STOP_TRACE_RECORDING, _path("later"), body)
    clock.advance(1500)
    assert _states(service) == {"trace-1": "STOPPED", "later": "STOPPED"}
    # Stopping again changes nothing.
    again = document(call(service, STOP_TRACE_RECORDING, _path("trace-1"), STOP))
    assert again == stopped


@pytest.mark.parametrize(
    "body",
    [{}, {"traceRecording": {}}, {"traceRecording": {"state": "IN_PROGRESS"}}, [STOP], b"{"],
)
def test_patch_needs_state_stopped(body: Any) -> None:
    _, service = _service()
    _create(service)
    error = refused(service, STOP_TRACE_RECORDING, _path("trace-1"), body)
    assert error.status == 400
    assert _states(service) == {"trace-1": "SCHEDULED"}


@pytest.mark.parametrize(
    "extra",
    [
        {"clientIdFilters": [{"regex": "a"}, {"regex": "a"}]},
        {"topicFilters": "a"},
        {"events": ["MQTT_MESSAGE_PUBLISH", "MQTT_MESSAGE_PUBLISH"]},
        {"events": ["NOT_AN_EVENT"]},
        {"endAt": "nonsense"},
        {"name": 5},
    ],
)
def test_patch_refuses_a_body_the_spec_does_not_allow(extra: dict[str, Any]) -> None:
    # Schemathesis sends such bodies; a stop must not accept what the schema forbids.
    _, service = _service()
    _create(service)
    body = {"traceRecording": {"state": "STOPPED", **extra}}
    assert refused(service, STOP_TRACE_RECORDING, _path("trace-1"), body).status == 400
    assert _states(service) == {"trace-1": "SCHEDULED"}


@pytest.mark.parametrize(
    "operation", [STOP_TRACE_RECORDING, DELETE_TRACE_RECORDING, DOWNLOAD_TRACE_RECORDING_FILE]
)
def test_unknown_and_empty_names(operation: Any) -> None:
    _, service = _service()
    unknown = refused(service, operation, _path("ghost"), STOP)
    assert (unknown.status, unknown.title) == (404, "Resource not found")
    assert "ghost" in unknown.detail
    assert refused(service, operation, _path(""), STOP).status == 400


def test_delete_removes_the_recording() -> None:
    _, service = _service()
    _create(service)
    assert call(service, DELETE_TRACE_RECORDING, _path("trace-1")).status_code == 204
    assert _states(service) == {}
    assert refused(service, DELETE_TRACE_RECORDING, _path("trace-1")).status == 404
    # The name is free again.
    _create(service)


def test_a_taken_name_is_refused() -> None:
    _, service = _service()
    _create(service)
    error = refused(service, CREATE_TRACE_RECORDING, body={"traceRecording": _recording()})
    assert (error.status, error.title) == (400, "Invalid resource")
    assert "exists already" in error.detail


@pytest.mark.parametrize(
    ("changes", "detail"),
    [
        ({"name": ...}, "'name' is required"),
        ({"name": 7}, "'name' is required"),
        ({"name": "ab"}, "at least 3"),
        ({"name": "with space"}, "only letters"),
        ({"name": "naïve"}, "only letters"),
        ({"startAt": ...}, "'startAt' is required"),
        ({"endAt": ...}, "'endAt' is required"),
        ({"startAt": "2026-03-01"}, "RFC 3339"),
        ({"startAt": "2026-03-01T12:00:00"}, "RFC 3339"),
        ({"endAt": "2026-02-30T12:00:00Z"}, "RFC 3339"),
        ({"endAt": _at(10)}, "after 'startAt'"),
        ({"endAt": _at(5)}, "after 'startAt'"),
        ({"clientIdFilters": ..., "topicFilters": ...}, "At least one"),
        ({"clientIdFilters": [], "topicFilters": None}, "At least one"),
        ({"clientIdFilters": {"regex": "a"}}, "must be an array"),
        ({"topicFilters": [{"regex": ""}]}, "non-empty 'regex'"),
        ({"topicFilters": ["a/#"]}, "non-empty 'regex'"),
        ({"topicFilters": [{"regex": "a"}, {"regex": "a"}]}, "repeat"),
        ({"events": ...}, "'events' is required"),
        ({"events": []}, "'events' is required"),
        ({"events": ["MQTT_MESSAGE_TELEPORT"]}, "must be one of"),
        ({"events": ["MQTT_MESSAGE_CONNECT", "MQTT_MESSAGE_CONNECT"]}, "repeat"),
    ],
)
def test_create_validation(changes: dict[str, Any], detail: str) -> None:
    _, service = _service()
    body = {"traceRecording": _recording(**changes)}
    error = refused(service, CREATE_TRACE_RECORDING, body=body)
    assert (error.status, error.title) == (400, "Invalid resource")
    assert detail in error.detail
    assert _states(service) == {}


@pytest.mark.parametrize("body", [b"", b"not json", [], {"traceRecording": "x"}, {"name": "abc"}])
def test_create_needs_a_trace_recording_object(body: Any) -> None:
    _, service = _service()
    assert refused(service, CREATE_TRACE_RECORDING, body=body).status == 400


_ALLOWED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"
_ANY_CHAR = st.characters(codec="utf-8", exclude_categories=["Cs"])


@given(st.one_of(st.text(_ALLOWED, max_size=8), st.text(_ANY_CHAR, max_size=8)))
def test_names_are_three_or_more_letters_digits_dashes_underscores(name: str) -> None:
    _, service = _service()
    allowed = set(_ALLOWED)
    valid = len(name) >= 3 and set(name) <= allowed
    body = {"traceRecording": _recording(name=name)}
    if valid:
        assert call(service, CREATE_TRACE_RECORDING, body=body).status_code == 201
        assert set(_states(service)) == {name}
    else:
        assert refused(service, CREATE_TRACE_RECORDING, body=body).status == 400


def _zip(service: TraceRecordingsService, name: str) -> bytes:
    response = call(service, DOWNLOAD_TRACE_RECORDING_FILE, _path(name))
    assert response.media_type == "application/zip"
    return bytes(response.body)


def test_download_is_a_zip_once_the_recording_started() -> None:
    clock, service = _service()
    _create(service, topicFilters=[{"regex": "plant/.*"}])
    error = refused(service, DOWNLOAD_TRACE_RECORDING_FILE, _path("trace-1"))
    assert (error.status, error.title) == (400, "Trace recording file not available")
    clock.advance(10)
    running = _zip(service, "trace-1")
    with zipfile.ZipFile(io.BytesIO(running)) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == ["trace-1.log"]
        log = archive.read("trace-1.log").decode()
    assert "topicFilter plant/.*" in log
    assert "event MQTT_MESSAGE_PUBLISH" in log
    call(service, STOP_TRACE_RECORDING, _path("trace-1"), STOP)
    stopped = _zip(service, "trace-1")
    assert zipfile.ZipFile(io.BytesIO(stopped)).testzip() is None
    # The same recording gives the same file every time.
    assert _zip(service, "trace-1") == stopped


def test_the_zip_is_the_same_for_the_same_recording_on_any_emulator() -> None:
    files = []
    for _ in range(2):
        clock, service = _service()
        _create(service, startAt="1970-01-01T00:00:00Z")
        clock.advance(1)
        files.append(_zip(service, "trace-1"))
    assert files[0] == files[1]
    assert zipfile.ZipFile(io.BytesIO(files[0])).infolist()[0].date_time[0] == 1980


def test_reset_forgets_every_recording() -> None:
    _, service = _service()
    _create(service)
    service.reset()
    assert _states(service) == {}


def test_every_answer_matches_the_spec(spec: dict[str, Any]) -> None:
    responses = SpecResponses(spec)
    clock, service = _service()
    created = call(service, CREATE_TRACE_RECORDING, body={"traceRecording": _recording()})
    responses.check(CREATE_TRACE_RECORDING, 201, document(created))
    bad = {"traceRecording": _recording(name="x")}
    create_error = refused(service, CREATE_TRACE_RECORDING, body=bad)
    responses.check_error(CREATE_TRACE_RECORDING, create_error)
    listed = call(service, GET_ALL_TRACE_RECORDINGS)
    responses.check(GET_ALL_TRACE_RECORDINGS, 200, document(listed))
    for operation in (STOP_TRACE_RECORDING, DELETE_TRACE_RECORDING, DOWNLOAD_TRACE_RECORDING_FILE):
        for name in ("ghost", ""):
            responses.check_error(operation, refused(service, operation, _path(name), STOP))
    download_error = refused(service, DOWNLOAD_TRACE_RECORDING_FILE, _path("trace-1"))
    responses.check_error(DOWNLOAD_TRACE_RECORDING_FILE, download_error)
    bad_stop = refused(service, STOP_TRACE_RECORDING, _path("trace-1"), {"traceRecording": {}})
    responses.check_error(STOP_TRACE_RECORDING, bad_stop)
    clock.advance(20)
    stopped = call(service, STOP_TRACE_RECORDING, _path("trace-1"), STOP)
    responses.check(STOP_TRACE_RECORDING, 200, document(stopped))


def test_long_filter_lists_are_checked_for_repeats() -> None:
    _, service = _service()
    many = [{"regex": f"client-{index}"} for index in range(50_000)]
    created = _create(service, clientIdFilters=many)
    assert len(created["clientIdFilters"]) == 50_000
    repeated = {"traceRecording": _recording(name="other", clientIdFilters=[*many, many[0]])}
    assert "repeat" in refused(service, CREATE_TRACE_RECORDING, body=repeated).detail
