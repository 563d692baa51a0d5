"""Runs openapi-python-client's command line with one template filter of ours.

``as_required`` gives a property as if the schema required it. model.py.jinja
declares an optional property as ``X | None = None`` (absent or null are
None) and hands the stock property templates, which would otherwise write
``X | Unset``, the required twin: they then parse and write the value only,
and the model's template checks for None around them.
"""

from __future__ import annotations

import attrs
import openapi_python_client
from openapi_python_client.cli import app


def _as_required(prop: object) -> object:
    return attrs.evolve(prop, required=True)  # type: ignore[misc]


openapi_python_client.TEMPLATE_FILTERS["as_required"] = _as_required

if __name__ == "__main__":
    app()
