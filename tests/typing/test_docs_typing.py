"""Every Python example of the README and the documentation passes a user's ``mypy --strict``.

The examples are what a user copies first: reading a model in them must
type-check as written, with no narrowing of an "unset" value.
"""

from __future__ import annotations

import pytest

from tests.typing.checked import ErrorsByFile, doc_examples

EXAMPLES = doc_examples()


def test_the_examples_are_found() -> None:
    assert len([n for n in EXAMPLES if n.startswith("readme_")]) >= 5
    assert "guides_getting_started_0" in EXAMPLES


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_passes_mypy_strict(mypy_errors: ErrorsByFile, name: str) -> None:
    assert mypy_errors[f"{name}.py"] == []


def test_the_readme_backup_example_is_checked() -> None:
    assert any(
        "hivemq.backups.wait(hivemq.backups.create().id" in code for code in EXAMPLES.values()
    )
