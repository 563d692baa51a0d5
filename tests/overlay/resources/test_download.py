"""Streaming downloads over real sockets: whole files or nothing, sizes checked, retries bounded."""

from __future__ import annotations

import io
import json
import os
import pickle
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import httpx
import pytest
from hivemq_rest import (
    APITimeoutError,
    ClientClosedError,
    DownloadError,
    HiveMQClient,
    NotFoundError,
    RetryPolicy,
    ServiceUnavailableError,
)
from hivemq_rest._download import not_a_file
from hivemq_rest._operations import Call

from .clients import KINDS, NO_WAIT, ONCE, run
from .stream_server import Step, answer, head, stream_server

FILE = bytes(range(256)) * 400  # 100 KiB, every byte value
BACKUP_PATH = "/api/v1/management/backups/b1"
FILE_PATH = "/api/v1/management/files/backups/b1"
TRACE_FILE_PATH = "/api/v1/management/files/trace-recordings/rec-1"


def backup_meta(size: int | None) -> list[Step]:
    body = {"backup": {"id": "b1", "state": "COMPLETED", "bytes": size}}
    return answer(200, json.dumps(body).encode(), **{"Content-Type": "application/json"})


def serve_backup(file_steps: Iterable[Step], size: int | None = len(FILE)) -> Any:
    """A server with backup b1 of ``size`` bytes whose file answer is ``file_steps``."""
    steps = list(file_steps)

    def script(method: str, target: str, headers: dict[str, str]) -> list[Step]:
        return backup_meta(size) if target == BACKUP_PATH else steps

    return stream_server(script)


def whole_file(body: bytes = FILE, headers: dict[str, str] | None = None) -> list[Step]:
    return answer(200, body, **{"Content-Type": "application/octet-stream", **(headers or {})})


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


@pytest.mark.parametrize("kind", KINDS)
def test_a_backup_is_written_whole_with_mode_0600_and_progress(kind: str, tmp_path: Path) -> None:
    target = tmp_path / "backup.bin"
    seen: list[tuple[int, int | None]] = []
    with serve_backup(whole_file()) as server:
        written = run(
            kind,
            server.base_url,
            lambda h: h.backups.download("b1", target, lambda n, total: seen.append((n, total))),
            token="secret",
        )
        requests = server.seen
    assert written == len(FILE)
    assert target.read_bytes() == FILE
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert leftovers(tmp_path) == ["backup.bin"]
    assert seen[-1] == (len(FILE), len(FILE))
    assert [n for n, _ in seen] == sorted({n for n, _ in seen})  # growing, no repeats
    [(_, meta, _), (_, file_target, file_headers)] = requests
    assert (meta, file_target) == (BACKUP_PATH, FILE_PATH)
    assert file_headers["authorization"] == "Bearer secret"
    assert file_headers["accept-encoding"] == "identity"
    assert file_headers["accept"].startswith("application/octet-stream")


@pytest.mark.parametrize("kind", KINDS)
def test_a_file_object_gets_the_bytes(kind: str) -> None:
    sink = io.BytesIO()
    with stream_server(lambda m, t, h: whole_file()) as server:
        written = run(kind, server.base_url, lambda h: h.trace_recordings.download("rec-1", sink))
        assert server.targets() == [f"GET {TRACE_FILE_PATH}"]
    assert written == len(FILE)
    assert sink.getvalue() == FILE


@pytest.mark.parametrize("kind", KINDS)
def test_max_response_bytes_does_not_apply_to_downloads(kind: str, tmp_path: Path) -> None:
    target = tmp_path / "rec.zip"
    with stream_server(lambda m, t, h: whole_file()) as server:
        run(
            kind,
            server.base_url,
            lambda h: h.trace_recordings.download("rec-1", target),
            max_response_bytes=1024,
        )
    assert target.read_bytes() == FILE


def _failed_download(kind: str, steps: list[Step], tmp_path: Path, **settings: Any) -> Any:
    """Download into a path that holds an older file; it must survive the failure."""
    target = tmp_path / "backup.bin"
    target.write_bytes(b"the previous backup")
    with serve_backup(steps) as server, pytest.raises(Exception) as caught:  # noqa: PT011
        run(kind, server.base_url, lambda h: h.backups.download("b1", target), **settings)
    assert target.read_bytes() == b"the previous backup"
    assert leftovers(tmp_path) == ["backup.bin"]
    return caught.value, server


@pytest.mark.parametrize("kind", KINDS)
def test_content_length_other_than_the_backups_bytes_is_refused(kind: str, tmp_path: Path) -> None:
    error, _ = _failed_download(kind, whole_file(FILE[:-1]), tmp_path)
    assert isinstance(error, DownloadError)
    assert error.received == 0
    assert error.expected == len(FILE)


@pytest.mark.parametrize("kind", KINDS)
def test_more_bytes_than_the_backup_has_are_refused(kind: str, tmp_path: Path) -> None:
    # No Content-Length: the body runs until the connection closes.
    steps: list[Step] = [head(200, {}), FILE, b"extra"]
    error, _ = _failed_download(kind, steps, tmp_path)
    assert isinstance(error, DownloadError)
    assert error.received <= len(FILE)
    assert "more than" in str(error)


@pytest.mark.parametrize("kind", KINDS)
def test_a_body_cut_short_is_an_error_and_not_retried(kind: str, tmp_path: Path) -> None:
    steps: list[Step] = [head(200, {"Content-Length": str(len(FILE))}), FILE[:5000]]
    error, server = _failed_download(kind, steps, tmp_path, retry=NO_WAIT)
    assert isinstance(error, DownloadError)
    assert 0 < error.received <= 5000
    assert server.targets().count(f"GET {FILE_PATH}") == 1


@pytest.mark.parametrize("kind", KINDS)
def test_a_body_shorter_than_the_backups_bytes_is_an_error(kind: str, tmp_path: Path) -> None:
    steps: list[Step] = [head(200, {}), FILE[:-10]]  # ends cleanly, too soon
    error, _ = _failed_download(kind, steps, tmp_path)
    assert isinstance(error, DownloadError)
    assert "ended after" in str(error)


@pytest.mark.parametrize("kind", KINDS)
def test_an_encoded_body_is_refused(kind: str, tmp_path: Path) -> None:
    error, _ = _failed_download(kind, whole_file(headers={"Content-Encoding": "gzip"}), tmp_path)
    assert isinstance(error, DownloadError)
    assert "encoded" in str(error)


@pytest.mark.parametrize("kind", KINDS)
def test_an_error_status_is_its_typed_error(kind: str, tmp_path: Path) -> None:
    body = json.dumps({"errors": [{"title": "Backup not found"}]}).encode()
    error, _ = _failed_download(kind, answer(404, body), tmp_path)
    assert isinstance(error, NotFoundError)
    assert error.title == "Backup not found"


@pytest.mark.parametrize("kind", KINDS)
def test_failures_before_the_first_body_byte_are_retried(kind: str, tmp_path: Path) -> None:
    target = tmp_path / "rec.zip"
    answers = iter([[], answer(503, b""), whole_file()])  # dropped, busy, then the file
    with stream_server(lambda m, t, h: next(answers)) as server:
        run(
            kind,
            server.base_url,
            lambda h: h.trace_recordings.download("rec-1", target),
            retry=NO_WAIT,
        )
        assert len(server.seen) == 3
    assert target.read_bytes() == FILE


@pytest.mark.parametrize("kind", KINDS)
def test_retries_end_in_the_typed_error(kind: str, tmp_path: Path) -> None:
    with stream_server(lambda m, t, h: answer(503, b"")) as server:
        with pytest.raises(ServiceUnavailableError):
            run(
                kind,
                server.base_url,
                lambda h: h.trace_recordings.download("rec-1", tmp_path / "x"),
                retry=NO_WAIT,
            )
        assert len(server.seen) == NO_WAIT.max_attempts
    assert leftovers(tmp_path) == []


def _paced(parts: int, pause: float) -> list[Step]:
    piece = len(FILE) // parts
    steps: list[Step] = [head(200, {"Content-Length": str(piece * parts)})]
    for index in range(parts):
        steps += [pause, FILE[index * piece : (index + 1) * piece]]
    return steps


@pytest.mark.parametrize("kind", KINDS)
def test_a_download_longer_than_timeout_that_keeps_moving_completes(
    kind: str, tmp_path: Path
) -> None:
    # Six gaps of 0.125 s: 0.75 s in all, over the 0.5 s timeout, no gap near it.
    steps = _paced(6, 0.125)
    target = tmp_path / "rec.zip"
    settings: dict[str, Any] = {"timeout": 0.5, "retry": ONCE}
    with stream_server(lambda m, t, h: steps) as server:
        run(
            kind,
            server.base_url,
            lambda h: h.trace_recordings.download("rec-1", target),
            **settings,
        )
        # The same answer to a normal request breaks its whole-attempt deadline.
        with pytest.raises(APITimeoutError):
            run(kind, server.base_url, lambda h: h._send(Call("GET", "/x")), **settings)
    assert target.read_bytes() == FILE[: len(FILE) // 6 * 6]


@pytest.mark.parametrize("kind", KINDS)
def test_a_stall_longer_than_timeout_mid_body_fails(kind: str, tmp_path: Path) -> None:
    steps: list[Step] = [head(200, {"Content-Length": str(len(FILE))}), FILE[:1000], 3.0]
    error, server = _failed_download(kind, steps, tmp_path, timeout=0.5, retry=NO_WAIT)
    assert isinstance(error, DownloadError)
    assert error.received == 1000
    assert isinstance(error.__cause__, httpx.TimeoutException)
    assert server.targets().count(f"GET {FILE_PATH}") == 1


@pytest.mark.parametrize("kind", KINDS)
def test_no_answer_within_timeout_is_a_timeout(kind: str, tmp_path: Path) -> None:
    with stream_server(lambda m, t, h: [3.0]) as server:
        with pytest.raises(APITimeoutError):
            run(
                kind,
                server.base_url,
                lambda h: h.trace_recordings.download("rec-1", tmp_path / "x"),
                timeout=0.5,
                retry=RetryPolicy(max_attempts=2, backoff_base=0),
            )
        assert len(server.seen) == 2
    assert leftovers(tmp_path) == []


def test_a_directory_or_a_missing_one_is_refused_before_sending(tmp_path: Path) -> None:
    with stream_server(lambda m, t, h: whole_file()) as server:
        with pytest.raises(IsADirectoryError):
            run("sync", server.base_url, lambda h: h.trace_recordings.download("rec-1", tmp_path))
        with pytest.raises(FileNotFoundError):
            run(
                "sync",
                server.base_url,
                lambda h: h.trace_recordings.download("rec-1", tmp_path / "no" / "x"),
            )
        with pytest.raises(TypeError):
            run("sync", server.base_url, lambda h: h.trace_recordings.download("rec-1", 42))
        assert server.seen == []


def _special(kind: str, path: Path) -> None:
    """Make ``path`` a file system entry of ``kind`` that is not a regular file."""
    real = path.parent / "real"
    real.write_bytes(b"keep")
    if kind == "a FIFO":
        os.mkfifo(path)
    elif kind == "link":
        path.symlink_to(real)
    elif kind == "dangling link":
        path.symlink_to(path.parent / "nowhere")
    else:
        path.symlink_to(path.parent)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("entry", ["a FIFO", "link", "dangling link", "link to a directory"])
@pytest.mark.parametrize("family", ["backups", "trace_recordings"])
def test_a_link_or_fifo_at_the_path_is_refused_before_sending(
    kind: str, entry: str, family: str, tmp_path: Path
) -> None:
    target = tmp_path / "out"
    _special(entry, target)
    before = os.lstat(target)
    shown = "a FIFO" if entry == "a FIFO" else "a symbolic link"
    with serve_backup(whole_file()) as server:
        with pytest.raises(FileExistsError, match=f"is {shown}, and a download replaces only"):
            run(kind, server.base_url, lambda h: getattr(h, family).download("b1", target))
        assert server.seen == []
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    assert (tmp_path / "real").read_bytes() == b"keep"
    assert leftovers(tmp_path) == ["out", "real"]


def test_what_is_not_a_regular_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "file").write_bytes(b"")
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "link").symlink_to(tmp_path / "file")
    assert not_a_file(tmp_path / "missing") is None
    assert not_a_file(tmp_path / "file") is None
    assert not_a_file(tmp_path / "fifo") == "a FIFO"
    assert not_a_file(tmp_path / "link") == "a symbolic link"
    assert not_a_file(tmp_path) == "a directory"
    assert not_a_file("/dev/null") == "a device"  # lstat only: nothing is written


@pytest.mark.parametrize("kind", KINDS)
def test_a_regular_file_at_the_path_is_replaced(kind: str, tmp_path: Path) -> None:
    target = tmp_path / "backup.bin"
    target.write_bytes(b"old")
    with serve_backup(whole_file()) as server:
        run(kind, server.base_url, lambda h: h.backups.download("b1", target))
    assert target.read_bytes() == FILE
    assert leftovers(tmp_path) == ["backup.bin"]


def test_a_failing_write_is_a_download_error(tmp_path: Path) -> None:
    class Full(io.RawIOBase):
        def write(self, data: Any) -> int:
            raise OSError(28, "No space left on device")

    with stream_server(lambda m, t, h: whole_file()) as server, pytest.raises(DownloadError):
        run("sync", server.base_url, lambda h: h.trace_recordings.download("rec-1", Full()))
    assert os.listdir(tmp_path) == []


def test_a_file_larger_than_the_writeback_step_is_written_exactly(tmp_path: Path) -> None:
    # Over 16 MiB, writing to disk is started as the bytes come (posix_fadvise).
    big = FILE * 400  # 40 MiB
    target = tmp_path / "big.bin"
    with stream_server(lambda m, t, h: whole_file(big)) as server:
        run("sync", server.base_url, lambda h: h.trace_recordings.download("rec-1", target))
    assert target.read_bytes() == big


@pytest.mark.parametrize("kind", KINDS)
def test_a_negative_backup_size_is_refused_before_the_file_is_asked_for(
    kind: str, tmp_path: Path
) -> None:
    target = tmp_path / "backup.bin"
    with serve_backup(whole_file(), size=-1) as server:
        with pytest.raises(DownloadError, match="size is -1"):
            run(kind, server.base_url, lambda h: h.backups.download("b1", target))
        assert server.targets() == [f"GET {BACKUP_PATH}"]
    assert leftovers(tmp_path) == []


def test_a_download_error_survives_pickling() -> None:
    error = DownloadError("short", received=3, expected=9)
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy), copy.received, copy.expected) == (DownloadError, "short", 3, 9)


def test_a_closed_client_leaves_no_temporary_file(tmp_path: Path) -> None:
    with stream_server(lambda m, t, h: whole_file()) as server:
        hivemq = HiveMQClient(server.base_url)
        hivemq.close()
        with pytest.raises(ClientClosedError):
            hivemq.trace_recordings.download("rec-1", tmp_path / "rec.zip")
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", ["b" * 255, "é" * 127, "x" * 241])
def test_a_target_whose_name_fills_the_limit_is_downloaded(
    kind: str, name: str, tmp_path: Path
) -> None:
    """The temporary name beside it is cut to fit: any name that fits the target works."""
    target = tmp_path / name
    with serve_backup(whole_file()) as server:
        run(kind, server.base_url, lambda h: h.backups.download("b1", target))
    assert target.read_bytes() == FILE
    assert leftovers(tmp_path) == [name]
