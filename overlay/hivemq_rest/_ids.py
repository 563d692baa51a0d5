"""Client-id guard: any valid MQTT client id addresses exactly its own session."""

from __future__ import annotations

from hivemq_rest_generated.operations import path_segment

from ._constants import MAX_CLIENT_ID_BYTES
from ._errors import InvalidClientIdError

__all__ = ["client_id_segment", "validate_client_id"]


def validate_client_id(client_id: object) -> str:
    """Return client_id if some MQTT session can have it, else raise InvalidClientIdError.

    Valid: a non-empty str, at most 65,535 bytes of UTF-8, without U+0000 and
    without surrogates. The id is taken literally: "a%2Fb" is the five
    characters a, %, 2, F, b, never "a/b".
    """
    if not isinstance(client_id, str):
        raise InvalidClientIdError(f"a client id is a str, not {type(client_id).__name__}")
    if not client_id:
        raise InvalidClientIdError("a client id cannot be empty")
    if "\x00" in client_id:
        raise InvalidClientIdError("a client id cannot contain U+0000")
    try:
        size = len(client_id.encode("utf-8"))
    except UnicodeEncodeError:
        raise InvalidClientIdError(
            "a client id cannot contain surrogates (U+D800..U+DFFF)"
        ) from None
    if size > MAX_CLIENT_ID_BYTES:
        raise InvalidClientIdError(
            f"a client id is at most {MAX_CLIENT_ID_BYTES} bytes of UTF-8, this one is {size}"
        )
    return client_id


def client_id_segment(client_id: str) -> str:
    """The id as one percent-encoded path segment (RFC 3986), after validating it.

    The encoding is the one every generated request builder uses for every
    path parameter (hivemq_rest_generated.operations.path_segment): all but
    the unreserved characters encoded, "/" and "%" included, and the dots of
    "." or ".." as %2E, since HTTP stacks remove such dot-segments.
    """
    return path_segment(validate_client_id(client_id))
