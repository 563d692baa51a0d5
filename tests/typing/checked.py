"""What a user's ``mypy --strict`` must accept or reject here, and one run over all of it.

mypy spends most of a run reading hivemq_rest, httpx and aiohttp, so every
typing test shares one in-process run (the session fixture ``mypy_errors`` in
this folder's conftest) instead of paying for that per file.
"""

from __future__ import annotations

import re
from pathlib import Path

from mypy import api

from tests.conftest import ROOT
from tests.docs._pages import blocks, pages

HERE = Path(__file__).parent
SCRIPTS = ("user_script.py", "surface_script.py", "every_operation.py")

# Each misuse must be rejected, with this error code, on its line (after the preamble).
MISUSE_PREAMBLE = "from hivemq_rest import ClientDetails\nclient = ClientDetails(id='c')\n"
MISUSES = {
    "connected_may_be_absent": ("flag: bool = client.connected", "assignment"),
    "expiry_may_be_absent": ("minutes = client.session_expiry_interval // 60", "operator"),
    "details_need_an_id": ("ClientDetails()", "call-arg"),
    "no_such_model": ("from hivemq_rest import ClientDetail", "attr-defined"),
    "no_unset_to_import": ("from hivemq_rest import Unset", "attr-defined"),
    "partial_policy_is_not_whole": (
        "from hivemq_rest import DataPolicy, HiveMQClient; "
        'p: DataPolicy = HiveMQClient("http://127.0.0.1").data_hub.data_policies.get('
        '"p", fields=["id"])',
        "assignment",
    ),
    "partial_matching_may_be_absent": (
        "from hivemq_rest import HiveMQClient; "
        't: str = HiveMQClient("http://127.0.0.1").data_hub.data_policies.get('
        '"p", fields=["id"]).matching.topic_filter',
        "union-attr",
    ),
    "listing_is_not_a_list": (
        "from hivemq_rest import HiveMQClient; "
        'ids: list[str] = HiveMQClient("http://127.0.0.1").backups.list()',
        "assignment",
    ),
}

ErrorsByFile = dict[str, list[tuple[int, str]]]

_PYTHON = re.compile(r"```python\n(.*?)```", re.DOTALL)


def doc_examples() -> dict[str, str]:
    """Each Python block of the README and the documentation, by a module name saying where."""
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


def sources() -> dict[str, str]:
    """Every file the shared run checks, by file name."""
    found = {name: (HERE / name).read_text("utf-8") for name in SCRIPTS}
    found |= {f"{name}.py": MISUSE_PREAMBLE + line + "\n" for name, (line, _) in MISUSES.items()}
    found |= {f"{name}.py": code for name, code in doc_examples().items()}
    return found


def mypy_strict(folder: Path, files: dict[str, str]) -> ErrorsByFile:
    """``mypy --strict`` as a user runs it (none of this project's settings): errors by file.

    Each file is its own top-level module in ``folder``, so they must not import
    one another.
    """
    paths = []
    for name, code in files.items():
        paths.append(folder / name)
        paths[-1].write_text(code, encoding="utf-8")
    stdout, stderr, status = api.run(
        [
            *("--strict", "--config-file", "", "--no-incremental", "--show-error-codes"),
            *("--no-error-summary", *map(str, paths)),
        ]
    )
    errors: ErrorsByFile = {name: [] for name in files}
    for line in stdout.splitlines():
        if ": note: " in line:
            continue
        found = re.match(r"(?:.*/)?([^/:]+\.py):(\d+): error: .*\[([a-z-]+)\]$", line)
        assert found, f"unexpected mypy output: {line}\n{stderr}"
        errors[found[1]].append((int(found[2]), found[3]))
    assert status == (1 if any(errors.values()) else 0), stderr
    return errors
