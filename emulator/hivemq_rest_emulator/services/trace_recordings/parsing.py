"""Reading and checking the trace recording bodies and the recording name in the path.

Every failure is 400 "Invalid resource" (the broker's title for a missing
field), with a detail that names the property and what it must be.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from hivemq_rest_generated.models import TraceRecordingEventsItem

from ...core import ApiError, ApiRequest
from .._moments import parse_rfc3339
from .state import TraceRecording

EVENTS = frozenset(TraceRecordingEventsItem.__members__)
# "Letters" read as ASCII letters: the semantics file does not say more.
_NAME = re.compile(r"[A-Za-z0-9_-]{3,}", re.ASCII)
_INVALID = "Invalid resource"


def _invalid(detail: str) -> ApiError:
    return ApiError(400, _INVALID, detail)


def recording_name(request: ApiRequest) -> str:
    """The ``traceRecordingId`` path parameter; 400 when it is empty."""
    value = request.path.get("traceRecordingId", "")
    if not value:
        raise ApiError(400, "Required parameter missing", "The trace recording name is missing.")
    return value


def _item(request: ApiRequest) -> Mapping[str, Any]:
    body = request.json()
    item = body.get("traceRecording") if isinstance(body, dict) else None
    if not isinstance(item, dict):
        raise _invalid("The body must be an object with a 'traceRecording' object.")
    return item


def new_recording(request: ApiRequest) -> TraceRecording:
    """The recording a create body describes (its ``state`` ignored), or 400."""
    item = _item(request)
    name = item.get("name")
    if not isinstance(name, str):
        raise _invalid("'name' is required: a string.")
    if not _NAME.fullmatch(name):
        raise _invalid("'name' must have at least 3 characters, only letters, digits, '-' and '_'.")
    start_at, end_at = _moment(item, "startAt"), _moment(item, "endAt")
    if end_at <= start_at:
        raise _invalid("'endAt' must come after 'startAt'.")
    client_id_filters = _filters(item, "clientIdFilters")
    topic_filters = _filters(item, "topicFilters")
    if not client_id_filters and not topic_filters:
        raise _invalid("At least one client id filter or topic filter is required.")
    return TraceRecording(
        name=name,
        start_at=start_at,
        end_at=end_at,
        client_id_filters=client_id_filters,
        topic_filters=topic_filters,
        events=_events(item),
    )


def stop_requested(request: ApiRequest) -> None:
    """400 unless the body asks for ``{"traceRecording": {"state": "STOPPED"}}``.

    The other properties are not used, but one the body gives must still have
    the spec's shape (types, formats, no repeated filters or events).
    """
    item = _item(request)
    if "name" in item and not isinstance(item["name"], str):
        raise _invalid("'name' must be a string.")
    for key in ("startAt", "endAt"):
        if key in item:
            _moment(item, key)
    for key in ("clientIdFilters", "topicFilters"):
        if key in item:
            _filters(item, key)
    if "events" in item and item["events"] != []:
        _events(item)
    if item.get("state") != "STOPPED":
        raise _invalid("A trace recording is stopped with 'state': 'STOPPED'.")


def _moment(item: Mapping[str, Any], key: str) -> datetime:
    value = item.get(key)
    moment = parse_rfc3339(value) if isinstance(value, str) else None
    if moment is None:
        raise _invalid(f"'{key}' is required: an RFC 3339 date-time such as 2024-01-31T12:00:00Z.")
    return moment


def _filters(item: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = item.get(key)
    if value is None:
        return ()
    if not isinstance(value, list):
        raise _invalid(f"'{key}' must be an array of {{\"regex\": ...}} objects.")
    # A dict keeps the order and finds repeats in one pass, even in long lists.
    regexes: dict[str, None] = {}
    for entry in value:
        regex = entry.get("regex") if isinstance(entry, dict) else None
        if not isinstance(regex, str) or not regex:
            raise _invalid(f"Each of '{key}' must be an object with a non-empty 'regex' string.")
        if regex in regexes:
            raise _invalid(f"'{key}' must not repeat a filter.")
        regexes[regex] = None
    return tuple(regexes)


def _events(item: Mapping[str, Any]) -> tuple[str, ...]:
    value = item.get("events")
    if not isinstance(value, list) or not value:
        raise _invalid("'events' is required: an array of at least one event.")
    for event in value:
        if not isinstance(event, str) or event not in EVENTS:
            raise _invalid(f"Each of 'events' must be one of {', '.join(sorted(EVENTS))}.")
    if len(set(value)) != len(value):
        raise _invalid("'events' must not repeat an event.")
    return tuple(value)
