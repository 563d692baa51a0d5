"""What tests of code that talks to the emulator need: servers, handles, fixtures.

``EmulatorServer`` serves an app in a background thread; ``EmulatorHandle``
(``BrokerEmulatorHandle``) bundles an app with its URL and shortcuts; the
fixtures are in :mod:`hivemq_rest_emulator.testing.pytest_plugin`.
"""

from ..core.server import EmulatorServer
from .handle import BrokerEmulatorHandle, EmulatorHandle

__all__ = ["BrokerEmulatorHandle", "EmulatorHandle", "EmulatorServer"]
