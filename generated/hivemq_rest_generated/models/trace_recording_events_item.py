from enum import StrEnum


class TraceRecordingEventsItem(StrEnum):
    MQTT_MESSAGE_AUTH = "MQTT_MESSAGE_AUTH"
    MQTT_MESSAGE_CONNACK = "MQTT_MESSAGE_CONNACK"
    MQTT_MESSAGE_CONNECT = "MQTT_MESSAGE_CONNECT"
    MQTT_MESSAGE_DISCONNECT = "MQTT_MESSAGE_DISCONNECT"
    MQTT_MESSAGE_PINGREQ = "MQTT_MESSAGE_PINGREQ"
    MQTT_MESSAGE_PINGRESP = "MQTT_MESSAGE_PINGRESP"
    MQTT_MESSAGE_PUBACK = "MQTT_MESSAGE_PUBACK"
    MQTT_MESSAGE_PUBCOMP = "MQTT_MESSAGE_PUBCOMP"
    MQTT_MESSAGE_PUBLISH = "MQTT_MESSAGE_PUBLISH"
    MQTT_MESSAGE_PUBREC = "MQTT_MESSAGE_PUBREC"
    MQTT_MESSAGE_PUBREL = "MQTT_MESSAGE_PUBREL"
    MQTT_MESSAGE_SUBACK = "MQTT_MESSAGE_SUBACK"
    MQTT_MESSAGE_SUBSCRIBE = "MQTT_MESSAGE_SUBSCRIBE"
    MQTT_MESSAGE_UNSUBACK = "MQTT_MESSAGE_UNSUBACK"
    MQTT_MESSAGE_UNSUBSCRIBE = "MQTT_MESSAGE_UNSUBSCRIBE"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "TraceRecordingEventsItem | None":
        # A newer broker may send a value this spec does not list yet. Keep it
        # as an extra member of its own, so the response still parses and the
        # value survives to_dict(); anything that is not a string stays invalid.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

    @property
    def is_known(self) -> bool:
        """Whether this value is one the spec lists."""
        return self._name_ in type(self).__members__
