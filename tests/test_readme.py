"""The README is true: its Python examples run against the emulator, its pin fits the version."""

from __future__ import annotations

import contextlib
import io
import re
import tomllib

import pytest
from hivemq_rest_emulator import EmulatorHandle
from packaging.specifiers import SpecifierSet

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```python\n(.*?)```", README, flags=re.DOTALL)


def test_readme_has_sync_and_async_examples() -> None:
    assert len(EXAMPLES) == 2
    assert "HiveMQClient(" in EXAMPLES[0]
    assert "AsyncHiveMQClient(" in EXAMPLES[1]


@pytest.mark.parametrize("example", EXAMPLES, ids=["sync", "async"])
def test_example_runs(hivemq_emulator: EmulatorHandle, example: str) -> None:
    hivemq_emulator.add_session(
        "sensor/1 é",
        connected=True,
        subscriptions=[{"topicFilter": "cmd/#", "qos": "AT_LEAST_ONCE"}],
    )
    hivemq_emulator.seed(120, seed=2)
    code = example.replace("http://localhost:8888", hivemq_emulator.base_url)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "README.md", "exec"), {"__name__": "__readme__"})
    output = printed.getvalue()
    assert "sensor/1 é" in output
    if "AsyncHiveMQClient" in example:
        assert "vanished: []" in output
        assert output.count("\n") == 121 + 2
    else:
        assert "cmd/# AT_LEAST_ONCE" in output
        assert "404 Resource not found" in output


def test_pin_in_readme_matches_the_version() -> None:
    (pin,) = re.findall(r'pip install "hivemq-rest-client\[cli\](==[^"]+)"', README)
    hook = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["hatch"]["metadata"][
        "hooks"
    ]["custom"]
    version = f"{hook['spec-version']}.{hook['client-revision']}"
    assert SpecifierSet(pin).contains(version)
    assert pin == f"=={hook['spec-version']}.*"
