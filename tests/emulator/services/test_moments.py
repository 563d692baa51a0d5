from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hivemq_rest_emulator.services._moments import TimeIds, parse_rfc3339, rfc3339
from hypothesis import given
from hypothesis import strategies as st

_MOMENTS = st.datetimes(
    min_value=datetime(1, 1, 2),
    max_value=datetime(9999, 12, 30),
    timezones=st.just(UTC),
)


def test_rfc3339_is_utc_with_milliseconds() -> None:
    moment = datetime(2026, 3, 1, 13, 4, 5, 678_999, tzinfo=timezone(timedelta(hours=1)))
    assert rfc3339(moment) == "2026-03-01T12:04:05.678Z"
    assert rfc3339(datetime(999, 1, 2, tzinfo=UTC)) == "0999-01-02T00:00:00.000Z"


@given(_MOMENTS)
def test_rfc3339_reads_back_to_the_millisecond(moment: datetime) -> None:
    read = parse_rfc3339(rfc3339(moment))
    assert read == moment.replace(microsecond=moment.microsecond // 1000 * 1000)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-01T12:00:00Z", datetime(2026, 3, 1, 12, tzinfo=UTC)),
        ("2026-03-01t12:00:00z", datetime(2026, 3, 1, 12, tzinfo=UTC)),
        ("2026-03-01T13:00:00.5+01:00", datetime(2026, 3, 1, 12, 0, 0, 500_000, tzinfo=UTC)),
        ("2026-03-01T12:00:00.123456789Z", datetime(2026, 3, 1, 12, 0, 0, 123_456, tzinfo=UTC)),
    ],
)
def test_parse_accepts_rfc3339(text: str, expected: datetime) -> None:
    assert parse_rfc3339(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2026-03-01",
        "2026-03-01T12:00:00",
        "2026-03-01 12:00:00Z",
        "2026-02-30T12:00:00Z",
        "2026-03-01T24:00:00Z",
        "2026-03-01T12:00:00.Z",
        "2026-03-01T12:00:00Z ",
        "٢٠٢٦-03-01T12:00:00Z",
        "2026-03-01T12:00:00+0100",
        "0001-01-01T00:00:00+01:00",
        "9999-12-31T23:59:59-01:00",
    ],
)
def test_parse_refuses_anything_else(text: str) -> None:
    assert parse_rfc3339(text) is None


@given(st.text(max_size=40))
def test_parse_never_raises(text: str) -> None:
    parsed = parse_rfc3339(text)
    assert parsed is None or parsed.tzinfo is UTC


@given(st.lists(st.floats(min_value=0, max_value=10), min_size=1, max_size=30))
def test_ids_are_unique_increasing_and_shaped(steps: list[float]) -> None:
    ids = TimeIds()
    now = datetime(2026, 3, 1, 23, 59, 59, tzinfo=UTC)
    made = []
    for step in steps:
        now += timedelta(seconds=step)
        made.append(ids.next(now))
    assert all(re.fullmatch(r"\d{8}-\d{7}", item) for item in made)
    assert made == sorted(set(made))


def test_an_id_is_the_time_to_the_tenth_and_reset_starts_over() -> None:
    ids = TimeIds()
    moment = datetime(2020, 10, 6, 19, 2, 31, 800_000, tzinfo=UTC)
    assert ids.next(moment) == "20201006-1902318"
    assert ids.next(moment) == "20201006-1902319"
    ids.reset()
    assert ids.next(moment) == "20201006-1902318"
