"""The pytest fixtures under their first name (see ``testing.pytest_plugin``)."""

from .testing.pytest_plugin import (
    hivemq_broker_emulator,
    hivemq_broker_emulator_server,
    hivemq_emulator,
    hivemq_emulator_server,
)

__all__ = [
    "hivemq_broker_emulator",
    "hivemq_broker_emulator_server",
    "hivemq_emulator",
    "hivemq_emulator_server",
]
