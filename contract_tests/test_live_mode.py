"""Live mode (HIVEMQ_REST_URL), exercised against the emulator since no broker is at hand.

The configuration from the environment is checked directly; then the
Schemathesis part of the suite runs in a child pytest whose HIVEMQ_REST_URL
points at an emulator served by uvicorn in this process, behind a thin ASGI
layer that records the Authorization header of every API request. The child
must pass, run only GET operations unless HIVEMQ_REST_ALLOW_DELETE=1, end or
disconnect no session, and authenticate every request.
"""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Final

import pytest
from hivemq_rest_emulator import EmulatorApp, create_app
from hivemq_rest_emulator import EmulatorServer as ThreadedServer
from starlette.types import Receive, Scope, Send

from ._emulator import InProcessAdmin, prepare
from ._live import (
    ALLOW_DELETE_VAR,
    LIVE_VARS,
    PASSWORD_VAR,
    TOKEN_VAR,
    URL_VAR,
    USERNAME_VAR,
    LiveConfigError,
    live_config,
)
from ._schema import ROOT

#: The modules that make up the Schemathesis part of the suite.
SCHEMATHESIS_MODULES: Final = (
    "contract_tests/test_operations.py",
    "contract_tests/test_stateful.py",
    "contract_tests/test_sessions.py",
)
CHILD_TIMEOUT: Final = 300.0
TOKEN: Final = "contract-suite-token"  # noqa: S105 -- a made-up token for the emulator


class AuthRecorder:
    """ASGI middleware that notes the Authorization header of each HiveMQ API request."""

    def __init__(self, app: EmulatorApp) -> None:
        self.app = app
        self.seen: list[str | None] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Record, then hand the request to the emulator unchanged."""
        if scope["type"] == "http" and str(scope["path"]).startswith("/api/"):
            headers = dict(scope["headers"])
            value = headers.get(b"authorization")
            self.seen.append(None if value is None else value.decode("latin-1"))
        await self.app(scope, receive, send)


def child_environment(extra: Mapping[str, str]) -> dict[str, str]:
    """The environment of this process without any live-mode variable, plus ``extra``."""
    env = {name: value for name, value in os.environ.items() if name not in LIVE_VARS}
    env.update(extra)
    return env


def run_child(args: list[str], env: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
    """``python -m pytest ARGS`` in the repository root, at most CHILD_TIMEOUT seconds."""
    argv = [sys.executable, "-m", "pytest", *args, "-p", "no:cacheprovider"]
    # A fixed argv of this interpreter and our own test files.
    return subprocess.run(  # noqa: S603
        argv,
        cwd=ROOT,
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
        check=False,
    )


def collected(env: Mapping[str, str]) -> list[str]:
    """The test ids the child pytest collects from the Schemathesis modules."""
    result = run_child([*SCHEMATHESIS_MODULES, "--collect-only", "-q"], env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return [line for line in result.stdout.splitlines() if "::" in line]


@pytest.fixture
def recorded_emulator() -> Iterator[tuple[AuthRecorder, EmulatorApp, str]]:
    """An emulator with the test sessions, served by uvicorn behind the AuthRecorder."""
    app = create_app()
    prepare(InProcessAdmin(app))
    recorder = AuthRecorder(app)
    with ThreadedServer(recorder) as server:
        yield recorder, app, server.base_url


def test_config_from_environment() -> None:
    """The variables give the URL, the auth header and the DELETE switch; errors are loud."""
    assert live_config({}) is None
    assert live_config({URL_VAR: "  "}) is None
    plain = live_config({URL_VAR: "http://broker:8888/prefix/"})
    assert plain is not None
    assert (plain.base_url, plain.allow_delete, dict(plain.headers)) == (
        "http://broker:8888/prefix",
        False,
        {},
    )
    bearer = live_config({URL_VAR: "https://b", TOKEN_VAR: "t0k", USERNAME_VAR: "ignored"})
    assert bearer is not None
    assert dict(bearer.headers) == {"Authorization": "Bearer t0k"}
    assert bearer.auth_kind == "bearer"
    basic = live_config(
        {URL_VAR: "http://b", USERNAME_VAR: "ops", PASSWORD_VAR: "pä:ss", ALLOW_DELETE_VAR: "1"}
    )
    assert basic is not None
    assert basic.allow_delete
    assert basic.auth_kind == "basic"
    expected = "Basic " + base64.b64encode("ops:pä:ss".encode()).decode()
    assert dict(basic.headers) == {"Authorization": expected}
    for allow in ("0", "true", "yes", ""):
        config = live_config({URL_VAR: "http://b", ALLOW_DELETE_VAR: allow})
        assert config is not None
        assert not config.allow_delete, allow
    for broken in (
        {URL_VAR: "broker:8888"},
        {URL_VAR: "http://b", PASSWORD_VAR: "secret"},
        {URL_VAR: "http://b", USERNAME_VAR: "a:b"},
    ):
        with pytest.raises(LiveConfigError):
            live_config(broken)


def test_read_only_live_run(
    recorded_emulator: tuple[AuthRecorder, EmulatorApp, str], tmp_path: Path
) -> None:
    """HIVEMQ_REST_URL at the emulator: the suite passes, only GETs, every request authenticated."""
    recorder, app, url = recorded_emulator
    sessions_before = app.store.ids()
    env = child_environment({URL_VAR: url, TOKEN_VAR: TOKEN})
    report = tmp_path / "live-mode.xml"
    result = run_child([*SCHEMATHESIS_MODULES, "-q", f"--junitxml={report}"], env)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-3000:]
    # The report of our own child run, in our own temporary directory.
    names = [case.get("name", "") for case in ET.parse(report).getroot().iter("testcase")]  # noqa: S314
    assert names, "the child ran no test"
    assert all(name.endswith("[live]") or "[live-" in name for name in names), names
    assert not [name for name in names if "DELETE" in name or "disconnect" in name], names
    assert not [name for name in names if "invalidate" in name], names
    assert any(name.startswith("test_stateful") for name in names)
    # Read-only: no session ended or lost its connection, no will was sent.
    assert app.store.events() == []
    assert app.store.ids() == sessions_before
    assert recorder.seen, "the child sent no API request"
    assert set(recorder.seen) == {f"Bearer {TOKEN}"}


def test_live_run_with_delete_collects_every_operation() -> None:
    """HIVEMQ_REST_ALLOW_DELETE=1 brings the DELETE operations back (collection only)."""
    base = {URL_VAR: "http://127.0.0.1:9", USERNAME_VAR: "ops", PASSWORD_VAR: "pw"}
    read_only = collected(child_environment(base))
    with_delete = collected(child_environment({**base, ALLOW_DELETE_VAR: "1"}))
    assert not [name for name in read_only if "DELETE" in name]
    assert [name for name in with_delete if "DELETE /api/v1/mqtt/clients/{clientId}]" in name]
    assert [name for name in with_delete if "invalidateClientSession" in name]
    assert len(with_delete) > len(read_only)
    assert all("[live" in name for name in read_only + with_delete)


def test_health_url_runs_the_health_operations_against_that_listener(tmp_path: Path) -> None:
    """``--health-url`` points the Health API's tests at a live listener (here the emulator's)."""
    from hivemq_rest_emulator.core import Clock
    from hivemq_rest_emulator.services.health import HealthListener, HealthService

    report = tmp_path / "health.xml"
    with ThreadedServer(HealthListener(HealthService(Clock()))) as server:
        environ = {
            k: v for k, v in os.environ.items() if k not in (*LIVE_VARS, "HIVEMQ_REST_HEALTH_URL")
        }
        result = subprocess.run(  # noqa: S603 -- this Python, fixed arguments
            [
                sys.executable,
                "-m",
                "pytest",
                "contract_tests/test_health.py",
                "-q",
                "-p",
                "no:cacheprovider",
                f"--junitxml={report}",
                "--health-url",
                server.base_url,
            ],
            cwd=ROOT,
            env=environ,
            capture_output=True,
            text=True,
            timeout=CHILD_TIMEOUT,
            check=False,
        )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    cases = [case.get("name", "") for case in ET.parse(report).iter("testcase")]  # noqa: S314
    assert len(cases) == 6
    assert all(name.endswith("[live-as-found]") for name in cases)
