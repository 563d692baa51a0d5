from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hivemq_rest_emulator.core import ApiError
from hivemq_rest_emulator.core.cursors import decode_cursor, encode_cursor
from hivemq_rest_emulator.services.data_hub.paging import cut
from hivemq_rest_emulator.services.data_hub.render import entity_tag, page, timestamp
from hivemq_rest_generated import operations as ops
from hypothesis import given
from hypothesis import strategies as st

from .conftest import request


@given(st.lists(st.integers(), max_size=60), st.integers(1, 25))
def test_cut_walks_every_item_once(items: list[int], limit: int) -> None:
    walked: list[int] = []
    cursor: str | None = None
    for _ in range(len(items) + 1):
        found, cursor = cut(items, 7, limit, cursor)
        assert len(found) <= limit
        walked.extend(found)
        if cursor is None:
            break
    assert walked == items


def test_the_cursor_holds_the_generation_and_the_position() -> None:
    found, cursor = cut(list(range(30)), 7, 10, None)
    assert found == list(range(10))
    assert cursor is not None
    assert decode_cursor(cursor) == (7, 10)


def test_a_cursor_of_another_generation_is_410() -> None:
    _, cursor = cut(list(range(30)), 7, 10, None)
    with pytest.raises(ApiError) as caught:
        cut(list(range(30)), 8, 10, cursor)
    assert caught.value.status == 410


@pytest.mark.parametrize("cursor", ["x", encode_cursor(7, 0), encode_cursor(7, 31)])
def test_a_cursor_that_points_nowhere_is_400(cursor: str) -> None:
    with pytest.raises(ApiError) as caught:
        cut(list(range(30)), 7, 10, cursor)
    assert caught.value.status == 400


def test_timestamps_are_utc_with_milliseconds() -> None:
    moment = datetime(2026, 1, 2, 3, 4, 5, 678_999, tzinfo=timezone(timedelta(hours=2)))
    assert timestamp(moment) == "2026-01-02T01:04:05.678Z"
    assert timestamp(datetime(2026, 1, 1, tzinfo=UTC)) == "2026-01-01T00:00:00.000Z"


def test_entity_tags_follow_the_content() -> None:
    tag = entity_tag({"id": "p", "a": [1]})
    assert tag.startswith('"')
    assert tag.endswith('"')
    assert tag == entity_tag({"a": [1], "id": "p"})
    assert tag != entity_tag({"id": "p", "a": [2]})


def test_the_next_link_repeats_known_query_parameters_only() -> None:
    listed = request(
        ops.GET_ALL_SCHEMAS,
        {"types": "JSON", "fields": "id,type", "limit": 10, "cursor": "old"},
    )
    body = page(listed, [{"id": "s", "type": "JSON"}], frozenset({"id"}), "a/b=", 10)
    query = "fields=id%2Ctype&types=JSON&cursor=a%2Fb%3D&limit=10"
    assert body == {
        "items": [{"id": "s"}],
        "_links": {"next": f"{ops.GET_ALL_SCHEMAS.path}?{query}"},
    }
    assert page(listed, [], None, None, 10) == {"items": []}
