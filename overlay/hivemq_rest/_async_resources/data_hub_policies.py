"""``hivemq.data_hub.data_policies`` and ``.behavior_policies``: list, get, create, update..."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple, TypeVar, overload

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

_Policy = TypeVar("_Policy", DataPolicy, BehaviorPolicy)
_PartialPolicy = TypeVar("_PartialPolicy", PartialDataPolicy, PartialBehaviorPolicy)


class _Builders(NamedTuple):
    """The spec's requests on one kind of policy (the generated builders)."""

    get: Callable[..., api.Request]
    create: Callable[..., api.Request]
    update: Callable[..., api.Request]
    delete: Callable[..., api.Request]


class AsyncPolicies(AsyncDataHubItems[_Policy, _PartialPolicy]):
    """What data and behavior policies have alike: get, etag, create, update, delete."""

    _builders: _Builders

    @overload
    async def get(
        self,
        policy_id: str,
        *,
        fields: None = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> _Policy: ...
    @overload
    async def get(
        self,
        policy_id: str,
        *,
        fields: Sequence[str],
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> _PartialPolicy: ...
    async def get(
        self,
        policy_id: str,
        *,
        fields: Sequence[str] | None = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> _Policy | _PartialPolicy:
        """One policy; with ``fields``, its partial model of those fields alone.

        NotFoundError if unknown.
        """
        wanted = dh.joined("fields", fields)
        request = self._builders.get(policy_id, fields=wanted)
        return await self._get(request, wanted, call_options(timeout, extra_headers))

    async def etag(
        self,
        policy_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> str | None:
        """The policy's entity tag, for ``update(..., if_match=...)`` (None: none sent).

        One GET of the policy's id alone. NotFoundError if unknown. To read a
        policy and its tag in one request, use ``get`` on ``with_raw_response``
        (``with_raw_response.data_hub.data_policies.get(id).headers["ETag"]``).
        """
        request = self._builders.get(policy_id, fields="id")
        return await self._etag(request, call_options(timeout, extra_headers))

    async def create(
        self,
        policy: _Policy,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> _Policy:
        """Create a policy; the stored policy (with ``created_at``) is returned."""
        request = self._builders.create(body=self._checked(policy))
        return await self._create(request, call_options(timeout, extra_headers))

    async def update(
        self,
        policy: _Policy,
        *,
        if_match: str | None = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> _Policy:
        """Replace the policy of ``policy.id`` with ``policy``.

        ``if_match`` sends an If-Match header: PreconditionFailedError (412) if it does not hold.
        """
        policy = self._checked(policy)
        request = self._builders.update(policy.id, body=policy, if_match=if_match)
        return await self._update(request, call_options(timeout, extra_headers))

    async def delete(
        self,
        policy_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Delete a policy. NotFoundError if unknown."""
        request = self._builders.delete(policy_id)
        await self._delete(request, call_options(timeout, extra_headers))


class AsyncDataPolicies(AsyncPolicies[DataPolicy, PartialDataPolicy]):
    """Data policies: what is checked, and done, for each message on matching topics."""

    _model = DataPolicy
    _partial = PartialDataPolicy
    _noun = "data policy"
    _plural = "data policies"
    _builders = _Builders(
        api.get_data_policy, api.create_data_policy, api.update_data_policy, api.delete_data_policy
    )

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


class AsyncBehaviorPolicies(AsyncPolicies[BehaviorPolicy, PartialBehaviorPolicy]):
    """Behavior policies: the states each matching client goes through, and what they do."""

    _model = BehaviorPolicy
    _partial = PartialBehaviorPolicy
    _noun = "behavior policy"
    _plural = "behavior policies"
    _builders = _Builders(
        api.get_behavior_policy,
        api.create_behavior_policy,
        api.update_behavior_policy,
        api.delete_behavior_policy,
    )

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
