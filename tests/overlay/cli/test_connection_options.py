"""Connection options: before the subcommand, from profiles, secrets from files, mTLS, timeouts."""

from __future__ import annotations

import base64
import json
import ssl
from pathlib import Path

import pytest
import trustme

from tests.overlay.cli.cli_run import run, run_on_terminal, run_process
from tests.overlay.local_server import Behaviour, LocalServer, local_server, never_answers


def _closed_url() -> str:
    with local_server() as closed:
        return closed.base_url


def _authorization(server: LocalServer) -> list[str | None]:
    return [headers.get("authorization") for _, _, headers in server.seen]


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def _profile_file(tmp_path: Path, text: str, mode: int = 0o600) -> dict[str, str]:
    directory = tmp_path / "config" / "hivemq-rest"
    directory.mkdir(parents=True)
    (directory / "config.toml").write_text(text)
    (directory / "config.toml").chmod(mode)
    return {"XDG_CONFIG_HOME": str(tmp_path / "config")}


def test_options_before_the_subcommand() -> None:
    with local_server() as server:
        result = run("--url", server.base_url, "--token", "t0", "clients", "state", "a")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "a: connected\n"
    assert _authorization(server) == ["Bearer t0"]


def test_precedence_command_global_env_profile(tmp_path: Path) -> None:
    bad = _closed_url()
    with local_server() as server:
        good = server.base_url
        env = _profile_file(tmp_path, f'[default]\nurl = "{bad}"\n')
        by_profile_only = run(
            "clients",
            "state",
            "a",
            env=_profile_file(tmp_path / "p", f'[default]\nurl = "{good}"\n'),
        )
        env_beats_profile = run("clients", "state", "a", env={**env, "HIVEMQ_REST_URL": good})
        global_beats_env = run(
            "--url", good, "clients", "state", "a", env={**env, "HIVEMQ_REST_URL": bad}
        )
        command_beats_global = run("--url", bad, "clients", "state", "a", "--url", good)
    for result in (by_profile_only, env_beats_profile, global_beats_env, command_beats_global):
        assert result.returncode == 0, result.stderr
    assert len(server.seen) == 4


def test_named_profiles(tmp_path: Path) -> None:
    bad = _closed_url()
    with local_server() as server:
        env = _profile_file(
            tmp_path,
            f'[default]\nurl = "{bad}"\n\n[prod]\nurl = "{server.base_url}"\ntimeout = 7\n',
        )
        by_option = run("--profile", "prod", "clients", "state", "a", env=env)
        by_env = run("clients", "state", "a", env={**env, "HIVEMQ_REST_PROFILE": "prod"})
        unknown = run("clients", "state", "a", "--profile", "qa", env=env)
    assert by_option.returncode == by_env.returncode == 0
    assert unknown.returncode == 2
    assert "no profile 'qa'" in unknown.stderr
    assert "default, prod" in unknown.stderr


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[default]\nurl = "x"\nurll = "y"\n', "unknown key 'urll'"),
        ("[default]\ntimeout = 0\n", "finite number of seconds above 0"),
        ("[default]\nmax_attempts = true\n", "max_attempts must be a int"),
        ("[default\n", "not valid TOML"),
    ],
)
def test_bad_profiles_are_usage_errors(tmp_path: Path, text: str, message: str) -> None:
    result = run("clients", "state", "a", env=_profile_file(tmp_path, text))
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_readable_profile_file_with_a_secret_is_refused(tmp_path: Path) -> None:
    with local_server() as server:
        text = f'[default]\nurl = "{server.base_url}"\ntoken = "tok-SECRET"\n'
        readable = run("clients", "state", "a", env=_profile_file(tmp_path / "a", text, 0o644))
        private = run("clients", "state", "a", env=_profile_file(tmp_path / "b", text, 0o600))
        # Without a secret in it, a readable file is fine.
        public = run(
            "clients",
            "state",
            "a",
            env=_profile_file(tmp_path / "c", f'[default]\nurl = "{server.base_url}"\n', 0o644),
        )
    assert readable.returncode == 2
    assert "chmod 600" in readable.stderr
    assert "tok-SECRET" not in readable.stderr
    assert private.returncode == public.returncode == 0
    assert _authorization(server) == ["Bearer tok-SECRET", None]


def test_credentials_come_whole_from_one_source(tmp_path: Path) -> None:
    secret = tmp_path / "password"
    secret.write_text("hunter2\n")
    with local_server() as server:
        env = _profile_file(tmp_path, f'[default]\nurl = "{server.base_url}"\ntoken = "tok"\n')
        result = run(
            "clients", "state", "a", "--username", "ops", "--password-file", str(secret), env=env
        )
        mixed = run("clients", "state", "a", "--username", "ops", "--token", "t", env=env)
    assert result.returncode == 0, result.stderr
    assert _authorization(server) == [_basic("ops", "hunter2")]
    assert mixed.returncode == 2
    assert "not both" in mixed.stderr


def test_secrets_from_files(tmp_path: Path) -> None:
    token, password = tmp_path / "token", tmp_path / "password"
    token.write_text("tok-from-file\n")
    password.write_text("pw from file")
    (tmp_path / "empty").write_text("\n")
    with local_server() as server:
        by_token = run(
            "clients", "state", "a", "--token-file", str(token), "--url", server.base_url
        )
        by_password = run(
            "clients",
            "state",
            "a",
            "--username",
            "ops",
            "--password-file",
            str(password),
            "--url",
            server.base_url,
        )
        empty = run(
            "clients",
            "state",
            "a",
            "--token-file",
            str(tmp_path / "empty"),
            "--url",
            server.base_url,
        )
    assert by_token.returncode == by_password.returncode == 0
    assert _authorization(server) == ["Bearer tok-from-file", _basic("ops", "pw from file")]
    assert empty.returncode == 2
    assert "is empty" in empty.stderr


@pytest.mark.slow
def test_password_prompt_on_a_terminal() -> None:
    with local_server() as server:
        code, shown = run_on_terminal(
            "clients",
            "state",
            "a",
            "--username",
            "ops",
            "--url",
            server.base_url,
            answer=(b"Password for ops", b"hunter2\n"),
        )
    assert code == 0, shown
    assert "a: connected" in shown
    assert "hunter2" not in shown  # not echoed
    assert _authorization(server) == [_basic("ops", "hunter2")]


def test_mutual_tls(tmp_path: Path) -> None:
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    ca.configure_trust(context)
    context.verify_mode = ssl.CERT_REQUIRED
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    client = ca.issue_cert("ops@example.com")
    client.cert_chain_pems[0].write_to_path(str(tmp_path / "cert.pem"))
    client.private_key_pem.write_to_path(str(tmp_path / "key.pem"))
    tls = ["--ca-file", str(tmp_path / "ca.pem")]
    with local_server(tls=context) as server:
        with_cert = run(
            "clients",
            "state",
            "a",
            *tls,
            "--client-cert",
            str(tmp_path / "cert.pem"),
            "--client-key",
            str(tmp_path / "key.pem"),
            "--url",
            server.base_url,
        )
        without = run("clients", "state", "a", *tls, "--url", server.base_url)
    assert with_cert.returncode == 0, with_cert.stderr
    assert without.returncode == 3


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "0", "-1", "ten"])
def test_bad_timeouts_are_usage_errors(value: str) -> None:
    result = run("clients", "state", "a", "--timeout", value, "--url", "http://127.0.0.1:9")
    assert result.returncode == 2
    assert "--timeout" in result.stderr
    assert "seconds" in result.stderr


def test_timeout_reaches_the_client() -> None:
    with local_server(never_answers) as server:
        result = run(
            "clients",
            "state",
            "a",
            "--timeout",
            "0.2",
            "--max-attempts",
            "1",
            "--url",
            server.base_url,
        )
    assert result.returncode == 3
    assert len(server.seen) == 1


def _unavailable_first(times: int) -> Behaviour:
    answered: dict[str, int] = {}

    def api(method: str, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        answered[path] = answered.get(path, 0) + 1
        if answered[path] <= times:
            return 503, {"Retry-After": "0"}, b""
        body = json.dumps({"connection": {"connected": True}}).encode()
        return 200, {"Content-Type": "application/json"}, body

    return api


@pytest.mark.slow
def test_retries_are_visible_on_a_terminal_and_with_debug() -> None:
    with local_server(_unavailable_first(2)) as server:
        url = ["--url", server.base_url]
        piped = run("clients", "state", "a", *url)
        terminal = run_process("clients", "state", "b", *url, env={"FORCE_COLOR": "1"})
        debug = run("clients", "state", "c", *url, "--debug")
        once = run("clients", "state", "d", *url, "--max-attempts", "1")
    assert piped.returncode == terminal.returncode == debug.returncode == 0
    assert piped.stderr == ""
    notices = [line for line in terminal.stderr.splitlines() if "retrying" in line]
    assert len(notices) == 1
    assert "GET /api/v1/mqtt/clients/b/connection: HTTP 503; attempt 2 of 4" in notices[0]
    assert "attempt 2 of 4" in debug.stderr
    assert "attempt 3 of 4" in debug.stderr
    assert once.returncode == 7
    assert sum(path.endswith("/d/connection") for _, path, _ in server.seen) == 1


def test_profile_paths_are_relative_to_the_profile_file(tmp_path: Path) -> None:
    with local_server() as server:
        env = _profile_file(
            tmp_path,
            f'[default]\nurl = "{server.base_url}"\ntoken_file = "token"\ninsecure = true\n',
            0o644,  # no secret in the file itself
        )
        (tmp_path / "config" / "hivemq-rest" / "token").write_text("tok-relative\n")
        result = run("clients", "state", "a", env=env)
    assert result.returncode == 0, result.stderr
    assert "verification is off" in result.stderr
    assert _authorization(server) == ["Bearer tok-relative"]
