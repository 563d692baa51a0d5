"""The installed distribution's version (spec version plus client revision)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hivemq-rest-client")
except PackageNotFoundError:  # a source tree that is not installed
    __version__ = "0+unknown"
