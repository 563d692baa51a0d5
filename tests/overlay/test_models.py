"""hivemq_rest exports every model a user meets, under names that say what they are.

And no type a user reads mentions an "unset" value: the walk goes through
every public method and property of both clients, the namespaces they hand
out, and every attribute of every model they return, recursively.
"""

from __future__ import annotations

import functools
import inspect
import re
import sys
import typing
from collections.abc import Callable

import attrs
import hivemq_rest
import pytest
from hivemq_rest import AsyncHiveMQClient, HiveMQClient
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
            # Named as the method's module names it: hivemq_rest.Health is not the model Health.
            scope = vars(sys.modules[method.__module__])
            found |= {
                name
                for name in _models_named_in(str(annotation))
                if scope.get(name) is getattr(models, name)
            }
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


def _accessors(cls: type) -> list[tuple[str, Callable[..., object]]]:
    """Each public method (every overload too) and property getter of a class."""
    found: list[tuple[str, Callable[..., object]]] = []
    for name, member in inspect.getmembers(cls):
        if name.startswith("_"):
            continue
        if isinstance(member, property) and member.fget is not None:
            found.append((name, member.fget))
        elif isinstance(member, functools.cached_property):
            found.append((name, member.func))
        elif inspect.isfunction(member):
            versions: list[Callable[..., object]] = [*typing.get_overloads(member), member]
            found += [(name, each) for each in versions]
    return found


def _classes_named_in(annotation: str, module: str) -> list[type]:
    """The classes of this project that an annotation (as written) names."""
    scopes = (vars(sys.modules[module]), vars(hivemq_rest), vars(models))
    found = []
    for word in set(re.findall(r"\w+", annotation)):
        for scope in scopes:
            value = scope.get(word)
            if inspect.isclass(value) and value.__module__.startswith(
                ("hivemq_rest.", "hivemq_rest_generated.")
            ):
                found.append(value)
                break
    return found


def _what_a_user_reads() -> dict[str, list[str]]:
    """Every type a user reads from the clients, by where it is ("Class.name")."""
    seen: dict[str, list[str]] = {}
    todo: list[type] = [HiveMQClient, AsyncHiveMQClient]
    done: set[type] = set()
    while todo:
        cls = todo.pop()
        if cls in done:
            continue
        done.add(cls)
        if attrs.has(cls):  # a model: its attributes
            for field in attrs.fields(cls):
                if not field.name.startswith("_"):
                    seen[f"{cls.__name__}.{field.name}"] = [str(field.type)]
                    todo += _classes_named_in(str(field.type), cls.__module__)
            continue
        for name, accessor in _accessors(cls):
            returned = str(inspect.signature(accessor).return_annotation)
            seen.setdefault(f"{cls.__name__}.{name}", []).append(returned)
            todo += _classes_named_in(returned, accessor.__module__)
    return seen


def test_no_type_a_user_reads_mentions_unset() -> None:
    read = _what_a_user_reads()
    # The walk reaches the namespaces, the full and partial models and their insides.
    for where in (
        "Clients.get",
        "AsyncDataPolicies.get",
        "DataPolicy.matching",
        "DataPolicyMatching.topic_filter",
        "PartialDataPolicy.matching",
        "BehaviorPolicyMatching.client_id_regex",
        "Backup.id",
        "TraceRecording.name",
        "ClientSubscription.topic_filter",
        "ConnectionDetails.tls_information",
        "CertificateInformation.common_name",
    ):
        assert where in read, where
    unset = {where: t for where, types in read.items() for t in types if re.search(r"\bUnset\b", t)}
    assert unset == {}
    # get() and list() answer the full model, or the partial one with fields= (overloads).
    assert read["DataPolicies.get"][0] == "DataPolicy"
    assert read["DataPolicies.get"][1] == "PartialDataPolicy"


@pytest.mark.parametrize(
    "where",
    [
        "ClientDetails.id",
        "Client.id",
        "Backup.id",
        "DiagnosticArchive.id",
        "TraceRecording.name",
        "ClientSubscription.topic_filter",
        "DataPolicy.id",
        "BehaviorPolicy.id",
        "Schema.id",
        "Script.id",
        "DataPolicyMatching.topic_filter",
        "BehaviorPolicyMatching.client_id_regex",
    ],
)
def test_what_the_broker_always_answers_is_a_plain_type(where: str) -> None:
    model, name = where.split(".")
    assert str(attrs.fields_dict(getattr(models, model))[name].type) == "str"


def test_data_policy_matching_is_plain_after_get() -> None:
    assert str(attrs.fields_dict(models.DataPolicy)["matching"].type) == "DataPolicyMatching"
    behavior = attrs.fields_dict(models.BehaviorPolicy)["matching"]
    assert str(behavior.type) == "BehaviorPolicyMatching"
