"""Types shared by the generated models and endpoints."""

import datetime
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, TypeVar

from attrs import define


def secret_repr(value: object) -> str:
    """How repr() shows a credential: whether there is one, never what it is."""
    if value is None:
        return repr(value)
    return "***"


# What httpx accepts as the files of a multipart request.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    tuple[str | None, FileContent, str | None]
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """A file to upload in a multipart request."""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """The (name, content, type) tuple that httpx expects."""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response of an endpoint: status, raw body, headers and the parsed body."""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


def format_datetime(value: datetime.datetime) -> str:
    """Write a datetime as the broker does: an ISO-8601 instant.

    The broker (Java) writes UTC instants with a trailing "Z" and the fraction
    of a second in groups of three digits, left out when it is zero, e.g.
    "2020-07-20T14:59:50.580Z". Writing them back the same way means a body
    read with from_dict() comes out of to_dict() unchanged. A naive datetime or
    one with another offset is written by datetime.isoformat().
    """
    if value.utcoffset() != datetime.timedelta(0):
        return value.isoformat()
    seconds = value.replace(tzinfo=None, microsecond=0).isoformat()
    micro = value.microsecond
    if micro == 0:
        fraction = ""
    elif micro % 1000 == 0:
        fraction = f".{micro // 1000:03d}"
    else:
        fraction = f".{micro:06d}"
    return f"{seconds}{fraction}Z"


__all__ = [
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "format_datetime",
    "secret_repr",
]
