"""DiagnosticArchives: asking the broker to collect a diagnostic archive.

Made by scripts/generate.py from _async_resources/diagnostic_archives.py (see scripts/_unasync.py);
do not edit: change _async_resources/diagnostic_archives.py and regenerate.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from hivemq_rest_generated import operations as api
from hivemq_rest_generated.models import DiagnosticArchive

from .. import _management as mg
from .._call_options import call_options
from .._operations import call_for

if TYPE_CHECKING:
    from .._sync_api import SyncAPI

__all__ = ["DiagnosticArchives"]


class DiagnosticArchives:
    """``client.diagnostic_archives``: create one (it stays on the broker)."""

    def __init__(self, client: SyncAPI) -> None:
        self._client = client

    def create(
        self,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> DiagnosticArchive:
        """Start collecting a diagnostic archive. Never sent twice (POST)."""
        call = call_for(api.create_diagnostic_archive())
        return mg.parse_diagnostic_archive(
            self._client._send(call, call_options(timeout, extra_headers))
        )
