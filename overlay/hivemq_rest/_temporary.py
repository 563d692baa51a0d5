"""A new private file beside a path, under a random name that fits wherever the path's does.

The name is ``.NAME.<random><suffix>``, with as much of NAME as the directory's
name limit leaves room for: a target whose own name takes all 255 bytes still
gets its temporary file in the same directory (so that the rename at the end
is atomic).
"""

from __future__ import annotations

import errno
import os
import secrets
from typing import Final

__all__ = ["create_beside"]

# Random hex digits in each name: 48 bits, never guessed in advance.
_RANDOM_CHARS: Final = 12
# Names tried before giving up (each is taken only if a file already has it).
_TRIES: Final = 100
# POSIX's usual limit, where the platform cannot say (Windows: 255 UTF-16 units).
_DEFAULT_NAME_MAX: Final = 255


def _name_max(directory: str) -> int:
    try:
        return os.pathconf(directory, "PC_NAME_MAX")
    except (AttributeError, OSError, ValueError):
        return _DEFAULT_NAME_MAX


def create_beside(path: str, suffix: str) -> tuple[int, str]:
    """Create a new file beside ``path``, exclusively, mode 0600 (less the umask): (fd, name).

    ``O_EXCL | O_NOFOLLOW``: a file or link planted under the name is never
    opened. FileExistsError if every name tried was taken; OSError
    (ENAMETOOLONG) at once if ``path``'s own name is too long to be created.
    """
    directory, name = os.path.split(os.path.abspath(path))
    name_max = _name_max(directory)
    if len(os.fsencode(name)) > name_max:
        # Refused now, not by the rename after a whole download or export.
        raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG), path)
    room = name_max - len(os.fsencode(f"..{suffix}")) - _RANDOM_CHARS
    kept = name
    while kept and len(os.fsencode(kept)) > room:
        kept = kept[:-1]  # whole characters: a cut never splits one's bytes
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(_TRIES):
        candidate = os.path.join(
            directory, f".{kept}.{secrets.token_hex(_RANDOM_CHARS // 2)}{suffix}"
        )
        try:
            return os.open(candidate, flags, 0o600), candidate
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path!r} after {_TRIES} tries")
