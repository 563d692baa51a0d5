"""The one cursor walk of the Data Hub lists: filters, bounds, a server going round in circles."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import Any, Final
from urllib.parse import parse_qs

import pytest
from hivemq_rest import (
    ClientDetails,
    CursorExpiredError,
    DataPolicy,
    PartialBehaviorPolicy,
    PartialDataPolicy,
    PartialSchema,
    PartialScript,
    UnexpectedResponseError,
)
from hivemq_rest._constants import MAX_CURSOR_CHARS, MAX_EMPTY_PAGES
from hivemq_rest._lazy import lazy_items
from hivemq_rest_generated import operations as api
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.examples import examples
from tests.overlay.fake_api import FakeAPI, problem

from .data_hub_stub import DATA_POLICY, KINDS, ok, page, run

#: Each list: its operation, how it is called with keyword arguments, its model with fields=.
LISTS: Final[dict[str, tuple[api.Operation, Callable[..., Callable[[Any], Any]], type]]] = {
    "data_policies": (
        api.GET_ALL_DATA_POLICIES,
        lambda **kw: lambda hub: hub.data_policies.list(**kw),
        PartialDataPolicy,
    ),
    "behavior_policies": (
        api.GET_ALL_BEHAVIOR_POLICIES,
        lambda **kw: lambda hub: hub.behavior_policies.list(**kw),
        PartialBehaviorPolicy,
    ),
    "schemas": (
        api.GET_ALL_SCHEMAS,
        lambda **kw: lambda hub: hub.schemas.list(**kw),
        PartialSchema,
    ),
    "scripts": (
        api.GET_ALL_SCRIPTS,
        lambda **kw: lambda hub: hub.scripts.list(**kw),
        PartialScript,
    ),
}
#: Each list's sequence filters.
FILTERS: Final = {
    "data_policies": ["policy_ids", "schema_ids", "fields"],
    "behavior_policies": ["policy_ids", "client_ids", "fields"],
    "schemas": ["schema_ids", "types", "fields"],
    "scripts": ["script_ids", "function_types", "fields"],
}
NAMES: Final = list(LISTS)


def _next(operation: api.Operation, cursor: str) -> str:
    return f"{operation.path}?cursor={cursor}&limit=10"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", NAMES)
def test_walks_every_page_sending_the_decoded_cursor(kind: str, name: str) -> None:
    operation, call, model = LISTS[name]
    fake = FakeAPI().script(
        page([{"id": "1"}, {"id": "2"}], _next(operation, "a%2Bb%3D%3D")),
        page([], _next(operation, "c")),  # an empty page that links on is fine
        page([{"id": "3"}]),
    )
    items = run(kind, fake, call(page_size=10, fields=["id"]))
    assert [item.id for item in items] == ["1", "2", "3"]
    assert all(isinstance(item, model) for item in items)
    assert fake.paths() == [
        f"{operation.path}?fields=id&limit=10",
        f"{operation.path}?fields=id&limit=10&cursor=a%2Bb%3D%3D",
        f"{operation.path}?fields=id&limit=10&cursor=c",
    ]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", NAMES)
def test_page_size_bounds_come_from_the_spec(kind: str, name: str) -> None:
    operation, call, _ = LISTS[name]
    low, high = operation.parameter("limit").integer_range()
    assert (low, high) == (10, 500)
    fake = FakeAPI(page([]))
    for bad in (low - 1, high + 1, 0, -5, True, 50.0, "50", None):
        with pytest.raises(ValueError, match="page_size"):
            run(kind, fake, call(page_size=bad))
    assert fake.requests == []
    for good in (low, high):
        run(kind, fake, call(page_size=good))
    assert fake.paths() == [f"{operation.path}?limit={low}", f"{operation.path}?limit={high}"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", NAMES)
def test_bad_filters_are_refused_before_sending(kind: str, name: str) -> None:
    _, call, _ = LISTS[name]
    fake = FakeAPI(page([]))
    for filter_name in FILTERS[name]:
        for bad, error in [
            (["a,b"], ValueError),
            ([","], ValueError),
            ([], ValueError),
            ([""], ValueError),
            ("a", TypeError),
            ([1], TypeError),
            ({"a"}, TypeError),
        ]:
            with pytest.raises(error, match=filter_name):
                run(kind, fake, call(**{filter_name: bad}))
    assert fake.requests == []


@pytest.mark.parametrize("kind", KINDS)
def test_the_topic_filter_is_one_topic(kind: str) -> None:
    fake = FakeAPI(page([]))
    with pytest.raises(TypeError, match="topic"):
        run(kind, fake, lambda hub: hub.data_policies.list(topic=["a", "b"]))
    assert fake.requests == []


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", NAMES)
def test_a_cursor_handed_out_twice_ends_the_walk(kind: str, name: str) -> None:
    operation, call, _ = LISTS[name]
    fake = FakeAPI(page([{"id": "1"}], _next(operation, "same")))
    with pytest.raises(UnexpectedResponseError, match="gave before"):
        run(kind, fake, call())
    assert len(fake.requests) == 2


@pytest.mark.parametrize("kind", KINDS)
def test_a_cursor_too_long_ends_the_walk(kind: str) -> None:
    operation, call, _ = LISTS["schemas"]
    fake = FakeAPI(page([{"id": "1"}], _next(operation, "x" * (MAX_CURSOR_CHARS + 1))))
    with pytest.raises(UnexpectedResponseError, match="more than"):
        run(kind, fake, call())
    assert len(fake.requests) == 1


@pytest.mark.parametrize("kind", KINDS)
def test_endless_empty_pages_end_the_walk(kind: str) -> None:
    operation, call, _ = LISTS["scripts"]
    counter = iter(range(10 * MAX_EMPTY_PAGES))
    fake = FakeAPI(lambda request: page([], _next(operation, f"c{next(counter)}")))
    with pytest.raises(UnexpectedResponseError, match="held nothing"):
        run(kind, fake, call())
    assert len(fake.requests) == MAX_EMPTY_PAGES


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("links", [{"next": "/no/cursor?limit=10"}, {"next": 5}, []])
def test_a_next_link_without_a_cursor_is_unexpected(kind: str, links: object) -> None:
    fake = FakeAPI().script(ok({"items": [], "_links": links}))
    with pytest.raises(UnexpectedResponseError):
        run(kind, fake, LISTS["data_policies"][1]())


@pytest.mark.parametrize("kind", KINDS)
def test_an_expired_cursor_raises(kind: str) -> None:
    operation, call, _ = LISTS["data_policies"]
    fake = FakeAPI().script(page([{"id": "1"}], _next(operation, "c")), problem(410, "Gone"))
    with pytest.raises(CursorExpiredError):
        run(kind, fake, call())


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("items", [[1], ["x"], [[["id", "a"]]], [None]])
def test_items_that_are_not_objects_are_unexpected(kind: str, items: list[Any]) -> None:
    fake = FakeAPI().script(page(items))
    with pytest.raises(UnexpectedResponseError, match="not a JSON object"):
        run(kind, fake, LISTS["data_policies"][1]())


@pytest.mark.parametrize("kind", KINDS)
def test_an_item_that_does_not_parse_raises_when_read(kind: str) -> None:
    fake = FakeAPI().script(page([DATA_POLICY, {"id": "bad", "matching": 5}]))
    good, bad = run(kind, fake, LISTS["data_policies"][1]())
    assert good.matching.topic_filter == DATA_POLICY["matching"]["topicFilter"]
    with pytest.raises(UnexpectedResponseError, match="does not parse") as caught:
        _ = bad.id
    assert caught.value.path == api.GET_ALL_DATA_POLICIES.path


def test_list_items_are_models_in_every_way() -> None:
    fake = FakeAPI().script(page([{**DATA_POLICY, "future": {"x": 1}}]))
    (item,) = run("sync", fake, LISTS["data_policies"][1]())
    eager = DataPolicy.from_dict({**DATA_POLICY, "future": {"x": 1}})
    assert isinstance(item, DataPolicy)
    assert item == eager
    assert eager == item
    assert (item != eager) is False
    assert item != DataPolicy.from_dict({**DATA_POLICY, "id": "other"})
    assert repr(item) == repr(eager)
    assert item.to_dict() == {**DATA_POLICY, "future": {"x": 1}}
    copied = pickle.loads(pickle.dumps(item))
    assert type(copied) is DataPolicy
    assert copied.to_dict() == item.to_dict()
    with pytest.raises(AttributeError):
        _ = item.no_such_property  # type: ignore[attr-defined]


def test_a_list_item_compares_as_its_model_does() -> None:
    # A null read is remembered for to_dict(), but is no part of equality (attrs eq=False).
    body = {"id": "c", "sessionExpiryInterval": None}
    (item,) = lazy_items(ClientDetails, [body], "GET", "/x")
    assert ClientDetails.from_dict(body) == ClientDetails(id="c")
    assert item == ClientDetails(id="c")
    assert item.to_dict() == body


@settings(max_examples=examples(50))
@given(
    values=st.lists(
        st.text(alphabet=st.characters(codec="utf-8", exclude_characters=","), min_size=1),
        min_size=1,
        max_size=4,
    )
)
def test_any_filter_value_without_a_comma_reaches_the_server_as_given(values: list[str]) -> None:
    fake = FakeAPI(page([]))
    run("sync", fake, lambda hub: hub.data_policies.list(policy_ids=values, topic="a/#&b"))
    query = parse_qs(
        fake.requests[0].url.query.decode(), keep_blank_values=True, strict_parsing=True
    )
    assert query == {"policyIds": [",".join(values)], "topic": ["a/#&b"]}


def test_a_property_set_before_the_first_read_is_kept() -> None:
    fake = FakeAPI().script(page([DATA_POLICY]))
    (item,) = run("sync", fake, LISTS["data_policies"][1]())
    item.id = "renamed"
    assert item.matching.topic_filter == DATA_POLICY["matching"]["topicFilter"]
    assert item.id == "renamed"
