"""Bounds on a ``clientIdRegex`` before it is compiled.

The regex engine unrolls counted repetition when it compiles: ``a{4294967294}``
takes gigabytes and seconds, and nesting multiplies (``(?:a{1000}){1000}`` is a
million nodes). Compiling runs inside the event loop, so a pattern is compiled
only when it is short, each count is small and the unrolled size, estimated
from the pattern's text, is small too: then compiling takes milliseconds and
a compiled pattern at most about a megabyte (``policy_regex`` keeps 256).

The estimate reads the pattern like the engine does where it matters (escapes,
character sets, comments, groups, alternation, quantifiers) and errs upwards
wherever the two could differ: every branch of an alternation counts, white
space never separates a quantifier from what it repeats (it does not in
verbose mode), and ``{...}`` holding digits counts as a repetition even where
the engine reads it literally. A character set may nest (``[[a]b]``, version 1
syntax) or not (``[[]``, version 0); the pattern is read both ways and the
larger estimate counts. Control characters are refused: with no line break, a
verbose-mode ``#`` comment runs to the end, so it can only add to the estimate.
"""

from __future__ import annotations

from typing import Final

MAX_PATTERN_CHARS: Final = 1024
MAX_REPEAT: Final = 1000
MAX_UNROLLED: Final = 2_000

# Escapes whose argument is in braces: a property, a character name.
_BRACED_ESCAPES: Final = frozenset(("p{", "P{", "N{"))


class PatternRefusedError(ValueError):
    """The pattern is outside the bounds; the message says which."""


def check_bounds(pattern: str) -> None:
    """``PatternRefusedError`` unless ``pattern`` is within every bound."""
    if len(pattern) > MAX_PATTERN_CHARS:
        raise PatternRefusedError(f"longer than {MAX_PATTERN_CHARS} characters")
    if any(ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0 for char in pattern):
        raise PatternRefusedError("holds a control character (write it as an escape)")
    size = unrolled_size(pattern)
    if size > MAX_UNROLLED:
        raise PatternRefusedError(
            f"unrolls to about {size} elements, more than {MAX_UNROLLED} "
            "(nested or large repetition counts)"
        )


def unrolled_size(pattern: str) -> int:
    """An upper estimate of the elements the engine makes of ``pattern`` (see the module).

    ``PatternRefusedError`` when a repetition count exceeds ``MAX_REPEAT``.
    """
    return max(_Scan(pattern, nested_sets=False).size(), _Scan(pattern, nested_sets=True).size())


def _repeat_factor(body: str) -> int | None:
    """How many times ``{body}`` repeats what it follows; None when it is no count."""
    compact = "".join(char for char in body if not char.isspace())
    low, comma, high = compact.partition(",")
    if not compact or "," in high or not all(part.isdigit() for part in (low, high) if part):
        return None
    if not (low.isascii() and high.isascii()) or (not low and not high):
        return None
    counts = [int(part) for part in (low, high) if part]
    if max(counts) > MAX_REPEAT:
        raise PatternRefusedError(f"repetition count {max(counts)} exceeds {MAX_REPEAT}")
    # {m,}: m copies and then a loop. Never below 1: a count read for the wrong
    # element must not remove the right one from the estimate.
    factor = max(counts) + (1 if comma and not high else 0)
    return max(factor, 1)


class _Frame:
    """One group being read: the size so far and the size of its last element."""

    __slots__ = ("last", "total")

    def __init__(self) -> None:
        self.total = 0
        self.last = 0

    def add(self, size: int) -> None:
        self.total += size
        self.last = size

    def repeat(self, factor: int) -> None:
        self.total += self.last * (factor - 1)
        self.last *= factor


class _Scan:
    """One reading of a pattern; ``nested_sets``: ``[`` inside a set opens another."""

    def __init__(self, pattern: str, *, nested_sets: bool) -> None:
        self._text = pattern
        self._nested_sets = nested_sets

    def size(self) -> int:
        text = self._text
        frames = [_Frame()]
        index = 0
        while index < len(text):
            char = text[index]
            frame = frames[-1]
            if char == "\\":
                frame.add(1)
                index = self._escape_end(index)
            elif char == "[":
                frame.add(1)
                index = self._set_end(index)
            elif text.startswith("(?#", index):
                end = text.find(")", index)
                index = len(text) if end < 0 else end + 1
            elif char == "(":
                frames.append(_Frame())
                index += 1
            elif char == ")":
                # An unmatched ")" is an engine error, or text of a trailing comment.
                if len(frames) > 1:
                    frames.pop()
                    frames[-1].add(max(frame.total, 1))
                index += 1
            elif char == "|":
                frame.last = 0
                index += 1
            elif char == "{":
                end = text.find("}", index)
                factor = None if end < 0 else _repeat_factor(text[index + 1 : end])
                if factor is None:
                    frame.add(1)
                    index += 1
                else:
                    frame.repeat(factor)
                    index = end + 1
            elif char.isspace() or char in "*+?":
                index += 1
            else:
                frame.add(1)
                index += 1
        # Groups still open (an engine error, or a trailing comment) add what they hold.
        while len(frames) > 1:
            inner = frames.pop()
            frames[-1].add(inner.total)
        return frames[0].total

    def _escape_end(self, start: int) -> int:
        r"""The index after the escape at ``start``; ``\p{...}``, ``\N{...}`` take their braces."""
        text = self._text
        if text[start + 1 : start + 3] in _BRACED_ESCAPES:
            end = text.find("}", start)
            if end >= 0:
                return end + 1
        return start + 2

    def _set_end(self, start: int) -> int:
        """The index after the set that opens at ``start`` (the end of the text if none)."""
        text = self._text
        index = start + 1
        if text.startswith("^", index):
            index += 1
        if text.startswith("]", index):  # a leading "]" is a member
            index += 1
        depth = 1
        while index < len(text):
            char = text[index]
            if char == "\\":
                index += 2
                continue
            if char == "[" and self._nested_sets:
                depth += 1
            elif char == "]":
                depth -= 1
                if depth == 0:
                    return index + 1
            index += 1
        return len(text)
