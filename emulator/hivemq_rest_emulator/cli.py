"""The ``hivemq-emulator`` command.

``hivemq-emulator serve [--host 127.0.0.1] [--port 8888] [--sessions N] [--seed S]``
serves the emulator with ``N`` seeded sessions until SIGINT or SIGTERM. Once it
accepts connections it prints exactly one line, ``listening on http://HOST:PORT``
(with the real port when ``--port 0`` asked for a free one), and flushes stdout.

``hivemq-emulator serve --mqtt-port 1883 [--mqtt-host 127.0.0.1] ...`` serves
the sessions of a real MQTT broker (amqtt, MQTT 3.1.1) instead, started first
on that port (0: a free one). Once both accept connections it prints the line
above and a second one, ``mqtt listening on mqtt://HOST:PORT``. Seeded
sessions (``--sessions``) need the in-memory store and cannot be combined
with it; ``--mqtt-port`` needs the ``broker`` extra (amqtt).

``hivemq-emulator serve --health-port 8889 ...`` also serves the Health API
on that port (0: a free one) of the same address; it is off unless asked,
as on the broker. Once it accepts connections too, a further line says
``health listening on http://HOST:PORT``. The admin API sets its statuses
(``PUT /_emulator/health``).

Requests whose ``Host`` is not ``localhost``, ``127.0.0.1``, ``[::1]`` or the
address served (with its port), or whose ``Origin`` is another site, are
refused (403); ``--allow-host NAME`` serves more names. Request bodies over
``--max-body-bytes`` are refused (413). A connection that keeps the server
waiting (no complete request header block, or a body that stalls) for
``--idle-timeout`` seconds is closed. The command exits 1 when it cannot
serve (a port in use, say), 2 for bad arguments.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import ipaddress
import math
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ._entry import missing_extra
from .core.app import DEFAULT_MAX_BODY_BYTES, EmulatorApp, create_app
from .core.clock import MAX_DURATION_SECONDS, Clock
from .core.protocol import DEFAULT_IDLE_TIMEOUT, MAX_IDLE_TIMEOUT
from .core.server import LOOPBACK, serve
from .services import DEFAULT_BACKUP_BYTES, DEFAULT_BACKUP_SECONDS, default_services
from .services.backups.handlers import MAX_BACKUP_BYTES
from .services.health import HealthListener, HealthService
from .services.mqtt_clients.backend import SessionBackend
from .services.mqtt_clients.seed import seed_sessions
from .services.mqtt_clients.store import SessionStore

if TYPE_CHECKING:
    from .services.mqtt_clients.broker.backend import BrokerBackend


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hivemq-emulator",
        description="A stateful emulator of the HiveMQ REST API.",
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
    serve_cmd.add_argument(
        "--mqtt-port",
        type=int,
        default=None,
        metavar="PORT",
        help="serve a real MQTT broker's sessions; its MQTT port (0: a free one)",
    )
    serve_cmd.add_argument(
        "--mqtt-host", default=LOOPBACK, help="the MQTT broker's address (default: %(default)s)"
    )
    serve_cmd.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="HOST",
        help="also answer requests for this Host name (repeatable; '*': any). "
        "By default only localhost, 127.0.0.1, [::1] and the address served",
    )
    serve_cmd.add_argument(
        "--max-body-bytes",
        type=int,
        default=DEFAULT_MAX_BODY_BYTES,
        metavar="N",
        help="larger request bodies are refused with 413 (default: %(default)s)",
    )
    serve_cmd.add_argument(
        "--idle-timeout",
        type=float,
        default=DEFAULT_IDLE_TIMEOUT,
        metavar="SECONDS",
        help="close a connection that keeps the server waiting this long: no complete "
        "request headers, or a stalled body (default: %(default)s)",
    )
    serve_cmd.add_argument(
        "--backup-seconds",
        type=float,
        default=DEFAULT_BACKUP_SECONDS,
        metavar="SECONDS",
        help="emulator time a backup or restore takes, at most 10 years (default: %(default)s)",
    )
    serve_cmd.add_argument(
        "--backup-bytes",
        type=int,
        default=DEFAULT_BACKUP_BYTES,
        metavar="N",
        help="size of a backup's file, served streamed; at most 2**63-1 (default: %(default)s)",
    )
    serve_cmd.add_argument(
        "--mqtt-session-expiry",
        type=int,
        default=None,
        metavar="SECONDS",
        help="how long the broker keeps a persistent session offline (default: forever)",
    )
    serve_cmd.add_argument(
        "--health-port",
        type=int,
        default=None,
        metavar="PORT",
        help="also serve the Health API on this port (0: a free one); off unless given",
    )
    return parser


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _error(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def _check(args: argparse.Namespace) -> str | None:
    """What is wrong with the arguments, if anything."""
    if not 0 <= args.port <= 65_535:
        return "--port must be between 0 and 65535"
    if args.sessions < 0:
        return "--sessions must not be negative"
    if args.max_body_bytes < 0:
        return "--max-body-bytes must not be negative"
    if not (math.isfinite(args.idle_timeout) and 0 < args.idle_timeout <= MAX_IDLE_TIMEOUT):
        return f"--idle-timeout must be a number > 0 and <= {MAX_IDLE_TIMEOUT:.0f}"
    if not (
        math.isfinite(args.backup_seconds) and 0 <= args.backup_seconds <= MAX_DURATION_SECONDS
    ):
        return f"--backup-seconds must be a number between 0 and {MAX_DURATION_SECONDS:.0f}"
    if not 0 <= args.backup_bytes <= MAX_BACKUP_BYTES:
        return f"--backup-bytes must be between 0 and {MAX_BACKUP_BYTES}"
    if args.mqtt_port is not None:
        if not 0 <= args.mqtt_port <= 65_535:
            return "--mqtt-port must be between 0 and 65535"
        if args.sessions:
            return "--sessions needs the in-memory store; it cannot be used with --mqtt-port"
    if args.health_port is not None and not 0 <= args.health_port <= 65_535:
        return "--health-port must be between 0 and 65535"
    if args.mqtt_session_expiry is not None:
        if args.mqtt_port is None:
            return "--mqtt-session-expiry needs --mqtt-port"
        if args.mqtt_session_expiry < 0:
            return "--mqtt-session-expiry must not be negative"
    return None


def _warn_if_exposed(host: str, what: str) -> None:
    if not _is_loopback(host):
        print(
            f"warning: serving {what} on {host} without authentication: "
            "other machines may reach it",
            file=sys.stderr,
        )


def _start_broker(args: argparse.Namespace) -> BrokerBackend:
    from .services.mqtt_clients.broker.backend import (
        BrokerBackend,  # needs amqtt, so only when asked for
    )

    broker = BrokerBackend(
        args.mqtt_host, args.mqtt_port, session_expiry_interval=args.mqtt_session_expiry
    )
    return broker.start()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    problem = _check(args)
    if problem is not None:
        return _error(problem)
    _warn_if_exposed(args.host, "the REST API")
    broker: BrokerBackend | None = None
    backend: SessionBackend
    if args.mqtt_port is None:
        store = SessionStore()
        seed_sessions(store, args.sessions, args.seed)
        backend = store
    else:
        _warn_if_exposed(args.mqtt_host, "MQTT")
        try:
            broker = backend = _start_broker(args)
        except ImportError as exc:
            print(missing_extra("hivemq-emulator --mqtt-port", "broker", exc), file=sys.stderr)
            return 1
        except OSError as exc:
            print(
                f"error: cannot serve MQTT on {args.mqtt_host}:{args.mqtt_port}: {exc}",
                file=sys.stderr,
            )
            return 1

    health_urls: list[str] = []

    def ready(url: str) -> None:
        print(f"listening on {url}", flush=True)
        if broker is not None:
            print(f"mqtt listening on mqtt://{_host_port(broker)}", flush=True)
        for health_url in health_urls:
            print(f"health listening on {health_url}", flush=True)

    clock = Clock()
    services = default_services(
        clock, backend, backup_seconds=args.backup_seconds, backup_bytes=args.backup_bytes
    )
    app = create_app(
        backend,
        clock=clock,
        services=services,
        max_body_bytes=args.max_body_bytes,
        allowed_hosts=args.allow_host,
    )
    health = None
    if args.health_port is not None:
        [service] = [s for s in services if isinstance(s, HealthService)]
        health = HealthListener(service, args.allow_host)
    try:
        asyncio.run(_serve_all(app, health, health_urls, args, ready))
    except _HealthPortError as exc:
        print(
            f"error: cannot serve the Health API on {args.host}:{args.health_port}: {exc}",
            file=sys.stderr,
        )
        return 1
    except OSError as exc:
        print(f"error: cannot serve on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        if broker is not None:
            broker.stop()
    return 0


class _HealthPortError(OSError):
    """The Health API's listener could not start (its port is taken, say)."""


async def _serve_all(
    app: EmulatorApp,
    health: HealthListener | None,
    health_urls: list[str],
    args: argparse.Namespace,
    ready: Callable[[str], None],
) -> None:
    """Serve the REST API, and the Health API first when it is asked for.

    Each server catches SIGINT and SIGTERM and passes them on once it has
    stopped, so that the REST API's ending ends the Health API's too.
    """
    served = functools.partial(
        serve,
        log_level=args.log_level,
        access_log=args.access_log,
        idle_timeout=args.idle_timeout,
    )
    if health is None:
        await served(app, args.host, args.port, on_ready=ready)
        return
    started = asyncio.Event()

    def health_ready(url: str) -> None:
        health_urls.append(url)
        started.set()

    health_task = asyncio.ensure_future(
        served(health, args.host, args.health_port, on_ready=health_ready)
    )
    waiting = asyncio.ensure_future(started.wait())
    await asyncio.wait({health_task, waiting}, return_when=asyncio.FIRST_COMPLETED)
    waiting.cancel()
    if health_task.done():
        try:
            health_task.result()
        except OSError as exc:
            raise _HealthPortError(str(exc)) from exc
        raise _HealthPortError("its server stopped before it accepted connections")
    try:
        await served(app, args.host, args.port, on_ready=ready)
    except BaseException:
        health_task.cancel()
        raise
    await health_task


def _host_port(broker: BrokerBackend) -> str:
    host = broker.mqtt_host
    if ":" in host:
        host = f"[{host}]"
    return f"{host}:{broker.mqtt_port}"


if __name__ == "__main__":
    raise SystemExit(main())
