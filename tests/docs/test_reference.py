"""The API reference names every public class, function, error and model, sync and async."""

from __future__ import annotations

import re

import hivemq_rest
from hivemq_rest import AsyncHiveMQClient, HiveMQClient

from tests.conftest import ROOT

REFERENCE = ROOT / "docs" / "reference"


def _documented() -> set[str]:
    text = "".join(page.read_text(encoding="utf-8") for page in REFERENCE.glob("*.md"))
    return set(re.findall(r"^::: ([\w.]+)$", text, re.MULTILINE))


def _qualified(value: object) -> str:
    return f"{type(value).__module__}.{type(value).__qualname__}"


def test_every_name_of_hivemq_rest_is_in_the_reference() -> None:
    public = {f"hivemq_rest.{name}" for name in hivemq_rest.__all__ if name != "__version__"}
    assert public - _documented() == set()


def test_every_namespace_class_is_in_the_reference() -> None:
    # The namespaces hivemq_rest does not export are documented where they live.
    documented = _documented()
    for client in (HiveMQClient, AsyncHiveMQClient):
        for name in ("clients", "backups", "trace_recordings", "diagnostic_archives", "data_hub"):
            cls = getattr(client, name).func.__annotations__["return"]
            assert isinstance(cls, str)
            exported = f"hivemq_rest.{cls}" in documented
            assert exported or any(d.endswith(f".{cls}") for d in documented), cls
