"""The emulator's documentation: exactly the admin endpoints it has; its options work."""

from __future__ import annotations

import re

import httpx
import pytest
from hivemq_rest_emulator import create_app
from hivemq_rest_emulator.cli import main
from hivemq_rest_emulator.testing import EmulatorProcess
from hivemq_rest_generated.operations import CREATE_BACKUP
from starlette.routing import Mount, Route

from tests.conftest import ROOT


def _documented() -> set[tuple[str, str]]:
    page = (ROOT / "docs" / "reference" / "emulator-admin-api.md").read_text(encoding="utf-8")
    found = set()
    for methods, path in re.findall(r"^\| `([A-Z`/]+) (/_emulator/\S*)` \|", page, re.M):
        for method in methods.replace("`", "").split("/"):
            found.add((method, path))
    return found


def _served() -> set[tuple[str, str]]:
    (mount,) = create_app().routes
    assert isinstance(mount, Mount)
    served = set()
    for route in mount.routes:
        assert isinstance(route, Route)
        for method in route.methods or ():
            if method != "HEAD":
                served.add((method, mount.path + route.path))
    return served


def test_the_reference_lists_every_admin_endpoint() -> None:
    assert _documented() == _served()


def _serve_lines() -> list[list[str]]:
    guide = (ROOT / "docs" / "guides" / "testing-with-the-emulator.md").read_text("utf-8")
    return [line.split()[2:] for line in re.findall(r"^hivemq-emulator serve .*$", guide, re.M)]


@pytest.mark.slow
def test_the_serve_command_with_backup_options_does_what_the_guide_says() -> None:
    (arguments,) = [line for line in _serve_lines() if "--backup-seconds" in line]
    seconds = float(arguments[arguments.index("--backup-seconds") + 1])
    size = int(arguments[arguments.index("--backup-bytes") + 1])
    # EmulatorProcess picks the host and a free port; the README's own come first.
    with (
        EmulatorProcess(*arguments, "--host", "127.0.0.1", "--port", "0") as server,
        httpx.Client(base_url=server.base_url, timeout=10.0) as http,
    ):
        backup_id = http.post(CREATE_BACKUP.path).json()["backup"]["id"]
        assert http.put("/_emulator/clock", json={"advanceSeconds": seconds}).status_code == 200
        backup = http.get(f"{CREATE_BACKUP.path}/{backup_id}").json()["backup"]
        assert (backup["state"], backup["bytes"]) == ("COMPLETED", size)


def test_the_reference_lists_every_serve_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    options = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", capsys.readouterr().out)) - {"--help"}
    page = (ROOT / "docs" / "reference" / "emulator-admin-api.md").read_text(encoding="utf-8")
    table = page.split("## `hivemq-emulator serve`", 1)[1]
    documented = set(re.findall(r"`(--[a-z][a-z-]+)", table))
    assert options == documented
