from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.behavior_policy import BehaviorPolicy
from ...models.errors import Errors
from ...types import Response


def _get_kwargs(
    *,
    body: BehaviorPolicy,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/data-hub/behavior-validation/policies",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BehaviorPolicy | Errors | None:
    if response.status_code == 201:
        response_201 = BehaviorPolicy.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Errors.from_dict(response.json())

        return response_400

    if response.status_code == 503:
        response_503 = Errors.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BehaviorPolicy | Errors]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BehaviorPolicy,
) -> Response[BehaviorPolicy | Errors]:
    """Create a behavior policy

     Stores a new behavior policy. The answer is the stored policy, with the read-only timestamps filled
    in. An id that is taken already is a bad request.

    Args:
        body (BehaviorPolicy): A behavior policy: which clients it watches, the behavior model it
            follows them with, and what runs on the model's transitions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BehaviorPolicy | Errors]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: BehaviorPolicy,
) -> BehaviorPolicy | Errors | None:
    """Create a behavior policy

     Stores a new behavior policy. The answer is the stored policy, with the read-only timestamps filled
    in. An id that is taken already is a bad request.

    Args:
        body (BehaviorPolicy): A behavior policy: which clients it watches, the behavior model it
            follows them with, and what runs on the model's transitions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BehaviorPolicy | Errors
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BehaviorPolicy,
) -> Response[BehaviorPolicy | Errors]:
    """Create a behavior policy

     Stores a new behavior policy. The answer is the stored policy, with the read-only timestamps filled
    in. An id that is taken already is a bad request.

    Args:
        body (BehaviorPolicy): A behavior policy: which clients it watches, the behavior model it
            follows them with, and what runs on the model's transitions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BehaviorPolicy | Errors]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BehaviorPolicy,
) -> BehaviorPolicy | Errors | None:
    """Create a behavior policy

     Stores a new behavior policy. The answer is the stored policy, with the read-only timestamps filled
    in. An id that is taken already is a bad request.

    Args:
        body (BehaviorPolicy): A behavior policy: which clients it watches, the behavior model it
            follows them with, and what runs on the model's transitions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BehaviorPolicy | Errors
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
