"""Defaults and limits, in one place."""

from __future__ import annotations

from typing import Final

import httpx
from hivemq_rest_generated.operations import GET_ALL_MQTT_CLIENTS

DEFAULT_BASE_URL: Final = "http://localhost:8888"

# Without a timeout a request may wait forever; an operator's tool must not.
DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=5.0)

# The longest any one wait or timeout may be: a day. Larger numbers help no
# one and overflow the platform's timers (socket timeouts end near 9.2e9 s,
# time.sleep sooner on some systems); refused when a client is created.
MAX_SECONDS: Final = 86_400.0

# The largest response body a client reads (decompressed), unless told otherwise.
DEFAULT_MAX_RESPONSE_BYTES: Final = 64 * 1024 * 1024

# Page sizes the server accepts for the client listing: the bounds of the
# limit parameter in openapi.yaml.
_PAGE_SIZES: Final = GET_ALL_MQTT_CLIENTS.parameter("limit").integer_range()
MIN_PAGE_SIZE: Final = _PAGE_SIZES[0]
MAX_PAGE_SIZE: Final = _PAGE_SIZES[1]

# MQTT 3.1.1/5 §3.1.3.1: a client id is UTF-8 of at most 65,535 bytes.
MAX_CLIENT_ID_BYTES: Final = 65_535

# Statuses worth another attempt: the request was not acted on.
RETRY_STATUSES: Final = frozenset({429, 502, 503, 504})
# Methods that may be sent again whatever became of an earlier attempt (RFC 9110 §9.2.2).
IDEMPOTENT_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
# The statuses after which any request, even a POST, may be sent again: the
# server says it did nothing. A gateway's 502 or 504 does not say so.
NOTHING_DONE_STATUSES: Final = frozenset({429, 503})
DEFAULT_MAX_ATTEMPTS: Final = 4
DEFAULT_BACKOFF_BASE: Final = 0.25
DEFAULT_BACKOFF_CAP: Final = 8.0
DEFAULT_RETRY_AFTER_CAP: Final = 60.0

# How often a listing may start again after its cursor expired.
DEFAULT_MAX_LISTING_RESTARTS: Final = 3

# A listing ends with UnexpectedResponseError on the 100th page in a row that
# holds no id but links to a next page (a server going round with fresh
# cursors), and on a cursor of more than 4096 characters: percent-encoded
# (at most 12 characters for one) it still fits a URL httpx sends (65,536).
MAX_EMPTY_PAGES: Final = 100
MAX_CURSOR_CHARS: Final = 4096
# How much of a cursor an error message quotes.
CURSOR_EXCERPT_CHARS: Final = 16

# How deep an answer's JSON may nest (objects and arrays), counted where it
# is parsed: the API's documents nest a few levels; a 600-deep one would make
# RecursionError of whatever walks it later (to_dict, an export, --json).
MAX_JSON_DEPTH: Final = 100

# How much of a body an error message quotes.
BODY_EXCERPT_CHARS: Final = 200
