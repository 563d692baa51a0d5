"""The Diagnostic Archive operation, as a core :class:`Service`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from starlette.responses import Response

from ...core import ApiRequest, Clock, Handler
from ...core.clock import check_duration
from ...core.problems import json_response
from . import render
from .state import ArchiveStore


class DiagnosticArchivesService:
    """Archives collected for ``archive_seconds`` of emulator time, one at a time.

    The request has no parameters and no body, so there is nothing to parse.
    """

    def __init__(self, clock: Clock, archive_seconds: float = 2.0) -> None:
        check_duration(archive_seconds, "archive_seconds")
        self._clock = clock
        self._store = ArchiveStore(timedelta(seconds=archive_seconds))

    def handlers(self) -> Mapping[str, Handler]:
        """CreateDiagnosticArchive."""
        return {"createDiagnosticArchive": self._create}

    def reset(self) -> None:
        """Forget the archive being collected."""
        self._store.clear()

    def _create(self, request: ApiRequest) -> Response:
        now = self._clock.now()
        item = self._store.create(now)
        return json_response({"diagnosticArchive": render.archive(item, now)})
