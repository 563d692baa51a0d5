"""A backup's file: deterministic bytes made from its id, produced chunk by chunk.

Chunk ``i`` is SHAKE-256 of a label, the id and ``i``, so any backup's file is
the same on every download and across restarts, and a file of several GiB is
never held in memory: only one chunk at a time exists.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

CHUNK_BYTES = 256 * 1024
_LABEL = b"hivemq-rest-emulator backup file\x00"


def chunks(backup_id: str, size: int, chunk_bytes: int = CHUNK_BYTES) -> Iterator[bytes]:
    """The ``size`` bytes of this backup's file, in chunks of at most ``chunk_bytes``."""
    seed = _LABEL + backup_id.encode("utf-8", "surrogatepass") + b"\x00"
    for index, start in enumerate(range(0, size, chunk_bytes)):
        length = min(chunk_bytes, size - start)
        yield hashlib.shake_256(seed + index.to_bytes(8, "big")).digest(length)
