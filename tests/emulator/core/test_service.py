from __future__ import annotations

import pytest
from hivemq_rest_emulator.core import ApiError, ApiRequest
from hivemq_rest_generated.operations import CREATE_DATA_POLICY
from starlette.datastructures import Headers, QueryParams


def _request(body: bytes) -> ApiRequest:
    return ApiRequest(CREATE_DATA_POLICY, {}, QueryParams(""), Headers({}), body)


def test_json_body() -> None:
    assert _request(b'{"id": "p"}').json() == {"id": "p"}


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (b"", "missing"),
        (b"{", "not JSON"),
        (b"\xff", "not JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ],
)
def test_bad_bodies_are_400(body: bytes, detail: str) -> None:
    with pytest.raises(ApiError, match=detail) as caught:
        _request(body).json()
    assert caught.value.status == 400
