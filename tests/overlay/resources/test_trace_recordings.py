"""hivemq.trace_recordings: what is checked before sending, requests, answers, errors."""

from __future__ import annotations

import datetime
import io
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hivemq_rest import (
    APIConnectionError,
    BadRequestError,
    NotFoundError,
    TraceRecordingEventsItem,
    TraceRecordingState,
    UnexpectedResponseError,
)
from hypothesis import given, settings

from tests.examples import examples
from tests.faults.test_hostile_ids import hostile_ids
from tests.overlay.fake_api import FakeAPI, problem
from tests.overlay.local_server import local_server

from .clients import FAKE_KINDS, KINDS, NO_WAIT, ONCE, Action, run, run_fake
from .hostile import FIXED_IDS, answer_any, the_segment_after

RECORDINGS = "/api/v1/management/trace-recordings"
FILES = "/api/v1/management/files/trace-recordings"
UTC = datetime.UTC
START = datetime.datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
END = START + datetime.timedelta(hours=1)
PUBLISH = TraceRecordingEventsItem.MQTT_MESSAGE_PUBLISH


def recording(status: int = 200, **fields: Any) -> httpx.Response:
    return httpx.Response(status, json={"traceRecording": {"name": "rec-1", **fields}})


def create(**changes: Any) -> Action:
    arguments: dict[str, Any] = {
        "name": "rec-1",
        "start_at": START,
        "end_at": END,
        "client_id_filters": ["sensor-.*"],
        "events": [PUBLISH, "MQTT_MESSAGE_CONNECT"],
        **changes,
    }
    return lambda hivemq: hivemq.trace_recordings.create(**arguments)


@pytest.mark.parametrize("kind", FAKE_KINDS)
def test_create_sends_the_recording(kind: str) -> None:
    fake = FakeAPI(recording(201, state="SCHEDULED", startAt="2026-11-29T10:00:00Z"))
    created = run_fake(kind, fake, create(topic_filters=["a/#"]))
    [request] = fake.requests
    assert (request.method, fake.paths()) == ("POST", [RECORDINGS])
    assert request.headers["content-type"] == "application/json"
    assert json.loads(request.content) == {
        "traceRecording": {
            "name": "rec-1",
            "startAt": "2026-11-29T10:00:00Z",
            "endAt": "2026-11-29T11:00:00Z",
            "clientIdFilters": [{"regex": "sensor-.*"}],
            "topicFilters": [{"regex": "a/#"}],
            "events": ["MQTT_MESSAGE_PUBLISH", "MQTT_MESSAGE_CONNECT"],
        }
    }
    assert created.state is TraceRecordingState.SCHEDULED


def test_filters_left_out_are_not_sent() -> None:
    fake = FakeAPI(recording(201))
    run_fake("sync", fake, create(client_id_filters=None, topic_filters=("t",)))
    body = json.loads(fake.requests[0].content)["traceRecording"]
    assert "clientIdFilters" not in body
    assert body["topicFilters"] == [{"regex": "t"}]


@pytest.mark.parametrize(
    ("changes", "error", "words"),
    [
        ({"name": "ab"}, ValueError, "name"),
        ({"name": "a b c"}, ValueError, "name"),
        ({"name": "../x"}, ValueError, "name"),
        ({"name": 123}, ValueError, "name"),
        ({"end_at": START}, ValueError, "after"),
        ({"end_at": START - datetime.timedelta(seconds=1)}, ValueError, "after"),
        ({"start_at": datetime.datetime(2026, 1, 1)}, ValueError, "timezone"),
        ({"start_at": "2026-01-01"}, TypeError, "datetime"),
        ({"client_id_filters": None}, ValueError, "at least one"),
        ({"client_id_filters": []}, ValueError, "at least one"),
        ({"client_id_filters": "sensor"}, TypeError, "list"),
        ({"client_id_filters": ["a", "a"]}, ValueError, "repeats"),
        ({"client_id_filters": [""]}, ValueError, "non-empty"),
        ({"events": []}, ValueError, "event"),
        ({"events": [PUBLISH, PUBLISH]}, ValueError, "repeats"),
        ({"events": "MQTT_MESSAGE_PUBLISH"}, TypeError, "list"),
    ],
)
def test_a_recording_the_broker_would_refuse_is_not_sent(
    changes: dict[str, Any], error: type[Exception], words: str
) -> None:
    fake = FakeAPI(recording(201))
    with pytest.raises(error, match=words):
        run_fake("sync", fake, create(**changes))
    assert fake.requests == []


MINUS_5 = datetime.timezone(datetime.timedelta(hours=-5))
PLUS_1 = datetime.timezone(datetime.timedelta(hours=1))


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (
            datetime.datetime(9999, 12, 31, 23, tzinfo=MINUS_5),
            datetime.datetime(9999, 12, 31, 23, 30, tzinfo=MINUS_5),
            "start_at is outside the years 1 to 9999",
        ),
        (
            datetime.datetime(9999, 12, 31, 12, tzinfo=UTC),
            datetime.datetime(9999, 12, 31, 23, tzinfo=MINUS_5),
            "end_at is outside",
        ),
        (
            datetime.datetime(1, 1, 1, tzinfo=PLUS_1),
            datetime.datetime(1, 1, 2, tzinfo=PLUS_1),
            "start_at is outside",
        ),
    ],
)
def test_times_outside_utcs_range_are_value_errors(
    start: datetime.datetime, end: datetime.datetime, words: str
) -> None:
    fake = FakeAPI(recording(201))
    with pytest.raises(ValueError, match=words):
        run_fake("sync", fake, create(start_at=start, end_at=end))
    assert fake.requests == []


def test_the_extremes_of_utc_itself_are_sent() -> None:
    fake = FakeAPI(recording(201))
    start = datetime.datetime(1, 1, 1, tzinfo=UTC)
    run_fake("sync", fake, create(start_at=start, end_at=datetime.datetime.max.replace(tzinfo=UTC)))
    body = json.loads(fake.requests[0].content)["traceRecording"]
    assert (body["startAt"], body["endAt"]) == (
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999Z",
    )


@pytest.mark.parametrize("kind", FAKE_KINDS)
def test_stop_patches_the_state(kind: str) -> None:
    fake = FakeAPI(recording(state="STOPPED"))
    stopped = run_fake(kind, fake, lambda h: h.trace_recordings.stop("rec-1"))
    [request] = fake.requests
    assert (request.method, fake.paths()) == ("PATCH", [f"{RECORDINGS}/rec-1"])
    # Only the state counts; the name goes too, as the spec requires one.
    assert json.loads(request.content) == {"traceRecording": {"name": "rec-1", "state": "STOPPED"}}
    assert stopped.state is TraceRecordingState.STOPPED


@pytest.mark.parametrize("kind", FAKE_KINDS)
def test_delete(kind: str) -> None:
    fake = FakeAPI(httpx.Response(204))
    assert run_fake(kind, fake, lambda h: h.trace_recordings.delete("rec-1")) is None
    assert [(r.method, r.url.raw_path.decode()) for r in fake.requests] == [
        ("DELETE", f"{RECORDINGS}/rec-1")
    ]


@pytest.mark.parametrize("kind", FAKE_KINDS)
def test_list_keeps_partial_recordings_and_unknown_values(kind: str) -> None:
    items = [
        {"name": "a", "state": "PAUSED", "events": ["MQTT_MESSAGE_NEW"], "more": True},
        {"name": "b", "clientIdFilters": [{"regex": "x", "flags": "i"}]},
    ]
    fake = FakeAPI(httpx.Response(200, json={"items": items}))
    listed = run_fake(kind, fake, lambda h: h.trace_recordings.list())
    assert fake.paths() == [RECORDINGS]
    assert [r.to_dict() for r in listed] == items
    assert not listed[0].state.is_known


@pytest.mark.parametrize("kind", FAKE_KINDS)
@pytest.mark.parametrize(
    "body",
    [
        {"items": [{"name": 1}]},
        {"items": [{"state": "STOPPED"}]},  # no name
        {"items": [{"events": "MQTT_MESSAGE_PUBLISH"}]},
        {"items": [{"startAt": "soon"}]},
        {"items": "none"},
        {"items": [[]]},
    ],
)
def test_a_malformed_list_is_an_unexpected_response(kind: str, body: Any) -> None:
    fake = FakeAPI(httpx.Response(200, json=body))
    with pytest.raises(UnexpectedResponseError):
        run_fake(kind, fake, lambda h: h.trace_recordings.list())


def _operation(name: str) -> Action:
    return {
        "create": create(),
        "stop": lambda h: h.trace_recordings.stop("rec-1"),
        "delete": lambda h: h.trace_recordings.delete("rec-1"),
        "download": lambda h: h.trace_recordings.download("rec-1", io.BytesIO()),
    }[name]


STATUSES = [
    ("create", 400, BadRequestError),
    ("stop", 400, BadRequestError),
    ("stop", 404, NotFoundError),
    ("delete", 400, BadRequestError),
    ("delete", 404, NotFoundError),
    ("download", 400, BadRequestError),
    ("download", 404, NotFoundError),
]


@pytest.mark.parametrize("kind", FAKE_KINDS)
@pytest.mark.parametrize(("operation", "status", "error"), STATUSES)
def test_every_documented_status_is_its_typed_error(
    kind: str, operation: str, status: int, error: type[Exception]
) -> None:
    fake = FakeAPI(problem(status, "Invalid resource", "why"))
    with pytest.raises(error) as caught:
        run_fake(kind, fake, _operation(operation), retry=ONCE)
    assert caught.value.title == "Invalid resource"  # type: ignore[attr-defined]


def _drop(method: str, target: str, headers: dict[str, str]) -> None:
    return None  # read the request, then drop the connection without a word


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("operation", "method"), [("create", "POST"), ("stop", "PATCH")])
def test_a_post_or_patch_is_never_sent_twice(kind: str, operation: str, method: str) -> None:
    with local_server(_drop) as server:
        with pytest.raises(APIConnectionError) as caught:
            run(kind, server.base_url, _operation(operation), retry=NO_WAIT)
        assert [m for m, _, _ in server.seen] == [method]
    assert caught.value.outcome_unknown


def _by_name(method: str, name: str) -> Action:
    if method == "download":
        return lambda hivemq: hivemq.trace_recordings.download(name, io.BytesIO())
    return lambda hivemq: getattr(hivemq.trace_recordings, method)(name)


@pytest.mark.parametrize("kind", KINDS)
def test_fixed_hostile_names_reach_their_recording(kind: str) -> None:
    with local_server(answer_any) as server:
        for name in FIXED_IDS:
            for method in ("stop", "delete", "download"):
                run(kind, server.base_url, _by_name(method, name))
        seen = server.seen
    files = [s for s in seen if s[0] == "GET"]
    assert the_segment_after([s for s in seen if s[0] != "GET"], f"{RECORDINGS}/") == [
        n for n in FIXED_IDS for _ in (1, 2)
    ]
    assert the_segment_after(files, f"{FILES}/") == FIXED_IDS


@settings(max_examples=examples(60))
@given(name=hostile_ids)
def test_fuzzed_names_reach_their_recording(name: str) -> None:
    with local_server(answer_any) as server:
        for method in ("stop", "delete", "download"):
            run("sync", server.base_url, _by_name(method, name))
        seen = server.seen
    assert the_segment_after(seen[:2], f"{RECORDINGS}/") == [name, name]
    assert the_segment_after(seen[2:], f"{FILES}/") == [name]


def test_times_in_other_zones_are_sent_in_utc() -> None:
    fake = FakeAPI(recording(201))
    berlin = datetime.timezone(datetime.timedelta(hours=2))
    start = datetime.datetime(2026, 6, 1, 12, 0, tzinfo=berlin)
    run_fake("sync", fake, create(start_at=start, end_at=start + datetime.timedelta(minutes=1)))
    body = json.loads(fake.requests[0].content)["traceRecording"]
    assert (body["startAt"], body["endAt"]) == ("2026-06-01T10:00:00Z", "2026-06-01T10:01:00Z")


@pytest.mark.parametrize("kind", KINDS)
def test_a_delete_whose_first_answer_was_lost_and_then_404s_is_done(kind: str) -> None:
    gone: tuple[int, dict[str, str], bytes] = (
        404,
        {},
        b'{"errors": [{"title": "Trace recording not found"}]}',
    )
    answers: Iterator[tuple[int, dict[str, str], bytes] | None] = iter([None, gone])
    with local_server(lambda m, t, h: next(answers)) as server:
        assert run(kind, server.base_url, _operation("delete"), retry=NO_WAIT) is None
        assert [m for m, _, _ in server.seen] == ["DELETE", "DELETE"]
