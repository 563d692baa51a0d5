from __future__ import annotations

from datetime import timedelta

import pytest
from hivemq_rest_emulator.core import ApiError
from hivemq_rest_emulator.services.data_hub.state import Policies, Trial, Versions
from hypothesis import given
from hypothesis import strategies as st

from .conftest import START


def test_versions_count_from_one_and_refuse_a_repeat_of_the_latest() -> None:
    store = Versions("Schema")
    first = store.add("s", {"type": "JSON", "schemaDefinition": "e30="}, "t1")
    assert first == {
        "id": "s",
        "type": "JSON",
        "schemaDefinition": "e30=",
        "version": 1,
        "createdAt": "t1",
    }
    with pytest.raises(ApiError, match="Schema already present") as caught:
        store.add("s", {"type": "JSON", "schemaDefinition": "e30="}, "t2")
    assert caught.value.status == 400
    assert store.add("s", {"type": "JSON", "schemaDefinition": "W10="}, "t2")["version"] == 2
    # An older definition again is a change from the latest: a new version.
    assert store.add("s", {"type": "JSON", "schemaDefinition": "e30="}, "t3")["version"] == 3


def test_versions_has_numbers_and_latest() -> None:
    store = Versions("Script")
    assert not store.has("s", "latest")
    store.add("s", {"source": "a"}, "t")
    assert store.has("s", "latest")
    assert store.has("s", "1")
    assert not store.has("s", "2")
    assert not store.has("s", "0")
    assert not store.has("s", "\u0661")  # a digit, but not an ASCII one


def test_stored_documents_cannot_be_changed_from_outside() -> None:
    store = Versions("Script")
    added = store.add("s", {"source": "a"}, "t")
    added["source"] = "changed"
    latest = store.latest("s")
    assert latest is not None
    latest["source"] = "changed"
    assert store.all()[0]["source"] == "a"


def test_every_change_moves_the_generation() -> None:
    versions, policies = Versions("Schema"), Policies()
    seen = {versions.generation, policies.generation}
    versions.add("s", {"x": 1}, "t")
    policies.put({"id": "p"})
    seen |= {versions.generation, policies.generation}
    assert versions.delete("s")
    assert policies.delete("p")
    seen |= {versions.generation, policies.generation}
    assert len(seen) == 6
    before = versions.generation
    assert not versions.delete("s")
    assert versions.generation == before


DEFINITIONS = st.sampled_from(["a", "b", "c"]).map(lambda source: {"source": source})


@given(st.lists(st.tuples(st.sampled_from(["x", "y"]), DEFINITIONS), max_size=30))
def test_versioning_model(creates: list[tuple[str, dict[str, str]]]) -> None:
    store = Versions("Script")
    expected: dict[str, list[dict[str, str]]] = {}
    for script_id, definition in creates:
        history = expected.setdefault(script_id, [])
        if history and history[-1] == definition:
            with pytest.raises(ApiError, match="Script already present"):
                store.add(script_id, definition, "t")
        else:
            history.append(definition)
            assert store.add(script_id, definition, "t")["version"] == len(history)
    listed = [(item["id"], item["version"], item["source"]) for item in store.all()]
    assert listed == [
        (script_id, number, definition["source"])
        for script_id in sorted(expected)
        for number, definition in enumerate(expected[script_id], start=1)
        if expected[script_id]
    ]
    for script_id, history in expected.items():
        latest = store.latest(script_id)
        assert latest is not None
        assert latest["version"] == len(history)
        assert latest["source"] == history[-1]["source"]
        assert store.delete(script_id)
        assert store.latest(script_id) is None
    assert store.all() == []


def test_trial_runs_five_hours_once() -> None:
    trial = Trial()
    trial.start(START)
    with pytest.raises(ApiError, match="Trial mode already running"):
        trial.start(START + timedelta(hours=5, seconds=-1))
    with pytest.raises(ApiError, match="Trial mode already expired"):
        trial.start(START + timedelta(hours=5))
