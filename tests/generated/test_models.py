"""The generated models read every body the broker sends and write it back unchanged."""

from __future__ import annotations

import copy
import datetime
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from hivemq_rest_generated import models
from hivemq_rest_generated.models import (
    ClientDetails,
    ClientItem,
    ClientList,
    ClientSubscription,
    ClientSubscriptionList,
    ClientSubscriptionQos,
    ClientSubscriptionRetainHandling,
    ConnectionDetails,
    ConnectionItem,
    Errors,
    PaginationCursor,
)
from hivemq_rest_generated.types import format_datetime, secret_repr
from hypothesis import given
from hypothesis import strategies as st

from tests.reference_facts import (
    ANY_SCHEMAS,
    EXAMPLE_CONNECTION_STATE,
    EXAMPLE_ERROR,
    EXAMPLE_OFFLINE_CLIENT,
    EXAMPLE_ONLINE_CLIENT,
    SCHEMAS,
)

GENERATED = Path(models.__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("model", "body"),
    [
        (ClientItem, EXAMPLE_ONLINE_CLIENT),
        (ClientItem, EXAMPLE_OFFLINE_CLIENT),
        (ConnectionItem, EXAMPLE_CONNECTION_STATE),
        (Errors, EXAMPLE_ERROR),
    ],
    ids=["online-client", "offline-client", "connection-state", "error"],
)
def test_reference_examples_round_trip(model: Any, body: dict[str, Any]) -> None:
    parsed = model.from_dict(copy.deepcopy(body))
    assert parsed.to_dict() == body


def test_online_example_parses_into_typed_values() -> None:
    client = ClientItem.from_dict(EXAMPLE_ONLINE_CLIENT).client
    assert isinstance(client, ClientDetails)
    assert client.connected_at == datetime.datetime(
        2020, 7, 20, 14, 59, 50, 580000, tzinfo=datetime.UTC
    )
    assert isinstance(client.connection, ConnectionDetails)
    assert client.connection.keep_alive == 60
    assert client.restrictions.max_queue_size == 1000  # type: ignore[union-attr]


def _spec_examples(spec: dict[str, Any]) -> list[tuple[str, Any]]:
    found = []
    for item in spec["paths"].values():
        for operation in (op for key, op in item.items() if key not in ("parameters", "servers")):
            for response in operation["responses"].values():
                if "$ref" in response:
                    *_, name = response["$ref"].split("/")
                    response = spec["components"]["responses"][name]
                media = response.get("content", {}).get("application/json")
                if media is None:
                    continue
                schema = media["schema"]["$ref"].rsplit("/")[-1]
                bodies = [e["value"] for e in media.get("examples", {}).values()]
                bodies += [media["example"]] if "example" in media else []
                found += [(schema, body) for body in bodies]
    return found


def test_every_spec_example_round_trips(spec: dict[str, Any]) -> None:
    examples = _spec_examples(spec)
    assert {schema for schema, _ in examples} >= {"ClientList", "ClientItem", "Errors"}
    for schema, body in examples:
        model = getattr(models, schema)
        assert model.from_dict(copy.deepcopy(body)).to_dict() == body, schema


def test_spec_examples_include_the_reference_bodies(spec: dict[str, Any]) -> None:
    bodies = [body for _, body in _spec_examples(spec)]
    for body in (
        EXAMPLE_ONLINE_CLIENT,
        EXAMPLE_OFFLINE_CLIENT,
        EXAMPLE_CONNECTION_STATE,
        EXAMPLE_ERROR,
    ):
        assert body in bodies


def test_models_carry_the_schema_names() -> None:
    # A schema of any JSON value (JsonNode) is typed Any, not a model.
    assert set(SCHEMAS) - ANY_SCHEMAS <= set(models.__all__)
    assert not ANY_SCHEMAS & set(models.__all__)
    # Nullable object schemas must not come out as "...Type0" classes or modules.
    modules = [p.name for p in GENERATED.rglob("*.py") if "type_0" in p.name]
    classes = [n for n in models.__all__ if re.search(r"Type\d+$", n)]
    assert (modules, classes) == ([], [])


def test_nulls_survive() -> None:
    body = {
        "client": {
            "id": "c",
            "connectedAt": None,
            "sessionExpiryInterval": None,
            "restrictions": None,
            "connection": None,
        }
    }
    parsed = ClientItem.from_dict(copy.deepcopy(body))
    assert parsed.client.restrictions is None  # type: ignore[union-attr]
    assert parsed.to_dict() == body


def test_links_null_and_absent() -> None:
    assert ClientList.from_dict({"items": [], "_links": None}).links is None
    assert ClientList.from_dict({"items": [{"id": "a"}]}).to_dict() == {"items": [{"id": "a"}]}
    page = ClientList.from_dict({"items": [], "_links": {"next": "/x?cursor=a%3D"}})
    assert isinstance(page.links, PaginationCursor)
    assert page.links.next_ == "/x?cursor=a%3D"


@pytest.mark.parametrize(
    ("field", "value", "enum"),
    [
        ("qos", "AT_MOST_TWICE", ClientSubscriptionQos),
        ("retainHandling", "SEND_ON_TUESDAYS", ClientSubscriptionRetainHandling),
    ],
)
def test_unknown_enum_value_is_kept(field: str, value: str, enum: Any) -> None:
    body = {"topicFilter": "a/#", field: value}
    parsed = ClientSubscription.from_dict(dict(body))
    member = parsed.qos if field == "qos" else parsed.retain_handling
    assert isinstance(member, enum)
    assert member == value
    assert member.value == value
    assert str(member) == value
    assert not member.is_known
    assert parsed.to_dict() == body


def test_known_enum_values_stay_canonical() -> None:
    assert ClientSubscriptionQos("EXACTLY_ONCE") is ClientSubscriptionQos.EXACTLY_ONCE
    assert ClientSubscriptionQos.EXACTLY_ONCE.is_known
    assert "AT_MOST_TWICE" not in ClientSubscriptionQos.__members__


def test_enum_value_of_wrong_type_is_rejected() -> None:
    with pytest.raises(ValueError, match="not a valid"):
        ClientSubscriptionQos(2)  # type: ignore[arg-type]


def test_unknown_properties_are_kept_at_every_level() -> None:
    body = copy.deepcopy(EXAMPLE_ONLINE_CLIENT)
    body["cluster"] = "eu-1"
    body["client"]["sessionTags"] = ["a", "b"]
    body["client"]["restrictions"]["maxInflight"] = 10
    body["client"]["connection"]["transport"] = {"kind": "websocket"}
    parsed = ClientItem.from_dict(copy.deepcopy(body))
    assert parsed.additional_properties == {"cluster": "eu-1"}
    assert parsed.client.additional_properties == {"sessionTags": ["a", "b"]}  # type: ignore[union-attr]
    assert parsed.to_dict() == body


_KNOWN_SUBSCRIPTION_KEYS = set(SCHEMAS["ClientSubscription"])
_json_leaf = st.none() | st.booleans() | st.integers() | st.text(max_size=20)
_extra = st.dictionaries(
    st.text(min_size=1, max_size=12).filter(lambda k: k not in _KNOWN_SUBSCRIPTION_KEYS),
    _json_leaf | st.lists(_json_leaf, max_size=3),
    max_size=4,
)
_subscription = st.fixed_dictionaries(
    {"topicFilter": st.text(max_size=30)},
    optional={
        "qos": st.sampled_from([*ClientSubscriptionQos.__members__, "QOS_3"]),
        "retainHandling": st.sampled_from([*ClientSubscriptionRetainHandling.__members__, "NEVER"]),
        "retainAsPublished": st.booleans(),
        "noLocal": st.booleans(),
        "subscriptionIdentifier": st.none() | st.integers(1, 268_435_455),
    },
)


@given(st.lists(st.tuples(_subscription, _extra), max_size=5), _extra)
def test_any_subscription_list_round_trips(
    items: list[tuple[dict[str, Any], dict[str, Any]]], top_extra: dict[str, Any]
) -> None:
    top_extra = {k: v for k, v in top_extra.items() if k not in ("items", "_links")}
    body = {"items": [{**known, **extra} for known, extra in items], **top_extra}
    assert ClientSubscriptionList.from_dict(copy.deepcopy(body)).to_dict() == body


@given(
    st.datetimes(
        min_value=datetime.datetime(1970, 1, 1),
        max_value=datetime.datetime(9999, 12, 31),
        timezones=st.just(datetime.UTC),
    )
)
def test_format_datetime_round_trips(value: datetime.datetime) -> None:
    text = format_datetime(value)
    assert text.endswith("Z")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3}|\.\d{6})?Z", text)
    assert datetime.datetime.fromisoformat(text) == value


@pytest.mark.parametrize(
    "text",
    ["2020-07-20T14:59:50Z", "2020-07-20T14:59:50.580Z", "2020-07-20T14:59:50.000001Z"],
)
def test_format_datetime_writes_what_the_broker_writes(text: str) -> None:
    assert format_datetime(datetime.datetime.fromisoformat(text)) == text


def test_format_datetime_keeps_other_offsets() -> None:
    value = datetime.datetime(2020, 1, 1, 12, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
    assert format_datetime(value) == "2020-01-01T12:00:00+02:00"
    assert format_datetime(datetime.datetime(2020, 1, 1)) == "2020-01-01T00:00:00"


# -- credentials stay out of repr() and str() -------------------------------------

_SECRET_WORDS = ("password", "secret", "token")


@given(st.text(min_size=1), st.text(max_size=8))
def test_password_never_shows_in_repr_or_str(password: str, username: str) -> None:
    def body(password: str) -> dict[str, Any]:
        return {"client": {"id": "c", "connection": {"username": username, "password": password}}}

    item, other = ClientItem.from_dict(body(password)), ClientItem.from_dict(body("x"))
    # Nothing of the password reaches the text: it equals that of another password.
    for text in (repr, str):
        assert text(item) == text(other)
        assert text(item.client.connection) == text(other.client.connection)  # type: ignore[union-attr]
    assert "password=***" in repr(item)
    # ... and it is still there to read and to write back.
    assert item.client.connection.password == password  # type: ignore[union-attr]
    assert item.to_dict() == body(password)


def test_no_password_shows_as_such() -> None:
    assert "password=None" in repr(ConnectionDetails())


def test_every_credential_property_is_hidden() -> None:
    found = []
    for name in models.__all__:
        model = getattr(models, name)
        if not attrs.has(model):
            continue
        for field in attrs.fields(model):
            if any(word in field.name for word in _SECRET_WORDS):
                found.append(f"{name}.{field.name}")
                assert field.repr is secret_repr, f"{name}.{field.name}"
    assert found == ["ConnectionDetails.password"]


def test_null_and_absent_both_read_as_none_and_write_back_as_they_came() -> None:
    null = ClientDetails.from_dict({"id": "c", "sessionExpiryInterval": None})
    absent = ClientDetails.from_dict({"id": "c"})
    assert null.session_expiry_interval is None
    assert absent.session_expiry_interval is None
    assert null == absent  # the same values; only to_dict() remembers the null
    assert null.to_dict() == {"id": "c", "sessionExpiryInterval": None}
    assert absent.to_dict() == {"id": "c"}
    null.session_expiry_interval = 60  # a value set later is what goes out
    assert null.to_dict() == {"id": "c", "sessionExpiryInterval": 60}
    # Built with keywords, None is "not set": a null is only ever written back.
    assert ClientDetails(id="c", session_expiry_interval=None).to_dict() == {"id": "c"}
