"""List items that parse when first read: a listing pays for JSON, not for models unread.

Parsing a data policy into its generated models costs about five times what
decoding its JSON does (a policy is a dozen nested objects). A list page's
items are therefore instances of a subclass of the model that hold the raw
JSON object and parse it, whole and once, on the first read of any property
(``repr``, ``==`` and ``to_dict`` read them too). They are instances of the
model (``isinstance`` holds), compare equal to an eagerly parsed model of the
same content, and pickle and copy as
the model itself. An item that does not parse raises
UnexpectedResponseError when first read, naming the request it came from.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any, Final, Protocol, Self, TypeVar, cast

import attrs

from ._errors import UnexpectedResponseError

__all__ = ["PARSE_ERRORS", "lazy_items"]

# A body that does not match the models' shapes makes the generated
# from_dict raise one of these; they never reach the caller as such.
PARSE_ERRORS: Final = (KeyError, TypeError, ValueError, AttributeError)


class _Model(Protocol):
    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


_M = TypeVar("_M", bound=_Model)


def _eager(model: type[_M], values: dict[str, Any]) -> _M:
    """An instance of ``model`` holding these property values (unpickling a lazy item)."""
    item = object.__new__(model)
    for name, value in values.items():
        object.__setattr__(item, name, value)
    return item


@functools.cache
def _lazy_class(model: type[Any]) -> type[Any]:
    """The subclass of an attrs model whose instances parse their raw JSON on first read."""
    names = tuple(field.name for field in attrs.fields(model))
    compared = tuple(field.name for field in attrs.fields(model) if field.eq)

    def __getattr__(self: Any, name: str) -> Any:  # noqa: N807 -- Python's hook
        # Called only when normal lookup fails: here, on a slot not filled yet.
        if name not in names:
            raise AttributeError(f"{model.__name__!r} object has no attribute {name!r}")
        raw, method, path = object.__getattribute__(self, "_source")
        try:
            parsed = model.from_dict(raw)
        except PARSE_ERRORS as error:
            raise UnexpectedResponseError(
                status=200,
                title="Malformed response body",
                detail=f"an item of the list does not parse ({error!r})",
                method=method,
                path=path,
            ) from None
        for each in names:
            try:
                object.__getattribute__(self, each)
            except AttributeError:  # not set by the caller before this first read
                object.__setattr__(self, each, getattr(parsed, each))
        return object.__getattribute__(self, name)

    def __eq__(self: Any, other: object) -> bool:  # noqa: N807 -- Python's hook
        # attrs' own __eq__ wants the exact same class on both sides.
        if not isinstance(other, model):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in compared)

    def __reduce__(self: Any) -> tuple[object, ...]:  # noqa: N807 -- Python's hook
        # Pickled and copied as the model itself, with every property read.
        return (_eager, (model, {name: getattr(self, name) for name in names}))

    namespace = {
        "__slots__": ("_source",),
        "__getattr__": __getattr__,
        "__eq__": __eq__,
        "__ne__": lambda self, other: not __eq__(self, other),
        "__hash__": None,
        "__reduce__": __reduce__,
        "__module__": model.__module__,
        "__qualname__": model.__qualname__,
        "__doc__": model.__doc__,
    }
    return type(model.__name__, (model,), namespace)


def lazy_items(model: type[_M], raw: list[dict[str, Any]], method: str, path: str) -> list[_M]:
    """The JSON objects of a page as instances of ``model`` that parse on first read."""
    cls = _lazy_class(model)
    new = object.__new__
    items = []
    for document in raw:
        item = new(cls)
        item._source = (document, method, path)
        items.append(item)
    return cast("list[_M]", items)
