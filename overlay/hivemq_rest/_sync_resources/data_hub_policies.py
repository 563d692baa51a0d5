"""``hivemq.data_hub.data_policies`` and ``.behavior_policies``: list, get, create, update...

Made by scripts/generate.py from _async_resources/data_hub_policies.py (see scripts/_unasync.py);
do not edit: change _async_resources/data_hub_policies.py and regenerate.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

from hivemq_rest_generated import operations as api
from hivemq_rest_generated.models import (
    BehaviorPolicy,
    DataPolicy,
    PartialBehaviorPolicy,
    PartialDataPolicy,
)

from .. import _data_hub as dh
from ._data_hub_items import DataHubItems

__all__ = ["BehaviorPolicies", "DataPolicies"]


class DataPolicies(DataHubItems[DataPolicy, PartialDataPolicy]):
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
    ) -> Iterator[DataPolicy]: ...
    @overload
    def list(
        self,
        *,
        policy_ids: Sequence[str] | None = None,
        schema_ids: Sequence[str] | None = None,
        topic: str | None = None,
        fields: Sequence[str],
        page_size: int = dh.MAX_PAGE_SIZE,
    ) -> Iterator[PartialDataPolicy]: ...
    def list(
        self,
        *,
        policy_ids: Sequence[str] | None = None,
        schema_ids: Sequence[str] | None = None,
        topic: str | None = None,
        fields: Sequence[str] | None = None,
        page_size: int = dh.MAX_PAGE_SIZE,
    ) -> Iterator[DataPolicy | PartialDataPolicy]:
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

        return self._list(request, wanted, paged=topic is None)

    @overload
    def get(self, policy_id: str, *, fields: None = None) -> DataPolicy: ...
    @overload
    def get(self, policy_id: str, *, fields: Sequence[str]) -> PartialDataPolicy: ...
    def get(
        self, policy_id: str, *, fields: Sequence[str] | None = None
    ) -> DataPolicy | PartialDataPolicy:
        """One data policy; with ``fields``, a PartialDataPolicy of those alone.

        NotFoundError if unknown.
        """
        wanted = dh.joined("fields", fields)
        return self._get(api.get_data_policy(policy_id, fields=wanted), wanted)

    def etag(self, policy_id: str) -> str | None:
        """The data policy's entity tag, for ``update(..., if_match=...)`` (None: none sent).

        One GET of the policy's id alone. NotFoundError if unknown.
        """
        return self._etag(api.get_data_policy(policy_id, fields="id"))

    def create(self, policy: DataPolicy) -> DataPolicy:
        """Create a data policy; the stored policy (with ``created_at``) is returned."""
        return self._create(api.create_data_policy(body=self._checked(policy)))

    def update(self, policy: DataPolicy, *, if_match: str | None = None) -> DataPolicy:
        """Replace the data policy of ``policy.id`` with ``policy``.

        ``if_match`` sends an If-Match header: PreconditionFailedError (412) if it does not hold.
        """
        policy = self._checked(policy)
        return self._update(api.update_data_policy(policy.id, body=policy, if_match=if_match))

    def delete(self, policy_id: str) -> None:
        """Delete a data policy. NotFoundError if unknown."""
        self._delete(api.delete_data_policy(policy_id))


class BehaviorPolicies(DataHubItems[BehaviorPolicy, PartialBehaviorPolicy]):
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
    ) -> Iterator[BehaviorPolicy]: ...
    @overload
    def list(
        self,
        *,
        policy_ids: Sequence[str] | None = None,
        client_ids: Sequence[str] | None = None,
        fields: Sequence[str],
        page_size: int = dh.MAX_PAGE_SIZE,
    ) -> Iterator[PartialBehaviorPolicy]: ...
    def list(
        self,
        *,
        policy_ids: Sequence[str] | None = None,
        client_ids: Sequence[str] | None = None,
        fields: Sequence[str] | None = None,
        page_size: int = dh.MAX_PAGE_SIZE,
    ) -> Iterator[BehaviorPolicy | PartialBehaviorPolicy]:
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

        return self._list(request, wanted)

    @overload
    def get(self, policy_id: str, *, fields: None = None) -> BehaviorPolicy: ...
    @overload
    def get(self, policy_id: str, *, fields: Sequence[str]) -> PartialBehaviorPolicy: ...
    def get(
        self, policy_id: str, *, fields: Sequence[str] | None = None
    ) -> BehaviorPolicy | PartialBehaviorPolicy:
        """One behavior policy; with ``fields``, a PartialBehaviorPolicy of those alone.

        NotFoundError if unknown.
        """
        wanted = dh.joined("fields", fields)
        return self._get(api.get_behavior_policy(policy_id, fields=wanted), wanted)

    def etag(self, policy_id: str) -> str | None:
        """The behavior policy's entity tag, for ``update(..., if_match=...)`` (None: none sent).

        One GET of the policy's id alone. NotFoundError if unknown.
        """
        return self._etag(api.get_behavior_policy(policy_id, fields="id"))

    def create(self, policy: BehaviorPolicy) -> BehaviorPolicy:
        """Create a behavior policy; the stored policy (with ``created_at``) is returned."""
        return self._create(api.create_behavior_policy(body=self._checked(policy)))

    def update(self, policy: BehaviorPolicy, *, if_match: str | None = None) -> BehaviorPolicy:
        """Replace the behavior policy of ``policy.id`` with ``policy``.

        ``if_match`` sends an If-Match header: PreconditionFailedError (412) if it does not hold.
        """
        policy = self._checked(policy)
        return self._update(api.update_behavior_policy(policy.id, body=policy, if_match=if_match))

    def delete(self, policy_id: str) -> None:
        """Delete a behavior policy. NotFoundError if unknown."""
        self._delete(api.delete_behavior_policy(policy_id))
