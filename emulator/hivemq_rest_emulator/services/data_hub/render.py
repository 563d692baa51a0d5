"""Data Hub answers: timestamps, partial objects, pages with their next link, entity tags."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlencode

from ...core import ApiRequest
from .state import Document


def timestamp(moment: datetime) -> str:
    """``moment`` as the API writes date-times: RFC 3339 in UTC, milliseconds, ``Z``."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def partial(document: Document, fields: frozenset[str] | None) -> Document:
    """Only the properties named in ``fields`` (all of them for None)."""
    if fields is None:
        return document
    return {key: value for key, value in document.items() if key in fields}


def entity_tag(document: Document) -> str:
    """A strong entity tag of the stored document: it changes whenever the document does."""
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return '"' + hashlib.blake2b(canonical.encode("utf-8"), digest_size=16).hexdigest() + '"'


def page(
    request: ApiRequest,
    items: Iterable[Document],
    fields: frozenset[str] | None,
    next_cursor: str | None,
    limit: int,
) -> dict[str, Any]:
    """A listing page; ``_links.next`` repeats the request's filters with the next cursor."""
    body: dict[str, Any] = {"items": [partial(item, fields) for item in items]}
    if next_cursor is not None:
        kept = [
            (parameter.name, request.query[parameter.name])
            for parameter in request.operation.parameters
            if parameter.location == "query"
            and parameter.name not in ("cursor", "limit")
            and parameter.name in request.query
        ]
        query = urlencode([*kept, ("cursor", next_cursor), ("limit", limit)], quote_via=quote)
        body["_links"] = {"next": f"{request.operation.path}?{query}"}
    return body
