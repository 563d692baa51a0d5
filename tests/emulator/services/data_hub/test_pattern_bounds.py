"""A behavior policy's ``clientIdRegex`` is compiled only within bounds."""

from __future__ import annotations

import pytest
from hivemq_rest_emulator.services.data_hub.pattern_bounds import (
    MAX_PATTERN_CHARS,
    MAX_REPEAT,
    MAX_UNROLLED,
    PatternRefusedError,
    check_bounds,
    unrolled_size,
)
from hivemq_rest_emulator.services.data_hub.references import policy_regex
from hivemq_rest_generated import operations as ops
from hypothesis import given
from hypothesis import strategies as st

from .conftest import Hub
from .documents import behavior_policy

# Text the engine reads as one element, built to mislead a careless reading:
# brackets, braces and digits inside sets, escapes and comments.
# (A comment is no element at all.)
_DECOYS = {
    **dict.fromkeys(
        ("a", "[)]", "[(]", "[{]", "[]a]", "[^]a]", r"\)", r"\(", r"\{", "[{9999}]"), 1
    ),
    "(?#(x{5})": 0,
}


@st.composite
def _pattern(draw: st.DrawFn, depth: int = 0) -> tuple[str, int]:
    """A pattern and the number of elements it unrolls to, counted exactly."""
    parts = draw(st.lists(_element(depth), min_size=1, max_size=3))
    if draw(st.booleans()):  # alternation: the engine unrolls every branch
        return "|".join(text for text, _ in parts), sum(size for _, size in parts)
    return "".join(text for text, _ in parts), sum(size for _, size in parts)


@st.composite
def _element(draw: st.DrawFn, depth: int) -> tuple[str, int]:
    if depth >= 3 or draw(st.booleans()):
        decoy = draw(st.sampled_from(sorted(_DECOYS)))
        return decoy, _DECOYS[decoy]
    inner, size = draw(_pattern(depth + 1))
    count = draw(st.integers(1, 40))
    return f"(?:{inner}){{{count}}}", size * count


@given(_pattern())
def test_the_estimate_is_never_below_the_unrolled_size(case: tuple[str, int]) -> None:
    text, size = case
    assert unrolled_size(text) >= size


@given(_pattern())
def test_a_pattern_within_bounds_compiles_and_one_beyond_is_refused(
    case: tuple[str, int],
) -> None:
    text, size = case
    if size > MAX_UNROLLED:
        with pytest.raises(PatternRefusedError):
            check_bounds(text)
    elif unrolled_size(text) <= MAX_UNROLLED:
        assert policy_regex(text) is not None


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        ("a{4294967294}", "repetition count 4294967294"),
        ("a{2,100000}", "repetition count 100000"),
        ("(?:a{1000}){1000}", "unrolls"),
        ("((a{100}){100}){100}", "unrolls"),
        ("a{1000}{1000}", "unrolls"),
        ("(?:a{200}|b{200}){100}", "unrolls"),
        ("(?x)(?:a{1000}) {1000}", "unrolls"),
        # Version 1 sets nest: the ")" and "(" are members of the two sets.
        ("(?V1)([[a])]a{1000}b[[a](]){1000}", "unrolls"),
        # Version 0 sets do not: "[[]" is one set, and a{1000} repeats 1000 times.
        ("([[]a{1000}b]){1000}", "unrolls"),
        ("x" * (MAX_PATTERN_CHARS + 1), "longer than"),
        ("a\nb", "control character"),
        ("(?x)(?:a{1000}#\n){1000}", "control character"),
    ],
)
def test_patterns_out_of_bounds_are_refused(pattern: str, reason: str) -> None:
    with pytest.raises(PatternRefusedError, match=reason):
        check_bounds(pattern)
    assert policy_regex(pattern) is None


@pytest.mark.parametrize(
    "pattern",
    [
        ".*",
        "sensor-.*",
        r"client-\d{4}",
        "[a-z0-9]{1,64}",
        f"a{{{MAX_REPEAT}}}",
        r"\N{LATIN SMALL LETTER A}{3}",
        r"\p{L}+",
        "(?V1)[[a]b]{3}",
        "[[:alpha:]]{1,50}",
        "x" * MAX_PATTERN_CHARS,
        "(?:(?:ab){10}){10}",
    ],
)
def test_ordinary_patterns_are_accepted(pattern: str) -> None:
    check_bounds(pattern)
    assert policy_regex(pattern) is not None


@pytest.mark.parametrize(
    "pattern", ["a{4294967294}", "(?:a{1000}){1000}", "a{100000}", "a{2000}{2000}"]
)
def test_a_policy_with_a_pattern_out_of_bounds_is_400_and_not_stored(
    hub: Hub, pattern: str
) -> None:
    answer = hub.call(ops.CREATE_BEHAVIOR_POLICY, body=behavior_policy("b", pattern))
    assert (answer.status, answer.title) == (400, "Policy is not valid")
    assert answer.body["errors"][0]["detail"].startswith("matching.clientIdRegex: ")
    assert hub.call(ops.GET_ALL_BEHAVIOR_POLICIES).body["items"] == []
