"""A client library for accessing HiveMQ REST API - MQTT Clients"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
