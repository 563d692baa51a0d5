"""``python -m hivemq_rest_emulator``: the same as the ``hivemq-emulator`` command."""

from __future__ import annotations

from .cli import main

raise SystemExit(main())
