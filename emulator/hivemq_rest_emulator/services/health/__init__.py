"""The Health API: statuses the admin API sets, on a listener of its own (``--health-port``)."""

from .listener import HealthListener, health_operations
from .service import HealthService

__all__ = ["HealthListener", "HealthService", "health_operations"]
