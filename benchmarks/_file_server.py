"""A small HTTP server that serves one backup of a given size, streamed (for the download bench).

``python -m benchmarks._file_server --size BYTES`` prints ``listening on URL``
and answers ``GET /api/v1/management/backups/<id>`` (the backup, COMPLETED,
with its ``bytes``) and ``GET /api/v1/management/files/backups/<id>`` (that
many bytes, with Content-Length, written 1 MiB at a time from one buffer).
"""

from __future__ import annotations

import argparse
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from hivemq_rest_generated.operations import DOWNLOAD_BACKUP_FILE, GET_BACKUP

# The paths' fixed parts, from the spec: "/api/v1/management/backups/" and so on.
BACKUPS = GET_BACKUP.path.partition("{")[0]
FILES = DOWNLOAD_BACKUP_FILE.path.partition("{")[0]
CHUNK = 1024 * 1024


def _handler(size: int) -> type[BaseHTTPRequestHandler]:
    block = bytes(range(256)) * (CHUNK // 256)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            if self.path.startswith(FILES):
                self.send_response(200)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(size))
                self.end_headers()
                left = size
                while left > 0:
                    piece = block if left >= CHUNK else block[:left]
                    self.wfile.write(piece)
                    left -= len(piece)
                return
            if self.path.startswith(BACKUPS):
                backup_id = self.path[len(BACKUPS) :]
                body = {"backup": {"id": backup_id, "state": "COMPLETED", "bytes": size}}
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                return
            self.send_error(404)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


def main(argv: list[str] | None = None) -> int:
    """Serve until killed."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks._file_server")
    parser.add_argument("--size", type=int, required=True, help="the backup's size in bytes")
    args = parser.parse_args(argv)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(args.size))
    print(f"listening on http://127.0.0.1:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
