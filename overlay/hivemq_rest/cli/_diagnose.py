"""Telling "no such client" from "this URL is not the HiveMQ REST API"."""

from __future__ import annotations

import httpx
from hivemq_rest_generated.operations import GET_ALL_MQTT_CLIENTS, GET_HEALTH

from .._errors import UNUSABLE_TITLE, APIStatusError, UnexpectedResponseError


def _is_listing(path: str) -> bool:
    return path.partition("?")[0].rstrip("/").endswith(GET_ALL_MQTT_CLIENTS.path)


def _is_health(path: str) -> bool:
    return GET_HEALTH.path in path.partition("?")[0]


def not_the_health_api(error: Exception, health_url: str) -> str | None:
    """A one-line explanation if ``error`` shows ``health_url`` is not the Health API, else None.

    Only for a Health API request whose success answer is no health body.
    """
    if not (
        isinstance(error, UnexpectedResponseError)
        and 200 <= error.status < 300
        and _is_health(error.path)
    ):
        return None
    return (
        f"{health_url} does not answer like the HiveMQ Health API ({error}); "
        f"is {health_url} the Health API's URL?"
    )


def not_the_api(error: Exception, base_url: str) -> str | None:
    """A one-line explanation if ``error`` shows ``base_url`` is not the REST API, else None.

    The listing is never a 404 on a HiveMQ REST API, and a success status
    whose body is not the API's (an HTML page, say) is not the API either.
    """
    if not isinstance(error, APIStatusError) or _is_health(error.path):
        return None  # a Health API request says nothing about the REST API's URL
    if error.status == 404 and _is_listing(error.path):
        pass
    elif not (isinstance(error, UnexpectedResponseError) and 200 <= error.status < 300):
        return None
    elif error.title == UNUSABLE_TITLE:
        return None  # an answer in the API's shape, with an item no JSON can carry
    hint = f"is {base_url} the REST API's base URL?"
    try:
        prefix = httpx.URL(base_url).path.rstrip("/")
    except httpx.InvalidURL:
        prefix = ""
    if prefix.endswith("/api/v1"):
        hint += " (leave out /api/v1: it is added to the base URL)"
    return f"{base_url} does not answer like the HiveMQ REST API ({error}); {hint}"
