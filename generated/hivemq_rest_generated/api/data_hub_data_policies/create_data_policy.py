from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.data_policy import DataPolicy
from ...models.errors import Errors
from ...types import Response


def _get_kwargs(
    *,
    body: DataPolicy,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/data-hub/data-validation/policies",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DataPolicy | Errors | None:
    if response.status_code == 201:
        response_201 = DataPolicy.from_dict(response.json())

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
) -> Response[DataPolicy | Errors]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DataPolicy,
) -> Response[DataPolicy | Errors]:
    """Create a data policy

     Stores a new data policy. The answer is the stored policy, with the read-only timestamps filled in.
    A taken id, a policy that does not validate or one that names a schema that does not exist is a bad
    request.

    Args:
        body (DataPolicy): A data policy: which topics it watches, how it validates their
            messages, and what happens when validation succeeds or fails.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DataPolicy | Errors]
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
    body: DataPolicy,
) -> DataPolicy | Errors | None:
    """Create a data policy

     Stores a new data policy. The answer is the stored policy, with the read-only timestamps filled in.
    A taken id, a policy that does not validate or one that names a schema that does not exist is a bad
    request.

    Args:
        body (DataPolicy): A data policy: which topics it watches, how it validates their
            messages, and what happens when validation succeeds or fails.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DataPolicy | Errors
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DataPolicy,
) -> Response[DataPolicy | Errors]:
    """Create a data policy

     Stores a new data policy. The answer is the stored policy, with the read-only timestamps filled in.
    A taken id, a policy that does not validate or one that names a schema that does not exist is a bad
    request.

    Args:
        body (DataPolicy): A data policy: which topics it watches, how it validates their
            messages, and what happens when validation succeeds or fails.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DataPolicy | Errors]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: DataPolicy,
) -> DataPolicy | Errors | None:
    """Create a data policy

     Stores a new data policy. The answer is the stored policy, with the read-only timestamps filled in.
    A taken id, a policy that does not validate or one that names a schema that does not exist is a bad
    request.

    Args:
        body (DataPolicy): A data policy: which topics it watches, how it validates their
            messages, and what happens when validation succeeds or fails.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DataPolicy | Errors
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
