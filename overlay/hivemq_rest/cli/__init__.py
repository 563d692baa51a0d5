"""The ``hivemq-rest`` command line (needs the ``cli`` extra: click and rich).

Each family of commands is a module that adds its group to ``main``;
importing it here is what registers it.
"""

from . import (
    _apply,  # noqa: F401 -- registers data-hub apply and export
    _backups,  # noqa: F401 -- registers the backups commands
    _clients,  # noqa: F401 -- registers the clients group and its reading commands
    _clients_change,  # noqa: F401 -- registers clients disconnect and invalidate
    _clients_export,  # noqa: F401 -- registers clients export
    _dh_resources,  # noqa: F401 -- registers the data-hub resource commands
    _diagnostic_archives,  # noqa: F401 -- registers the diagnostic-archives command
    _health,  # noqa: F401 -- registers the health commands
    _trace_recordings,  # noqa: F401 -- registers the trace-recordings commands
)
from ._command import main

__all__ = ["main"]
