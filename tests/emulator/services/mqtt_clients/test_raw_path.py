"""Client ids that need percent-encoding reach exactly their own session."""

from __future__ import annotations

import httpx
import pytest
from hivemq_rest_emulator import EmulatorHandle
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.emulator.helpers import LIST, asgi_request, assert_error, client_path, walk
from tests.examples import examples

AWKWARD_IDS = [
    "a/b",
    "/",
    "//",
    "a%2Fb",
    "%2F",
    "%",
    "%25",
    "100%",
    "?",
    "a?b=c",
    "#",
    "a#b",
    " ",
    "a b",
    "+",
    "a+b",
    "🚀",
    "emoji-🚀🔥",
    "ünïcødé",
    "日本語",
    "\u200b",
    ".",
    "..",
    "...",
    "a/../b",
    "connection",
    "subscriptions",
    "x" * 2000,
    "tab\there",
    "new\nline",
    "cr\rlf\n",
    "\x7f\x01",
    "back\\slash",
    "semi;colon",
    "&amp;",
    "\U0010ffff",
]

# Sessions that a wrong decoding of the ids above would hit instead.
DECOYS = ["a", "b", "a%252Fb", "a b c", "a", "100", "a ", "emoji-", "ab", "%252F", "x"]


@pytest.fixture
def populated(hivemq_emulator: EmulatorHandle) -> EmulatorHandle:
    for client_id in dict.fromkeys(AWKWARD_IDS + DECOYS):
        hivemq_emulator.add_session(client_id, connected=len(client_id) % 2 == 0)
    return hivemq_emulator


@pytest.mark.parametrize("client_id", AWKWARD_IDS)
def test_awkward_id_reaches_its_own_session(
    populated: EmulatorHandle, client: httpx.Client, client_id: str
) -> None:
    response = client.get(client_path(client_id))
    assert response.status_code == 200, response.text
    assert response.json()["client"]["id"] == client_id
    connected = client.get(client_path(client_id, "/connection")).json()
    assert connected == {"connection": {"connected": len(client_id) % 2 == 0}}
    assert client.get(client_path(client_id, "/subscriptions")).status_code == 200

    before = set(populated.store.ids())
    assert client.delete(client_path(client_id)).status_code == 204
    assert set(populated.store.ids()) == before - {client_id}
    assert_error(client.get(client_path(client_id)), 404, "Resource not found")


def test_listing_returns_awkward_ids_verbatim(
    populated: EmulatorHandle, client: httpx.Client
) -> None:
    assert walk(client, 50) == populated.store.ids()


@pytest.mark.parametrize("client_id", ["a/b", "%2F", "🚀", "a?b=c", "a#b", "."])
def test_in_process_asgi_routes_on_the_raw_path(populated: EmulatorHandle, client_id: str) -> None:
    response = asgi_request(populated.app, "GET", client_path(client_id))
    assert response.status_code == 200
    assert response.json()["client"]["id"] == client_id


@pytest.mark.parametrize(
    ("path", "message"),
    [
        (f"{LIST}/%FF", "UTF-8"),
        (f"{LIST}/%C3%28", "UTF-8"),
        (f"{LIST}/%ED%A0%80", "UTF-8"),  # an encoded surrogate
        (f"{LIST}/%zz", "percent-escape"),
        (f"{LIST}/abc%2", "percent-escape"),
    ],
)
def test_invalid_client_id_segment_is_400(
    populated: EmulatorHandle, client: httpx.Client, path: str, message: str
) -> None:
    detail = assert_error(client.get(path), 400, "Invalid path parameter")
    assert message in detail


@pytest.mark.parametrize("path", [f"{LIST}/", f"{LIST}//connection", f"{LIST}//subscriptions"])
def test_an_empty_client_id_segment_is_a_missing_parameter(
    populated: EmulatorHandle, client: httpx.Client, path: str
) -> None:
    detail = assert_error(client.get(path), 400, "Required parameter missing")
    assert "'clientId' must not be empty" in detail


def test_delete_with_an_empty_id_touches_nothing(
    populated: EmulatorHandle, client: httpx.Client
) -> None:
    before = populated.store.ids()
    assert_error(client.delete(f"{LIST}/"), 400)
    assert_error(client.delete(f"{LIST}//connection"), 400)
    assert populated.store.ids() == before
    assert populated.events() == []


def test_nul_is_never_a_session(populated: EmulatorHandle, client: httpx.Client) -> None:
    assert_error(client.get(f"{LIST}/%00"), 404, "Resource not found")


MQTT_IDS = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters=["\x00"]),
    min_size=1,
    max_size=200,
)


@settings(
    derandomize=True,
    max_examples=examples(120),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(client_id=MQTT_IDS)
@example(client_id="\n")
@example(client_id="a\r\nb")
@example(client_id="..")
@example(client_id="%2F")
@example(client_id="\U0010ffff\x7f")
def test_any_valid_mqtt_id_reaches_exactly_its_session(
    hivemq_emulator: EmulatorHandle, client: httpx.Client, client_id: str
) -> None:
    hivemq_emulator.reset()
    neighbours = {
        client_id + "/",
        client_id + "%2F",
        client_id[:-1] or "neighbour",
        "x/" + client_id,
    }
    neighbours.discard(client_id)
    hivemq_emulator.add_session(client_id, connected=True, session_expiry_interval=60)
    for other in sorted(neighbours):
        hivemq_emulator.add_session(other, connected=True)

    response = client.get(client_path(client_id))
    assert response.status_code == 200, response.text
    assert response.json()["client"]["id"] == client_id

    assert client.delete(client_path(client_id, "/connection")).status_code == 204
    assert client.get(client_path(client_id, "/connection")).json() == {
        "connection": {"connected": False}
    }
    for other in neighbours:
        assert client.get(client_path(other, "/connection")).json() == {
            "connection": {"connected": True}
        }

    assert client.delete(client_path(client_id)).status_code == 204
    assert sorted(hivemq_emulator.store.ids()) == sorted(neighbours)
    assert [event["clientId"] for event in hivemq_emulator.events()] == [client_id, client_id]
