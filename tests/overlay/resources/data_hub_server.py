"""A small stateful Data Hub on 127.0.0.1, for examples that need one until the emulator serves it.

Schemas and scripts keep their versions (a create of the latest again is 400
"... already present"), data policies their ids; the data-policy list pages
with a cursor and filters by ``schemaIds``, and honours ``fields``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from hivemq_rest_generated import operations as api

CREATED_AT = "2026-01-01T00:00:00Z"


class DataHubState:
    """What the server holds."""

    def __init__(self) -> None:
        self.versions: dict[str, dict[str, list[dict[str, Any]]]] = {"schemas": {}, "scripts": {}}
        self.policies: dict[str, dict[str, Any]] = {}
        self.base_url = ""

    def create_version(self, family: str, body: dict[str, Any]) -> tuple[int, Any]:
        versions = self.versions[family].setdefault(body["id"], [])
        plain = {key: value for key, value in body.items() if key not in ("version", "createdAt")}
        if versions and plain == {
            key: value for key, value in versions[-1].items() if key not in ("version", "createdAt")
        }:
            title = "Schema already present" if family == "schemas" else "Script already present"
            return 400, {"errors": [{"title": title, "detail": body["id"]}]}
        stored = {**plain, "version": len(versions) + 1, "createdAt": CREATED_AT}
        versions.append(stored)
        return 201, stored

    def create_policy(self, body: dict[str, Any]) -> tuple[int, Any]:
        if body["id"] in self.policies:
            return 400, {"errors": [{"title": "Policy id already used", "detail": body["id"]}]}
        stored = {**body, "createdAt": CREATED_AT, "lastUpdatedAt": CREATED_AT}
        self.policies[body["id"]] = stored
        return 201, stored

    def list_policies(self, query: dict[str, list[str]]) -> tuple[int, Any]:
        policies = list(self.policies.values())
        if "schemaIds" in query:
            wanted = set(query["schemaIds"][0].split(","))
            policies = [p for p in policies if wanted & set(_schema_ids(p))]
        limit = int(query.get("limit", ["50"])[0])
        start = int(query.get("cursor", ["0"])[0])
        items = policies[start : start + limit]
        if "fields" in query:
            keep = query["fields"][0].split(",")
            items = [{key: value for key, value in p.items() if key in keep} for p in items]
        body: dict[str, Any] = {"items": items}
        if start + limit < len(policies):
            body["_links"] = {"next": f"{api.GET_ALL_DATA_POLICIES.path}?cursor={start + limit}"}
        return 200, body

    def answer(self, method: str, target: str, content: bytes) -> tuple[int, Any]:
        url = urlsplit(target)
        path, query = url.path, parse_qs(url.query)
        for family, operation in (
            ("schemas", api.GET_ALL_SCHEMAS),
            ("scripts", api.GET_ALL_SCRIPTS),
        ):
            if method == "POST" and path == operation.path:
                return self.create_version(family, json.loads(content))
            if method == "GET" and path.startswith(operation.path + "/"):
                versions = self.versions[family].get(unquote(path.rpartition("/")[2]))
                if versions:
                    return 200, versions[-1]
        if path == api.GET_ALL_DATA_POLICIES.path:
            if method == "POST":
                return self.create_policy(json.loads(content))
            if method == "GET":
                return self.list_policies(query)
        return 404, {"errors": [{"title": "Resource not found", "detail": path}]}


def _schema_ids(policy: dict[str, Any]) -> Iterator[str]:
    for validator in (policy.get("validation") or {}).get("validators", []):
        for schema in validator.get("arguments", {}).get("schemas", []):
            yield schema["schemaId"]


@contextmanager
def data_hub_server() -> Iterator[DataHubState]:
    """Serve a fresh Data Hub on 127.0.0.1 (a free port) until the block ends."""
    state = DataHubState()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _any(self) -> None:
            content = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            with lock:
                status, body = state.answer(self.command, self.path, content)
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = _any  # noqa: N815 -- the names http.server looks up

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state.base_url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)
