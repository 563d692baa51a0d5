"""The broker's authentication plugin: every client is let in, and none is "anonymous".

amqtt refuses a client unless an authentication plugin says yes. Its own
``AnonymousAuthPlugin`` says yes to clients without a username but marks their
sessions anonymous, and amqtt's session monitor then drops such a session as
soon as the client disconnects, even with ``clean_session=0``. HiveMQ keeps a
persistent session whether or not the client sent a username, so this plugin
accepts everybody and leaves ``is_anonymous`` alone. (The emulator's MQTT
listener is on loopback only.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from amqtt.plugins.base import BaseAuthPlugin  # type: ignore[import-untyped]

PLUGIN_PATH = f"{__name__}.AcceptEveryClientPlugin"
"""The dotted path under which amqtt's configuration names the plugin."""


class AcceptEveryClientPlugin(BaseAuthPlugin):  # type: ignore[misc]  # amqtt is untyped
    """An amqtt authentication plugin that accepts every client."""

    @dataclass
    class Config:
        """No options."""

    async def authenticate(self, *, session: Any) -> bool:
        """Accept the client."""
        return True
