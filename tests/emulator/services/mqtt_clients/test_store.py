"""SessionStore used directly: adding, deleting, compaction, copies."""

from __future__ import annotations

import random

import pytest
from hivemq_rest_emulator import (
    ConnectionDetails,
    DuplicateSessionError,
    Session,
    SessionStore,
    Will,
    seed_sessions,
)


def all_pages(store: SessionStore, limit: int) -> list[list[str]]:
    pages = []
    cursor = None
    while True:
        page = store.page(limit, cursor)
        pages.append(page.ids)
        if page.next_cursor is None:
            return pages
        cursor = page.next_cursor


def test_pages_stay_correct_while_sessions_are_deleted() -> None:
    store = SessionStore()
    seed_sessions(store, 5000, seed=1)
    expected = store.ids()
    rng = random.Random(5)
    # Delete most sessions in random order (through compactions and trailing deletes).
    for client_id in rng.sample(expected, 4900):
        assert store.invalidate(client_id)
        expected.remove(client_id)
        if len(expected) % 700 == 0:
            for limit in (50, 77):
                pages = all_pages(store, limit)
                assert [i for page in pages for i in page] == expected
                assert all(len(page) == limit for page in pages[:-1])
    assert store.ids() == expected
    assert len(store) == 100
    for client_id in expected:
        assert store.get(client_id) is not None


def test_deleting_the_last_session_leaves_no_empty_page() -> None:
    store = SessionStore()
    for n in range(100):
        store.add(Session(id=f"s{n}"))
    store.invalidate("s99")
    store.invalidate("s98")
    pages = all_pages(store, 49 + 49)
    assert pages == [[f"s{n}" for n in range(98)]]
    store.add(Session(id="s98"))
    assert store.ids()[-1] == "s98"


def test_changed_sessions_survive_compaction() -> None:
    store = SessionStore()
    seed_sessions(store, 3000, seed=2)
    ids = store.ids()
    keep = ids[-1]
    store.add(Session(id="mine", connection=ConnectionDetails(), session_expiry_interval=9))
    store.disconnect("mine")
    for client_id in ids[:-1]:
        store.invalidate(client_id)
    mine = store.get("mine")
    assert mine is not None
    assert not mine.connected
    assert mine.session_expiry_interval == 9
    assert store.ids() == [keep, "mine"]


def test_get_returns_a_copy() -> None:
    store = SessionStore()
    store.add(Session(id="a", will=Will(topic="t")))
    copy = store.get("a")
    assert copy is not None
    copy.will = None
    stored = store.get("a")
    assert stored is not None
    assert stored.will_present


def test_add_copies_the_session() -> None:
    store = SessionStore()
    session = Session(id="a")
    store.add(session)
    session.message_queue_size = 99
    stored = store.get("a")
    assert stored is not None
    assert stored.message_queue_size == 0


def test_add_many_is_all_or_nothing() -> None:
    store = SessionStore()
    store.add(Session(id="b"))
    with pytest.raises(DuplicateSessionError) as caught:
        store.add_many([Session(id="a"), Session(id="b")])
    assert caught.value.client_id == "b"
    assert store.ids() == ["b"]


@pytest.mark.parametrize("client_id", ["", "a\x00", "\ud800", "é" * 32768])
def test_invalid_ids_are_refused(client_id: str) -> None:
    store = SessionStore()
    with pytest.raises(ValueError, match="client id"):
        store.add(Session(id=client_id))
    assert len(store) == 0


def test_generation_moves_only_when_the_set_changes() -> None:
    store = SessionStore()
    start = store.generation
    store.add(Session(id="a", connection=ConnectionDetails(), session_expiry_interval=5))
    after_add = store.generation
    assert after_add > start
    store.disconnect("a")
    assert store.generation == after_add
    assert not store.disconnect("nobody")
    assert not store.invalidate("nobody")
    assert store.generation == after_add
    store.invalidate("a")
    assert store.generation > after_add


def test_event_log_is_bounded() -> None:
    store = SessionStore(max_events=3)
    for n in range(5):
        store.add(Session(id=str(n)))
        store.invalidate(str(n))
    assert [event["clientId"] for event in store.events()] == ["2", "3", "4"]
