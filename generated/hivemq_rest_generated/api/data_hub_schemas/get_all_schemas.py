from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.errors import Errors
from ...models.schema_list import SchemaList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    fields: str | Unset = UNSET,
    types: str | Unset = UNSET,
    schema_ids: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["fields"] = fields

    params["types"] = types

    params["schemaIds"] = schema_ids

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/data-hub/schemas",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Errors | SchemaList | None:
    if response.status_code == 200:
        response_200 = SchemaList.from_dict(response.json())

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
) -> Response[Errors | SchemaList]:
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
    types: str | Unset = UNSET,
    schema_ids: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[Errors | SchemaList]:
    """List schemas

     Returns every version of every schema, one page at a time. Follow `_links.next` for the next page;
    it is absent on the last page. The filters narrow the listing and can be combined.

    Args:
        fields (str | Unset):
        types (str | Unset):
        schema_ids (str | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Errors | SchemaList]
    """

    kwargs = _get_kwargs(
        fields=fields,
        types=types,
        schema_ids=schema_ids,
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
    types: str | Unset = UNSET,
    schema_ids: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Errors | SchemaList | None:
    """List schemas

     Returns every version of every schema, one page at a time. Follow `_links.next` for the next page;
    it is absent on the last page. The filters narrow the listing and can be combined.

    Args:
        fields (str | Unset):
        types (str | Unset):
        schema_ids (str | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Errors | SchemaList
    """

    return sync_detailed(
        client=client,
        fields=fields,
        types=types,
        schema_ids=schema_ids,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    types: str | Unset = UNSET,
    schema_ids: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[Errors | SchemaList]:
    """List schemas

     Returns every version of every schema, one page at a time. Follow `_links.next` for the next page;
    it is absent on the last page. The filters narrow the listing and can be combined.

    Args:
        fields (str | Unset):
        types (str | Unset):
        schema_ids (str | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Errors | SchemaList]
    """

    kwargs = _get_kwargs(
        fields=fields,
        types=types,
        schema_ids=schema_ids,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    types: str | Unset = UNSET,
    schema_ids: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Errors | SchemaList | None:
    """List schemas

     Returns every version of every schema, one page at a time. Follow `_links.next` for the next page;
    it is absent on the last page. The filters narrow the listing and can be combined.

    Args:
        fields (str | Unset):
        types (str | Unset):
        schema_ids (str | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Errors | SchemaList
    """

    return (
        await asyncio_detailed(
            client=client,
            fields=fields,
            types=types,
            schema_ids=schema_ids,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
