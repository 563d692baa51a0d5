"""A base URL that is not the HiveMQ REST API is its own error, not "client not found"."""

from __future__ import annotations

from hivemq_rest_emulator import EmulatorHandle

from tests.overlay.cli.cli_run import run
from tests.overlay.local_server import Behaviour, local_server

HINT = "the REST API's base URL?"


def test_a_doubled_api_prefix(hivemq_emulator: EmulatorHandle) -> None:
    hivemq_emulator.add_session("a", connected=True)
    url = hivemq_emulator.base_url + "/api/v1"
    for command in (["show", "a"], ["state", "a"], ["list"], ["count"]):
        result = run("clients", *command, "--url", url)
        assert result.returncode == 3, (command, result.stderr)
        assert HINT in result.stderr
        assert "leave out /api/v1" in result.stderr
        assert len(result.stderr.splitlines()) == 1


def test_a_genuine_404_is_still_not_found(hivemq_emulator: EmulatorHandle) -> None:
    result = run("clients", "show", "nobody", "--url", hivemq_emulator.base_url)
    assert result.returncode == 4
    assert HINT not in result.stderr


def _html(status: int) -> Behaviour:
    def page(method: str, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        return status, {"Content-Type": "text/html"}, b"<!doctype html><title>Welcome</title>"

    return page


def test_an_html_page() -> None:
    with local_server(_html(200)) as server:
        listed = run("clients", "list", "--url", server.base_url)
        shown = run("clients", "show", "a", "--url", server.base_url)
    with local_server(_html(404)) as server:
        missing = run("clients", "state", "a", "--url", server.base_url)
    for result in (listed, shown, missing):
        assert result.returncode == 3, result.stderr
        assert f"is {server.base_url.rsplit(':', 1)[0]}" in result.stderr
        assert HINT in result.stderr
