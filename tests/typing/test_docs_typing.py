"""Every Python example of the README and the documentation passes a user's ``mypy --strict``.

The examples are what a user copies first: reading a model in them must
type-check as written, with no narrowing of an "unset" value.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT
from tests.docs._pages import blocks, pages
from tests.typing.test_user_typing import _mypy

_PYTHON = re.compile(r"```python\n(.*?)```", re.DOTALL)


def _examples() -> dict[str, str]:
    """Each Python block by a module name that says where it is."""
    found = {
        f"readme_{n}": code
        for n, code in enumerate(_PYTHON.findall((ROOT / "README.md").read_text("utf-8")))
    }
    for page in pages():
        for block in blocks(page):
            if block.language == "python":
                stem = re.sub(r"\W", "_", f"{page.parent.name}_{page.stem}_{block.number}")
                found[stem] = block.code
    return found


EXAMPLES = _examples()


@pytest.fixture(scope="module")
def mypy_errors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[int, str]]]:
    folder = tmp_path_factory.mktemp("examples")
    files = []
    for name, code in EXAMPLES.items():
        files.append(folder / f"{name}.py")
        files[-1].write_text(code, encoding="utf-8")
    return _mypy(folder, files)


def test_the_examples_are_found() -> None:
    assert len([n for n in EXAMPLES if n.startswith("readme_")]) >= 5
    assert "guides_getting_started_0" in EXAMPLES


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_passes_mypy_strict(
    mypy_errors: dict[str, list[tuple[int, str]]], name: str
) -> None:
    assert mypy_errors[f"{name}.py"] == []


def test_the_readme_backup_example_is_checked() -> None:
    assert any(
        "hivemq.backups.wait(hivemq.backups.create().id" in code for code in EXAMPLES.values()
    )
