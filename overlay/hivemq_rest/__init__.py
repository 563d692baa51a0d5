"""hivemq_rest: the Python client for the HiveMQ broker's REST API."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hivemq-rest-client")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = ["__version__"]
