"""MkDocs hook: Sphinx roles in docstrings shown as code, not as raw markup.

Some docstrings (the emulator's) cross-reference with Sphinx roles such as
:class:`~pkg.mod.Name`; Markdown renders them as ``:class:<code>~pkg.mod.Name</code>``.
This shows ``Name`` (``~``: the last part only, as Sphinx does) as code.
"""

from __future__ import annotations

import re
from typing import Any

_ROLE = re.compile(r":(?:class|func|meth|mod|attr|exc|data|obj):<code>(~?)([^<]*)</code>")


def _shown(match: re.Match[str]) -> str:
    target = match[2]
    return f"<code>{target.rsplit('.', 1)[-1] if match[1] else target}</code>"


def on_page_content(html: str, **_: Any) -> str:
    """The page's HTML with every Sphinx role replaced by its target as code."""
    return _ROLE.sub(_shown, html)
