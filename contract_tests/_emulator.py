"""The emulator as the contract tests use it: test sessions and admin access.

Every scenario starts from the same state: the store is reset, then holds the
hand-made sessions of :data:`AWKWARD_IDS` (ids that break naive URL handling)
and :data:`SEEDED_COUNT` deterministic seeded sessions. Which awkward session
comes first in the listing rotates with the scenario number, so that the
spec's links (``items/0/id``) lead to a different awkward id each time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final, Protocol

import httpx
from hivemq_rest._constants import MAX_PAGE_SIZE
from hivemq_rest_emulator import EmulatorApp, create_app, seed_sessions, session_from_json
from hivemq_rest_generated.operations import GET_ALL_MQTT_CLIENTS

#: Client ids that a careless client or server mangles: reserved URL
#: characters, a literal percent-escape, dot segments, spaces, non-ASCII.
AWKWARD_IDS: Final[tuple[str, ...]] = (
    "a/b",
    "50%",
    "#x",
    "é",
    "q?x=1&y=2",
    "%2F",
    "with space",
    "plus+sign",
    "..",
    "emoji-\U0001f680",
    "semi;colon,comma",
    "/lead-and-trail/",
)
#: The client id no session ever has (404 everywhere).
UNKNOWN_ID: Final = "no-such-client-\u2603"
SEEDED_COUNT: Final = 120
SEED: Final = 20_240_601


def awkward_session(client_id: str, index: int) -> dict[str, Any]:
    """The admin-API JSON of one hand-made session, its details varying with ``index``."""
    session: dict[str, Any] = {
        "id": client_id,
        "sessionExpiryInterval": [None, 0, 3600, 4_294_967_295][index % 4],
        "messageQueueSize": index * 7,
        "subscriptions": [
            {"topicFilter": f"awkward/{index}/#", "qos": "AT_LEAST_ONCE"},
            {
                "topicFilter": "$share/group/+/x",
                "qos": "EXACTLY_ONCE",
                "retainHandling": "DO_NOT_SEND",
                "noLocal": True,
                "subscriptionIdentifier": index + 1,
            },
        ][: index % 3],
    }
    if index % 2 == 0:
        session["connected"] = True
        session["connection"] = {
            "mqttVersion": ["MQTTv5", "MQTTv3_1_1", "3.1.1"][index % 3],
            "username": None if index % 4 else f"user {client_id}",
            "sourceIp": "127.0.0.1",
        }
    if index % 3 == 0:
        session["will"] = {"topic": f"will/{index}", "payload": "bye", "qos": 1, "retain": False}
    return session


@dataclass(frozen=True)
class ExpectedSession:
    """What the REST API must show of one hand-made session right after it was set up."""

    client_id: str
    connected: bool
    #: (topicFilter, qos) pairs as the API writes them, in no particular order.
    subscriptions: frozenset[tuple[str, str]]
    #: Whether a disconnect ends the session (session expiry 0, a clean session).
    ends_with_connection: bool
    #: Whether a disconnect releases a will (unless preventWillMessage).
    will_on_disconnect: bool


def expected_awkward() -> list[ExpectedSession]:
    """The hand-made sessions of :data:`AWKWARD_IDS` as :func:`prepare` leaves them."""
    found = []
    for index, client_id in enumerate(AWKWARD_IDS):
        session = awkward_session(client_id, index)
        connected = bool(session.get("connected", False))
        found.append(
            ExpectedSession(
                client_id,
                connected,
                frozenset((s["topicFilter"], s["qos"]) for s in session["subscriptions"]),
                session["sessionExpiryInterval"] == 0,
                connected and "will" in session,
            )
        )
    return found


def sessions_for_scenario(scenario: int) -> list[dict[str, Any]]:
    """The hand-made sessions, the awkward id for this scenario number first."""
    sessions = [awkward_session(client_id, index) for index, client_id in enumerate(AWKWARD_IDS)]
    shift = scenario % len(sessions)
    return sessions[shift:] + sessions[:shift]


class EmulatorAdmin(Protocol):
    """What the tests do to the emulator besides calling the API."""

    def reset(self) -> None:
        """Every family back to empty, no events, no faults."""

    def add_sessions(self, sessions: Sequence[dict[str, Any]]) -> None:
        """Add sessions in the admin API's JSON shape, in order."""

    def seed(self, count: int, seed: int) -> None:
        """Add ``count`` deterministic seeded sessions."""

    def events(self) -> list[dict[str, Any]]:
        """The recorded events, oldest first."""

    def advance_clock(self, seconds: float) -> None:
        """Move emulator time forward (``PUT /_emulator/clock``)."""

    def client_ids(self) -> list[str]:
        """Every session's client id, in listing order."""


def prepare(admin: EmulatorAdmin, scenario: int = 0) -> None:
    """Reset the emulator and load the test sessions for ``scenario``."""
    admin.reset()
    admin.add_sessions(sessions_for_scenario(scenario))
    admin.seed(SEEDED_COUNT, SEED)


class InProcessAdmin:
    """Admin access to an in-process app, straight to its store."""

    def __init__(self, app: EmulatorApp) -> None:
        self.app = app

    def reset(self) -> None:
        """Every family back to empty, no events, no faults, wall-clock time.

        As ``DELETE /_emulator/state``.
        """
        self.app.admin.reset()

    def add_sessions(self, sessions: Sequence[dict[str, Any]]) -> None:
        """Add sessions in the admin API's JSON shape, in order."""
        self.app.store.add_many([session_from_json(session) for session in sessions])

    def seed(self, count: int, seed: int) -> None:
        """Add ``count`` deterministic seeded sessions."""
        seed_sessions(self.app.store, count, seed)

    def events(self) -> list[dict[str, Any]]:
        """The recorded events, oldest first."""
        return self.app.store.events()

    def advance_clock(self, seconds: float) -> None:
        """Move emulator time forward."""
        self.app.clock.advance(seconds)

    def client_ids(self) -> list[str]:
        """Every session's client id, in listing order."""
        return self.app.store.ids()


class HttpAdmin:
    """Admin access over HTTP (``/_emulator/...``), for an emulator in another process."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self._http = httpx.Client(base_url=base_url, timeout=30.0)

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def _expect(self, response: httpx.Response, status: int) -> httpx.Response:
        if response.status_code != status:
            raise AssertionError(
                f"admin request {response.request.method} {response.request.url} answered "
                f"{response.status_code}, expected {status}: {response.text[:500]}"
            )
        return response

    def reset(self) -> None:
        """Every family back to empty, no events, no faults, wall-clock time."""
        self._expect(self._http.delete("/_emulator/state"), 204)

    def add_sessions(self, sessions: Sequence[dict[str, Any]]) -> None:
        """Add sessions in the admin API's JSON shape, in order."""
        self._expect(self._http.post("/_emulator/sessions", json=list(sessions)), 201)

    def seed(self, count: int, seed: int) -> None:
        """Add ``count`` deterministic seeded sessions."""
        self._expect(self._http.post("/_emulator/seed", json={"count": count, "seed": seed}), 201)

    def set_faults(self, faults: dict[str, Any]) -> None:
        """Replace the injected faults (``PUT /_emulator/faults``)."""
        self._expect(self._http.put("/_emulator/faults", json=faults), 200)

    def events(self) -> list[dict[str, Any]]:
        """The recorded events, oldest first."""
        events: list[dict[str, Any]] = self._expect(
            self._http.get("/_emulator/events"), 200
        ).json()["events"]
        return events

    def advance_clock(self, seconds: float) -> None:
        """Move emulator time forward (``PUT /_emulator/clock``)."""
        self._expect(self._http.put("/_emulator/clock", json={"advanceSeconds": seconds}), 200)

    def client_ids(self) -> list[str]:
        """Every session's client id, in listing order (read through the API itself)."""
        ids: list[str] = []
        params: dict[str, str | int] = {"limit": MAX_PAGE_SIZE}
        while True:
            listing = self._http.get(GET_ALL_MQTT_CLIENTS.path, params=params)
            page = self._expect(listing, 200).json()
            ids.extend(item["id"] for item in page["items"])
            next_url = (page.get("_links") or {}).get("next")
            if not next_url:
                return ids
            cursor = httpx.URL(next_url).params["cursor"]
            params = {"limit": MAX_PAGE_SIZE, "cursor": cursor}


def in_process_app() -> EmulatorApp:
    """A fresh in-process emulator app (empty store, no faults)."""
    return create_app()
