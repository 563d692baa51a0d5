from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.backup_item import BackupItem
from ...models.errors import Errors
from ...types import Response


def _get_kwargs(
    backup_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/management/backups/{backup_id}".format(
            backup_id=quote(str(backup_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BackupItem | Errors | None:
    if response.status_code == 200:
        response_200 = BackupItem.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Errors.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = Errors.from_dict(response.json())

        return response_404

    if response.status_code == 503:
        response_503 = Errors.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BackupItem | Errors]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    backup_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[BackupItem | Errors]:
    """Restore a backup

     Starts restoring the cluster from this backup and answers at once. The backup then reads
    `RESTORE_IN_PROGRESS` until it is `RESTORE_COMPLETED` or `RESTORE_FAILED`. Only one backup or
    restore runs at a time; a restore expects a cluster without data.

    Args:
        backup_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BackupItem | Errors]
    """

    kwargs = _get_kwargs(
        backup_id=backup_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    backup_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> BackupItem | Errors | None:
    """Restore a backup

     Starts restoring the cluster from this backup and answers at once. The backup then reads
    `RESTORE_IN_PROGRESS` until it is `RESTORE_COMPLETED` or `RESTORE_FAILED`. Only one backup or
    restore runs at a time; a restore expects a cluster without data.

    Args:
        backup_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BackupItem | Errors
    """

    return sync_detailed(
        backup_id=backup_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    backup_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[BackupItem | Errors]:
    """Restore a backup

     Starts restoring the cluster from this backup and answers at once. The backup then reads
    `RESTORE_IN_PROGRESS` until it is `RESTORE_COMPLETED` or `RESTORE_FAILED`. Only one backup or
    restore runs at a time; a restore expects a cluster without data.

    Args:
        backup_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BackupItem | Errors]
    """

    kwargs = _get_kwargs(
        backup_id=backup_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    backup_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> BackupItem | Errors | None:
    """Restore a backup

     Starts restoring the cluster from this backup and answers at once. The backup then reads
    `RESTORE_IN_PROGRESS` until it is `RESTORE_COMPLETED` or `RESTORE_FAILED`. Only one backup or
    restore runs at a time; a restore expects a cluster without data.

    Args:
        backup_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BackupItem | Errors
    """

    return (
        await asyncio_detailed(
            backup_id=backup_id,
            client=client,
        )
    ).parsed
