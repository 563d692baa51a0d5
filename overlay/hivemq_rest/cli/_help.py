"""The epilog of each command's --help: examples and exit codes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ._exit import ExitCode

_MEANING: Final = {
    ExitCode.OK: "ok",
    ExitCode.FAILURE: "unexpected failure (a bug: --debug shows where)",
    ExitCode.USAGE: "usage: bad option, argument, profile or secret file",
    ExitCode.UNREACHABLE: "no answer, timeout, or the URL is not the REST API",
    ExitCode.NOT_FOUND: "not found (404): no such client or resource",
    ExitCode.AUTH: "authentication or permission refused (401/403)",
    ExitCode.INVALID_ID: "an id no request can carry (e.g. not UTF-8); nothing sent",
    ExitCode.SERVER: "other server error",
    ExitCode.INCOMPLETE: "finished, but some clients failed",
    ExitCode.OUTPUT: "the output file cannot be written",
    ExitCode.JOB_FAILED: "the backup, restore or archive failed, or did not end in time",
    ExitCode.HEALTH_DOWN: "health: DOWN (503); with --strict, anything but UP",
    ExitCode.NOT_READY: "health wait: the probe did not answer 200 before --timeout",
    ExitCode.HANGUP: "stopped by SIGHUP (the terminal went away); what was written is kept",
    ExitCode.INTERRUPTED: "interrupted",
    ExitCode.TERMINATED: "stopped by SIGTERM; what was written is kept",
}
_COMMON: Final = (
    ExitCode.OK,
    ExitCode.USAGE,
    ExitCode.UNREACHABLE,
    ExitCode.AUTH,
    ExitCode.SERVER,
    ExitCode.INTERRUPTED,
)
#: Exit 1 of a drift check (``data-hub diff``), as ``diff`` and ``kubectl diff`` use it.
DRIFT: Final = "differences found (the broker does not match)"
DASHES: Final = "Put -- before an id that starts with -: hivemq-rest clients show -- -dev1"


def epilog(
    *examples: str,
    codes: tuple[ExitCode, ...] = (),
    note: str = "",
    meanings: Mapping[ExitCode, str] | None = None,
) -> str:
    """Examples, an optional note and the exit codes (the common ones and ``codes``).

    ``meanings`` says what a code means for this command where that differs.
    """
    # "\b" keeps click from rewrapping the paragraph that follows it.
    parts = ["\b\nExamples:\n" + "\n".join(f"  {example}" for example in examples)]
    if note:
        parts.append(note)
    listed = sorted({*_COMMON, *codes})
    parts.append(
        "\b\nExit codes:\n"
        + "\n".join(
            f"  {int(code):>3}  {(meanings or _MEANING).get(code, _MEANING[code])}"
            for code in listed
        )
    )
    return "\n\n".join(parts)
