"""``hivemq.data_hub``: policies, schemas, scripts, a client's states, the trial.

Made by scripts/generate.py from _async_resources/data_hub.py (see scripts/_unasync.py);
do not edit: change _async_resources/data_hub.py and regenerate.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING

from hivemq_rest_generated import operations as api
from hivemq_rest_generated.models import FsmStateInformationItem, FsmStatesInformationListItem

from .. import _data_hub as dh
from .. import _operations as op
from .._call_options import call_options
from .._ids import validate_client_id
from .data_hub_policies import BehaviorPolicies, DataPolicies
from .data_hub_schemas import Schemas, Scripts

if TYPE_CHECKING:
    from .._sync_api import SyncAPI

__all__ = ["DataHub"]


class DataHub:
    """HiveMQ Data Hub: ``data_policies``, ``behavior_policies``, ``schemas``, ``scripts``."""

    def __init__(self, client: SyncAPI) -> None:
        self._client = client

    @functools.cached_property
    def data_policies(self) -> DataPolicies:
        """Data policies."""
        return DataPolicies(self._client)

    @functools.cached_property
    def behavior_policies(self) -> BehaviorPolicies:
        """Behavior policies."""
        return BehaviorPolicies(self._client)

    @functools.cached_property
    def schemas(self) -> Schemas:
        """Schemas."""
        return Schemas(self._client)

    @functools.cached_property
    def scripts(self) -> Scripts:
        """Scripts."""
        return Scripts(self._client)

    def client_state(
        self,
        client_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[FsmStateInformationItem]:
        """The client's state in each behavior policy that applies to it.

        Any valid MQTT client id (InvalidClientIdError otherwise, nothing
        sent); ClientNotFoundError when the client is unknown or not connected.
        """
        request = api.get_client_state(validate_client_id(client_id))
        call = op.call_for(request, names_client=True)
        response = self._client._send(call, call_options(timeout, extra_headers))
        states = dh.parse_model(response, FsmStatesInformationListItem, "client state")
        return states.items or []

    def start_trial(
        self,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Start Data Hub's five-hour trial. BadRequestError if running or expired."""
        self._client._send(
            op.call_for(api.start_trial_mode()), call_options(timeout, extra_headers)
        )
