"""TraceRecordings: recordings of chosen clients' MQTT packets, and their files.

Made by scripts/generate.py from _async_resources/trace_recordings.py (see scripts/_unasync.py);
do not edit: change _async_resources/trace_recordings.py and regenerate.
"""

from __future__ import annotations

import builtins
import datetime
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from hivemq_rest_generated import operations as api
from hivemq_rest_generated.models import TraceRecording, TraceRecordingEventsItem

from .. import _management as mg
from .._call_options import CallOptions, call_options
from .._download import Progress, Sink, Target
from .._operations import call_for

if TYPE_CHECKING:
    from .._sync_api import SyncAPI

__all__ = ["TraceRecordings"]


class TraceRecordings:
    """``client.trace_recordings``: list, create, stop, delete and download recordings."""

    def __init__(self, client: SyncAPI) -> None:
        self._client = client

    def list(
        self,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[TraceRecording]:
        """Every trace recording (there is no GET of one: find it here by name).

        One request (the API does not page recordings), made when iteration starts.
        """
        return self._list(call_options(timeout, extra_headers))

    def _list(self, options: CallOptions) -> Iterator[TraceRecording]:
        for recording in self._all(options):
            yield recording

    def _all(self, options: CallOptions) -> builtins.list[TraceRecording]:
        response = self._client._send(call_for(api.get_all_trace_recordings()), options)
        return mg.parse_trace_recordings(response)

    def _listed(
        self,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> builtins.list[TraceRecording]:
        """``list()``, as one list (``with_raw_response``'s ``list``)."""
        return self._all(call_options(timeout, extra_headers))

    def create(
        self,
        name: str,
        start_at: datetime.datetime,
        end_at: datetime.datetime,
        *,
        client_id_filters: Sequence[str] | None = None,
        topic_filters: Sequence[str] | None = None,
        events: Sequence[TraceRecordingEventsItem | str],
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> TraceRecording:
        """Schedule a recording; the created one. Never sent twice (POST).

        Checked before sending (ValueError/TypeError): the name (3 or more
        letters, digits, ``-``, ``_``), timezone-aware times within the
        years 1 to 9999 in UTC with ``end_at`` after ``start_at``, at least
        one client id or topic regex, at least one event, no repeats.
        """
        body = mg.new_trace_recording(
            name, start_at, end_at, client_id_filters, topic_filters, events
        )
        call = call_for(api.create_trace_recording(body=body))
        return mg.parse_trace_recording(
            self._client._send(call, call_options(timeout, extra_headers))
        )

    def stop(
        self,
        name: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> TraceRecording:
        """Stop a recording now (STOPPED). Never sent twice (PATCH)."""
        call = call_for(api.stop_trace_recording(name, body=mg.stop_body(name)))
        return mg.parse_trace_recording(
            self._client._send(call, call_options(timeout, extra_headers))
        )

    def delete(
        self,
        name: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Delete a recording and its file. NotFoundError if unknown."""
        call = call_for(api.delete_trace_recording(name), idempotent_delete=True)
        self._client._send(call, call_options(timeout, extra_headers))

    def download(
        self,
        name: str,
        target: Target,
        progress: Progress | None = None,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> int:
        """Stream the recording's zip file into ``target``; the number of bytes written.

        As ``backups.download``: a path is written whole or not at all, and
        one that exists must be a regular file (IsADirectoryError or
        FileExistsError before anything is sent); the size is checked against
        Content-Length.
        """
        call = mg.download_call(api.download_trace_recording_file(name), "application/zip")
        sink = Sink(target, None, progress)
        self._client._download(call, sink, call_options(timeout, extra_headers))
        return sink.received
