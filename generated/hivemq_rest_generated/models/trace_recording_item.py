from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.trace_recording import TraceRecording


T = TypeVar("T", bound="TraceRecordingItem")


@_attrs_define
class TraceRecordingItem:
    """
    Attributes:
        trace_recording (TraceRecording): A recording of the MQTT packets of chosen clients and topics over a span of
            time. Its name is its id.
    """

    trace_recording: TraceRecording
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        trace_recording = self.trace_recording.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "traceRecording": trace_recording,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.trace_recording import TraceRecording

        d = dict(src_dict)
        trace_recording = TraceRecording.from_dict(d.pop("traceRecording"))

        trace_recording_item = cls(
            trace_recording=trace_recording,
        )

        trace_recording_item.additional_properties = d
        return trace_recording_item

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
