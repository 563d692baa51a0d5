"""Deterministic test data: many sessions from one seed, quickly and compactly.

Each seeded session is one client id plus one 64-bit number (its *traits*),
drawn from ``random.Random(seed)``; the details are synthesized only when a
request asks for them. The same ``(n, seed)`` gives the same sessions, and the
first ``k`` sessions of ``seed_sessions(store, n, seed)`` are those of
``seed_sessions(store, k, seed)``.

About 5 % of the ids are awkward on purpose: they hold ``/``, ``%``, a literal
``%2F``, ``?``, ``#``, spaces, ``+``, emoji, other non-ASCII text, or are
very long. About 60 % of the sessions are online; some have TLS or PROXY
protocol information, a will and subscriptions.
"""

from __future__ import annotations

import random
from array import array

from .store import SessionStore

_PLAIN_PREFIXES = ("client-", "sensor-", "device-", "gw-", "app_", "meter.")

# Each template yields a unique id per number; their fixed parts differ from one
# another and from the plain prefixes, so no two seeded ids can coincide.
_AWKWARD_TEMPLATES = (
    "tenant/{n}/device",
    "pct%{n}%",
    "literal%2Fslash-{n}",
    "double%252F-{n}",
    "ask?{n}=x&y",
    "hash#{n}",
    "with space {n}",
    "plus+sign+{n}",
    "emoji-\U0001f680\U0001f525-{n}",
    "ünïcødé-Grüße-{n}",
    "日本語のクライアント-{n}",
    "Ελληνικά/עברית-{n}",
    "dot.{n}.",
    "semi;colon,comma:{n}",
    "quote'\"<tag>-{n}",
    "tab\tand\\back-{n}",
    "/leading-slash-{n}",
    "trailing-slash-{n}/",
    "~tilde*star-{n}",
    "zero-width\u200bjoiner-{n}",
)
_AWKWARD_PER_256 = 13  # 13/256 ~ 5.1 %


def _long_id(number: int, bits: int) -> str:
    # 300..1299 characters, mixing ASCII with a few multi-byte characters.
    length = 300 + bits % 1000
    stem = f"long-{number}-"
    return stem + ("x" * (length - len(stem) - 2)) + "éé"


def seed_sessions(store: SessionStore, n: int, seed: int = 0) -> int:
    """Add ``n`` deterministic sessions to ``store``; return ``n``.

    Fast (a million in about two seconds) and compact. Raises
    :class:`~hivemq_rest_emulator.DuplicateSessionError` (adding nothing) if an
    id is taken already, for example when seeding the same store twice.
    """
    if n < 0:
        raise ValueError("n must not be negative")
    draw = random.Random(seed).getrandbits  # noqa: S311 - test data, not security
    prefixes = _PLAIN_PREFIXES
    templates = _AWKWARD_TEMPLATES
    ids: list[str] = []
    traits = array("Q", bytes(8 * n))
    append = ids.append
    for number in range(n):
        word = draw(64)
        traits[number] = word
        if word & 0xFF >= _AWKWARD_PER_256:
            append(prefixes[(word >> 8) % 6] + str(number))
        else:
            kind = (word >> 8) % (len(templates) + 1)
            if kind == len(templates):
                append(_long_id(number, word >> 20))
            else:
                append(templates[kind].replace("{n}", str(number)))
    store.add_seeded(ids, traits)
    return n
