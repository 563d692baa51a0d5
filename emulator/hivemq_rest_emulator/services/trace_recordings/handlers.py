"""The five Trace Recordings operations, as a core :class:`Service`."""

from __future__ import annotations

from collections.abc import Mapping

from starlette.responses import Response

from ...core import ApiError, ApiRequest, Clock, Handler
from ...core.problems import json_response, no_content
from .._errors import not_found
from . import parsing, render
from .state import NameTakenError, TraceStore


class TraceRecordingsService:
    """Trace recordings whose state follows the emulator clock."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._store = TraceStore()

    def handlers(self) -> Mapping[str, Handler]:
        """getAllTraceRecordings, createTraceRecording, stopTraceRecording, delete, download."""
        return {
            "getAllTraceRecordings": self._list,
            "createTraceRecording": self._create,
            "stopTraceRecording": self._stop,
            "deleteTraceRecording": self._delete,
            "downloadTraceRecordingFile": self._download,
        }

    def reset(self) -> None:
        """Forget every recording."""
        self._store.clear()

    def _list(self, request: ApiRequest) -> Response:
        now = self._clock.now()
        items = [render.recording(item, now) for item in self._store.all()]
        return json_response({"items": items})

    def _create(self, request: ApiRequest) -> Response:
        recording = parsing.new_recording(request)
        try:
            self._store.add(recording)
        except NameTakenError:
            raise ApiError(
                400,
                "Invalid resource",
                f"A trace recording named '{recording.name}' exists already.",
            ) from None
        body = {"traceRecording": render.recording(recording, self._clock.now())}
        return json_response(body, 201)

    def _stop(self, request: ApiRequest) -> Response:
        name = parsing.recording_name(request)
        parsing.stop_requested(request)
        now = self._clock.now()
        stopped = self._store.stop(name, now)
        if stopped is None:
            raise not_found("Trace recording", name)
        return json_response({"traceRecording": render.recording(stopped, now)})

    def _delete(self, request: ApiRequest) -> Response:
        name = parsing.recording_name(request)
        if not self._store.remove(name):
            raise not_found("Trace recording", name)
        return no_content()

    def _download(self, request: ApiRequest) -> Response:
        name = parsing.recording_name(request)
        recording = self._store.get(name)
        if recording is None:
            raise not_found("Trace recording", name)
        return render.file(recording, self._clock.now())
