"""Which requests the emulator answers at all: the ``Host`` and ``Origin`` checks.

The emulator has no authentication, and its admin API can reset or fill it.
A web page the user visits could send it requests (a form, or ``fetch`` with
``mode: "no-cors"``), and DNS rebinding lets a page on ``evil.example`` reach
``127.0.0.1`` under its own name. Both show in the headers: a rebinding request
carries ``Host: evil.example``, a cross-site one an ``Origin`` of another site.
So a request is answered only when its ``Host`` names the address it came to
(``localhost``, ``127.0.0.1``, ``[::1]`` or the server's own address, with the
server's port) or one of the extra ``allowed_hosts`` (any port; ``*`` allows
every host), and when its ``Origin``, if it has one, names such a host too.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.types import Scope

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "[::1]"})
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _split(authority: str, default_port: int | None) -> tuple[str, int | None] | None:
    """``(host, port)`` of ``host[:port]`` (IPv6 in brackets, lower case); None if malformed."""
    authority = authority.strip().lower()
    if authority.startswith("["):
        host, bracket, rest = authority.partition("]")
        if not bracket:
            return None
        host += "]"
    else:
        host, colon, rest = authority.partition(":")
        rest = colon + rest
    if not host:
        return None
    if not rest:
        return host, default_port
    if not rest.startswith(":") or not rest[1:].isdigit() or len(rest) > 6:
        return None
    return host, int(rest[1:])


def _server(scope: Scope) -> tuple[str | None, int | None]:
    """The address the request came to: ``(host, port)``, either None where unknown."""
    server = scope.get("server")
    if not server:
        return None, None
    host = str(server[0]).lower()
    port = None if server[1] is None else int(server[1])
    return (f"[{host}]" if ":" in host else host), port


class HostGuard:
    """The ``Host``/``Origin`` check; ``allowed_hosts`` are extra names, ``*`` is any."""

    def __init__(self, allowed_hosts: Iterable[str] = ()) -> None:
        self.allowed_hosts = frozenset(host.strip().lower() for host in allowed_hosts)

    def _allowed(self, authority: str, default_port: int | None, scope: Scope) -> bool:
        split = _split(authority, default_port)
        if split is None:
            return False
        host, port = split
        if "*" in self.allowed_hosts or host in self.allowed_hosts:
            return True
        server_host, server_port = _server(scope)
        names = LOOPBACK_NAMES if server_host is None else LOOPBACK_NAMES | {server_host}
        # No port known (a Unix socket, an in-process transport): the names alone.
        return host in names and server_port in (None, port)

    def refusal(self, scope: Scope) -> tuple[str, str] | None:
        """``(title, detail)`` of a 403 if the request must not be answered, else None."""
        headers = Headers(scope=scope)
        host = headers.get("host")
        if host is None or not self._allowed(host, 80, scope):
            return (
                "Host not allowed",
                f"The emulator does not serve the host {host!r}; "
                "use its address or start it with --allow-host",
            )
        origin = headers.get("origin")
        if origin is not None:
            parts = urlsplit(origin)
            default = _DEFAULT_PORTS.get(parts.scheme)
            if default is None or not self._allowed(parts.netloc, default, scope):
                return (
                    "Origin not allowed",
                    f"The emulator does not answer requests from the origin {origin!r}",
                )
        return None
