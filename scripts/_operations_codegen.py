"""Render hivemq_rest_generated/operations.py from openapi.yaml (a step of generate_into).

openapi-python-client drops what the request builders need most (a
parameter's minimum, maximum and minLength), so this step reads the spec
itself and renders codegen/templates/operations.py.jinja.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
import yaml

_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
_KINDS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
# Spec keyword -> Parameter field, for what a parameter's schema may bound.
_BOUNDS = {
    "default": "default",
    "minimum": "minimum",
    "maximum": "maximum",
    "minLength": "min_length",
    "maxLength": "max_length",
}


class SpecError(ValueError):
    """openapi.yaml uses something this step does not render (yet)."""


def snake_case(name: str) -> str:
    """A name of the spec as a Python name: getAllMqttClients -> get_all_mqtt_clients."""
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    identifier = re.sub(r"\W+", "_", name).strip("_").lower()
    if not identifier.isidentifier() or keyword.iskeyword(identifier):
        raise SpecError(f"{name!r} makes no Python name")
    return identifier


def _docstring(text: str) -> str:
    """text, safe inside a triple-quoted docstring."""
    return " ".join(text.split()).replace("\\", "\\\\").replace('"', '\\"').rstrip(".")


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        ref = str(node["$ref"])
        if not ref.startswith("#/"):
            raise SpecError(f"only local $refs are supported, not {ref}")
        target: Any = spec
        for key in ref[2:].split("/"):
            target = target[key]
        node = target
    return node


def _model(schema: dict[str, Any], models: set[str], where: str) -> str | None:
    """The generated model class of a JSON schema (None: bytes), by its $ref name."""
    ref = schema.get("$ref")
    if ref is None:
        if schema.get("type") == "string" and schema.get("format") == "binary":
            return None
        raise SpecError(f"{where}: give the schema a name under components/schemas")
    name = str(ref).rsplit("/", 1)[-1]
    if name not in models:
        raise SpecError(f"{where}: no generated model is called {name}")
    return name


def _parameter(spec: dict[str, Any], raw: dict[str, Any], where: str) -> dict[str, Any]:
    parameter = _resolve(spec, raw)
    schema = _resolve(spec, parameter.get("schema", {}))
    kind = schema.get("type")
    if kind not in _KINDS:
        raise SpecError(f"{where}: parameter {parameter['name']} has type {kind!r}")
    if parameter["in"] not in ("path", "query", "header"):
        raise SpecError(f"{where}: parameter {parameter['name']} is in {parameter['in']}")
    return {
        "name": parameter["name"],
        "python_name": snake_case(parameter["name"]),
        "location": parameter["in"],
        "kind": kind,
        "annotation": _KINDS[kind],
        "required": bool(parameter.get("required", parameter["in"] == "path")),
        "bounds": [(field, repr(schema[key])) for key, field in _BOUNDS.items() if key in schema],
    }


def _answers(
    spec: dict[str, Any], responses: dict[str, Any], models: set[str], where: str
) -> Iterator[dict[str, Any]]:
    for status, raw in responses.items():
        if not str(status).isdigit():
            raise SpecError(f"{where}: response {status!r} is not a status code")
        content = _resolve(spec, raw).get("content") or {}
        if not content:
            yield {"status": int(status), "content_type": None, "model": None}
        for content_type, media in content.items():
            schema = media.get("schema", {})
            model = _model(schema, models, f"{where} {status} {content_type}")
            if model is not None and "json" not in content_type:
                raise SpecError(f"{where}: a model in a {content_type} body")
            yield {"status": int(status), "content_type": repr(content_type), "model": model}


def _operation(
    spec: dict[str, Any], path: str, item: dict[str, Any], method: str, models: set[str]
) -> dict[str, Any]:
    raw = item[method]
    operation_id = raw["operationId"]
    where = f"{method.upper()} {path}"
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for source in (item.get("parameters", []), raw.get("parameters", [])):
        for parameter in source:
            resolved = _parameter(spec, parameter, where)
            merged[(resolved["name"], resolved["location"])] = resolved
    parameters = list(merged.values())
    body = None
    if "requestBody" in raw:
        request_body = _resolve(spec, raw["requestBody"])
        ((content_type, media),) = request_body["content"].items()
        model = _model(media.get("schema", {}), models, f"{where} body")
        body = {
            "content_type": content_type,
            "model": model,
            "annotation": model or "bytes",
            "required": bool(request_body.get("required", False)),
        }
    return {
        "operation_id": operation_id,
        "constant": snake_case(operation_id).upper(),
        "function": snake_case(operation_id),
        "method": method.upper(),
        "path": path,
        "summary": _docstring(str(raw.get("summary", operation_id))),
        "parameters": parameters,
        "path_parameters": [p for p in parameters if p["location"] == "path"],
        "keyword_parameters": [p for p in parameters if p["location"] != "path"],
        "body": body,
        "answers": list(_answers(spec, raw.get("responses", {}), models, where)),
        "server": _server(item, where),
    }


def _server(item: dict[str, Any], where: str) -> str | None:
    """The URL of the path's own listener (a path-level ``servers`` entry), if it has one."""
    servers = item.get("servers")
    if not servers:
        return None
    if len(servers) != 1:
        raise SpecError(f"{where}: give a path at most one server")
    return str(servers[0]["url"])


def render_operations(spec: dict[str, Any], models: set[str], templates: Path) -> str:
    """The source of operations.py for this spec; models: the generated model class names."""
    operations = [
        _operation(spec, path, item, method, models)
        for path, item in spec["paths"].items()
        for method in _METHODS
        if method in item
    ]
    used = {op["body"]["model"] for op in operations if op["body"] and op["body"]["model"]}
    used |= {a["model"] for op in operations for a in op["answers"] if a["model"]}
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # noqa: S701 -- renders Python source, not HTML
    )
    environment.filters["py"] = repr  # strings from the spec, as Python literals
    template = environment.get_template("operations.py.jinja")
    return template.render(operations=operations, models=sorted(used))


def write_operations(spec_path: Path, package: Path, templates: Path) -> Path:
    """Render operations.py into the generated package and return its path."""
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    init = (package / "models" / "__init__.py").read_text(encoding="utf-8")
    models = set(re.findall(r'^\s+"(\w+)",$', init, flags=re.MULTILINE))
    target = package / "operations.py"
    target.write_text(render_operations(spec, models, templates), encoding="utf-8")
    return target
