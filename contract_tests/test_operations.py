"""Every operation of openapi.yaml, through the examples, coverage and fuzzing phases.

One test per operation and target; its id names both, e.g.
``test_operation[GET /api/v1/mqtt/clients/{clientId}][http]``. Every
Schemathesis check runs on every response, plus the suite's own
(:data:`contract_tests._schema.EXTRA_CHECKS`).
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

from ._schema import EXTRA_CHECKS, SCHEMA, Case
from ._targets import Target


# The emulator is reset and loaded once per test (operation and target), not
# per generated request: that is what the function-scoped fixture means here.
@SCHEMA.parametrize()
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_operation(case: Case, prepared_target: Target) -> None:
    """The target answers every generated request as the spec says."""
    case.call_and_validate(additional_checks=EXTRA_CHECKS, **prepared_target.kwargs())
