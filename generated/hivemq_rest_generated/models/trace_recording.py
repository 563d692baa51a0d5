from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.trace_recording_events_item import TraceRecordingEventsItem
from ..models.trace_recording_state import TraceRecordingState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.trace_filter import TraceFilter


T = TypeVar("T", bound="TraceRecording")


@_attrs_define
class TraceRecording:
    """A recording of the MQTT packets of chosen clients and topics over a span of time. Its name is its id.

    Attributes:
        name (str | Unset):
        start_at (datetime.datetime | Unset):
        end_at (datetime.datetime | Unset):
        state (TraceRecordingState | Unset):
        client_id_filters (list[TraceFilter] | Unset):
        topic_filters (list[TraceFilter] | Unset):
        events (list[TraceRecordingEventsItem] | Unset): The kinds of MQTT packets to record.
    """

    name: str | Unset = UNSET
    start_at: datetime.datetime | Unset = UNSET
    end_at: datetime.datetime | Unset = UNSET
    state: TraceRecordingState | Unset = UNSET
    client_id_filters: list[TraceFilter] | Unset = UNSET
    topic_filters: list[TraceFilter] | Unset = UNSET
    events: list[TraceRecordingEventsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        start_at: str | Unset = UNSET
        if not isinstance(self.start_at, Unset):
            from ..types import format_datetime

            start_at = format_datetime(self.start_at)

        end_at: str | Unset = UNSET
        if not isinstance(self.end_at, Unset):
            from ..types import format_datetime

            end_at = format_datetime(self.end_at)

        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.value

        client_id_filters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.client_id_filters, Unset):
            client_id_filters = []
            for client_id_filters_item_data in self.client_id_filters:
                client_id_filters_item = client_id_filters_item_data.to_dict()
                client_id_filters.append(client_id_filters_item)

        topic_filters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.topic_filters, Unset):
            topic_filters = []
            for topic_filters_item_data in self.topic_filters:
                topic_filters_item = topic_filters_item_data.to_dict()
                topic_filters.append(topic_filters_item)

        events: list[str] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = []
            for events_item_data in self.events:
                events_item = events_item_data.value
                events.append(events_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if start_at is not UNSET:
            field_dict["startAt"] = start_at
        if end_at is not UNSET:
            field_dict["endAt"] = end_at
        if state is not UNSET:
            field_dict["state"] = state
        if client_id_filters is not UNSET:
            field_dict["clientIdFilters"] = client_id_filters
        if topic_filters is not UNSET:
            field_dict["topicFilters"] = topic_filters
        if events is not UNSET:
            field_dict["events"] = events

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.trace_filter import TraceFilter

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _start_at = d.pop("startAt", UNSET)
        start_at: datetime.datetime | Unset
        if isinstance(_start_at, Unset):
            start_at = UNSET
        else:
            start_at = datetime.datetime.fromisoformat(_start_at)

        _end_at = d.pop("endAt", UNSET)
        end_at: datetime.datetime | Unset
        if isinstance(_end_at, Unset):
            end_at = UNSET
        else:
            end_at = datetime.datetime.fromisoformat(_end_at)

        _state = d.pop("state", UNSET)
        state: TraceRecordingState | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = TraceRecordingState(_state)

        _client_id_filters = d.pop("clientIdFilters", UNSET)
        client_id_filters: list[TraceFilter] | Unset = UNSET
        if _client_id_filters is not UNSET:
            client_id_filters = []
            for client_id_filters_item_data in _client_id_filters:
                client_id_filters_item = TraceFilter.from_dict(
                    client_id_filters_item_data
                )

                client_id_filters.append(client_id_filters_item)

        _topic_filters = d.pop("topicFilters", UNSET)
        topic_filters: list[TraceFilter] | Unset = UNSET
        if _topic_filters is not UNSET:
            topic_filters = []
            for topic_filters_item_data in _topic_filters:
                topic_filters_item = TraceFilter.from_dict(topic_filters_item_data)

                topic_filters.append(topic_filters_item)

        _events = d.pop("events", UNSET)
        events: list[TraceRecordingEventsItem] | Unset = UNSET
        if _events is not UNSET:
            events = []
            for events_item_data in _events:
                events_item = TraceRecordingEventsItem(events_item_data)

                events.append(events_item)

        trace_recording = cls(
            name=name,
            start_at=start_at,
            end_at=end_at,
            state=state,
            client_id_filters=client_id_filters,
            topic_filters=topic_filters,
            events=events,
        )

        trace_recording.additional_properties = d
        return trace_recording

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
