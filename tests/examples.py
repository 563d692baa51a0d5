"""How many examples a slow property test draws: all in the full run, a fifth in the fast tier.

``scripts/test.sh --fast`` sets ``HIVEMQ_TESTS_TIER=fast``. The properties
whose examples each cost a server round trip (or several) draw fewer there,
so the quick loop stays quick; the full run (CI) draws every one.
"""

from __future__ import annotations

import os


def examples(full: int) -> int:
    """``full`` in the full run; in the fast tier a fifth of it, at least 5."""
    if os.environ.get("HIVEMQ_TESTS_TIER") == "fast":
        return max(5, full // 5)
    return full
