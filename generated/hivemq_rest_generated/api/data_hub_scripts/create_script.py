from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.errors import Errors
from ...models.script import Script
from ...types import Response


def _get_kwargs(
    *,
    body: Script,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/data-hub/scripts",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Errors | Script | None:
    if response.status_code == 201:
        response_201 = Script.from_dict(response.json())

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
) -> Response[Errors | Script]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Script,
) -> Response[Errors | Script]:
    """Create a script, or a new version of one

     Stores a script. A new id starts at version 1; an existing id with a different source gets the next
    version. Sending the latest version again unchanged, or a body that is not JSON, is a bad request.

    Args:
        body (Script): One version of a JavaScript function that policies can call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Errors | Script]
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
    body: Script,
) -> Errors | Script | None:
    """Create a script, or a new version of one

     Stores a script. A new id starts at version 1; an existing id with a different source gets the next
    version. Sending the latest version again unchanged, or a body that is not JSON, is a bad request.

    Args:
        body (Script): One version of a JavaScript function that policies can call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Errors | Script
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Script,
) -> Response[Errors | Script]:
    """Create a script, or a new version of one

     Stores a script. A new id starts at version 1; an existing id with a different source gets the next
    version. Sending the latest version again unchanged, or a body that is not JSON, is a bad request.

    Args:
        body (Script): One version of a JavaScript function that policies can call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Errors | Script]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: Script,
) -> Errors | Script | None:
    """Create a script, or a new version of one

     Stores a script. A new id starts at version 1; an existing id with a different source gets the next
    version. Sending the latest version again unchanged, or a body that is not JSON, is a bad request.

    Args:
        body (Script): One version of a JavaScript function that policies can call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Errors | Script
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
