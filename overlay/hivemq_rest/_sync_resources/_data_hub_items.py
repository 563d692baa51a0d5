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
    send and answer), and ``_partial``, the item with only the fields asked
    for (what list and get answer); ``_noun`` and ``_plural`` name the item
    in error messages.
    """

    _model: type[_Full]
    _partial: type[_Partial]
    _noun: str
    _plural: str

    def __init__(self, client: SyncAPI) -> None:
        self._client = client

    def _list(
        self, request: PageRequest, options: CallOptions, *, paged: bool = True
    ) -> Listing[_Partial]:
        """Every item of every page (``paged=False``: of the one answer) of request."""
        request(None)  # checks every argument now, before the first page is asked for
        partial, plural = self._partial, self._plural
        return Listing(
            self._client,
            request,
            lambda response: dh.parse_page(response, partial, plural),
            options,
            paged=paged,
        )

    def _get(self, request: api.Request, options: CallOptions) -> _Partial:
        """The answer to request (a get) as the partial model."""
        response = self._client._send(op.call_for(request), options)
        return dh.parse_model(response, self._partial, self._noun)

    def _etag(self, request: api.Request, options: CallOptions) -> str | None:
        """The ETag header of the answer to request (a get), None if it has none."""
        response = self._client._send(op.call_for(request), options)
        etag: str | None = response.headers.get("ETag")
        return etag

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
