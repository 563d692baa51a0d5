"""``hivemq-emulator`` and ``python -m hivemq_rest_emulator``: one clear line for a missing extra.

Importable without the ``emulator`` extra (the package's ``__init__`` is too),
so that both ways of starting the command say what to install instead of
printing a traceback, and both exit with the command's status.
"""

from __future__ import annotations

import sys


def missing_extra(command: str, extra: str, error: ImportError) -> str:
    """The one line that says which extra to install."""
    package = (error.name or "?").partition(".")[0]
    return (
        f"{command} needs the '{extra}' extra (missing: {package}): "
        f'pip install "hivemq-rest-client[{extra}]"'
    )


def hivemq_emulator() -> None:
    """Run ``hivemq-emulator`` and exit with its status (1 without the ``emulator`` extra)."""
    try:
        from .cli import main
    except ImportError as error:
        sys.exit(missing_extra("hivemq-emulator", "emulator", error))
    sys.exit(main())
