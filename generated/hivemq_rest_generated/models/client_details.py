from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.client_restrictions import ClientRestrictions
    from ..models.connection_details import ConnectionDetails


T = TypeVar("T", bound="ClientDetails")


@_attrs_define
class ClientDetails:
    """A client's session and, when connected, its connection.

    Attributes:
        id (str):
        connected (bool | None):
        connected_at (datetime.datetime | None):
        session_expiry_interval (int | None): Seconds the session outlives its connection.
        message_queue_size (int | None):
        will_present (bool | None):
        restrictions (ClientRestrictions | None):
        connection (ConnectionDetails | None):
    """

    id: str
    connected: bool | None = None
    connected_at: datetime.datetime | None = None
    session_expiry_interval: int | None = None
    message_queue_size: int | None = None
    will_present: bool | None = None
    restrictions: ClientRestrictions | None = None
    connection: ConnectionDetails | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _null_keys: frozenset[str] = _attrs_field(
        init=False, factory=frozenset, eq=False, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        from ..models.client_restrictions import ClientRestrictions
        from ..models.connection_details import ConnectionDetails

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if self.connected is not None:
            connected = self.connected
            field_dict["connected"] = connected
        if self.connected_at is not None:
            connected_at: None | str
            if isinstance(self.connected_at, datetime.datetime):
                from ..types import format_datetime

                connected_at = format_datetime(self.connected_at)
            else:
                connected_at = self.connected_at
            field_dict["connectedAt"] = connected_at
        elif "connectedAt" in self._null_keys:
            field_dict["connectedAt"] = None
        if self.session_expiry_interval is not None:
            session_expiry_interval: int | None
            session_expiry_interval = self.session_expiry_interval
            field_dict["sessionExpiryInterval"] = session_expiry_interval
        elif "sessionExpiryInterval" in self._null_keys:
            field_dict["sessionExpiryInterval"] = None
        if self.message_queue_size is not None:
            message_queue_size = self.message_queue_size
            field_dict["messageQueueSize"] = message_queue_size
        if self.will_present is not None:
            will_present = self.will_present
            field_dict["willPresent"] = will_present
        if self.restrictions is not None:
            restrictions: dict[str, Any] | None
            if isinstance(self.restrictions, ClientRestrictions):
                restrictions = self.restrictions.to_dict()
            else:
                restrictions = self.restrictions
            field_dict["restrictions"] = restrictions
        elif "restrictions" in self._null_keys:
            field_dict["restrictions"] = None
        if self.connection is not None:
            connection: dict[str, Any] | None
            if isinstance(self.connection, ConnectionDetails):
                connection = self.connection.to_dict()
            else:
                connection = self.connection
            field_dict["connection"] = connection
        elif "connection" in self._null_keys:
            field_dict["connection"] = None

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.client_restrictions import ClientRestrictions
        from ..models.connection_details import ConnectionDetails

        d = dict(src_dict)
        null_keys: list[str] = []
        id = d.pop("id")

        connected = d.pop("connected", None)

        _connected_at = d.pop("connectedAt", None)
        connected_at: datetime.datetime | None = None
        if _connected_at is not None:

            def _parse_connected_at(data: object) -> datetime.datetime | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    connected_at_type_0 = datetime.datetime.fromisoformat(data)

                    return connected_at_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None, data)

            connected_at = _parse_connected_at(_connected_at)

        elif "connectedAt" in src_dict:
            null_keys.append("connectedAt")

        _session_expiry_interval = d.pop("sessionExpiryInterval", None)
        session_expiry_interval: int | None = None
        if _session_expiry_interval is not None:

            def _parse_session_expiry_interval(data: object) -> int | None:
                if data is None:
                    return data
                return cast(int | None, data)

            session_expiry_interval = _parse_session_expiry_interval(
                _session_expiry_interval
            )

        elif "sessionExpiryInterval" in src_dict:
            null_keys.append("sessionExpiryInterval")

        message_queue_size = d.pop("messageQueueSize", None)

        will_present = d.pop("willPresent", None)

        _restrictions = d.pop("restrictions", None)
        restrictions: ClientRestrictions | None = None
        if _restrictions is not None:

            def _parse_restrictions(data: object) -> ClientRestrictions | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_client_restrictions_type_0 = (
                        ClientRestrictions.from_dict(data)
                    )

                    return componentsschemas_client_restrictions_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(ClientRestrictions | None, data)

            restrictions = _parse_restrictions(_restrictions)

        elif "restrictions" in src_dict:
            null_keys.append("restrictions")

        _connection = d.pop("connection", None)
        connection: ConnectionDetails | None = None
        if _connection is not None:

            def _parse_connection(data: object) -> ConnectionDetails | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_connection_details_type_0 = (
                        ConnectionDetails.from_dict(data)
                    )

                    return componentsschemas_connection_details_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(ConnectionDetails | None, data)

            connection = _parse_connection(_connection)

        elif "connection" in src_dict:
            null_keys.append("connection")

        client_details = cls(
            id=id,
            connected=connected,
            connected_at=connected_at,
            session_expiry_interval=session_expiry_interval,
            message_queue_size=message_queue_size,
            will_present=will_present,
            restrictions=restrictions,
            connection=connection,
        )

        client_details.additional_properties = d
        if null_keys:
            client_details._null_keys = frozenset(null_keys)
        return client_details

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
