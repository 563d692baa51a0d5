"""Stateful scenarios driven by the spec's links (the stateful phase), over all 37 operations.

Each scenario starts with an operation that needs no id (a listing, a create);
the links of openapi.yaml then feed ``items/0/id`` of the client listing to the
other five MQTT clients operations, and the id (or name) a create answered to
the reads, updates, deletes, restores, stops and downloads of its family. For
about half the creates (chosen by a checksum of the generated case) the
machine sends a valid body (:mod:`contract_tests._bodies`) instead, so that
their links lead to a resource; before about half the restores and downloads
of a backup, emulator time moves on by :data:`BACKUP_WAIT` seconds, so that
the backup has completed. On the emulator every scenario starts from a reset store holding
the awkward sessions, a different one first in the listing each time, so that
the links carry ids like ``a/b``, ``50%``, ``#x`` and ``é``. On the
broker-backed emulator those sessions belong to real MQTT clients, connected
anew for each scenario (see :mod:`contract_tests._broker`), so a DELETE there
closes a real connection.

Besides every Schemathesis check, the machine checks what the spec says in
words, on the emulator (a live broker's clients come and go on their own):

* an id the listing returned addresses its session: reads answer 200 until the
  session is invalidated (or a disconnect may have ended it);
* after invalidateClientSession every operation on that id answers 404 and the
  listing no longer holds it;
* after disconnectClient the client reads as not connected (or, for a session
  that ends with its connection, 404), and on the broker its MQTT connection
  is really closed (so is it after invalidateClientSession).
"""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Iterator
from typing import Any, Final
from urllib.parse import parse_qsl, unquote, urlsplit

import hypothesis
from schemathesis import CheckFunction, Response
from schemathesis.generation.stateful.state_machine import APIStateMachine

from ._bodies import SEEDED_CREATES, valid_body
from ._schema import EXTRA_CHECKS, SCHEMA, Case, mqtt_clients_only, operation_id
from ._targets import BROKER, Target

#: Scenarios per target; each has at most `max-steps` calls (schemathesis.toml).
SCENARIOS: Final = 200
#: The broker target's scenarios, over the MQTT Clients operations only: each
#: one connects real MQTT clients, and the other families are the same
#: services as on the in-memory targets (test_operations.py still sends every
#: operation there).
BROKER_SCENARIOS: Final = 50


def _broker_only_clients(target: Target) -> bool:
    return target.name == BROKER


SEED: Final = 20240601

READS: Final = frozenset(
    {"getMqttClientDetails", "getMqttClientConnectionState", "getSubscriptionsForMqttClient"}
)
LINKED: Final = READS | {"disconnectClient", "invalidateClientSession"}
#: The MQTT clients operations, whose words the machine checks (spec_semantics).
MQTT_CLIENTS: Final = LINKED | {"getAllMqttClients"}
#: The other families' operations that only a create's link reaches with an id.
LINKED_FROM_CREATES: Final = frozenset(
    {
        "getSchema",
        "deleteSchema",
        "getScript",
        "deleteScript",
        "getDataPolicy",
        "updateDataPolicy",
        "deleteDataPolicy",
        "getBehaviorPolicy",
        "updateBehaviorPolicy",
        "deleteBehaviorPolicy",
        "getBackup",
        "restoreBackup",
        "downloadBackupFile",
        "stopTraceRecording",
        "deleteTraceRecording",
        "downloadTraceRecordingFile",
    }
)
#: Emulator seconds before a backup's restore or download: more than any
#: target's `--backup-seconds` (the default, 2), so the backup has completed.
BACKUP_WAIT: Final = 60.0


def wire_client_id(case: Case) -> str | None:
    """The client id the server decodes from the request path (None without one).

    Schemathesis percent-decodes a path parameter before it encodes it, and
    keeps the encoded form in ``case.path_parameters``; decoding that once more
    gives exactly the id the server saw. (So a link value ``%2F`` reaches the
    server as ``/``: test_sessions.py covers such ids with pre-encoded values.)
    """
    value = case.path_parameters.get("clientId") if case.path_parameters else None
    return unquote(value) if isinstance(value, str) else None


def is_valid_request(case: Case, response: Response) -> bool:
    """Whether the request as sent is one the spec allows (so the answer must be a success).

    Judged on the wire: the query holds nothing but at most one
    ``preventWillMessage`` of ``true`` or ``false`` on a DELETE, and nothing at
    all on a GET of one client.
    """
    pairs = parse_qsl(urlsplit(response.request.url or "").query, keep_blank_values=True)
    if case.method.upper() == "DELETE":
        return len(pairs) <= 1 and all(
            name == "preventWillMessage" and value in ("true", "false") for name, value in pairs
        )
    return not pairs


class Coverage:
    """What the scenarios of one run reached.

    ``calls``: (operationId, clientId, status) triples; ``connections_ended``:
    the clients whose connection a DELETE ended (the emulator recorded that
    they were connected); ``answered``: (operationId, status) pairs of every
    call.
    """

    def __init__(self) -> None:
        self.calls: set[tuple[str, str, int]] = set()
        self.connections_ended: set[str] = set()
        self.answered: set[tuple[str, int]] = set()

    def successes(self, operation: str) -> set[str]:
        """Client ids that ``operation`` answered with a 2xx."""
        return {cid for op, cid, status in self.calls if op == operation and status < 300}


def _scenario_numbers() -> Iterator[int]:
    return itertools.count()


def build_machine(target: Target, coverage: Coverage) -> type[APIStateMachine]:
    """The spec's state machine, bound to ``target`` and recording into ``coverage``."""
    numbers = _scenario_numbers()
    schema = mqtt_clients_only(SCHEMA) if _broker_only_clients(target) else SCHEMA
    base = schema.as_state_machine()

    class ContractMachine(base):  # type: ignore[valid-type,misc]
        """One scenario against ``target``; the emulator is prepared anew in ``setup``."""

        def setup(self) -> None:
            target.prepare(next(numbers))
            self.creates = itertools.count()
            self.listed: set[str] = set()
            self.gone: set[str] = set()
            self.maybe_gone: set[str] = set()
            self.disconnected: set[str] = set()
            self.events_seen = 0

        def get_call_kwargs(self, case: Case) -> dict[str, Any]:
            return target.kwargs()

        def before_call(self, case: Case) -> None:
            """For half the cases: a valid create body, a completed backup (module docstring)."""
            super().before_call(case)
            # Decided by the generated case itself, not by a counter: Hypothesis
            # replays a scenario and must see the same choices again.
            if target.admin is None or zlib.crc32(repr(case).encode()) % 2:
                return
            operation = operation_id(case)
            if operation in SEEDED_CREATES:
                case.body = valid_body(operation, next(self.creates))
            elif operation in ("restoreBackup", "downloadBackupFile"):
                target.admin.advance_clock(BACKUP_WAIT)

        def after_call(self, response: Response, case: Case) -> None:
            super().after_call(response, case)
            coverage.answered.add((operation_id(case), response.status_code))
            client_id = wire_client_id(case)
            if client_id is not None:
                coverage.calls.add((operation_id(case), client_id, response.status_code))

        def validate_response(
            self,
            response: Response,
            case: Case,
            additional_checks: list[CheckFunction] | None = None,
            **kwargs: Any,
        ) -> None:
            checks: list[CheckFunction] = [*EXTRA_CHECKS, *(additional_checks or [])]
            if target.is_emulator:
                checks.append(self.spec_semantics)
            super().validate_response(response, case, additional_checks=checks, **kwargs)

        def spec_semantics(self, ctx: object, response: Response, case: Case) -> None:
            """The words of the spec, on the emulator (see the module docstring)."""
            del ctx
            operation, status = operation_id(case), response.status_code
            if operation not in MQTT_CLIENTS:
                return
            label = f"{case.operation.label} ({operation})"
            if operation == "getAllMqttClients":
                if status == 200:
                    ids = {item["id"] for item in response.json()["items"]}
                    stale = ids & self.gone
                    assert not stale, f"{label}: invalidated sessions still listed: {stale}"
                    self.listed |= ids
                return
            client_id = wire_client_id(case)
            assert client_id is not None
            if is_valid_request(case, response):
                if client_id in self.gone:
                    assert status == 404, (
                        f"{label}: session {client_id!r} was invalidated, "
                        f"yet the answer is {status}"
                    )
                elif client_id in self.listed and client_id not in self.maybe_gone:
                    assert status in (200, 204), (
                        f"{label}: {client_id!r} came from the listing, yet the answer is "
                        f"{status}: {response.content[:300]!r}"
                    )
            if status == 200 and operation == "getMqttClientConnectionState":
                connected = response.json()["connection"]["connected"]
                if client_id in self.disconnected:
                    assert connected is False, f"{label}: {client_id!r} still connected"
            # What the server did, whatever else the request held (unknown query
            # parameters are ignored, as by the broker).
            if status == 204 and operation == "invalidateClientSession":
                self.gone.add(client_id)
                self.connection_ended(client_id, label)
            if status == 204 and operation == "disconnectClient":
                self.connection_ended(client_id, label)
                # A session whose expiry interval is 0 ends with its connection.
                self.disconnected.add(client_id)
                self.maybe_gone.add(client_id)

        def connection_ended(self, client_id: str, label: str) -> None:
            """After a successful DELETE: no real connection is left; note one that was open."""
            assert target.admin is not None
            try:
                target.admin.check_disconnected(client_id)
            except AssertionError as error:
                raise AssertionError(f"{label}: {error}") from None
            events = target.admin.events()
            new, self.events_seen = events[self.events_seen :], len(events)
            if any(
                event["clientId"] == client_id
                and (event["type"] == "disconnect" or event.get("wasConnected") is True)
                for event in new
            ):
                coverage.connections_ended.add(client_id)

    ContractMachine.__name__ = ContractMachine.__qualname__ = f"ContractMachine_{target.name}"
    return hypothesis.seed(SEED)(ContractMachine)


def stateful_settings(target: Target) -> hypothesis.settings:
    """Hypothesis settings from schemathesis.toml (steps, no database), the target's scenarios."""
    return hypothesis.settings(
        SCHEMA.config.get_hypothesis_settings(phase="stateful"),
        max_examples=BROKER_SCENARIOS if _broker_only_clients(target) else SCENARIOS,
        suppress_health_check=list(hypothesis.HealthCheck),
    )


def test_stateful(target: Target) -> None:
    """Link-driven scenarios pass every check; on the emulator they reach the awkward ids."""
    coverage = Coverage()
    build_machine(target, coverage).run(settings=stateful_settings(target))
    if target.admin is None:
        return
    # The scenarios must have followed every link to a real session, and the
    # rotation must have led them to awkward ids: else they proved little.
    for operation in sorted(LINKED if target.allow_delete else READS):
        assert coverage.successes(operation), f"no scenario reached {operation} with a 2xx"
    # Every other family: each operation a create's link leads to was reached
    # with a success at least once.
    if target.allow_delete and not _broker_only_clients(target):
        reached_ok = {op for op, status in coverage.answered if status < 300}
        missing = sorted(LINKED_FROM_CREATES - reached_ok)
        assert not missing, f"no scenario reached these operations with a 2xx: {missing}"
    if target.allow_delete:
        assert coverage.connections_ended, "no DELETE ended a connected client's connection"
    reached = set().union(*(coverage.successes(operation) for operation in READS))
    awkward_ids = target.admin.awkward_ids
    awkward = reached & set(awkward_ids)
    assert len(awkward) >= len(awkward_ids) // 2, f"awkward ids reached: {sorted(awkward)}"
