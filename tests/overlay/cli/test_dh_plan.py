from __future__ import annotations

from typing import Any

from hivemq_rest.cli._dh_plan import Action, make_plan
from hivemq_rest.cli._dh_tree import BEHAVIOR_POLICIES, DATA_POLICIES, FAMILIES, SCHEMAS, Resources
from hypothesis import given
from hypothesis import strategies as st


def resources(**families: dict[str, Any]) -> Resources:
    empty: Resources = {family: {} for family in FAMILIES}
    return {**empty, **families}


POLICY: dict[str, Any] = {
    "id": "p",
    "matching": {"topicFilter": "a/#"},
    "onSuccess": {"pipeline": [{"id": "log", "functionId": "System.log", "arguments": {}}]},
}


def kinds(actions: list[Action]) -> list[tuple[str, str, str]]:
    return [(action.kind, action.family, action.id) for action in actions]


def test_creates_updates_and_deletes_in_dependency_order() -> None:
    desired = resources(
        **{
            DATA_POLICIES: {"p": POLICY, "new": {**POLICY, "id": "new"}},
            SCHEMAS: {"s": {"id": "s", "type": "JSON", "schemaDefinition": "e30="}},
        }
    )
    current = resources(
        **{
            DATA_POLICIES: {"p": {**POLICY, "matching": {"topicFilter": "b/#"}}},
            BEHAVIOR_POLICIES: {"old": {"id": "old"}},
            SCHEMAS: {"gone": {"id": "gone"}},
        }
    )
    assert kinds(make_plan(desired, current, prune=True)) == [
        ("create", SCHEMAS, "s"),
        ("create", DATA_POLICIES, "new"),
        ("update", DATA_POLICIES, "p"),
        ("delete", BEHAVIOR_POLICIES, "old"),
        ("delete", SCHEMAS, "gone"),
    ]
    assert ("delete", SCHEMAS, "gone") not in kinds(make_plan(desired, current, prune=False))


def test_empty_objects_lists_and_nulls_count_as_absent() -> None:
    stored = {
        **POLICY,
        "onFailure": {"pipeline": []},
        "validation": {"validators": []},
        "onSuccess": {"pipeline": [{"id": "log", "functionId": "System.log"}]},
        "note": None,
    }
    plan = make_plan(
        resources(**{DATA_POLICIES: {"p": POLICY}}),
        resources(**{DATA_POLICIES: {"p": stored}}),
        prune=False,
    )
    assert kinds(plan) == [("unchanged", DATA_POLICIES, "p")]


def test_a_removed_pipeline_is_a_change() -> None:
    stored = {**POLICY, "onFailure": {"pipeline": [{"id": "d", "functionId": "Mqtt.drop"}]}}
    plan = make_plan(
        resources(**{DATA_POLICIES: {"p": POLICY}}),
        resources(**{DATA_POLICIES: {"p": stored}}),
        prune=False,
    )
    assert kinds(plan) == [("update", DATA_POLICIES, "p")]
    assert plan[0].body == POLICY


def test_falsy_values_that_are_not_empty_containers_still_count() -> None:
    for value in (0, False, ""):
        stored = {**POLICY, "extra": value}
        plan = make_plan(
            resources(**{DATA_POLICIES: {"p": POLICY}}),
            resources(**{DATA_POLICIES: {"p": stored}}),
            prune=False,
        )
        assert kinds(plan) == [("update", DATA_POLICIES, "p")], value


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=10,
)


@given(st.dictionaries(st.text(max_size=5), JSON, max_size=4), st.text(min_size=1, max_size=5))
def test_an_empty_key_added_anywhere_changes_nothing(body: dict[str, Any], key: str) -> None:
    padded = {**body, key: {}} if key not in body else body
    plan = make_plan(
        resources(**{DATA_POLICIES: {"p": body}}),
        resources(**{DATA_POLICIES: {"p": padded}}),
        prune=False,
    )
    assert kinds(plan) == [("unchanged", DATA_POLICIES, "p")]
