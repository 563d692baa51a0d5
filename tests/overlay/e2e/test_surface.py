"""The public surface on every client: namespaces, listings, raw responses, error responses."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from hivemq_rest import (
    AsyncHiveMQClient,
    ClientNotFoundError,
    DataPolicy,
    HiveMQClient,
    NotFoundError,
    RawResponse,
)
from hivemq_rest_emulator.services import DEFAULT_BACKUP_SECONDS
from hivemq_rest_emulator.testing import EmulatorHandle

from tests.overlay.e2e._both import CLIENTS, done, every, run_with


@pytest.mark.parametrize("kind", CLIENTS)
def test_the_clients_namespace_has_every_verb(hivemq_emulator: EmulatorHandle, kind: str) -> None:
    hivemq_emulator.add_session("a/1")
    hivemq_emulator.add_session("b 2")

    async def scenario(hivemq: Any) -> None:
        clients = hivemq.clients
        assert sorted(await every(clients.list(page_size=50))) == ["a/1", "b 2"]
        pages = await every(clients.pages(page_size=50))
        assert sorted(id_ for page in pages for id_ in page) == ["a/1", "b 2"]
        assert (await done(clients.get("a/1"))).id == "a/1"
        assert isinstance(await done(clients.is_connected("a/1")), bool)
        assert (await done(clients.connection_state("a/1"))).connected is not None
        assert await every(clients.subscriptions("a/1")) == []
        stream = clients.fetch(["a/1", "gone", "b 2"], concurrency=2)
        fetched = sorted(details.id for details in await every(stream))
        assert (fetched, stream.vanished, stream.fetched) == (["a/1", "b 2"], ["gone"], 2)
        await done(clients.disconnect("a/1", prevent_will_message=True))
        await done(clients.invalidate_session("b 2"))
        with pytest.raises(ClientNotFoundError):
            await done(clients.get("b 2"))

    run_with(kind, hivemq_emulator.base_url, scenario)


@pytest.mark.parametrize("kind", CLIENTS)
def test_every_listing_is_an_iterator(hivemq_emulator: EmulatorHandle, kind: str) -> None:
    async def scenario(hivemq: Any) -> None:
        expected = Iterator if isinstance(hivemq, HiveMQClient) else AsyncIterator
        listings = [
            hivemq.clients.list(),
            hivemq.clients.pages(),
            hivemq.clients.subscriptions("a"),
            hivemq.backups.list(),
            hivemq.trace_recordings.list(),
            hivemq.data_hub.data_policies.list(),
            hivemq.data_hub.behavior_policies.list(),
            hivemq.data_hub.schemas.list(),
            hivemq.data_hub.scripts.list(),
        ]
        for listing in listings:
            assert isinstance(listing, expected)
            if isinstance(listing, AsyncIterator):
                await listing.aclose()  # type: ignore[attr-defined]  # nothing was sent yet
        started = await done(hivemq.backups.create())
        hivemq_emulator.advance_clock(DEFAULT_BACKUP_SECONDS)
        assert [b.id for b in await every(hivemq.backups.list())] == [started.id]

    run_with(kind, hivemq_emulator.base_url, scenario)


@pytest.mark.parametrize("kind", CLIENTS)
def test_raw_responses_carry_the_answer_and_its_parse(
    hivemq_emulator: EmulatorHandle, kind: str
) -> None:
    hivemq_emulator.add_session("dev/1")
    policy = DataPolicy.from_dict({"id": "p1", "matching": {"topicFilter": "t/#"}})

    async def scenario(hivemq: Any) -> None:
        raw = await done(hivemq.with_raw_response.clients.get("dev/1"))
        assert isinstance(raw, RawResponse)
        assert raw.status_code == 200
        assert raw.headers["content-type"].startswith("application/json")
        assert json.loads(raw.content)["client"]["id"] == "dev/1"
        assert raw.parse().id == "dev/1"
        assert raw.path == "/api/v1/mqtt/clients/dev%2F1"
        assert repr(raw) == "<RawResponse 200 GET '/api/v1/mqtt/clients/dev%2F1'>"

        connected = await done(hivemq.with_raw_response.clients.is_connected("dev/1"))
        assert connected.parse() is await done(hivemq.clients.is_connected("dev/1"))

        created = await done(hivemq.with_raw_response.data_hub.data_policies.create(policy))
        assert created.status_code == 201
        # One GET answers the policy and its tag: no second request for etag().
        read = await done(hivemq.with_raw_response.data_hub.data_policies.get("p1"))
        assert read.parse().id == "p1"
        assert read.headers["ETag"] == await done(hivemq.data_hub.data_policies.etag("p1"))

        listed = await done(hivemq.with_raw_response.backups.list())
        assert (listed.status_code, listed.parse()) == (200, [])
        deleted = await done(hivemq.with_raw_response.data_hub.data_policies.delete("p1"))
        assert (deleted.status_code, deleted.parse()) == (204, None)

    run_with(kind, hivemq_emulator.base_url, scenario)


@pytest.mark.parametrize("kind", CLIENTS)
def test_an_error_keeps_its_response(hivemq_emulator: EmulatorHandle, kind: str) -> None:
    async def scenario(hivemq: Any) -> None:
        with pytest.raises(ClientNotFoundError) as caught:
            await done(hivemq.clients.get("no/such\x7fone"))
        response = caught.value.response
        assert response is not None
        assert response.status_code == 404
        assert "errors" in response.parse()  # type: ignore[operator]
        assert response.path == "/api/v1/mqtt/clients/no%2Fsuch%7Fone"
        assert "\x7f" not in repr(response)  # the id as sent: escaped
        with pytest.raises(NotFoundError) as raw_caught:
            await done(hivemq.with_raw_response.backups.get("missing"))
        assert raw_caught.value.response is not None
        assert raw_caught.value.response.status_code == 404

    run_with(kind, hivemq_emulator.base_url, scenario)


def test_both_clients_offer_the_same_raw_methods() -> None:
    def names(obj: object) -> dict[str, list[str]]:
        found = {}
        for space in ("clients", "data_hub", "backups", "trace_recordings", "diagnostic_archives"):
            found[space] = sorted(vars(getattr(obj, space)))
        for space in ("data_policies", "behavior_policies", "schemas", "scripts"):
            found[space] = sorted(vars(getattr(obj.data_hub, space)))  # type: ignore[attr-defined]
        return found

    with HiveMQClient() as sync_client:
        sync_names = names(sync_client.with_raw_response)
    asynchronous = AsyncHiveMQClient(transport="httpx")
    assert names(asynchronous.with_raw_response) == sync_names
    assert "get" in sync_names["clients"]
    assert sync_names["backups"] == ["create", "get", "list", "restore"]


@pytest.mark.parametrize("kind", CLIENTS)
def test_a_data_hub_listing_also_gives_its_pages(
    hivemq_emulator: EmulatorHandle, kind: str
) -> None:
    async def scenario(hivemq: Any) -> None:
        for number in range(12):
            await done(hivemq.data_hub.schemas.create_json(f"s-{number:02}", {"type": "object"}))
        pages = await every(hivemq.data_hub.schemas.list(page_size=10).pages())
        assert [len(page) for page in pages] == [10, 2]
        assert sorted(s.id for page in pages for s in page) == [f"s-{n:02}" for n in range(12)]
        listing = hivemq.data_hub.schemas.list(page_size=10)
        assert len(await every(listing)) == 12
        with pytest.raises(RuntimeError, match="only once"):
            listing.pages()

    run_with(kind, hivemq_emulator.base_url, scenario)
