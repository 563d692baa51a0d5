from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.trace_recording_events_item import TraceRecordingEventsItem
from ..models.trace_recording_state import TraceRecordingState

if TYPE_CHECKING:
    from ..models.trace_filter import TraceFilter


T = TypeVar("T", bound="TraceRecording")


@_attrs_define
class TraceRecording:
    """A recording of the MQTT packets of chosen clients and topics over a span of time. Its name is its id.

    Attributes:
        name (str):
        start_at (datetime.datetime | None):
        end_at (datetime.datetime | None):
        state (TraceRecordingState | None):
        client_id_filters (list[TraceFilter] | None):
        topic_filters (list[TraceFilter] | None):
        events (list[TraceRecordingEventsItem] | None): The kinds of MQTT packets to record.
    """

    name: str
    start_at: datetime.datetime | None = None
    end_at: datetime.datetime | None = None
    state: TraceRecordingState | None = None
    client_id_filters: list[TraceFilter] | None = None
    topic_filters: list[TraceFilter] | None = None
    events: list[TraceRecordingEventsItem] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if self.start_at is not None:
            from ..types import format_datetime

            start_at = format_datetime(self.start_at)
            field_dict["startAt"] = start_at
        if self.end_at is not None:
            from ..types import format_datetime

            end_at = format_datetime(self.end_at)
            field_dict["endAt"] = end_at
        if self.state is not None:
            state = self.state.value
            field_dict["state"] = state
        if self.client_id_filters is not None:
            client_id_filters = []
            for client_id_filters_item_data in self.client_id_filters:
                client_id_filters_item = client_id_filters_item_data.to_dict()
                client_id_filters.append(client_id_filters_item)

            field_dict["clientIdFilters"] = client_id_filters
        if self.topic_filters is not None:
            topic_filters = []
            for topic_filters_item_data in self.topic_filters:
                topic_filters_item = topic_filters_item_data.to_dict()
                topic_filters.append(topic_filters_item)

            field_dict["topicFilters"] = topic_filters
        if self.events is not None:
            events = []
            for events_item_data in self.events:
                events_item = events_item_data.value
                events.append(events_item)

            field_dict["events"] = events

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.trace_filter import TraceFilter

        d = dict(src_dict)
        name = d.pop("name")

        _start_at = d.pop("startAt", None)
        start_at: datetime.datetime | None = None
        if _start_at is not None:
            start_at = datetime.datetime.fromisoformat(_start_at)

        _end_at = d.pop("endAt", None)
        end_at: datetime.datetime | None = None
        if _end_at is not None:
            end_at = datetime.datetime.fromisoformat(_end_at)

        _state = d.pop("state", None)
        state: TraceRecordingState | None = None
        if _state is not None:
            state = TraceRecordingState(_state)

        _client_id_filters = d.pop("clientIdFilters", None)
        client_id_filters: list[TraceFilter] | None = None
        if _client_id_filters is not None:
            client_id_filters = []
            _client_id_filters = _client_id_filters
            for client_id_filters_item_data in _client_id_filters:
                client_id_filters_item = TraceFilter.from_dict(
                    client_id_filters_item_data
                )

                client_id_filters.append(client_id_filters_item)

        _topic_filters = d.pop("topicFilters", None)
        topic_filters: list[TraceFilter] | None = None
        if _topic_filters is not None:
            topic_filters = []
            _topic_filters = _topic_filters
            for topic_filters_item_data in _topic_filters:
                topic_filters_item = TraceFilter.from_dict(topic_filters_item_data)

                topic_filters.append(topic_filters_item)

        _events = d.pop("events", None)
        events: list[TraceRecordingEventsItem] | None = None
        if _events is not None:
            events = []
            _events = _events
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
