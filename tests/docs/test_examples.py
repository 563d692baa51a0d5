"""Every Python example of the documentation runs as written; so do the marked shell ones.

Each runs in a fresh process. One that needs a server gets a fresh emulator
started with the ``hivemq-emulator serve`` command its page gives (only the
port is replaced by a free one); ``<!-- run: standalone -->`` blocks need none,
``<!-- run: pytest -->`` blocks are test modules run by pytest with the
emulator's plugin, ``<!-- run: sh -->`` blocks run in bash (``set -eu -o
pipefail``) with ``examples/`` at hand. Anything else is illustration.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hivemq_rest_emulator.testing import ChildProcess, emulator_command

from tests.conftest import ROOT
from tests.docs._pages import (
    BASE_URL,
    HEALTH_URL,
    MODES,
    Block,
    blocks,
    pages,
    runnable,
    serve_argv,
)

EXAMPLE_TIMEOUT = 180
SERVE_TIMEOUT = 30.0
BLOCKS = runnable()


@pytest.fixture
def emulator(request: pytest.FixtureRequest) -> Iterator[dict[str, str]]:
    """The page's emulator on free ports; yields the URLs to use instead of the page's.

    BASE_URL always; HEALTH_URL too when the page's emulator has ``--health-port``.
    """
    block: Block = request.param
    argv = serve_argv(block.page)
    port = argv.index("--port") + 1
    assert argv[port] == BASE_URL.rsplit(":", 1)[1], "the page's emulator serves BASE_URL"
    argv[port] = "0"
    health = "--health-port" in argv
    if health:
        health_port = argv.index("--health-port") + 1
        assert argv[health_port] == HEALTH_URL.rsplit(":", 1)[1], "its Health API is HEALTH_URL"
        argv[health_port] = "0"
    with ChildProcess(emulator_command(*argv[1:]), name=" ".join(argv)) as process:
        listening = re.compile(r"^listening on http://127\.0\.0\.1:(\d+)")
        urls = {
            BASE_URL: BASE_URL.replace("8888", process.wait_for_line(listening, SERVE_TIMEOUT)[1])
        }
        if health:
            health_listening = re.compile(r"^health listening on http://127\.0\.0\.1:(\d+)")
            found = process.wait_for_line(health_listening, SERVE_TIMEOUT)
            urls[HEALTH_URL] = HEALTH_URL.replace("8889", found[1])
        yield urls


def _command(block: Block, urls: dict[str, str], cwd: Path) -> list[str]:
    code = block.code
    for page_url, served in urls.items():
        code = code.replace(page_url, served)
    if block.mode == "pytest":
        (cwd / "test_example.py").write_text(code, encoding="utf-8")
        plugin = "hivemq_rest_emulator.testing.pytest_plugin"
        return [sys.executable, "-m", "pytest", "-q", "-p", plugin, "-p", "no:cacheprovider"]
    if block.mode == "sh":
        (cwd / "examples").symlink_to(ROOT / "examples")
        return ["bash", "-c", "set -eu -o pipefail\n" + code]
    return [sys.executable, "-c", code]


def _run(block: Block, urls: dict[str, str], cwd: Path) -> str:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("HIVEMQ_REST_URL", None)  # only what the example sets
    env.pop("HIVEMQ_REST_HEALTH_URL", None)
    result = subprocess.run(
        _command(block, urls, cwd),
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=EXAMPLE_TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, f"{block.name}\n{result.stdout}\n{result.stderr}"
    assert result.stdout.strip(), f"{block.name} printed nothing"
    return result.stdout


@pytest.mark.slow
@pytest.mark.parametrize(
    ("block", "emulator"),
    [pytest.param(b, b, id=b.name) for b in BLOCKS if b.needs_server],
    indirect=["emulator"],
)
def test_example_runs_against_its_pages_emulator(
    block: Block, emulator: dict[str, str], tmp_path: Path
) -> None:
    assert block.code.count(BASE_URL) >= 1, f"{block.name} does not use the page's emulator"
    _run(block, emulator, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("block", [b for b in BLOCKS if not b.needs_server], ids=lambda b: b.name)
def test_example_runs_on_its_own(block: Block, tmp_path: Path) -> None:
    assert BASE_URL not in block.code, f"{block.name} needs a server: drop its run marker"
    _run(block, {}, tmp_path)


def test_every_python_block_runs_and_every_marker_is_known() -> None:
    every = [block for page in pages() for block in blocks(page)]
    python = [b for b in every if b.language == "python"]
    assert len(python) >= 10
    assert set(python) <= set(BLOCKS)
    for block in every:
        if block.mode:
            assert block.mode in MODES.get(block.language, set()), block.name


def test_the_guides_cover_every_topic_of_the_issue() -> None:
    guides = {page.stem for page in (ROOT / "docs" / "guides").glob("*.md")}
    assert {
        "getting-started",
        "listing-sessions",
        "bulk-export",
        "data-hub-as-code",
        "backups-and-trace-recordings",
        "testing-with-the-emulator",
        "contract-suite",
        "errors-and-retries",
        "security",
        "health-checks",
    } <= guides
