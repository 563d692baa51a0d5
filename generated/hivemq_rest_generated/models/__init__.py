"""Contains all the data models used in inputs/outputs"""

from .certificate_information import CertificateInformation
from .client import Client
from .client_details import ClientDetails
from .client_item import ClientItem
from .client_list import ClientList
from .client_restrictions import ClientRestrictions
from .client_subscription import ClientSubscription
from .client_subscription_list import ClientSubscriptionList
from .client_subscription_qos import ClientSubscriptionQos
from .client_subscription_retain_handling import ClientSubscriptionRetainHandling
from .connection import Connection
from .connection_details import ConnectionDetails
from .connection_item import ConnectionItem
from .error import Error
from .errors import Errors
from .pagination_cursor import PaginationCursor
from .proxy_information import ProxyInformation
from .tls_information import TlsInformation
from .tlv import TLV

__all__ = (
    "TLV",
    "CertificateInformation",
    "Client",
    "ClientDetails",
    "ClientItem",
    "ClientList",
    "ClientRestrictions",
    "ClientSubscription",
    "ClientSubscriptionList",
    "ClientSubscriptionQos",
    "ClientSubscriptionRetainHandling",
    "Connection",
    "ConnectionDetails",
    "ConnectionItem",
    "Error",
    "Errors",
    "PaginationCursor",
    "ProxyInformation",
    "TlsInformation",
)
