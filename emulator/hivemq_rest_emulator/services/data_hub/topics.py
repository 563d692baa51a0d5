"""MQTT topic filters and topic names, as data policies match them."""

from __future__ import annotations

_MULTI = "#"
_SINGLE = "+"
# MQTT caps topics at 65,535 bytes of UTF-8.
_MAX_BYTES = 65_535


def _well_formed(text: str) -> bool:
    if not text or "\x00" in text:
        return False
    try:
        return len(text.encode("utf-8")) <= _MAX_BYTES
    except UnicodeEncodeError:  # a lone surrogate is no UTF-8
        return False


def is_topic_filter(text: str) -> bool:
    """Whether ``text`` is a valid MQTT topic filter (wildcards as whole levels, ``#`` last)."""
    if not _well_formed(text):
        return False
    levels = text.split("/")
    for index, level in enumerate(levels):
        if _MULTI in level and (level != _MULTI or index != len(levels) - 1):
            return False
        if _SINGLE in level and level != _SINGLE:
            return False
    return True


def is_topic_name(text: str) -> bool:
    """Whether ``text`` is a valid MQTT topic name (no wildcards)."""
    return _well_formed(text) and _MULTI not in text and _SINGLE not in text


def matches(topic_filter: str, topic: str) -> bool:
    """Whether the topic filter matches the topic name (MQTT 5, section 4.7).

    ``+`` is exactly one level, ``#`` the rest of the levels including the
    parent (``a/#`` matches ``a``), and topics starting with ``$`` are not
    matched by a wildcard in the first level.
    """
    filter_levels = topic_filter.split("/")
    topic_levels = topic.split("/")
    if topic.startswith("$") and filter_levels[0] in (_SINGLE, _MULTI):
        return False
    for index, level in enumerate(filter_levels):
        if level == _MULTI:
            return True
        if index >= len(topic_levels):
            return False
        if level != _SINGLE and level != topic_levels[index]:
            return False
    return len(filter_levels) == len(topic_levels)
