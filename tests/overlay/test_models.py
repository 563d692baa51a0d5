"""hivemq_rest exports every model a user meets, under names that say what they are."""

from __future__ import annotations

import inspect
import re

import attrs
import hivemq_rest
from hivemq_rest import AsyncHiveMQClient, HiveMQClient, Unset, or_none
from hivemq_rest import _transport as transport
from hivemq_rest._operation_map import ALSO_SENDS, OPERATIONS
from hivemq_rest_generated import models


def _models_named_in(annotation: str) -> set[str]:
    return set(re.findall(r"\w+", annotation)) & set(models.__all__)


def _models_a_user_meets() -> set[str]:
    """The models the clients' public methods return, and every model inside them."""
    found: set[str] = set()
    for client in (HiveMQClient(), AsyncHiveMQClient(transport="httpx")):
        for dotted in [*(route.method for route in OPERATIONS.values()), *ALSO_SENDS]:
            method: object = client
            for part in dotted.split("."):
                method = getattr(method, part)
            annotation = inspect.signature(method).return_annotation  # type: ignore[arg-type]
            found |= _models_named_in(str(annotation))
    todo = list(found)
    while todo:
        model = getattr(models, todo.pop())
        if attrs.has(model):
            for field in attrs.fields(model):
                inner = _models_named_in(str(field.type)) - found
                found |= inner
                todo += inner
    return found


def test_every_model_a_user_meets_is_exported() -> None:
    met = _models_a_user_meets()
    assert {"ClientDetails", "ConnectionDetails", "Connection", "ClientSubscription"} <= met
    for name in met:
        assert getattr(hivemq_rest, name) is getattr(models, name), name
        assert name in hivemq_rest.__all__


def test_the_transport_has_no_class_named_like_a_model() -> None:
    classes = {
        name
        for name, value in vars(transport).items()
        if inspect.isclass(value) and value.__module__ == transport.__name__
    }
    assert "TransportOptions" in classes
    assert not classes & set(hivemq_rest.__all__)


def test_or_none() -> None:
    assert or_none(hivemq_rest.UNSET) is None
    assert or_none(None) is None
    assert or_none(0) == 0
    assert or_none(False) is False
    assert isinstance(hivemq_rest.UNSET, Unset)
