"""The ``hivemq-rest diagnostic-archives`` command."""

from __future__ import annotations

from hivemq_rest_generated.models import DiagnosticArchiveState

from ._command import connection_options, fail, main
from ._exit import ExitCode
from ._help import epilog
from ._options import Target
from ._records import JSON_OPTION, print_record


@main.group("diagnostic-archives")
def diagnostic_archives() -> None:
    """Ask the broker to collect a diagnostic archive (for HiveMQ support)."""


@diagnostic_archives.command(
    "create",
    epilog=epilog("hivemq-rest diagnostic-archives create --json", codes=(ExitCode.JOB_FAILED,)),
)
@JSON_OPTION
@connection_options
def create_archive(target: Target, as_json: bool) -> None:
    """Start collecting a diagnostic archive; it stays on the broker."""
    with target.client() as hivemq:
        archive = hivemq.diagnostic_archives.create()
    # The broker answers FAILED at once while another archive is being collected.
    if archive.state == DiagnosticArchiveState.FAILED:
        reason = archive.fail_reason
        fail(
            f"diagnostic archive {archive.id!r} ended FAILED: {reason or 'no reason given'}",
            ExitCode.JOB_FAILED,
        )
    print_record(archive.to_dict(), as_json)
