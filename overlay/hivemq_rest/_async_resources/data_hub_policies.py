"""``hivemq.data_hub.data_policies`` and ``.behavior_policies``: list, get, create, update..."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import overload

from hivemq_rest_generated import operations as api
from hivemq_rest_generated.models import (
    BehaviorPolicy,
    DataPolicy,
    PartialBehaviorPolicy,
    PartialDataPolicy,
)

from .. import _data_hub as dh
from .._call_options import call_options
from ._data_hub_items import AsyncDataHubItems
from ._pages import AsyncListing

__all__ = ["AsyncBehaviorPolicies", "AsyncDataPolicies"]


class AsyncDataPolicies(AsyncDataHubItems[DataPolicy, PartialDataPolicy]):
    """Data policies: what is checked, and done, for each message on matching topics."""

    _model = DataPolicy
    _partial = PartialDataPolicy
    _noun = "data policy"
    _plural = "data policies"

    @overload
    def list(
        self,
        *,
        policy_ids: Sequence[str] | None = None,
        schema_ids: Sequence[str] | None = None,
        topic: str | None = None,
        fields: None = None,
        page_size: int = dh.MAX_PAGE_SIZE,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncListing[DataPolicy]: ...
    @overload
    def list(
        self,
        *,
        policy_ids: Sequence[str] | None = None,
        schema_ids: Sequence[str] | None = None,
        topic: str | None = None,
        fields: Sequence[str],
        page_size: int = dh.MAX_PAGE_SIZE,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncListing[PartialDataPolicy]: ...
    def list(
        self,
        *,
        policy_ids: Sequence[str] | None = None,
        schema_ids: Sequence[str] | None = None,
        topic: str | None = None,
        fields: Sequence[str] | None = None,
        page_size: int = dh.MAX_PAGE_SIZE,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncListing[DataPolicy | PartialDataPolicy]:
        """Every data policy (matching the filters), following the pages.

        ``policy_ids``, ``schema_ids``: keep policies with one of these ids or
        referencing one of these schemas. ``topic``: the policies that apply to
        this one MQTT topic, in the order the broker applies them (one request:
        the server does not page them). ``fields``: the properties to return,
        as PartialDataPolicy items (the rest are None); without, DataPolicy
        items. ``page_size``: 10..500 (ValueError otherwise).
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

        return self._list(
            request, wanted, call_options(timeout, extra_headers), paged=topic is None
        )

    @overload
    async def get(
        self,
        policy_id: str,
        *,
        fields: None = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> DataPolicy: ...
    @overload
    async def get(
        self,
        policy_id: str,
        *,
        fields: Sequence[str],
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> PartialDataPolicy: ...
    async def get(
        self,
        policy_id: str,
        *,
        fields: Sequence[str] | None = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> DataPolicy | PartialDataPolicy:
        """One data policy; with ``fields``, a PartialDataPolicy of those alone.

        NotFoundError if unknown.
        """
        wanted = dh.joined("fields", fields)
        request = api.get_data_policy(policy_id, fields=wanted)
        return await self._get(request, wanted, call_options(timeout, extra_headers))

    async def etag(
        self,
        policy_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> str | None:
        """The data policy's entity tag, for ``update(..., if_match=...)`` (None: none sent).

        One GET of the policy's id alone. NotFoundError if unknown. To read a
        policy and its tag in one request, use
        ``with_raw_response.data_hub.data_policies.get(id)`` (``.headers["ETag"]``).
        """
        return await self._etag(
            api.get_data_policy(policy_id, fields="id"), call_options(timeout, extra_headers)
        )

    async def create(
        self,
        policy: DataPolicy,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> DataPolicy:
        """Create a data policy; the stored policy (with ``created_at``) is returned."""
        request = api.create_data_policy(body=self._checked(policy))
        return await self._create(request, call_options(timeout, extra_headers))

    async def update(
        self,
        policy: DataPolicy,
        *,
        if_match: str | None = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> DataPolicy:
        """Replace the data policy of ``policy.id`` with ``policy``.

        ``if_match`` sends an If-Match header: PreconditionFailedError (412) if it does not hold.
        """
        policy = self._checked(policy)
        request = api.update_data_policy(policy.id, body=policy, if_match=if_match)
        return await self._update(request, call_options(timeout, extra_headers))

    async def delete(
        self,
        policy_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Delete a data policy. NotFoundError if unknown."""
        await self._delete(api.delete_data_policy(policy_id), call_options(timeout, extra_headers))


class AsyncBehaviorPolicies(AsyncDataHubItems[BehaviorPolicy, PartialBehaviorPolicy]):
    """Behavior policies: the states each matching client goes through, and what they do."""

    _model = BehaviorPolicy
    _partial = PartialBehaviorPolicy
    _noun = "behavior policy"
    _plural = "behavior policies"

    @overload
    def list(
        self,
        *,
        policy_ids: Sequence[str] | None = None,
        client_ids: Sequence[str] | None = None,
        fields: None = None,
        page_size: int = dh.MAX_PAGE_SIZE,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncListing[BehaviorPolicy]: ...
    @overload
    def list(
        self,
        *,
        policy_ids: Sequence[str] | None = None,
        client_ids: Sequence[str] | None = None,
        fields: Sequence[str],
        page_size: int = dh.MAX_PAGE_SIZE,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncListing[PartialBehaviorPolicy]: ...
    def list(
        self,
        *,
        policy_ids: Sequence[str] | None = None,
        client_ids: Sequence[str] | None = None,
        fields: Sequence[str] | None = None,
        page_size: int = dh.MAX_PAGE_SIZE,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncListing[BehaviorPolicy | PartialBehaviorPolicy]:
        """Every behavior policy (matching the filters), following the pages.

        ``policy_ids``: keep these policies; ``client_ids``: keep the policies
        that match one of these client ids. ``fields``: the properties to
        return, as PartialBehaviorPolicy items (the rest are None); without,
        BehaviorPolicy items. ``page_size``: 10..500 (ValueError otherwise).
        """
        ids = dh.joined("policy_ids", policy_ids)
        clients = dh.joined("client_ids", client_ids)
        wanted = dh.joined("fields", fields)
        limit = dh.page_size(api.GET_ALL_BEHAVIOR_POLICIES, page_size)

        def request(cursor: str | None) -> api.Request:
            return api.get_all_behavior_policies(
                policy_ids=ids, client_ids=clients, fields=wanted, limit=limit, cursor=cursor
            )

        return self._list(request, wanted, call_options(timeout, extra_headers))

    @overload
    async def get(
        self,
        policy_id: str,
        *,
        fields: None = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> BehaviorPolicy: ...
    @overload
    async def get(
        self,
        policy_id: str,
        *,
        fields: Sequence[str],
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> PartialBehaviorPolicy: ...
    async def get(
        self,
        policy_id: str,
        *,
        fields: Sequence[str] | None = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> BehaviorPolicy | PartialBehaviorPolicy:
        """One behavior policy; with ``fields``, a PartialBehaviorPolicy of those alone.

        NotFoundError if unknown.
        """
        wanted = dh.joined("fields", fields)
        request = api.get_behavior_policy(policy_id, fields=wanted)
        return await self._get(request, wanted, call_options(timeout, extra_headers))

    async def etag(
        self,
        policy_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> str | None:
        """The behavior policy's entity tag, for ``update(..., if_match=...)`` (None: none sent).

        One GET of the policy's id alone. NotFoundError if unknown. To read a
        policy and its tag in one request, use
        ``with_raw_response.data_hub.behavior_policies.get(id)`` (``.headers["ETag"]``).
        """
        return await self._etag(
            api.get_behavior_policy(policy_id, fields="id"), call_options(timeout, extra_headers)
        )

    async def create(
        self,
        policy: BehaviorPolicy,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> BehaviorPolicy:
        """Create a behavior policy; the stored policy (with ``created_at``) is returned."""
        request = api.create_behavior_policy(body=self._checked(policy))
        return await self._create(request, call_options(timeout, extra_headers))

    async def update(
        self,
        policy: BehaviorPolicy,
        *,
        if_match: str | None = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> BehaviorPolicy:
        """Replace the behavior policy of ``policy.id`` with ``policy``.

        ``if_match`` sends an If-Match header: PreconditionFailedError (412) if it does not hold.
        """
        policy = self._checked(policy)
        request = api.update_behavior_policy(policy.id, body=policy, if_match=if_match)
        return await self._update(request, call_options(timeout, extra_headers))

    async def delete(
        self,
        policy_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Delete a behavior policy. NotFoundError if unknown."""
        await self._delete(
            api.delete_behavior_policy(policy_id), call_options(timeout, extra_headers)
        )
