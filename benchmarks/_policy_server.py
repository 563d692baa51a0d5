"""A static server of data-policy list pages, for the Data Hub listing benchmark.

``python -m benchmarks._policy_server --policies 5000`` renders every page
once (for each page size asked for, on first use) and then only writes bytes:
the server's own cost stays out of the way, and the benchmark needs no
emulator. It prints ``listening on http://127.0.0.1:PORT`` and serves until
it is terminated. The cursor is the index of the page's first policy.
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from hivemq_rest_generated.operations import GET_ALL_DATA_POLICIES

from ._processes import ModuleServer

PATH = GET_ALL_DATA_POLICIES.path


def policy(number: int) -> dict[str, object]:
    """A data policy as a broker stores it: validation, a pipeline on success and on failure."""
    return {
        "id": f"policy-{number:05d}",
        "createdAt": "2026-01-01T00:00:00.000Z",
        "lastUpdatedAt": "2026-01-02T00:00:00.000Z",
        "matching": {"topicFilter": f"factory/{number}/+/telemetry"},
        "validation": {
            "validators": [
                {
                    "type": "schema",
                    "arguments": {
                        "strategy": "ALL_OF",
                        "schemas": [{"schemaId": "telemetry", "version": "latest"}],
                    },
                }
            ]
        },
        "onSuccess": {
            "pipeline": [
                {
                    "id": "count",
                    "functionId": "Metrics.Counter.increment",
                    "arguments": {"metricName": "valid", "incrementBy": 1},
                }
            ]
        },
        "onFailure": {
            "pipeline": [
                {
                    "id": "log",
                    "functionId": "System.log",
                    "arguments": {"level": "WARN", "message": "${clientId}: ${validationResult}"},
                },
                {"id": "drop", "functionId": "Mqtt.drop", "arguments": {}},
            ]
        },
    }


def make_handler(total: int) -> type[BaseHTTPRequestHandler]:
    """A handler serving ``total`` policies in pages."""

    @cache
    def page(start: int, limit: int) -> bytes:
        body: dict[str, object] = {
            "items": [policy(n) for n in range(start, min(total, start + limit))]
        }
        if start + limit < total:
            body["_links"] = {"next": f"{PATH}?cursor={start + limit}&limit={limit}"}
        return json.dumps(body, separators=(",", ":")).encode()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            query = parse_qs(url.query)
            try:
                limit = int(query.get("limit", ["50"])[0])
                start = int(query.get("cursor", ["0"])[0])
            except ValueError:
                limit = start = -1
            if url.path != PATH or not 10 <= limit <= 500 or not 0 <= start <= total:
                self.send_response(400)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = page(start, limit)
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


class PolicyServerProcess(ModuleServer):
    """The policy server in a process of its own, on 127.0.0.1 and a free port."""

    def __init__(self, policies: int) -> None:
        super().__init__("_policy_server", "--policies", str(policies))
        self.policies = policies


def main(argv: list[str] | None = None) -> int:
    """Serve until terminated."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks._policy_server")
    parser.add_argument("--policies", type=int, required=True)
    args = parser.parse_args(argv)
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(args.policies))
    print(f"listening on http://127.0.0.1:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
