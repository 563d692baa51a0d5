from enum import StrEnum


class TraceRecordingState(StrEnum):
    ABORTED = "ABORTED"
    IN_PROGRESS = "IN_PROGRESS"
    SCHEDULED = "SCHEDULED"
    STOPPED = "STOPPED"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "TraceRecordingState | None":
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
