from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.client_restrictions import ClientRestrictions
    from ..models.connection_details import ConnectionDetails


T = TypeVar("T", bound="ClientDetails")


@_attrs_define
class ClientDetails:
    """A client's session and, when connected, its connection.

    Attributes:
        id (str | Unset):
        connected (bool | Unset):
        connected_at (datetime.datetime | None | Unset):
        session_expiry_interval (int | None | Unset): Seconds the session outlives its connection.
        message_queue_size (int | Unset):
        will_present (bool | Unset):
        restrictions (ClientRestrictions | None | Unset):
        connection (ConnectionDetails | None | Unset):
    """

    id: str | Unset = UNSET
    connected: bool | Unset = UNSET
    connected_at: datetime.datetime | None | Unset = UNSET
    session_expiry_interval: int | None | Unset = UNSET
    message_queue_size: int | Unset = UNSET
    will_present: bool | Unset = UNSET
    restrictions: ClientRestrictions | None | Unset = UNSET
    connection: ConnectionDetails | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.client_restrictions import ClientRestrictions
        from ..models.connection_details import ConnectionDetails

        id = self.id

        connected = self.connected

        connected_at: None | str | Unset
        if isinstance(self.connected_at, Unset):
            connected_at = UNSET
        elif isinstance(self.connected_at, datetime.datetime):
            from ..types import format_datetime

            connected_at = format_datetime(self.connected_at)
        else:
            connected_at = self.connected_at

        session_expiry_interval: int | None | Unset
        if isinstance(self.session_expiry_interval, Unset):
            session_expiry_interval = UNSET
        else:
            session_expiry_interval = self.session_expiry_interval

        message_queue_size = self.message_queue_size

        will_present = self.will_present

        restrictions: dict[str, Any] | None | Unset
        if isinstance(self.restrictions, Unset):
            restrictions = UNSET
        elif isinstance(self.restrictions, ClientRestrictions):
            restrictions = self.restrictions.to_dict()
        else:
            restrictions = self.restrictions

        connection: dict[str, Any] | None | Unset
        if isinstance(self.connection, Unset):
            connection = UNSET
        elif isinstance(self.connection, ConnectionDetails):
            connection = self.connection.to_dict()
        else:
            connection = self.connection

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if connected is not UNSET:
            field_dict["connected"] = connected
        if connected_at is not UNSET:
            field_dict["connectedAt"] = connected_at
        if session_expiry_interval is not UNSET:
            field_dict["sessionExpiryInterval"] = session_expiry_interval
        if message_queue_size is not UNSET:
            field_dict["messageQueueSize"] = message_queue_size
        if will_present is not UNSET:
            field_dict["willPresent"] = will_present
        if restrictions is not UNSET:
            field_dict["restrictions"] = restrictions
        if connection is not UNSET:
            field_dict["connection"] = connection

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.client_restrictions import ClientRestrictions
        from ..models.connection_details import ConnectionDetails

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        connected = d.pop("connected", UNSET)

        def _parse_connected_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                connected_at_type_0 = datetime.datetime.fromisoformat(data)

                return connected_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        connected_at = _parse_connected_at(d.pop("connectedAt", UNSET))

        def _parse_session_expiry_interval(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        session_expiry_interval = _parse_session_expiry_interval(
            d.pop("sessionExpiryInterval", UNSET)
        )

        message_queue_size = d.pop("messageQueueSize", UNSET)

        will_present = d.pop("willPresent", UNSET)

        def _parse_restrictions(data: object) -> ClientRestrictions | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
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
            return cast(ClientRestrictions | None | Unset, data)

        restrictions = _parse_restrictions(d.pop("restrictions", UNSET))

        def _parse_connection(data: object) -> ConnectionDetails | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
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
            return cast(ConnectionDetails | None | Unset, data)

        connection = _parse_connection(d.pop("connection", UNSET))

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
