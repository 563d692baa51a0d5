from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, secret_repr

if TYPE_CHECKING:
    from ..models.proxy_information import ProxyInformation
    from ..models.tls_information import TlsInformation


T = TypeVar("T", bound="ConnectionDetails")


@_attrs_define
class ConnectionDetails:
    """
    Attributes:
        keep_alive (int | None | Unset):
        mqtt_version (str | Unset): Free text, for example `MQTTv5`, `MQTTv3_1_1` or `3.1.1`.
        connected_listener_id (str | Unset):
        connected_node_id (str | Unset):
        clean_start (bool | Unset):
        username (None | str | Unset):
        password (None | str | Unset): Base64 of the password bytes the client sent.
        source_ip (None | str | Unset):
        proxy_information (None | ProxyInformation | Unset): What the PROXY protocol told the listener.
        tls_information (None | TlsInformation | Unset):
    """

    keep_alive: int | None | Unset = UNSET
    mqtt_version: str | Unset = UNSET
    connected_listener_id: str | Unset = UNSET
    connected_node_id: str | Unset = UNSET
    clean_start: bool | Unset = UNSET
    username: None | str | Unset = UNSET
    password: None | str | Unset = _attrs_field(default=UNSET, repr=secret_repr)
    source_ip: None | str | Unset = UNSET
    proxy_information: None | ProxyInformation | Unset = UNSET
    tls_information: None | TlsInformation | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.proxy_information import ProxyInformation
        from ..models.tls_information import TlsInformation

        keep_alive: int | None | Unset
        if isinstance(self.keep_alive, Unset):
            keep_alive = UNSET
        else:
            keep_alive = self.keep_alive

        mqtt_version = self.mqtt_version

        connected_listener_id = self.connected_listener_id

        connected_node_id = self.connected_node_id

        clean_start = self.clean_start

        username: None | str | Unset
        if isinstance(self.username, Unset):
            username = UNSET
        else:
            username = self.username

        password: None | str | Unset
        if isinstance(self.password, Unset):
            password = UNSET
        else:
            password = self.password

        source_ip: None | str | Unset
        if isinstance(self.source_ip, Unset):
            source_ip = UNSET
        else:
            source_ip = self.source_ip

        proxy_information: dict[str, Any] | None | Unset
        if isinstance(self.proxy_information, Unset):
            proxy_information = UNSET
        elif isinstance(self.proxy_information, ProxyInformation):
            proxy_information = self.proxy_information.to_dict()
        else:
            proxy_information = self.proxy_information

        tls_information: dict[str, Any] | None | Unset
        if isinstance(self.tls_information, Unset):
            tls_information = UNSET
        elif isinstance(self.tls_information, TlsInformation):
            tls_information = self.tls_information.to_dict()
        else:
            tls_information = self.tls_information

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if keep_alive is not UNSET:
            field_dict["keepAlive"] = keep_alive
        if mqtt_version is not UNSET:
            field_dict["mqttVersion"] = mqtt_version
        if connected_listener_id is not UNSET:
            field_dict["connectedListenerId"] = connected_listener_id
        if connected_node_id is not UNSET:
            field_dict["connectedNodeId"] = connected_node_id
        if clean_start is not UNSET:
            field_dict["cleanStart"] = clean_start
        if username is not UNSET:
            field_dict["username"] = username
        if password is not UNSET:
            field_dict["password"] = password
        if source_ip is not UNSET:
            field_dict["sourceIp"] = source_ip
        if proxy_information is not UNSET:
            field_dict["proxyInformation"] = proxy_information
        if tls_information is not UNSET:
            field_dict["tlsInformation"] = tls_information

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.proxy_information import ProxyInformation
        from ..models.tls_information import TlsInformation

        d = dict(src_dict)

        def _parse_keep_alive(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        keep_alive = _parse_keep_alive(d.pop("keepAlive", UNSET))

        mqtt_version = d.pop("mqttVersion", UNSET)

        connected_listener_id = d.pop("connectedListenerId", UNSET)

        connected_node_id = d.pop("connectedNodeId", UNSET)

        clean_start = d.pop("cleanStart", UNSET)

        def _parse_username(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        username = _parse_username(d.pop("username", UNSET))

        def _parse_password(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        password = _parse_password(d.pop("password", UNSET))

        def _parse_source_ip(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_ip = _parse_source_ip(d.pop("sourceIp", UNSET))

        def _parse_proxy_information(data: object) -> None | ProxyInformation | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_proxy_information_type_0 = ProxyInformation.from_dict(
                    data
                )

                return componentsschemas_proxy_information_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProxyInformation | Unset, data)

        proxy_information = _parse_proxy_information(d.pop("proxyInformation", UNSET))

        def _parse_tls_information(data: object) -> None | TlsInformation | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_tls_information_type_0 = TlsInformation.from_dict(
                    data
                )

                return componentsschemas_tls_information_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TlsInformation | Unset, data)

        tls_information = _parse_tls_information(d.pop("tlsInformation", UNSET))

        connection_details = cls(
            keep_alive=keep_alive,
            mqtt_version=mqtt_version,
            connected_listener_id=connected_listener_id,
            connected_node_id=connected_node_id,
            clean_start=clean_start,
            username=username,
            password=password,
            source_ip=source_ip,
            proxy_information=proxy_information,
            tls_information=tls_information,
        )

        connection_details.additional_properties = d
        return connection_details

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
