"""What the four Data Hub namespaces share: sending their requests, and reading the answers.

Made by scripts/generate.py from _async_resources/_data_hub_items.py (see scripts/_unasync.py);
do not edit: change _async_resources/_data_hub_items.py and regenerate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

from hivemq_rest_generated import operations as api

from .. import _data_hub as dh
from .. import _operations as op
from .._call_options import CallOptions
from .._errors import BadRequestError
from ._pages import Listing, PageRequest

if TYPE_CHECKING:
    from .._sync_api import SyncAPI

__all__ = ["DataHubItems"]

_Full = TypeVar("_Full", bound=dh.Model)
_Partial = TypeVar("_Partial", bound=dh.Model)


class DataHubItems(Generic[_Full, _Partial]):
    """The namespace of one kind of Data Hub item, generic over its two models.

    A subclass sets them: ``_model``, the whole item (what create and update
    send and answer, and list and get without ``fields``), and ``_partial``,
    the item with only the fields asked for (list and get with ``fields``);
    ``_noun`` and ``_plural`` name the item in error messages.
    """

    _model: type[_Full]
    _partial: type[_Partial]
    _noun: str
    _plural: str

    def __init__(self, client: SyncAPI) -> None:
        self._client = client

    def _answer_model(self, fields: str | None) -> type[_Full] | type[_Partial]:
        """What list and get answer: the whole item, or the partial one when fields were asked."""
        return self._model if fields is None else self._partial

    def _list(
        self,
        request: PageRequest,
        fields: str | None,
        options: CallOptions,
        *,
        paged: bool = True,
    ) -> Listing[_Full | _Partial]:
        """Every item of every page (``paged=False``: of the one answer) of request."""
        request(None)  # checks every argument now, before the first page is asked for
        model, plural, noun = self._answer_model(fields), self._plural, self._noun
        return Listing(
            self._client,
            request,
            lambda response: dh.parse_page(response, model, plural, noun),
            options,
            paged=paged,
        )

    def _get(
        self, request: api.Request, fields: str | None, options: CallOptions
    ) -> _Full | _Partial:
        """The answer to request (a get): the whole item, or the partial one with fields."""
        response = self._client._send(op.call_for(request), options)
        return dh.parse_model(response, self._answer_model(fields), self._noun)

    def _etag(self, request: api.Request, options: CallOptions) -> str | None:
        """The ETag header of the answer to request (a get), None if it has none.

        Its bytes as latin-1 text, whatever they are (RFC 9110 allows obs-text,
        0x80-0xFF): ``if_match`` sends exactly those bytes back.
        """
        response = self._client._send(op.call_for(request), options)
        for name, value in response.headers.raw:
            if name.lower() == b"etag":
                return value.decode("latin-1")
        return None

    def _checked(self, item: _Full) -> _Full:
        """item, once known to be a ``_model`` (TypeError otherwise: it is sent as one)."""
        if not isinstance(item, self._model):
            raise TypeError(
                f"{self._noun} must be a {self._model.__name__}, not {type(item).__name__}"
            )
        return item

    def _create(self, request: api.Request, options: CallOptions) -> _Full:
        """The stored item. AlreadyPresentError: a schema or script that is its latest version."""
        try:
            response = self._client._send(op.call_for(request), options)
        except BadRequestError as error:
            refined = dh.already_present(error)
            if refined is error:
                raise
            raise refined from error
        return dh.parse_model(response, self._model, self._noun)

    def _update(self, request: api.Request, options: CallOptions) -> _Full:
        """The item as stored by request (an update)."""
        response = self._client._send(op.call_for(request), options)
        return dh.parse_model(response, self._model, self._noun)

    def _delete(self, request: api.Request, options: CallOptions) -> None:
        """Send request (a delete); gone after an earlier attempt of it counts as done."""
        self._client._send(op.call_for(request, idempotent_delete=True), options)
