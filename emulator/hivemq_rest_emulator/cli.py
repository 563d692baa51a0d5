"""The ``hivemq-emulator`` command.

``hivemq-emulator serve [--host 127.0.0.1] [--port 8888] [--sessions N] [--seed S]``
serves the emulator with ``N`` seeded sessions until SIGINT or SIGTERM. Once it
accepts connections it prints exactly one line, ``listening on http://HOST:PORT``
(with the real port when ``--port 0`` asked for a free one), and flushes stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import sys
from collections.abc import Sequence

from ._app import create_app
from ._seed import seed_sessions
from ._server import LOOPBACK, serve
from ._store import SessionStore


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hivemq-emulator",
        description="A stateful emulator of the HiveMQ REST API's MQTT Clients endpoints.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve_cmd = commands.add_parser("serve", help="serve the emulator over HTTP")
    serve_cmd.add_argument(
        "--host", default=LOOPBACK, help="address to bind (default: %(default)s)"
    )
    serve_cmd.add_argument(
        "--port", type=int, default=8888, help="port; 0 picks a free one (default: %(default)s)"
    )
    serve_cmd.add_argument(
        "--sessions", type=int, default=0, metavar="N", help="seeded sessions (default: 0)"
    )
    serve_cmd.add_argument("--seed", type=int, default=0, metavar="S", help="seed (default: 0)")
    serve_cmd.add_argument(
        "--log-level",
        default="warning",
        choices=["critical", "error", "warning", "info", "debug"],
        help="uvicorn's log level (default: %(default)s)",
    )
    serve_cmd.add_argument("--access-log", action="store_true", help="log every request")
    return parser


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _ready(url: str) -> None:
    print(f"listening on {url}", flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    if not 0 <= args.port <= 65_535:
        print("error: --port must be between 0 and 65535", file=sys.stderr)
        return 2
    if args.sessions < 0:
        print("error: --sessions must not be negative", file=sys.stderr)
        return 2
    if not _is_loopback(args.host):
        print(
            f"warning: serving on {args.host} without authentication: other machines may reach it",
            file=sys.stderr,
        )
    store = SessionStore()
    seed_sessions(store, args.sessions, args.seed)
    app = create_app(store)
    try:
        asyncio.run(
            serve(
                app,
                args.host,
                args.port,
                on_ready=_ready,
                log_level=args.log_level,
                access_log=args.access_log,
            )
        )
    except OSError as exc:
        print(f"error: cannot serve on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
