from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.data_policy import DataPolicy
from ...models.errors import Errors
from ...types import UNSET, Response, Unset


def _get_kwargs(
    policy_id: str,
    *,
    body: DataPolicy,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/data-hub/data-validation/policies/{policy_id}".format(
            policy_id=quote(str(policy_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DataPolicy | Errors | None:
    if response.status_code == 200:
        response_200 = DataPolicy.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Errors.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = Errors.from_dict(response.json())

        return response_404

    if response.status_code == 412:
        response_412 = Errors.from_dict(response.json())

        return response_412

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
    policy_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: DataPolicy,
    if_match: str | Unset = UNSET,
) -> Response[DataPolicy | Errors]:
    """Replace a data policy

     Replaces the stored policy with the one in the body. The `id` in the body must be the one in the
    path, and `matching.topicFilter` cannot change.

    Args:
        policy_id (str):
        if_match (str | Unset):
        body (DataPolicy): A data policy: which topics it watches, how it validates their
            messages, and what happens when validation succeeds or fails.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DataPolicy | Errors]
    """

    kwargs = _get_kwargs(
        policy_id=policy_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    policy_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: DataPolicy,
    if_match: str | Unset = UNSET,
) -> DataPolicy | Errors | None:
    """Replace a data policy

     Replaces the stored policy with the one in the body. The `id` in the body must be the one in the
    path, and `matching.topicFilter` cannot change.

    Args:
        policy_id (str):
        if_match (str | Unset):
        body (DataPolicy): A data policy: which topics it watches, how it validates their
            messages, and what happens when validation succeeds or fails.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DataPolicy | Errors
    """

    return sync_detailed(
        policy_id=policy_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    policy_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: DataPolicy,
    if_match: str | Unset = UNSET,
) -> Response[DataPolicy | Errors]:
    """Replace a data policy

     Replaces the stored policy with the one in the body. The `id` in the body must be the one in the
    path, and `matching.topicFilter` cannot change.

    Args:
        policy_id (str):
        if_match (str | Unset):
        body (DataPolicy): A data policy: which topics it watches, how it validates their
            messages, and what happens when validation succeeds or fails.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DataPolicy | Errors]
    """

    kwargs = _get_kwargs(
        policy_id=policy_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    policy_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: DataPolicy,
    if_match: str | Unset = UNSET,
) -> DataPolicy | Errors | None:
    """Replace a data policy

     Replaces the stored policy with the one in the body. The `id` in the body must be the one in the
    path, and `matching.topicFilter` cannot change.

    Args:
        policy_id (str):
        if_match (str | Unset):
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
            policy_id=policy_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
