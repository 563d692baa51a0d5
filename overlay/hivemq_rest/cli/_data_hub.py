"""The ``hivemq-rest data-hub`` group; each family of its commands adds itself to it."""

from __future__ import annotations

from ._command import main


@main.group("data-hub")
def data_hub() -> None:
    """HiveMQ Data Hub: schemas, scripts and policies; apply or export a directory of them."""
