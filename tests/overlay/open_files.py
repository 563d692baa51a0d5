"""The open files of the test process, to check that temporary files are let go."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def open_temporary_files() -> list[str]:
    """The open, deleted temporary files of this process (a listing's record is one)."""
    fds = Path("/proc/self/fd")
    targets = []
    for fd in fds.iterdir():
        with contextlib.suppress(OSError):
            targets.append(os.readlink(fd))
    return [
        target
        for target in targets
        if target.startswith(tempfile.gettempdir()) and target.endswith(" (deleted)")
    ]
