"""The hivemq-rest console script: a missing extra gets one clear line, not a traceback."""

from __future__ import annotations

import sys


def _missing_extra(command: str, extra: str, error: ImportError) -> None:
    package = (error.name or "?").partition(".")[0]
    sys.exit(
        f"{command} needs the '{extra}' extra (missing: {package}): "
        f'pip install "hivemq-rest-client[{extra}]"'
    )


def hivemq_rest() -> None:
    """Run ``hivemq-rest`` (needs click and rich)."""
    try:
        from .cli import main
    except ImportError as error:
        _missing_extra("hivemq-rest", "cli", error)
    main()
