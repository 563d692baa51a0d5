"""The spec's operations as the generated package has them, for tests that match requests."""

from __future__ import annotations

import re
from typing import Final

from hivemq_rest_generated import operations as api

__all__ = ["SPEC_OPERATIONS", "request_pattern"]

#: Every operation of openapi.yaml by its operationId.
SPEC_OPERATIONS: Final = {
    value.operation_id: value for value in vars(api).values() if isinstance(value, api.Operation)
}


def request_pattern(operation: api.Operation) -> re.Pattern[str]:
    """``METHOD /path`` of any request of ``operation``: a path parameter is one segment."""
    path = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(operation.path))
    return re.compile(f"{operation.method} {path}")
