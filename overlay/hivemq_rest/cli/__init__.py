"""The ``hivemq-rest`` command line (needs the ``cli`` extra: click and rich).

Each family of commands is a module that adds its group to ``main``;
importing it here is what registers it.
"""

from . import _apply, _clients, _data_hub  # noqa: F401 -- each registers its commands
from ._command import main

__all__ = ["main"]
