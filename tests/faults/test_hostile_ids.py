"""Hostile client ids and inputs.

A fuzzed corpus of ids goes through every per-client operation against the
emulator, surrounded by "neighbour" sessions whose ids a sloppy client could
reach instead (the id decoded, encoded, cut at a slash, with a suffix, dot
segments, ...): only the targeted session may be touched. Invalid ids and page
sizes must fail before anything is sent: the server sees no request at all.
"""

from __future__ import annotations

import asyncio
import unicodedata
from typing import Any
from urllib.parse import quote, unquote

import pytest
from hivemq_rest import AsyncHiveMQClient, ClientNotFoundError, HiveMQClient, InvalidClientIdError
from hivemq_rest._constants import MAX_PAGE_SIZE, MIN_PAGE_SIZE
from hivemq_rest_emulator import EmulatorHandle, validate_client_id
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.examples import examples
from tests.faults.calls import KINDS, PER_CLIENT, call, open_client
from tests.overlay.cli.cli_run import run as run_cli
from tests.overlay.local_server import local_server
from tests.overlay.strategies import valid_ids

# Pieces that mean something to URLs, HTTP, routers and path normalisers.
TOKENS = [
    "/",
    "//",
    "%",
    "%2F",
    "%2f",
    "%252F",
    "%25",
    "%00",
    "%2E",
    "%2e%2e",
    ".",
    "..",
    "?",
    "#",
    "&",
    "=",
    "+",
    " ",
    "\\",
    ";",
    ",",
    ":",
    "@",
    "connection",
    "subscriptions",
    "clients",
    "api",
    "\t",
    "\n",
    "\r",
    "é",
    "e\u0301",
    "🚀",
    "\u200b",
    "\ufeff",
    "\u202e",
    "~",
    "*",
    "'",
    '"',
    "<",
    ">",
    "a",
    "B",
    "1",
]

hostile_ids = (
    valid_ids
    | st.lists(st.sampled_from(TOKENS), min_size=1, max_size=8).map("".join)
    | st.text(
        alphabet=st.characters(codec="utf-8", exclude_characters="\x00"),
        min_size=1,
        max_size=300,
    )
)


def _valid(candidate: str) -> bool:
    try:
        validate_client_id(candidate)
    except ValueError:
        return False
    return True


def neighbours(target: str) -> list[str]:
    """Ids a client that mangles ``target`` on its way to the server could reach instead."""
    head, _, tail = target.partition("/")
    candidates = [
        unquote(target),
        unquote(unquote(target)),
        quote(target, safe=""),
        quote(target),
        target.replace("%2F", "/").replace("%2f", "/"),
        target.replace("/", "%2F"),
        target + "/",
        target + "/connection",
        target + "/subscriptions",
        target.rstrip("/"),
        target.strip(),
        target.strip("."),
        head,
        tail,
        target.rpartition("/")[2],
        target.split("?")[0],
        target.split("#")[0],
        target.replace("+", " "),
        target.replace(" ", "+"),
        target.lower(),
        target.upper(),
        target[:-1],
        target + "x",
        unicodedata.normalize("NFC", target),
        unicodedata.normalize("NFKC", target),
        ".",
        "..",
        "%2E",
        "connection",
        "subscriptions",
        "a",
    ]
    unique: list[str] = []
    for candidate in candidates:
        if candidate != target and _valid(candidate) and candidate not in unique:
            unique.append(candidate)
    return unique


def _populate(emulator: EmulatorHandle, target: str) -> list[str]:
    emulator.reset()
    others = neighbours(target)
    for number, client_id in enumerate([target, *others]):
        emulator.add_session(
            client_id,
            connected=True,
            session_expiry_interval=3600,
            will={"topic": f"will/{number}"},
            subscriptions=[{"topicFilter": f"t/{number}"}],
        )
    return others


def _snapshot(emulator: EmulatorHandle, ids: list[str]) -> dict[str, Any]:
    return {client_id: emulator.store.get(client_id) for client_id in ids}


def _events_only_for(emulator: EmulatorHandle, target: str) -> list[str]:
    events = emulator.events()
    assert {event["clientId"] for event in events} <= {target}, events
    return [str(event["type"]) for event in events]


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=examples(100))
@given(target=hostile_ids)
def test_fuzzed_ids_touch_only_their_own_session(
    hivemq_emulator_server: EmulatorHandle, kind: str, target: str
) -> None:
    emulator = hivemq_emulator_server
    try:
        others = _populate(emulator, target)
        before = _snapshot(emulator, others)
        with open_client(kind, emulator.base_url) as do:
            details = do("get_client", target)
            assert (details.id, details.connected) == (target, True)
            assert [item.topic_filter for item in do("subscriptions", target)] == ["t/0"]
            assert do("is_connected", target) is True

            do("disconnect", target)
            assert _events_only_for(emulator, target) == ["disconnect", "will"]
            assert _snapshot(emulator, others) == before
            # The target is offline now, every neighbour still online: these
            # answers can only come from the target's own resources.
            assert do("is_connected", target) is False
            assert do("get_connection_state", target).connected is False
            assert do("get_client", target).connected is False

            do("invalidate", target)
            assert _events_only_for(emulator, target) == ["disconnect", "will", "invalidate"]
            assert target not in emulator.store
            assert _snapshot(emulator, others) == before

            for operation in PER_CLIENT:
                with pytest.raises(ClientNotFoundError):
                    do(operation, target)
        assert _snapshot(emulator, others) == before
        assert len(emulator.store) == len(others)
    finally:
        emulator.reset()


# -- refused before sending -------------------------------------------------------------

INVALID_IDS: list[Any] = [
    "",
    "\x00",
    "a\x00b",
    "\ud800",
    "ok\udfff",
    "x" * 65_536,
    "é" * 32_768,  # 65,536 bytes of UTF-8
    None,
    42,
    b"bytes",
    ["a"],
]

invalid_ids = st.one_of(
    st.sampled_from(INVALID_IDS),
    st.tuples(valid_ids, st.sampled_from(["\x00", "\ud800", "\udbff\udc00"]), valid_ids).map(
        "".join
    ),
)

INVALID_PAGE_SIZES: list[Any] = [
    0,
    MIN_PAGE_SIZE - 1,
    MAX_PAGE_SIZE + 1,
    -1,
    10**9,
    True,
    False,
    float(MAX_PAGE_SIZE),
    "100",
]


@pytest.mark.parametrize("kind", KINDS)
def test_invalid_ids_are_refused_before_sending(kind: str) -> None:
    with local_server() as server:
        for client_id in INVALID_IDS:
            for operation in PER_CLIENT:
                with pytest.raises(InvalidClientIdError):
                    call(kind, server.base_url, operation, client_id)
        if kind == "async":
            with pytest.raises(InvalidClientIdError):
                call(kind, server.base_url, "fetch", ["\x00", "a\x00"])
        assert server.seen == []


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=examples(30))
@given(client_id=invalid_ids)
def test_fuzzed_invalid_ids_are_refused_before_sending(kind: str, client_id: Any) -> None:
    with local_server() as server, open_client(kind, server.base_url) as do:
        for operation in PER_CLIENT:
            with pytest.raises(InvalidClientIdError):
                do(operation, client_id)
        assert server.seen == []


@pytest.mark.parametrize("kind", KINDS)
def test_invalid_page_sizes_are_refused_before_sending(kind: str) -> None:
    with local_server() as server:
        for page_size in INVALID_PAGE_SIZES:
            for operation in ("list_sized", "pages"):
                with pytest.raises(ValueError, match="page_size"):
                    call(kind, server.base_url, operation, page_size)
        for concurrency in (0, -1, True, 1.5):
            with pytest.raises(ValueError, match="concurrency"):
                call_fetch(kind, server.base_url, concurrency)
        assert server.seen == []


def call_fetch(kind: str, base_url: str, concurrency: Any) -> Any:
    """clients.fetch with a given concurrency (refused before anything is read or sent)."""
    if kind == "sync":
        with HiveMQClient(base_url) as client:
            return list(client.clients.fetch(["a"], concurrency=concurrency))

    async def main() -> Any:
        async with AsyncHiveMQClient(base_url) as hivemq:
            return [d async for d in hivemq.clients.fetch(["a"], concurrency=concurrency)]

    return asyncio.run(main())


def test_cli_refuses_invalid_ids_and_page_sizes_before_sending() -> None:
    with local_server() as server:
        url = ["--url", server.base_url]
        for command in ("show", "state", "subscriptions"):
            result = run_cli("clients", command, *url, "--", "")
            assert result.returncode == 6, result.stderr
            assert "Traceback" not in result.stderr
        for command in ("disconnect", "invalidate"):
            result = run_cli("clients", command, "--yes", *url, "--", "")
            assert result.returncode == 6, result.stderr
        # An argument that is not UTF-8 reaches Python as a lone surrogate.
        result = run_cli("clients", "show", *url, "--", "bad\udcff")
        assert result.returncode == 6, result.stderr
        for size in ("49", "2501", "0", "ten"):
            result = run_cli("clients", "list", "--page-size", size, *url)
            assert result.returncode == 2, result.stderr
        assert server.seen == []
