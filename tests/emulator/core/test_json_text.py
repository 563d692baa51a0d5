"""Request bodies are JSON as RFC 8259 has it: no NaN, no infinities, stored or served."""

from __future__ import annotations

import json
import math
from typing import Any

import httpx
import pytest
from hivemq_rest_emulator import EmulatorHandle
from hivemq_rest_emulator.core import ApiError, ApiRequest
from hivemq_rest_emulator.core.json_text import NonFiniteNumberError, loads
from hivemq_rest_generated.operations import CREATE_BEHAVIOR_POLICY
from hypothesis import given
from hypothesis import strategies as st
from starlette.datastructures import Headers, QueryParams

from tests.emulator.helpers import assert_error
from tests.emulator.services.data_hub.documents import behavior_policy

NON_FINITE = ("NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1E400")
POLICIES = "/api/v1/data-hub/behavior-validation/policies"

_finite = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(_finite)
def test_finite_json_reads_as_json_does(document: Any) -> None:
    text = json.dumps(document)
    assert loads(text) == json.loads(text)


# A leaf that stands for a non-finite number; json.dumps writes it as a string.
_MARK = "non-finite here"
_with_marks = st.recursive(
    st.just(_MARK) | st.none() | st.integers() | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text("ab", max_size=3), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(_with_marks, st.sampled_from(NON_FINITE))
def test_a_non_finite_number_anywhere_is_refused(document: Any, token: str) -> None:
    text = json.dumps(document)
    if json.dumps(_MARK) not in text:
        text = json.dumps([document, _MARK])
    with pytest.raises(NonFiniteNumberError):
        loads(text.replace(json.dumps(_MARK), token))


@pytest.mark.parametrize("token", NON_FINITE)
def test_an_api_body_with_a_non_finite_number_is_400(token: str) -> None:
    body = f'{{"id": "p", "value": {token}}}'.encode()
    request = ApiRequest(CREATE_BEHAVIOR_POLICY, {}, QueryParams(""), Headers({}), body)
    with pytest.raises(ApiError, match="not JSON") as caught:
        request.json()
    assert caught.value.status == 400


@pytest.mark.parametrize("token", ["NaN", "Infinity", "1e999"])
def test_a_policy_with_nan_is_refused_and_not_stored(
    hivemq_emulator: EmulatorHandle, client: httpx.Client, token: str
) -> None:
    text = json.dumps(behavior_policy("p")).replace(
        '"maxPublishes": 10', f'"maxPublishes": {token}'
    )
    assert token in text
    response = client.post(POLICIES, content=text, headers={"content-type": "application/json"})
    assert "not JSON" in assert_error(response, 400)
    listing = client.get(POLICIES)
    assert listing.status_code == 200
    assert listing.json()["items"] == []


@pytest.mark.parametrize("token", ["NaN", "-Infinity", "1e999"])
def test_an_admin_body_with_nan_is_400(client: httpx.Client, token: str) -> None:
    content = f'[{{"id": "a", "sessionExpiryInterval": {token}}}]'
    response = client.post("/_emulator/sessions", content=content)
    detail = assert_error(response, 400, "Invalid request body")
    assert "JSON" in detail
    assert client.get("/api/v1/mqtt/clients").json()["items"] == []


def test_floats_are_still_read() -> None:
    assert loads("[1.5, -0.0, 1e308]") == [1.5, -0.0, 1e308]
    assert math.copysign(1, loads("-0.0")) == -1
