"""_ids: every valid id becomes one path segment that decodes to itself; others are refused."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from hivemq_rest import InvalidClientIdError, validate_client_id
from hivemq_rest._ids import client_id_segment
from hypothesis import given
from hypothesis import strategies as st

from tests.overlay.strategies import AWKWARD_IDS, valid_ids

_UNRESERVED = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~%")


@given(valid_ids)
def test_segment_is_one_segment_that_decodes_to_the_id(client_id: str) -> None:
    segment = client_id_segment(client_id)
    assert set(segment) <= _UNRESERVED
    assert segment not in (".", "..")
    assert unquote(segment, errors="strict") == client_id


@pytest.mark.parametrize("client_id", AWKWARD_IDS)
def test_awkward_ids_are_valid(client_id: str) -> None:
    assert validate_client_id(client_id) is client_id


@pytest.mark.parametrize(("client_id", "segment"), [(".", "%2E"), ("..", "%2E%2E"), ("...", "...")])
def test_dot_segments_are_encoded(client_id: str, segment: str) -> None:
    assert client_id_segment(client_id) == segment


def test_percent_encoded_id_is_taken_literally() -> None:
    assert client_id_segment("a%2Fb") == "a%252Fb"


def test_longest_id_is_valid() -> None:
    longest = "é" * (65_535 // 2) + "x"
    assert len(longest.encode()) == 65_535
    assert validate_client_id(longest) == longest


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("", "empty"),
        ("a\x00b", r"U\+0000"),
        ("\ud800", "surrogates"),
        ("x\udfff", "surrogates"),
        ("x" * 65_536, "65535 bytes"),
        ("é" * 32_768, "65535 bytes"),
        (None, "not NoneType"),
        (b"bytes", "not bytes"),
        (42, "not int"),
    ],
)
def test_invalid_ids_are_refused(bad: object, message: str) -> None:
    with pytest.raises(InvalidClientIdError, match=message):
        validate_client_id(bad)


def test_invalid_id_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="empty"):
        client_id_segment("")


_forbidden = st.sampled_from(["\x00", "\ud800", "\udbff", "\udc00", "\udfff"])


@given(st.text(), _forbidden, st.text())
def test_any_text_with_nul_or_surrogate_is_refused(head: str, bad: str, tail: str) -> None:
    client_id = head + bad + tail
    with pytest.raises(InvalidClientIdError):
        validate_client_id(client_id)
