"""The public child-process launchers: bounded waits, early exits, the emulator's command."""

from __future__ import annotations

import re
import sys
import time

import httpx
import pytest
from hivemq_rest_emulator.testing import ChildProcess, EmulatorProcess, ProcessError


@pytest.mark.slow
def test_wait_for_line_is_bounded() -> None:
    """A child that never prints the awaited line costs the timeout, then is stopped."""
    child = ChildProcess(
        [sys.executable, "-c", "import time; print('starting', flush=True); time.sleep(60)"],
        name="sleeper",
        stop_timeout=5.0,
    )
    with child:
        started = time.monotonic()
        with pytest.raises(ProcessError, match="within 1s") as error:
            child.wait_for_line(re.compile("never printed"), timeout=1.0)
        assert time.monotonic() - started < 5.0
        assert "starting" in str(error.value)
        pid = child.pid
    with pytest.raises(ProcessError, match="not running"):
        child.check_alive()
    assert pid > 0


@pytest.mark.slow
def test_wait_for_line_sees_an_early_exit() -> None:
    """A child that ends before its ready line is reported with its exit status at once."""
    child = ChildProcess(
        [sys.executable, "-c", "print('boom', flush=True); raise SystemExit(3)"], name="quitter"
    )
    with child, pytest.raises(ProcessError, match="exit status 3"):
        child.wait_for_line(re.compile("listening"), timeout=30.0)


@pytest.mark.slow
def test_the_emulator_process_serves_and_stops() -> None:
    with EmulatorProcess("--sessions", "3", "--seed", "1") as server:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", server.base_url)
        listing = httpx.get(server.base_url + "/api/v1/mqtt/clients", timeout=10)
        assert len(listing.json()["items"]) == 3
        pid = server.pid
    assert pid > 0
    with pytest.raises(ProcessError, match="not running"):
        server.process.check_alive()


@pytest.mark.slow
def test_an_emulator_that_cannot_start_is_reported() -> None:
    with pytest.raises(ProcessError, match="exit status 2"):
        EmulatorProcess("--sessions", "-1").start()
