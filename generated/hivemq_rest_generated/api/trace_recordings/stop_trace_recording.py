from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.errors import Errors
from ...models.trace_recording_item import TraceRecordingItem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    trace_recording_id: str,
    *,
    body: TraceRecordingItem | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/management/trace-recordings/{trace_recording_id}".format(
            trace_recording_id=quote(str(trace_recording_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Errors | TraceRecordingItem | None:
    if response.status_code == 200:
        response_200 = TraceRecordingItem.from_dict(response.json())

        return response_200

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
) -> Response[Errors | TraceRecordingItem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    trace_recording_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TraceRecordingItem | Unset = UNSET,
) -> Response[Errors | TraceRecordingItem]:
    """Stop a trace recording

     Stops the recording now. Send `{"traceRecording": {"state": "STOPPED"}}`; any other property of the
    body is ignored.

    Args:
        trace_recording_id (str):
        body (TraceRecordingItem | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Errors | TraceRecordingItem]
    """

    kwargs = _get_kwargs(
        trace_recording_id=trace_recording_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    trace_recording_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TraceRecordingItem | Unset = UNSET,
) -> Errors | TraceRecordingItem | None:
    """Stop a trace recording

     Stops the recording now. Send `{"traceRecording": {"state": "STOPPED"}}`; any other property of the
    body is ignored.

    Args:
        trace_recording_id (str):
        body (TraceRecordingItem | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Errors | TraceRecordingItem
    """

    return sync_detailed(
        trace_recording_id=trace_recording_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    trace_recording_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TraceRecordingItem | Unset = UNSET,
) -> Response[Errors | TraceRecordingItem]:
    """Stop a trace recording

     Stops the recording now. Send `{"traceRecording": {"state": "STOPPED"}}`; any other property of the
    body is ignored.

    Args:
        trace_recording_id (str):
        body (TraceRecordingItem | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Errors | TraceRecordingItem]
    """

    kwargs = _get_kwargs(
        trace_recording_id=trace_recording_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    trace_recording_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TraceRecordingItem | Unset = UNSET,
) -> Errors | TraceRecordingItem | None:
    """Stop a trace recording

     Stops the recording now. Send `{"traceRecording": {"state": "STOPPED"}}`; any other property of the
    body is ignored.

    Args:
        trace_recording_id (str):
        body (TraceRecordingItem | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Errors | TraceRecordingItem
    """

    return (
        await asyncio_detailed(
            trace_recording_id=trace_recording_id,
            client=client,
            body=body,
        )
    ).parsed
