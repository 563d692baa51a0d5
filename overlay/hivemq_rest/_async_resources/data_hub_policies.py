"""``hivemq.data_hub.data_policies`` and ``.behavior_policies``: list, get, create, update..."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import TYPE_CHECKING

from hivemq_rest_generated import operations as api
from hivemq_rest_generated.models import (
    BehaviorPolicy,
    DataPolicy,
    PartialBehaviorPolicy,
    PartialDataPolicy,
)

from .. import _data_hub as dh
from .. import _operations as op
from ._pages import iter_items

if TYPE_CHECKING:
    from .._async_api import AsyncAPI

__all__ = ["AsyncBehaviorPolicies", "AsyncDataPolicies"]


def _policy_id(policy: DataPolicy | BehaviorPolicy, model: type) -> str:
    if not isinstance(policy, model):
        raise TypeError(f"policy must be a {model.__name__}, not {type(policy).__name__}")
    return policy.id


class AsyncDataPolicies:
    """Data policies: what is checked, and done, for each message on matching topics."""

    def __init__(self, client: AsyncAPI) -> None:
        self._client = client

    def list(
        self,
        *,
        policy_ids: Sequence[str] | None = None,
        schema_ids: Sequence[str] | None = None,
        topic: str | None = None,
        fields: Sequence[str] | None = None,
        page_size: int = dh.MAX_PAGE_SIZE,
    ) -> AsyncIterator[PartialDataPolicy]:
        """Every data policy (matching the filters), following the pages.

        ``policy_ids``, ``schema_ids``: keep policies with one of these ids or
        referencing one of these schemas. ``topic``: the policies that apply to
        this one MQTT topic, in the order the broker applies them (one request:
        the server does not page them). ``fields``: the properties to return
        (the rest are UNSET). ``page_size``: 10..500 (ValueError otherwise).
        """
        ids = dh.joined("policy_ids", policy_ids)
        schemas = dh.joined("schema_ids", schema_ids)
        wanted = dh.joined("fields", fields)
        limit = dh.page_size(api.GET_ALL_DATA_POLICIES, page_size) if topic is None else None

        def request(cursor: str | None) -> api.Request:
            return api.get_all_data_policies(
                policy_ids=ids,
                schema_ids=schemas,
                topic=topic,
                fields=wanted,
                limit=limit,
                cursor=cursor,
            )

        request(None)  # checks every argument now, before the first page is asked for
        return iter_items(
            self._client,
            request,
            lambda response: dh.parse_page(response, PartialDataPolicy, "data policies"),
            paged=topic is None,
        )

    async def get(
        self, policy_id: str, *, fields: Sequence[str] | None = None
    ) -> PartialDataPolicy:
        """One data policy (only the ``fields`` asked for). NotFoundError if unknown."""
        request = api.get_data_policy(policy_id, fields=dh.joined("fields", fields))
        response = await self._client._send(op.call_for(request))
        return dh.parse_model(response, PartialDataPolicy, "data policy")

    async def etag(self, policy_id: str) -> str | None:
        """The data policy's entity tag, for ``update(..., if_match=...)`` (None: none sent).

        One GET of the policy's id alone. NotFoundError if unknown.
        """
        request = api.get_data_policy(policy_id, fields="id")
        response = await self._client._send(op.call_for(request))
        etag: str | None = response.headers.get("ETag")
        return etag

    async def create(self, policy: DataPolicy) -> DataPolicy:
        """Create a data policy; the stored policy (with ``created_at``) is returned."""
        _policy_id(policy, DataPolicy)
        response = await self._client._send(op.call_for(api.create_data_policy(body=policy)))
        return dh.parse_model(response, DataPolicy, "data policy")

    async def update(self, policy: DataPolicy, *, if_match: str | None = None) -> DataPolicy:
        """Replace the data policy of ``policy.id`` with ``policy``.

        ``if_match`` sends an If-Match header: PreconditionFailedError (412) if it does not hold.
        """
        request = api.update_data_policy(
            _policy_id(policy, DataPolicy), body=policy, if_match=if_match
        )
        response = await self._client._send(op.call_for(request))
        return dh.parse_model(response, DataPolicy, "data policy")

    async def delete(self, policy_id: str) -> None:
        """Delete a data policy. NotFoundError if unknown."""
        request = api.delete_data_policy(policy_id)
        await self._client._send(op.call_for(request, idempotent_delete=True))


class AsyncBehaviorPolicies:
    """Behavior policies: the states each matching client goes through, and what they do."""

    def __init__(self, client: AsyncAPI) -> None:
        self._client = client

    def list(
        self,
        *,
        policy_ids: Sequence[str] | None = None,
        client_ids: Sequence[str] | None = None,
        fields: Sequence[str] | None = None,
        page_size: int = dh.MAX_PAGE_SIZE,
    ) -> AsyncIterator[PartialBehaviorPolicy]:
        """Every behavior policy (matching the filters), following the pages.

        ``policy_ids``: keep these policies; ``client_ids``: keep the policies
        that match one of these client ids. ``fields``: the properties to
        return (the rest are UNSET). ``page_size``: 10..500 (ValueError otherwise).
        """
        ids = dh.joined("policy_ids", policy_ids)
        clients = dh.joined("client_ids", client_ids)
        wanted = dh.joined("fields", fields)
        limit = dh.page_size(api.GET_ALL_BEHAVIOR_POLICIES, page_size)

        def request(cursor: str | None) -> api.Request:
            return api.get_all_behavior_policies(
                policy_ids=ids, client_ids=clients, fields=wanted, limit=limit, cursor=cursor
            )

        request(None)  # checks every argument now, before the first page is asked for
        return iter_items(
            self._client,
            request,
            lambda response: dh.parse_page(response, PartialBehaviorPolicy, "behavior policies"),
        )

    async def get(
        self, policy_id: str, *, fields: Sequence[str] | None = None
    ) -> PartialBehaviorPolicy:
        """One behavior policy (only the ``fields`` asked for). NotFoundError if unknown."""
        request = api.get_behavior_policy(policy_id, fields=dh.joined("fields", fields))
        response = await self._client._send(op.call_for(request))
        return dh.parse_model(response, PartialBehaviorPolicy, "behavior policy")

    async def etag(self, policy_id: str) -> str | None:
        """The behavior policy's entity tag, for ``update(..., if_match=...)`` (None: none sent).

        One GET of the policy's id alone. NotFoundError if unknown.
        """
        request = api.get_behavior_policy(policy_id, fields="id")
        response = await self._client._send(op.call_for(request))
        etag: str | None = response.headers.get("ETag")
        return etag

    async def create(self, policy: BehaviorPolicy) -> BehaviorPolicy:
        """Create a behavior policy; the stored policy (with ``created_at``) is returned."""
        _policy_id(policy, BehaviorPolicy)
        response = await self._client._send(op.call_for(api.create_behavior_policy(body=policy)))
        return dh.parse_model(response, BehaviorPolicy, "behavior policy")

    async def update(
        self, policy: BehaviorPolicy, *, if_match: str | None = None
    ) -> BehaviorPolicy:
        """Replace the behavior policy of ``policy.id`` with ``policy``.

        ``if_match`` sends an If-Match header: PreconditionFailedError (412) if it does not hold.
        """
        request = api.update_behavior_policy(
            _policy_id(policy, BehaviorPolicy), body=policy, if_match=if_match
        )
        response = await self._client._send(op.call_for(request))
        return dh.parse_model(response, BehaviorPolicy, "behavior policy")

    async def delete(self, policy_id: str) -> None:
        """Delete a behavior policy. NotFoundError if unknown."""
        request = api.delete_behavior_policy(policy_id)
        await self._client._send(op.call_for(request, idempotent_delete=True))
