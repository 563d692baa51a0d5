"""_paging: cursors out of next URLs, and the listing's walk, restarts and guards."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hivemq_rest import CursorExpiredError, UnexpectedResponseError
from hivemq_rest._constants import MAX_EMPTY_PAGES, MAX_PAGE_SIZE, MIN_PAGE_SIZE
from hivemq_rest._paging import ClientIdListing, CursorTrail, check_page_size, cursor_from_next
from hypothesis import given
from hypothesis import strategies as st

from tests.overlay.open_files import open_temporary_files


def _page(body: Any) -> httpx.Response:
    request = httpx.Request("GET", "http://h/api/v1/mqtt/clients")
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return httpx.Response(200, content=content, request=request)


def _ids_page(ids: list[str], next_url: str | None = None) -> httpx.Response:
    body: dict[str, Any] = {"items": [{"id": i} for i in ids]}
    if next_url is not None:
        body["_links"] = {"next": next_url}
    return _page(body)


def _expired() -> CursorExpiredError:
    return CursorExpiredError(
        status=410, title="Cursor not valid anymore", detail="", method="GET", path="/x"
    )


@pytest.mark.parametrize(
    ("next_url", "cursor"),
    [
        ("/api/v1/mqtt/clients?cursor=abc&limit=100", "abc"),
        ("/api/v1/mqtt/clients?limit=100&cursor=a2V5%3D%3D", "a2V5=="),
        ("/api/v1/mqtt/clients?cursor=a%2Bb%2Fc", "a+b/c"),
        ("/api/v1/mqtt/clients?cursor=a+b", "a+b"),
        ("/api/v1/mqtt/clients?cursor=a%2525", "a%25"),
        ("/api/v1/mqtt/clients?%63ursor=x", "x"),
        ("/api/v1/mqtt/clients?cursor=", ""),
        ("/api/v1/mqtt/clients?limit=100", None),
        ("/api/v1/mqtt/clients?xcursor=1&cursorx=2", None),
        ("https://other.example/api/v1/mqtt/clients?cursor=q-_", "q-_"),
    ],
)
def test_cursor_from_next(next_url: str, cursor: str | None) -> None:
    assert cursor_from_next(next_url) == cursor


@given(st.text(min_size=1, alphabet=st.characters(codec="utf-8")))
def test_any_cursor_survives_percent_encoding(cursor: str) -> None:
    next_url = f"/api/v1/mqtt/clients?limit=50&cursor={quote(cursor, safe='')}"
    assert cursor_from_next(next_url) == cursor


@pytest.mark.parametrize("size", [MIN_PAGE_SIZE, MIN_PAGE_SIZE + 1, 500, MAX_PAGE_SIZE])
def test_page_size_in_range(size: int) -> None:
    assert check_page_size(size) == size


@pytest.mark.parametrize(
    "size",
    [MIN_PAGE_SIZE - 1, 0, -1, MAX_PAGE_SIZE + 1, 10**9, float(MIN_PAGE_SIZE), "100", True, None],
)
def test_page_size_out_of_range(size: object) -> None:
    with pytest.raises(
        ValueError, match=f"page_size must be an int from {MIN_PAGE_SIZE} to {MAX_PAGE_SIZE}"
    ):
        check_page_size(size)


def test_on_cursor_expired_is_checked() -> None:
    with pytest.raises(ValueError, match="on_cursor_expired"):
        ClientIdListing(100, "retry")  # type: ignore[arg-type]


def test_walk_follows_the_decoded_cursor() -> None:
    listing = ClientIdListing(50)
    assert listing.params() == {"limit": 50}
    assert listing.take_page(
        _ids_page(["a", "b"], "/api/v1/mqtt/clients?cursor=c%3D1&limit=50")
    ) == ["a", "b"]
    assert listing.params() == {"limit": 50, "cursor": "c=1"}
    assert not listing.done
    assert listing.take_page(_ids_page(["c"])) == ["c"]
    assert listing.done


@pytest.mark.parametrize("links", [None, {}, {"next": None}, {"next": ""}])
def test_last_page_without_next(links: Any) -> None:
    listing = ClientIdListing(50)
    listing.take_page(_page({"items": [{"id": "a"}], "_links": links}))
    assert listing.done


def test_repeated_cursor_fails() -> None:
    listing = ClientIdListing(50)
    listing.take_page(_ids_page(["a"], "/x?cursor=same"))
    with pytest.raises(UnexpectedResponseError, match="cursor it gave before"):
        listing.take_page(_ids_page(["b"], "/x?cursor=same"))


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<html>502</html>", "not JSON"),
        (b'{"items": [{"id": "a"}', "not JSON"),
        ([], "string id"),
        ({"items": None}, "string id"),
        ({"items": {"id": "a"}}, "string id"),
        ({"items": [{"name": "a"}]}, "string id"),
        ({"items": ["a"]}, "string id"),
        ({"items": [{"id": 7}]}, "string id"),
        ({"items": [{"id": None}]}, "string id"),
        ({"items": [], "_links": "next"}, "_links is not an object"),
        ({"items": [], "_links": {"next": 5}}, "not a string"),
        ({"items": [], "_links": {"next": "/x?limit=5"}}, "has no cursor"),
        ({"items": [], "_links": {"next": "/x?cursor=%ff"}}, "has no cursor"),
    ],
)
def test_malformed_pages_are_typed_errors(body: Any, message: str) -> None:
    with pytest.raises(UnexpectedResponseError, match=message) as caught:
        ClientIdListing(50).take_page(_page(body))
    assert caught.value.status == 200


def test_restart_yields_only_new_ids() -> None:
    listing = ClientIdListing(50)
    listing.take_page(_ids_page(["a", "b"], "/x?cursor=1"))
    listing.restart(_expired())
    assert listing.params() == {"limit": 50}
    assert listing.restarts == 1
    # The same cursor may come back after a restart: it is a new walk.
    assert listing.take_page(_ids_page(["b", "c", "a"], "/x?cursor=1")) == ["c"]
    listing.restart(_expired())
    assert listing.take_page(_ids_page(["a", "d", "c", "b"])) == ["d"]


def test_restarts_are_bounded() -> None:
    listing = ClientIdListing(50, max_restarts=2)
    listing.restart(_expired())
    listing.restart(_expired())
    with pytest.raises(CursorExpiredError, match="gave up after 2 restarts"):
        listing.restart(_expired())


def test_raise_mode_raises_the_expiry() -> None:
    listing = ClientIdListing(50, "raise")
    error = _expired()
    with pytest.raises(CursorExpiredError) as caught:
        listing.restart(error)
    assert caught.value is error


def test_trail_accepts_absent_links() -> None:
    assert CursorTrail().next_cursor(_page({}), None) is None


# -- the record of handed-out ids ------------------------------------------------


# Any text json.loads can give, lone surrogates and U+0000 included.
_any_ids = st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=30, unique=True)


@given(first=_any_ids, second=_any_ids)
def test_restart_skips_exactly_the_ids_handed_out(first: list[str], second: list[str]) -> None:
    listing = ClientIdListing(50)
    try:
        assert listing.take_page(_ids_page(first, "/x?cursor=1")) == first
        listing.restart(_expired())
        assert listing.take_page(_ids_page(second)) == [i for i in second if i not in first]
    finally:
        listing.close()


def test_record_is_a_deleted_file_closed_when_the_walk_ends() -> None:
    before = open_temporary_files()
    listing = ClientIdListing(50)
    listing.take_page(_ids_page(["a", "b"], "/x?cursor=1"))
    opened = [name for name in open_temporary_files() if name not in before]
    assert len(opened) == 1  # unlinked from the start
    listing.take_page(_ids_page(["c"]))  # the last page
    assert open_temporary_files() == before


def test_abandoned_walk_closes_its_record() -> None:
    before = open_temporary_files()
    listing = ClientIdListing(50)
    listing.take_page(_ids_page(["a"], "/x?cursor=1"))
    listing.close()
    assert open_temporary_files() == before


def test_single_page_listing_writes_no_record() -> None:
    before = open_temporary_files()
    listing = ClientIdListing(50)
    listing.take_page(_ids_page(["a", "b"], "/x?cursor=1"))
    assert open_temporary_files() != before
    listing.close()
    listing = ClientIdListing(50)
    listing.take_page(_ids_page(["a"]))
    assert listing.done
    assert open_temporary_files() == before


def test_without_a_writable_temporary_directory_ids_are_hashed_in_memory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "missing"))
    listing = ClientIdListing(50)
    listing.take_page(_ids_page(["a", "b"], "/x?cursor=1"))
    listing.take_page(_ids_page(["c"], "/x?cursor=2"))  # no OSError
    listing.restart(_expired())
    assert listing.take_page(_ids_page(["b", "d", "c", "a"])) == ["d"]


def test_record_survives_a_second_restart() -> None:
    listing = ClientIdListing(50)
    listing.take_page(_ids_page(["a"], "/x?cursor=1"))
    listing.restart(_expired())
    # A page holding U+0000 goes to memory, the rest to the file: both count.
    assert listing.take_page(_ids_page(["a", "b\x00c", "d"], "/x?cursor=1")) == ["b\x00c", "d"]
    listing.take_page(_ids_page(["e"], "/x?cursor=2"))
    listing.restart(_expired())
    assert listing.take_page(_ids_page(["e", "d", "b", "c", "b\x00c", "a", "f"])) == [
        "b",
        "c",
        "f",
    ]


def test_unreadable_record_raises_the_expiry(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    class UnreadableFile(io.FileIO):
        def read(self, size: int | None = -1, /) -> bytes:
            raise OSError(5, "Input/output error")

    def temporary_file(**options: Any) -> io.FileIO:
        return UnreadableFile(tmp_path / "record", "w+b")

    monkeypatch.setattr(tempfile, "TemporaryFile", temporary_file)
    listing = ClientIdListing(50)
    listing.take_page(_ids_page(["a"], "/x?cursor=1"))
    assert (tmp_path / "record").read_bytes() == b"a\0"
    error = _expired()
    with pytest.raises(CursorExpiredError) as caught:
        listing.restart(error)
    assert caught.value is error
    assert isinstance(caught.value.__cause__, OSError)


def test_a_restart_starts_the_count_of_empty_pages_again() -> None:
    listing = ClientIdListing(50)
    for number in range(MAX_EMPTY_PAGES - 1):
        assert listing.take_page(_ids_page([], f"/x?cursor=a{number}")) == []
    listing.restart(_expired())
    for number in range(MAX_EMPTY_PAGES - 1):
        listing.take_page(_ids_page([], f"/x?cursor=b{number}"))
    with pytest.raises(UnexpectedResponseError, match="no progress"):
        listing.take_page(_ids_page([], "/x?cursor=last"))
