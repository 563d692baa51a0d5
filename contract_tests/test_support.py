"""The suite's machinery: the operations it tests, the Prism pin, a missing Prism, MQTT waits."""

from __future__ import annotations

import json
import socket
import time

import pytest
import yaml

from . import _mqtt, _prism
from ._mqtt import ClientSpec, MqttError, MqttFleet
from ._schema import EMULATED_TAGS, FULL_SCHEMA, ROOT, SPEC_PATH, operation_key, operations

PRISM_VERSION = "5.16.0"


def test_suite_selects_exactly_the_emulated_operations() -> None:
    """The schema holds every operation of EMULATED_TAGS, and nothing else of openapi.yaml."""
    spec = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    every = {
        operation["operationId"]: set(operation["tags"])
        for item in spec["paths"].values()
        for method, operation in item.items()
        if method not in ("parameters", "servers")
    }
    selected = {operation_key(operation) for operation in operations(FULL_SCHEMA)}
    assert selected == {op for op, tags in every.items() if tags & EMULATED_TAGS}


def test_prism_is_pinned_and_installed() -> None:
    """package.json pins Prism exactly, the lock agrees, and ``npm ci`` installed that version."""
    manifest = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert manifest["devDependencies"] == {"@stoplight/prism-cli": PRISM_VERSION}
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"][""]["devDependencies"] == {"@stoplight/prism-cli": PRISM_VERSION}
    assert lock["packages"]["node_modules/@stoplight/prism-cli"]["version"] == PRISM_VERSION
    binary = _prism.require_prism()
    installed = ROOT / "node_modules" / "@stoplight" / "prism-cli" / "package.json"
    assert json.loads(installed.read_text(encoding="utf-8"))["version"] == PRISM_VERSION
    assert binary.resolve().is_relative_to(installed.parent)


def test_missing_prism_fails_the_test(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without Prism a test fails (not skips), and the message says to run ``npm ci``."""
    monkeypatch.setattr(_prism, "PRISM_PATH", ROOT / "node_modules" / ".bin" / "no-such-prism")
    with pytest.raises(pytest.fail.Exception) as failure:
        _prism.require_prism()
    assert "npm ci" in str(failure.value)
    assert "no-such-prism" in str(failure.value)


def test_mqtt_waits_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """A "broker" that accepts the TCP connection but never answers costs one wait, no more."""
    monkeypatch.setattr(_mqtt, "WAIT", 0.5)
    with socket.create_server(("127.0.0.1", 0)) as mute:
        fleet = MqttFleet("127.0.0.1", mute.getsockname()[1])
        try:
            started = time.monotonic()
            with pytest.raises(MqttError, match="no CONNACK for 'silence'"):
                fleet.start([ClientSpec("silence")])
            assert time.monotonic() - started < 3.0
        finally:
            fleet.close()
        assert fleet.clients() == []
        with pytest.raises(MqttError, match="closed"):
            fleet.start([ClientSpec("late")])
