"""The operations.py renderer with the shapes the next operations bring (bodies, headers, files)."""

from __future__ import annotations

import copy
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hivemq_rest_generated.models import Error

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))

from _operations_codegen import SpecError, render_operations, snake_case

TEMPLATES = ROOT / "codegen" / "templates"

SPEC: dict[str, Any] = {
    "paths": {
        "/api/v1/data-hub/things/{thingId}": {
            "parameters": [{"name": "thingId", "in": "path", "schema": {"type": "string"}}],
            "put": {
                "operationId": "updateThing",
                "summary": 'Replace a "thing".',
                "parameters": [
                    {"name": "If-Match", "in": "header", "schema": {"type": "string"}},
                ],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                    },
                },
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/octet-stream": {
                                "schema": {"type": "string", "format": "binary"}
                            }
                        },
                    },
                    "412": {"$ref": "#/components/responses/Failed"},
                },
            },
        },
    },
    "components": {
        "responses": {
            "Failed": {
                "description": "failed",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
            }
        },
    },
}


@pytest.fixture
def package(tmp_path: Path) -> Iterator[str]:
    """A package holding operations.py rendered from SPEC, with the real models."""
    name = "rendered_operations_pkg"
    root = tmp_path / name
    (root / "models").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "models" / "__init__.py").write_text("from hivemq_rest_generated.models import Error\n")
    (root / "operations.py").write_text(render_operations(SPEC, {"Error"}, TEMPLATES))
    sys.path.insert(0, str(tmp_path))
    try:
        yield name
    finally:
        sys.path.remove(str(tmp_path))
        for module in [m for m in sys.modules if m.startswith(name)]:
            del sys.modules[module]


def test_put_with_a_json_body_a_header_and_a_file_answer(package: str) -> None:
    rendered = importlib.import_module(f"{package}.operations")
    operation = rendered.UPDATE_THING
    assert (operation.method, operation.path) == ("PUT", "/api/v1/data-hub/things/{thingId}")
    assert [(a.status, a.content_type, a.model) for a in operation.answers] == [
        (200, "application/octet-stream", None),
        (412, "application/json", Error),
    ]
    request = rendered.update_thing("a/b", body=Error(title="t"), if_match="e")
    assert (request.method, request.target) == ("PUT", "/api/v1/data-hub/things/a%2Fb")
    assert request.headers == (("If-Match", "e"), ("Content-Type", "application/json"))
    assert request.content == b'{"title":"t"}'
    assert rendered.update_thing.__doc__.endswith('(updateThing): Replace a "thing".')


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda op: op["requestBody"]["content"]["application/json"].update(schema={}), "name"),
        (lambda op: op["parameters"][0].update({"in": "cookie"}), "cookie"),
        (lambda op: op["parameters"][0].update(schema={"type": "array"}), "array"),
        (lambda op: op["responses"].update(default={"description": "x"}), "status"),
    ],
)
def test_what_it_cannot_render_is_refused(change: Any, message: str) -> None:
    spec = copy.deepcopy(SPEC)
    change(spec["paths"]["/api/v1/data-hub/things/{thingId}"]["put"])
    with pytest.raises(SpecError, match=message):
        render_operations(spec, {"Error"}, TEMPLATES)


def test_unknown_model_is_refused() -> None:
    with pytest.raises(SpecError, match="no generated model is called Error"):
        render_operations(SPEC, set(), TEMPLATES)


@pytest.mark.parametrize(
    ("name", "python"),
    [("getAllMqttClients", "get_all_mqtt_clients"), ("If-Match", "if_match"), ("ID", "id")],
)
def test_snake_case(name: str, python: str) -> None:
    assert snake_case(name) == python
