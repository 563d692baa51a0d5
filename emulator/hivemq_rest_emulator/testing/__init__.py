"""What tests of code that talks to the emulator need: servers, handles, fixtures.

``EmulatorServer`` serves an app in a background thread, ``EmulatorProcess``
runs ``hivemq-emulator serve`` in a child process (``ChildProcess`` any other
command, its output read line by line); ``EmulatorHandle``
(``BrokerEmulatorHandle``) bundles an app with its URL and shortcuts; the
fixtures are in :mod:`hivemq_rest_emulator.testing.pytest_plugin`.
"""

from ..core.server import EmulatorServer
from .handle import BrokerEmulatorHandle, EmulatorHandle
from .process import (
    LISTENING,
    MQTT_LISTENING,
    ChildProcess,
    EmulatorProcess,
    ProcessError,
    emulator_command,
)

__all__ = [
    "LISTENING",
    "MQTT_LISTENING",
    "BrokerEmulatorHandle",
    "ChildProcess",
    "EmulatorHandle",
    "EmulatorProcess",
    "EmulatorServer",
    "ProcessError",
    "emulator_command",
]
