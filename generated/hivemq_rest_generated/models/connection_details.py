from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import secret_repr

if TYPE_CHECKING:
    from ..models.proxy_information import ProxyInformation
    from ..models.tls_information import TlsInformation


T = TypeVar("T", bound="ConnectionDetails")


@_attrs_define
class ConnectionDetails:
    """
    Attributes:
        keep_alive (int | None):
        mqtt_version (str | None): Free text, for example `MQTTv5`, `MQTTv3_1_1` or `3.1.1`.
        connected_listener_id (str | None):
        connected_node_id (str | None):
        clean_start (bool | None):
        username (None | str):
        password (None | str): Base64 of the password bytes the client sent.
        source_ip (None | str):
        proxy_information (None | ProxyInformation): What the PROXY protocol told the listener.
        tls_information (None | TlsInformation):
    """

    keep_alive: int | None = None
    mqtt_version: str | None = None
    connected_listener_id: str | None = None
    connected_node_id: str | None = None
    clean_start: bool | None = None
    username: None | str = None
    password: None | str = _attrs_field(default=None, repr=secret_repr)
    source_ip: None | str = None
    proxy_information: None | ProxyInformation = None
    tls_information: None | TlsInformation = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _null_keys: frozenset[str] = _attrs_field(
        init=False, factory=frozenset, eq=False, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        from ..models.proxy_information import ProxyInformation
        from ..models.tls_information import TlsInformation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.keep_alive is not None:
            keep_alive: int | None
            keep_alive = self.keep_alive
            field_dict["keepAlive"] = keep_alive
        elif "keepAlive" in self._null_keys:
            field_dict["keepAlive"] = None
        if self.mqtt_version is not None:
            mqtt_version = self.mqtt_version
            field_dict["mqttVersion"] = mqtt_version
        if self.connected_listener_id is not None:
            connected_listener_id = self.connected_listener_id
            field_dict["connectedListenerId"] = connected_listener_id
        if self.connected_node_id is not None:
            connected_node_id = self.connected_node_id
            field_dict["connectedNodeId"] = connected_node_id
        if self.clean_start is not None:
            clean_start = self.clean_start
            field_dict["cleanStart"] = clean_start
        if self.username is not None:
            username: None | str
            username = self.username
            field_dict["username"] = username
        elif "username" in self._null_keys:
            field_dict["username"] = None
        if self.password is not None:
            password: None | str
            password = self.password
            field_dict["password"] = password
        elif "password" in self._null_keys:
            field_dict["password"] = None
        if self.source_ip is not None:
            source_ip: None | str
            source_ip = self.source_ip
            field_dict["sourceIp"] = source_ip
        elif "sourceIp" in self._null_keys:
            field_dict["sourceIp"] = None
        if self.proxy_information is not None:
            proxy_information: dict[str, Any] | None
            if isinstance(self.proxy_information, ProxyInformation):
                proxy_information = self.proxy_information.to_dict()
            else:
                proxy_information = self.proxy_information
            field_dict["proxyInformation"] = proxy_information
        elif "proxyInformation" in self._null_keys:
            field_dict["proxyInformation"] = None
        if self.tls_information is not None:
            tls_information: dict[str, Any] | None
            if isinstance(self.tls_information, TlsInformation):
                tls_information = self.tls_information.to_dict()
            else:
                tls_information = self.tls_information
            field_dict["tlsInformation"] = tls_information
        elif "tlsInformation" in self._null_keys:
            field_dict["tlsInformation"] = None

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.proxy_information import ProxyInformation
        from ..models.tls_information import TlsInformation

        d = dict(src_dict)
        null_keys: list[str] = []
        _keep_alive = d.pop("keepAlive", None)
        keep_alive: int | None = None
        if _keep_alive is not None:

            def _parse_keep_alive(data: object) -> int | None:
                if data is None:
                    return data
                return cast(int | None, data)

            keep_alive = _parse_keep_alive(_keep_alive)

        elif "keepAlive" in src_dict:
            null_keys.append("keepAlive")

        mqtt_version = d.pop("mqttVersion", None)

        connected_listener_id = d.pop("connectedListenerId", None)

        connected_node_id = d.pop("connectedNodeId", None)

        clean_start = d.pop("cleanStart", None)

        _username = d.pop("username", None)
        username: None | str = None
        if _username is not None:

            def _parse_username(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            username = _parse_username(_username)

        elif "username" in src_dict:
            null_keys.append("username")

        _password = d.pop("password", None)
        password: None | str = None
        if _password is not None:

            def _parse_password(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            password = _parse_password(_password)

        elif "password" in src_dict:
            null_keys.append("password")

        _source_ip = d.pop("sourceIp", None)
        source_ip: None | str = None
        if _source_ip is not None:

            def _parse_source_ip(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            source_ip = _parse_source_ip(_source_ip)

        elif "sourceIp" in src_dict:
            null_keys.append("sourceIp")

        _proxy_information = d.pop("proxyInformation", None)
        proxy_information: None | ProxyInformation = None
        if _proxy_information is not None:

            def _parse_proxy_information(data: object) -> None | ProxyInformation:
                if data is None:
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_proxy_information_type_0 = (
                        ProxyInformation.from_dict(data)
                    )

                    return componentsschemas_proxy_information_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(None | ProxyInformation, data)

            proxy_information = _parse_proxy_information(_proxy_information)

        elif "proxyInformation" in src_dict:
            null_keys.append("proxyInformation")

        _tls_information = d.pop("tlsInformation", None)
        tls_information: None | TlsInformation = None
        if _tls_information is not None:

            def _parse_tls_information(data: object) -> None | TlsInformation:
                if data is None:
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
                return cast(None | TlsInformation, data)

            tls_information = _parse_tls_information(_tls_information)

        elif "tlsInformation" in src_dict:
            null_keys.append("tlsInformation")

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
        if null_keys:
            connection_details._null_keys = frozenset(null_keys)
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
