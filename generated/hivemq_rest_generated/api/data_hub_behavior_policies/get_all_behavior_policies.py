from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.behavior_policy_list import BehaviorPolicyList
from ...models.errors import Errors
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    fields: str | Unset = UNSET,
    policy_ids: str | Unset = UNSET,
    client_ids: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["fields"] = fields

    params["policyIds"] = policy_ids

    params["clientIds"] = client_ids

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/data-hub/behavior-validation/policies",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BehaviorPolicyList | Errors | None:
    if response.status_code == 200:
        response_200 = BehaviorPolicyList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Errors.from_dict(response.json())

        return response_400

    if response.status_code == 410:
        response_410 = Errors.from_dict(response.json())

        return response_410

    if response.status_code == 503:
        response_503 = Errors.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BehaviorPolicyList | Errors]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    policy_ids: str | Unset = UNSET,
    client_ids: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[BehaviorPolicyList | Errors]:
    """List behavior policies

     Returns the behavior policies, one page at a time. Follow `_links.next` for the next page; it is
    absent on the last page. The filters narrow the listing and can be combined.

    Args:
        fields (str | Unset):
        policy_ids (str | Unset):
        client_ids (str | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BehaviorPolicyList | Errors]
    """

    kwargs = _get_kwargs(
        fields=fields,
        policy_ids=policy_ids,
        client_ids=client_ids,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    policy_ids: str | Unset = UNSET,
    client_ids: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> BehaviorPolicyList | Errors | None:
    """List behavior policies

     Returns the behavior policies, one page at a time. Follow `_links.next` for the next page; it is
    absent on the last page. The filters narrow the listing and can be combined.

    Args:
        fields (str | Unset):
        policy_ids (str | Unset):
        client_ids (str | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BehaviorPolicyList | Errors
    """

    return sync_detailed(
        client=client,
        fields=fields,
        policy_ids=policy_ids,
        client_ids=client_ids,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    policy_ids: str | Unset = UNSET,
    client_ids: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[BehaviorPolicyList | Errors]:
    """List behavior policies

     Returns the behavior policies, one page at a time. Follow `_links.next` for the next page; it is
    absent on the last page. The filters narrow the listing and can be combined.

    Args:
        fields (str | Unset):
        policy_ids (str | Unset):
        client_ids (str | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BehaviorPolicyList | Errors]
    """

    kwargs = _get_kwargs(
        fields=fields,
        policy_ids=policy_ids,
        client_ids=client_ids,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    policy_ids: str | Unset = UNSET,
    client_ids: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> BehaviorPolicyList | Errors | None:
    """List behavior policies

     Returns the behavior policies, one page at a time. Follow `_links.next` for the next page; it is
    absent on the last page. The filters narrow the listing and can be combined.

    Args:
        fields (str | Unset):
        policy_ids (str | Unset):
        client_ids (str | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BehaviorPolicyList | Errors
    """

    return (
        await asyncio_detailed(
            client=client,
            fields=fields,
            policy_ids=policy_ids,
            client_ids=client_ids,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
