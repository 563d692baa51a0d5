"""The admin API reference page lists exactly the admin endpoints the emulator has."""

from __future__ import annotations

import re

from hivemq_rest_emulator import create_app
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
