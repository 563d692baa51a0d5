"""``hivemq-rest clients export`` of 50,000 sessions while the server misbehaves.

The CLI runs as a subprocess against a ``hivemq-emulator serve`` subprocess that
answers 20 % of the API requests 503 (with Retry-After) and drops 2 % of the
connections without an answer. While the export runs, a driver thread adds
latency spikes (toggling ``latencySeconds`` on and off), one window in which the
503s say ``Retry-After: 1``, and one cursor expiry mid-listing.

Expected: exit code 0, no traceback, every session's id in the CSV exactly once,
and no request tried more often than the CLI's retry policy allows.
"""

from __future__ import annotations

import csv
import re
import subprocess
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

from hivemq_rest import RetryPolicy
from hivemq_rest._constants import MAX_PAGE_SIZE
from hivemq_rest_emulator import SessionStore, seed_sessions
from hivemq_rest_generated.operations import GET_ALL_MQTT_CLIENTS

from tests.faults.processes import HIVEMQ_REST, EmulatorProcess, cli_environment, emulator_process

SESSIONS = 50_000
SEED = 7
PAGE_SIZE = MAX_PAGE_SIZE
PAGES = SESSIONS // PAGE_SIZE
LIST = GET_ALL_MQTT_CLIENTS.path
# retryAfter 0 keeps 10,000 503s from costing 10,000 s of waiting; one window uses 1.
STEADY_FAULTS: dict[str, Any] = {
    "unavailableRatio": 0.2,
    "retryAfter": 0,
    "dropConnectionRatio": 0.02,
}
SPIKE_LATENCY = 0.25
EXPORT_TIMEOUT = 300.0
# With 22 % of requests failing, 12 tries leave about one chance in 1,600 that
# any of the 50,000 requests fails for good (0.22 ** 12 * 50,000); the CLI's
# default of 10 would leave one in 75, too often for a test that must not flake.
POLICY = RetryPolicy(max_attempts=12)

# hivemq_rest WARNING GET /api/v1/mqtt/clients/x: HTTP 503; attempt 2 of 4 in 0.00s
_RETRY = re.compile(
    r"^hivemq_rest WARNING (?P<method>[A-Z]+) (?P<path>\S+): (?P<why>.+); "
    r"attempt (?P<attempt>\d+) of (?P<of>\d+) in (?P<wait>[0-9.]+)s$",
    re.MULTILINE,
)


class FaultDriver(threading.Thread):
    """Latency spikes, one Retry-After window and one cursor expiry, until stopped."""

    def __init__(self, server: EmulatorProcess) -> None:
        super().__init__(name="fault-driver", daemon=True)
        self.server = server
        self.stop = threading.Event()
        self.spikes = 0
        self.retry_after_windows = 0
        self.expired_after_pages: int | None = None
        self.error: BaseException | None = None
        self._seed = 1000

    def _put(self, **changes: Any) -> None:
        # Every PUT replaces the whole configuration and re-seeds the fault
        # generator: a new seed each time, so the pattern does not repeat.
        self._seed += 1
        self.server.put_faults(**{**STEADY_FAULTS, "seed": self._seed, **changes})

    def _list_requests(self) -> int:
        return self.server.log().count(f'"GET {LIST}?')

    def run(self) -> None:
        try:
            cycle = 0
            while not self.stop.wait(1.0):
                cycle += 1
                retry_after = 1 if cycle == 2 else 0
                self._put(latencySeconds=SPIKE_LATENCY, retryAfter=retry_after)
                self.spikes += 1
                self.retry_after_windows += retry_after
                self.stop.wait(0.4)
                pages = self._list_requests()
                if self.expired_after_pages is None and 3 <= pages < PAGES - 3:
                    self._put(latencySeconds=0.0, expireCursors=True)
                    self.expired_after_pages = pages
                else:
                    self._put(latencySeconds=0.0)
        except BaseException as error:  # reported by the test
            self.error = error


def _expected_ids() -> list[str]:
    store = SessionStore()
    seed_sessions(store, SESSIONS, SEED)
    return store.ids()


def _exported_ids(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as rows:
        reader = csv.reader(rows)
        column = next(reader).index("clientId")
        return [row[column] for row in reader]


def test_export_of_50000_sessions_under_faults(tmp_path: Path) -> None:
    output = tmp_path / "clients.csv"
    with emulator_process(SESSIONS, SEED) as server:
        server.put_faults(**STEADY_FAULTS, seed=1)
        driver = FaultDriver(server)
        started = time.monotonic()
        command = [HIVEMQ_REST, "clients", "export", "--format", "csv", "--output", str(output)]
        command += ["--max-attempts", str(POLICY.max_attempts)]
        command += ["--url", server.base_url, "--debug"]
        with (tmp_path / "stderr.txt").open("w+", encoding="utf-8") as stderr_file:
            export = subprocess.Popen(
                command,
                stdout=subprocess.DEVNULL,
                stderr=stderr_file,
                stdin=subprocess.DEVNULL,
                env=cli_environment(),
            )
            driver.start()
            try:
                returncode = export.wait(timeout=EXPORT_TIMEOUT)
            finally:
                driver.stop.set()
                driver.join(timeout=30)
                if export.poll() is None:
                    export.kill()
                    export.wait(timeout=10)
            elapsed = time.monotonic() - started
            stderr_file.seek(0)
            stderr = stderr_file.read()
        accesses = server.accesses()

    assert driver.error is None, repr(driver.error)
    print(f"export of {SESSIONS:,} sessions under faults: {elapsed:.1f} s")
    tail = stderr[-3000:]
    assert returncode == 0, f"exit {returncode} after {elapsed:.1f} s:\n{tail}"
    assert "Traceback" not in stderr, tail

    # Every session exactly once.
    exported = _exported_ids(output)
    duplicates = [client_id for client_id, n in Counter(exported).items() if n > 1]
    assert duplicates == []
    assert set(exported) == set(_expected_ids())
    assert len(exported) == SESSIONS

    # The faults did happen: 503s, dropped connections, spikes, Retry-After, one expiry.
    api = [access for access in accesses if not access.path.startswith("/_emulator")]
    unavailable = sum(1 for access in api if access.status == 503)
    assert unavailable > 0.1 * len(api)
    retries = [match.groupdict() for match in _RETRY.finditer(stderr)]
    assert any(retry["why"] != "HTTP 503" for retry in retries)  # dropped connections
    assert driver.spikes >= 2
    assert driver.retry_after_windows == 1
    assert any(r["why"] == "HTTP 503" and float(r["wait"]) == 1.0 for r in retries)
    assert driver.expired_after_pages is not None
    listing = [access for access in api if access.path == LIST]
    expired = [n for n, access in enumerate(listing) if access.status == 410]
    assert len(expired) == 1
    after = listing[expired[0] + 1 :]
    assert after
    assert after[0].query == f"limit={PAGE_SIZE}"  # the walk started again from the top

    # Retries within their bounds, as the client saw them ...
    assert all(int(retry["of"]) == POLICY.max_attempts for retry in retries)
    assert all(int(retry["attempt"]) <= POLICY.max_attempts for retry in retries)
    assert all(float(retry["wait"]) <= POLICY.retry_after_cap for retry in retries)
    per_request = Counter(
        (retry["method"], retry["path"])
        for retry in retries
        if not retry["path"].startswith(f"{LIST}?")  # a listing's first page comes back on restart
    )
    assert max(per_request.values()) <= POLICY.max_attempts - 1
    # ... and as the server saw them (answered requests; drops leave no log line).
    per_path = Counter(access.path for access in api if access.path != LIST)
    assert len(per_path) == SESSIONS
    assert max(per_path.values()) <= POLICY.max_attempts
