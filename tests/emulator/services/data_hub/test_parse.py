from __future__ import annotations

import pytest
from hivemq_rest_emulator.core import ApiError
from hivemq_rest_emulator.services.data_hub import parse
from hivemq_rest_generated import operations as ops

from .conftest import request


def test_query_lists_are_comma_separated_and_names_trimmed() -> None:
    listed = request(ops.GET_ALL_SCHEMAS, {"types": "JSON, PROTOBUF "})
    assert parse.query_list(listed, "types") == frozenset({"JSON", "PROTOBUF"})
    assert parse.query_list(listed, "schemaIds") is None


def test_id_filters_are_exact_spaces_included() -> None:
    # " a" and "a " are ids of their own: a filter must be able to name each.
    listed = request(ops.GET_ALL_SCHEMAS, {"schemaIds": " a,b , ,c"})
    assert parse.query_list(listed, "schemaIds") == frozenset({" a", "b ", " ", "c"})


@pytest.mark.parametrize(
    ("name", "raw"),
    [("schemaIds", ""), ("schemaIds", ","), ("schemaIds", "a,"), ("types", " ,JSON")],
)
def test_empty_entries_are_400(name: str, raw: str) -> None:
    with pytest.raises(ApiError, match="without empty entries"):
        parse.query_list(request(ops.GET_ALL_SCHEMAS, {name: raw}), name)


def test_a_parameter_the_operation_lacks_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        parse.query_list(request(ops.GET_ALL_SCHEMAS), "clientIds")


def test_limit_defaults_and_bounds_come_from_the_spec() -> None:
    parameter = ops.GET_ALL_SCRIPTS.parameter("limit")
    low, high = parameter.integer_range()
    assert parse.limit(request(ops.GET_ALL_SCRIPTS)) == parameter.default
    assert parse.limit(request(ops.GET_ALL_SCRIPTS, {"limit": low})) == low
    assert parse.limit(request(ops.GET_ALL_SCRIPTS, {"limit": high})) == high
    for bad in (low - 1, high + 1, "9" * 30):
        with pytest.raises(ApiError, match="limit"):
            parse.limit(request(ops.GET_ALL_SCRIPTS, {"limit": bad}))


def test_fields_must_be_allowed() -> None:
    asked = request(ops.GET_ALL_SCRIPTS, {"fields": "id,runtime"})
    assert parse.fields(asked, parse.SCRIPT_FIELDS) == frozenset({"id", "runtime"})
    with pytest.raises(ApiError, match="unknown field"):
        parse.fields(request(ops.GET_ALL_SCRIPTS, {"fields": "source"}), parse.SCRIPT_FIELDS)


def test_an_empty_path_id_is_400() -> None:
    with pytest.raises(ApiError, match="Required parameter missing"):
        parse.path_id(request(ops.GET_SCHEMA, {"schemaId": ""}), "schemaId")
    assert parse.path_id(request(ops.GET_SCHEMA, {"schemaId": "a/b"}), "schemaId") == "a/b"


def test_policies_lose_read_only_and_unknown_properties() -> None:
    body = {
        "id": "p",
        "matching": {"topicFilter": "a"},
        "createdAt": "x",
        "lastUpdatedAt": "y",
        "other": 1,
    }
    assert parse.data_policy_body(request(ops.CREATE_DATA_POLICY, body=body)) == {
        "id": "p",
        "matching": {"topicFilter": "a"},
    }


def _branched(levels: int, bottom: str = "System.log") -> dict[str, object]:
    step: dict[str, object] = {"id": "s", "functionId": bottom, "arguments": {}}
    for _ in range(levels):
        step = {
            "id": "s",
            "functionId": "System.log",
            "arguments": {},
            "onBranch": [{"branchId": "b", "pipeline": [step]}],
        }
    return {"id": "p", "matching": {"topicFilter": "a"}, "onSuccess": {"pipeline": [step]}}


def test_branched_pipelines_are_checked_to_the_bottom() -> None:
    body = _branched(12)
    assert parse.data_policy_body(request(ops.CREATE_DATA_POLICY, body=body))["id"] == "p"
    with pytest.raises(ApiError, match="a script is fn"):
        parse.data_policy_body(request(ops.CREATE_DATA_POLICY, body=_branched(12, "fn:broken")))


def test_bodies_nested_too_deeply_are_400() -> None:
    # 4 levels of JSON per branch: deeper than the limit, within the JSON parser's.
    body = _branched(parse.MAX_DEPTH // 4 + 1)
    with pytest.raises(ApiError, match="nested deeper") as caught:
        parse.data_policy_body(request(ops.CREATE_DATA_POLICY, body=body))
    assert caught.value.title == "Policy not parsable"
    with pytest.raises(ApiError, match="nested deeper"):
        parse.schema_body(request(ops.CREATE_SCHEMA, body={"id": _nested(200)}))


def _nested(depth: int) -> object:
    node: object = "x"
    for _ in range(depth):
        node = [node]
    return node
