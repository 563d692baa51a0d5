"""``python -m hivemq_rest_emulator``: the same as the ``hivemq-emulator`` command."""

from __future__ import annotations

from ._entry import hivemq_emulator

hivemq_emulator()
