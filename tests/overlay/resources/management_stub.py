"""A stateful stub of the backup and trace recording endpoints, for the README's examples.

Until the emulator serves them, the README's examples for these families
run against this (see tests/test_readme.py).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

BACKUP_ID = "20261129-1000001"
BACKUP_FILE = bytes(range(256)) * 1024
TRACE_FILE = b"PK\x05\x06" + b"\x00" * 18  # an empty zip archive
_BACKUPS = "/api/v1/management/backups"
_RECORDINGS = "/api/v1/management/trace-recordings"
_FILES = "/api/v1/management/files"

Answer = tuple[int, dict[str, str], bytes]


def _json(status: int, body: Any) -> Answer:
    return status, {"Content-Type": "application/json"}, json.dumps(body).encode()


class ManagementStub:
    """One backup that completes on its second poll; trace recordings kept by name."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._polls = 0
        self.recordings: dict[str, dict[str, Any]] = {}

    def answer(self, method: str, target: str, body: bytes) -> Answer:
        """The answer to one request."""
        with self._lock:
            return self._answer(method, target, body)

    def _backup(self) -> dict[str, Any]:
        if self._polls < 2:
            return {"id": BACKUP_ID, "state": "IN_PROGRESS"}
        return {"id": BACKUP_ID, "state": "COMPLETED", "bytes": len(BACKUP_FILE)}

    def _answer(self, method: str, target: str, body: bytes) -> Answer:
        if (method, target) == ("POST", _BACKUPS):
            return _json(200, {"backup": self._backup()})
        if (method, target) == ("GET", f"{_BACKUPS}/{BACKUP_ID}"):
            self._polls += 1
            return _json(200, {"backup": self._backup()})
        if (method, target) == ("GET", f"{_FILES}/backups/{BACKUP_ID}"):
            return 200, {"Content-Type": "application/octet-stream"}, BACKUP_FILE
        if (method, target) == ("POST", _RECORDINGS):
            return self._create(json.loads(body)["traceRecording"])
        if (method, target) == ("GET", _RECORDINGS):
            return _json(200, {"items": list(self.recordings.values())})
        name = target.rpartition("/")[2]
        if name not in self.recordings:
            return _json(404, {"errors": [{"title": "Trace recording not found"}]})
        if method == "PATCH":
            self.recordings[name]["state"] = "STOPPED"
            return _json(200, {"traceRecording": self.recordings[name]})
        if method == "DELETE":
            del self.recordings[name]
            return 204, {}, b""
        if target.startswith(f"{_FILES}/trace-recordings/"):
            return 200, {"Content-Type": "application/zip"}, TRACE_FILE
        return _json(405, {"errors": [{"title": "Not stubbed"}]})

    def _create(self, recording: dict[str, Any]) -> Answer:
        if recording["name"] in self.recordings:
            return _json(400, {"errors": [{"title": "Invalid resource"}]})
        recording = {**recording, "state": "SCHEDULED"}
        self.recordings[recording["name"]] = recording
        return _json(201, {"traceRecording": recording})


@contextmanager
def management_stub() -> Iterator[str]:
    """Serve a fresh ManagementStub on 127.0.0.1 (a free port); yields its base URL."""
    stub = ManagementStub()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _any(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            status, headers, data = stub.answer(self.command, self.path, body)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PATCH = do_DELETE = _any  # noqa: N815 -- the names http.server looks up

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
