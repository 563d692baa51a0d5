"""hivemq.data_hub.data_policies and .behavior_policies against a stub: requests and answers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from hivemq_rest import (
    BehaviorPolicy,
    DataPolicy,
    PartialBehaviorPolicy,
    PartialDataPolicy,
    UnexpectedResponseError,
)
from hivemq_rest_generated import operations as api

from tests.overlay.fake_api import FakeAPI

from .data_hub_stub import BEHAVIOR_POLICY, DATA_POLICY, KINDS, STORED, ok, page, run, sent


@dataclass(frozen=True)
class Family:
    """One of the two policy namespaces, and what it is made of."""

    name: str
    model: type[Any]
    partial: type[Any]
    document: dict[str, Any]
    path: str


DATA = Family(
    "data_policies", DataPolicy, PartialDataPolicy, DATA_POLICY, api.GET_ALL_DATA_POLICIES.path
)
BEHAVIOR = Family(
    "behavior_policies",
    BehaviorPolicy,
    PartialBehaviorPolicy,
    BEHAVIOR_POLICY,
    api.GET_ALL_BEHAVIOR_POLICIES.path,
)
FAMILIES = [pytest.param(DATA, id="data"), pytest.param(BEHAVIOR, id="behavior")]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("family", FAMILIES)
def test_create_posts_the_policy_and_returns_the_stored_one(kind: str, family: Family) -> None:
    fake = FakeAPI().script(ok({**family.document, **STORED}, 201))
    policy = family.model.from_dict(family.document)
    stored = run(kind, fake, lambda hub: getattr(hub, family.name).create(policy))
    method, path, headers, body = sent(fake)
    assert (method, path, body) == ("POST", family.path, family.document)
    assert headers["content-type"] == "application/json"
    assert type(stored) is family.model
    assert stored.id == family.document["id"]
    assert stored.to_dict() == {**family.document, **STORED}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("if_match", [None, '"etag-7"'])
def test_update_puts_to_the_policys_own_id(kind: str, family: Family, if_match: str | None) -> None:
    fake = FakeAPI().script(ok({**family.document, **STORED}))
    policy = family.model.from_dict({**family.document, "id": "a/../b c"})
    stored = run(
        kind, fake, lambda hub: getattr(hub, family.name).update(policy, if_match=if_match)
    )
    method, path, headers, body = sent(fake)
    assert (method, path) == ("PUT", f"{family.path}/a%2F..%2Fb%20c")
    assert body == {**family.document, "id": "a/../b c"}
    assert headers.get("if-match") == if_match
    assert type(stored) is family.model


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("family", FAMILIES)
def test_get_returns_a_partial_policy_with_the_fields_asked_for(kind: str, family: Family) -> None:
    fake = FakeAPI().script(ok({"id": "p1", "createdAt": STORED["createdAt"], "newThing": [1]}))
    policy = run(
        kind, fake, lambda hub: getattr(hub, family.name).get("p1", fields=["id", "createdAt"])
    )
    assert sent(fake)[:2] == ("GET", f"{family.path}/p1?fields=id%2CcreatedAt")
    assert isinstance(policy, family.partial)
    assert policy.id == "p1"
    assert policy.matching is None  # required in the full model, left out by fields
    assert policy.additional_properties == {"newThing": [1]}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("family", FAMILIES)
def test_get_without_fields_returns_the_full_policy(kind: str, family: Family) -> None:
    fake = FakeAPI().script(ok({**family.document, **STORED}))
    policy = run(kind, fake, lambda hub: getattr(hub, family.name).get("p1"))
    assert sent(fake)[:2] == ("GET", f"{family.path}/p1")
    assert type(policy) is family.model
    assert policy.matching == family.model.from_dict(family.document).matching


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("family", FAMILIES)
def test_a_full_answer_without_its_matching_is_malformed(kind: str, family: Family) -> None:
    fake = FakeAPI().script(ok({"id": "p1"}), page([{"id": "p2"}]))
    with pytest.raises(UnexpectedResponseError, match="does not parse"):
        run(kind, fake, lambda hub: getattr(hub, family.name).get("p1"))
    (item,) = run(kind, fake, lambda hub: getattr(hub, family.name).list())
    with pytest.raises(UnexpectedResponseError, match="does not parse"):
        item.matching  # noqa: B018 -- a list item parses on first read


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("family", FAMILIES)
def test_delete_sends_delete_and_returns_none(kind: str, family: Family) -> None:
    fake = FakeAPI().script(ok(None, 204))
    assert run(kind, fake, lambda hub: getattr(hub, family.name).delete("p1")) is None
    assert sent(fake)[:2] == ("DELETE", f"{family.path}/p1")


@pytest.mark.parametrize("kind", KINDS)
def test_data_policy_list_sends_every_filter_on_every_page(kind: str) -> None:
    second = f"{DATA.path}?cursor=c%2F2&limit=10"
    fake = FakeAPI().script(
        page([DATA_POLICY, {"id": "only-id"}], second), page([{**DATA_POLICY, "id": "last"}])
    )
    policies = run(
        kind,
        fake,
        lambda hub: hub.data_policies.list(
            policy_ids=["temperature", "only-id", "last"],
            schema_ids=("reading",),
            fields=["id", "matching"],
            page_size=10,
        ),
    )
    query = "fields=id%2Cmatching&policyIds=temperature%2Conly-id%2Clast&schemaIds=reading&limit=10"
    assert fake.paths() == [f"{DATA.path}?{query}", f"{DATA.path}?{query}&cursor=c%2F2"]
    assert [policy.id for policy in policies] == ["temperature", "only-id", "last"]
    assert all(isinstance(policy, PartialDataPolicy) for policy in policies)
    assert policies[0] == PartialDataPolicy.from_dict(DATA_POLICY)
    assert policies[1].matching is None


@pytest.mark.parametrize("kind", KINDS)
def test_behavior_policy_list_sends_its_filters(kind: str) -> None:
    fake = FakeAPI().script(page([BEHAVIOR_POLICY]))
    policies = run(
        kind,
        fake,
        lambda hub: hub.behavior_policies.list(policy_ids=["a"], client_ids=["sensor-1", "é"]),
    )
    assert fake.paths() == [f"{BEHAVIOR.path}?policyIds=a&clientIds=sensor-1%2C%C3%A9&limit=500"]
    assert policies == [BehaviorPolicy.from_dict(BEHAVIOR_POLICY)]
    assert type(policies[0]).__mro__[1] is BehaviorPolicy  # a lazy item of the full model


@pytest.mark.parametrize("kind", KINDS)
def test_data_policy_list_by_topic_is_one_request_without_paging(kind: str) -> None:
    # The server orders the policies for the topic and does not page them:
    # no limit goes out, and a next link is not followed.
    fake = FakeAPI().script(page([DATA_POLICY], f"{DATA.path}?cursor=x&limit=50"))
    policies = run(kind, fake, lambda hub: hub.data_policies.list(topic="factory/1/temperature"))
    assert fake.paths() == [f"{DATA.path}?topic=factory%2F1%2Ftemperature"]
    assert [policy.id for policy in policies] == ["temperature"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("family", FAMILIES)
def test_a_policy_of_the_other_family_is_refused_before_sending(kind: str, family: Family) -> None:
    other = BEHAVIOR if family is DATA else DATA
    wrong = other.model.from_dict(other.document)
    fake = FakeAPI()
    for action in ("create", "update"):

        def call(hub: Any, action: str = action) -> Any:
            return getattr(getattr(hub, family.name), action)(wrong)

        with pytest.raises(TypeError, match=family.model.__name__):
            run(kind, fake, call)
    assert fake.requests == []


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("family", "operation"),
    [("data_policies", api.GET_DATA_POLICY), ("behavior_policies", api.GET_BEHAVIOR_POLICY)],
)
def test_etag_reads_the_header_of_a_minimal_get(
    kind: str, family: str, operation: api.Operation
) -> None:
    tagged = httpx.Response(200, headers={"ETag": '"v7"'}, content=b'{"id": "a/b"}')
    fake = FakeAPI().script(tagged, ok({"id": "a/b"}))
    assert run(kind, fake, lambda hub: getattr(hub, family).etag("a/b")) == '"v7"'
    path = operation.path.replace("{policyId}", "a%2Fb")
    assert sent(fake)[:2] == ("GET", f"{path}?fields=id")
    assert run(kind, fake, lambda hub: getattr(hub, family).etag("a/b")) is None  # none sent
