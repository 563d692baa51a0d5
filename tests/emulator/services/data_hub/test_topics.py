from __future__ import annotations

import pytest
from hivemq_rest_emulator.services.data_hub.topics import is_topic_filter, is_topic_name, matches
from hypothesis import given
from hypothesis import strategies as st

# Levels without wildcards; "$" only where a test puts it.
LEVEL = st.text(alphabet="abcxyz0-_ ", max_size=4)
TOPIC_LEVELS = st.lists(LEVEL, min_size=1, max_size=6).filter(lambda levels: "/".join(levels))


@pytest.mark.parametrize(
    ("topic_filter", "topic", "expected"),
    [
        ("a/b", "a/b", True),
        ("a/b", "a/c", False),
        ("a/+", "a/b", True),
        ("a/+", "a/b/c", False),
        ("a/+", "a/", True),
        ("+/+", "/x", True),
        ("a/#", "a", True),
        ("a/#", "a/b/c", True),
        ("a/#", "ab", False),
        ("#", "a/b", True),
        ("#", "$SYS/broker", False),
        ("+/broker", "$SYS/broker", False),
        ("$SYS/#", "$SYS/broker", True),
        ("$SYS/+", "$SYS/broker", True),
        ("a/b", "a/b/c", False),
        ("a/b/c", "a/b", False),
    ],
)
def test_mqtt_matching(topic_filter: str, topic: str, expected: bool) -> None:
    assert matches(topic_filter, topic) is expected


@pytest.mark.parametrize("text", ["a/#", "#", "+", "a/+/b", "+/+", "/", "$SYS/#"])
def test_valid_filters(text: str) -> None:
    assert is_topic_filter(text)


@pytest.mark.parametrize(
    "text", ["", "a/#/b", "a#", "a/b+", "#/a", "a\x00", "\ud800", "a" * 65_536]
)
def test_invalid_filters(text: str) -> None:
    assert not is_topic_filter(text)


@pytest.mark.parametrize(
    ("text", "valid"), [("a/b", True), ("a/+", False), ("#", False), ("", False)]
)
def test_topic_names_have_no_wildcards(text: str, valid: bool) -> None:
    assert is_topic_name(text) is valid


@given(TOPIC_LEVELS)
def test_a_topic_matches_itself_as_a_filter(levels: list[str]) -> None:
    topic = "/".join(levels)
    assert matches(topic, topic)


@given(TOPIC_LEVELS, st.data())
def test_plus_stands_for_any_one_level(levels: list[str], data: st.DataObject) -> None:
    topic = "/".join(levels)
    index = data.draw(st.integers(0, len(levels) - 1))
    wild = [*levels[:index], "+", *levels[index + 1 :]]
    assert is_topic_filter("/".join(wild))
    assert matches("/".join(wild), topic)
    assert not matches("/".join(wild), f"{topic}/extra")


@given(TOPIC_LEVELS, st.data())
def test_hash_stands_for_the_rest_and_the_parent(levels: list[str], data: st.DataObject) -> None:
    topic = "/".join(levels)
    keep = data.draw(st.integers(0, len(levels)))
    topic_filter = "/".join([*levels[:keep], "#"])
    assert matches(topic_filter, topic)


@given(TOPIC_LEVELS, TOPIC_LEVELS)
def test_filters_without_wildcards_match_only_equal_topics(
    first: list[str], second: list[str]
) -> None:
    assert matches("/".join(first), "/".join(second)) is (first == second)


@given(TOPIC_LEVELS, st.sampled_from(["#", "+"]))
def test_dollar_topics_escape_first_level_wildcards(levels: list[str], wildcard: str) -> None:
    topic = "/".join(["$" + levels[0], *levels[1:]])
    single = "/".join(["+"] * len(levels))
    assert not matches(wildcard if wildcard == "#" else single, topic)
    assert matches("/".join(["$" + levels[0], "#"]), topic)
