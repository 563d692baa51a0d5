from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.errors import Errors
from ...types import File, Response


def _get_kwargs(
    trace_recording_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/management/files/trace-recordings/{trace_recording_id}".format(
            trace_recording_id=quote(str(trace_recording_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Errors | File | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

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
) -> Response[Errors | File]:
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
) -> Response[Errors | File]:
    """Download a trace recording

     Returns the recording as a zip file. It exists while the recording runs and after it stopped or was
    aborted, not while it is scheduled.

    Args:
        trace_recording_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Errors | File]
    """

    kwargs = _get_kwargs(
        trace_recording_id=trace_recording_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    trace_recording_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Errors | File | None:
    """Download a trace recording

     Returns the recording as a zip file. It exists while the recording runs and after it stopped or was
    aborted, not while it is scheduled.

    Args:
        trace_recording_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Errors | File
    """

    return sync_detailed(
        trace_recording_id=trace_recording_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    trace_recording_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Errors | File]:
    """Download a trace recording

     Returns the recording as a zip file. It exists while the recording runs and after it stopped or was
    aborted, not while it is scheduled.

    Args:
        trace_recording_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Errors | File]
    """

    kwargs = _get_kwargs(
        trace_recording_id=trace_recording_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    trace_recording_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Errors | File | None:
    """Download a trace recording

     Returns the recording as a zip file. It exists while the recording runs and after it stopped or was
    aborted, not while it is scheduled.

    Args:
        trace_recording_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Errors | File
    """

    return (
        await asyncio_detailed(
            trace_recording_id=trace_recording_id,
            client=client,
        )
    ).parsed
