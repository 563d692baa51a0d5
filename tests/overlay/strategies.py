"""Hypothesis strategies for client ids, shared by the overlay tests."""

from __future__ import annotations

from hypothesis import strategies as st

# Ids that break naive clients: separators, escapes, dot-segments, non-ASCII.
AWKWARD_IDS = [
    ".",
    "..",
    "...",
    "a/b",
    "/",
    "//",
    "a%2Fb",
    "%",
    "%25",
    "%zz",
    "?x=1",
    "#frag",
    "a b",
    "+",
    "a+b",
    "&cursor=x",
    ";",
    "\\",
    "é",
    "日本語",
    "🚀 rocket",
    "\u200b",
    "\t\n",
    "con",
    "x" * 1000,
]

# Every valid MQTT client id: non-empty text, no U+0000, no surrogates.
valid_ids = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="\x00"),
    min_size=1,
    max_size=64,
) | st.sampled_from(AWKWARD_IDS)
