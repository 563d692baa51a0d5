"""The in-process runner of ``hivemq-rest`` answers as the installed command does."""

from __future__ import annotations

import logging
import os
import sys

import pytest
from hivemq_rest_emulator import EmulatorHandle

from .cli_run import run, run_bytes, run_process, run_process_bytes

CONTROL = "dev\x1b[2J\r\nx"


@pytest.mark.slow
def test_in_process_and_process_answer_alike(hivemq_emulator: EmulatorHandle) -> None:
    hivemq_emulator.add_session(CONTROL, connected=True)
    hivemq_emulator.add_session("日本-é", connected=False, session_expiry_interval=100)
    url = ["--url", hivemq_emulator.base_url]
    for args in (
        ["--version"],
        ["clients", "list", *url],
        ["clients", "list", "--json", *url],
        ["clients", "show", "nobody", *url],
        ["clients", "list", "--page-size", "ten", *url],  # a usage error
        ["clients", "state", CONTROL, "--debug", "--url", "http://127.0.0.1:9"],
    ):
        here, there = run(*args), run_process(*args)
        assert (here.returncode, here.stdout) == (there.returncode, there.stdout), args
        if "--debug" not in args:  # debug lines hold timings
            assert here.stderr == there.stderr, args
    for env in ({}, {"PYTHONIOENCODING": "latin-1"}):
        args_bytes: tuple[str | bytes, ...] = ("clients", "state", b"dev\xff", "日本-é", *url)
        here_b, there_b = run_bytes(*args_bytes, env=env), run_process_bytes(*args_bytes, env=env)
        assert (here_b.returncode, here_b.stdout, here_b.stderr) == (
            there_b.returncode,
            there_b.stdout,
            there_b.stderr,
        )
    piped = ("clients", "disconnect", "--from-file", "-", *url)
    here, there = run(*piped, stdin="x\n"), run_process(*piped, stdin="x\n")
    assert (here.returncode, here.stderr) == (there.returncode, there.stderr)


def test_a_run_leaves_this_process_as_it_was(hivemq_emulator: EmulatorHandle) -> None:
    os.environ["HIVEMQ_REST_URL"] = "http://127.0.0.1:9"  # not seen by the command
    try:
        environ, streams = dict(os.environ), (sys.stdin, sys.stdout, sys.stderr, sys.argv)
        loggers = [logging.getLogger(), logging.getLogger("hivemq_rest")]
        handlers = [(lg.handlers[:], lg.level, lg.propagate) for lg in loggers]
        for _ in range(2):
            result = run("clients", "list", "--debug", env={"HIVEMQ_REST_URL": "http://x:1"})
            assert result.returncode == 3  # the URL given, not this process's
            assert "http://x:1" in result.stderr
            listed = run("clients", "list", "--url", hivemq_emulator.base_url)
            assert (listed.returncode, listed.stdout, listed.stderr) == (0, "", "0 clients\n")
        assert dict(os.environ) == environ
        assert (sys.stdin, sys.stdout, sys.stderr, sys.argv) == streams
        assert [(lg.handlers[:], lg.level, lg.propagate) for lg in loggers] == handlers
    finally:
        del os.environ["HIVEMQ_REST_URL"]


@pytest.mark.parametrize(
    "env", [{"FORCE_COLOR": "1"}, {"COLUMNS": "40"}, {"NO_COLOR": "1"}, {"LC_ALL": "C"}]
)
def test_what_only_a_process_can_honour_is_refused(env: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="run_process"):
        run("--version", env=env)
