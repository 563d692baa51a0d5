from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.errors import Errors
from ...types import UNSET, Response, Unset


def _get_kwargs(
    client_id: str,
    *,
    prevent_will_message: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["preventWillMessage"] = prevent_will_message

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/mqtt/clients/{client_id}/connection".format(
            client_id=quote(str(client_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Errors | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = Errors.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = Errors.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Errors]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    client_id: str,
    *,
    client: AuthenticatedClient | Client,
    prevent_will_message: bool | Unset = False,
) -> Response[Any | Errors]:
    """Disconnect a client

     Closes the client's connection if it is connected. A persistent session stays in place.

    Args:
        client_id (str):
        prevent_will_message (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Errors]
    """

    kwargs = _get_kwargs(
        client_id=client_id,
        prevent_will_message=prevent_will_message,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    client_id: str,
    *,
    client: AuthenticatedClient | Client,
    prevent_will_message: bool | Unset = False,
) -> Any | Errors | None:
    """Disconnect a client

     Closes the client's connection if it is connected. A persistent session stays in place.

    Args:
        client_id (str):
        prevent_will_message (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Errors
    """

    return sync_detailed(
        client_id=client_id,
        client=client,
        prevent_will_message=prevent_will_message,
    ).parsed


async def asyncio_detailed(
    client_id: str,
    *,
    client: AuthenticatedClient | Client,
    prevent_will_message: bool | Unset = False,
) -> Response[Any | Errors]:
    """Disconnect a client

     Closes the client's connection if it is connected. A persistent session stays in place.

    Args:
        client_id (str):
        prevent_will_message (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Errors]
    """

    kwargs = _get_kwargs(
        client_id=client_id,
        prevent_will_message=prevent_will_message,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    client_id: str,
    *,
    client: AuthenticatedClient | Client,
    prevent_will_message: bool | Unset = False,
) -> Any | Errors | None:
    """Disconnect a client

     Closes the client's connection if it is connected. A persistent session stays in place.

    Args:
        client_id (str):
        prevent_will_message (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Errors
    """

    return (
        await asyncio_detailed(
            client_id=client_id,
            client=client,
            prevent_will_message=prevent_will_message,
        )
    ).parsed
