from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.errors import Errors
from ...models.trace_recording_item import TraceRecordingItem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TraceRecordingItem | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/management/trace-recordings",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Errors | TraceRecordingItem | None:
    if response.status_code == 201:
        response_201 = TraceRecordingItem.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Errors.from_dict(response.json())

        return response_400

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Errors | TraceRecordingItem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TraceRecordingItem | Unset = UNSET,
) -> Response[Errors | TraceRecordingItem]:
    """Create a trace recording

     Schedules a recording of the MQTT packets of the clients and topics that the filters match, between
    `startAt` and `endAt`. `name`, `startAt`, `endAt` and `events` must be given, with at least one
    client id or topic filter and at least one event; `endAt` must come after `startAt`. The name is the
    recording's id: unique, at least three characters of letters, digits, `-` and `_`. A `state` in the
    body is ignored.

    Args:
        body (TraceRecordingItem | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Errors | TraceRecordingItem]
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
    body: TraceRecordingItem | Unset = UNSET,
) -> Errors | TraceRecordingItem | None:
    """Create a trace recording

     Schedules a recording of the MQTT packets of the clients and topics that the filters match, between
    `startAt` and `endAt`. `name`, `startAt`, `endAt` and `events` must be given, with at least one
    client id or topic filter and at least one event; `endAt` must come after `startAt`. The name is the
    recording's id: unique, at least three characters of letters, digits, `-` and `_`. A `state` in the
    body is ignored.

    Args:
        body (TraceRecordingItem | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Errors | TraceRecordingItem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TraceRecordingItem | Unset = UNSET,
) -> Response[Errors | TraceRecordingItem]:
    """Create a trace recording

     Schedules a recording of the MQTT packets of the clients and topics that the filters match, between
    `startAt` and `endAt`. `name`, `startAt`, `endAt` and `events` must be given, with at least one
    client id or topic filter and at least one event; `endAt` must come after `startAt`. The name is the
    recording's id: unique, at least three characters of letters, digits, `-` and `_`. A `state` in the
    body is ignored.

    Args:
        body (TraceRecordingItem | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Errors | TraceRecordingItem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TraceRecordingItem | Unset = UNSET,
) -> Errors | TraceRecordingItem | None:
    """Create a trace recording

     Schedules a recording of the MQTT packets of the clients and topics that the filters match, between
    `startAt` and `endAt`. `name`, `startAt`, `endAt` and `events` must be given, with at least one
    client id or topic filter and at least one event; `endAt` must come after `startAt`. The name is the
    recording's id: unique, at least three characters of letters, digits, `-` and `_`. A `state` in the
    body is ignored.

    Args:
        body (TraceRecordingItem | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Errors | TraceRecordingItem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
