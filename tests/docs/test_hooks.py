"""The site's MkDocs hooks: the CLI epilogs and the Sphinx roles."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import click
from hivemq_rest.cli._command import main

from tests.conftest import ROOT


def _hook(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "docs" / "hooks" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _leaves(command: click.Command, path: str) -> list[str]:
    """Every command that is not a group (groups have no epilog)."""
    if not isinstance(command, click.Group):
        return [path]
    return [p for n, c in command.commands.items() for p in _leaves(c, f"{path} {n}")]


def test_every_command_gets_its_examples_and_exit_codes() -> None:
    hook = _hook("cli_epilogs")
    page = hook.on_page_markdown(f"# CLI\n\n{hook.MARKER}\n")
    assert hook.MARKER not in page
    leaves = _leaves(main, "hivemq-rest")
    assert len(leaves) > 30
    for path in leaves:
        section = page.split(f"### `{path}`\n", 1)[1].split("###", 1)[0]
        assert "Exit codes:" in section, path
        assert "\b" not in section


def test_a_page_without_the_marker_is_left_alone() -> None:
    assert _hook("cli_epilogs").on_page_markdown("# Other\n") == "# Other\n"


def test_sphinx_roles_show_as_code() -> None:
    hook = _hook("sphinx_roles")
    html = "see :class:<code>~a.b.Name</code> and :func:<code>a.f</code>, not <code>:x</code>"
    assert (
        hook.on_page_content(html)
        == "see <code>Name</code> and <code>a.f</code>, not <code>:x</code>"
    )
