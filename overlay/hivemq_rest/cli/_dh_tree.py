"""A Data Hub directory as ``data-hub apply`` reads it (``export`` writes it: ``_dh_tree_write``).

Layout: ``schemas/``, ``scripts/``, ``data-policies/``, ``behavior-policies/``,
one resource a file in the API's JSON shape (``<id>.json``), plus raw sources
for people: ``schemas/<id>.schema.json`` (a JSON Schema), ``schemas/<id>.desc``
(a Protobuf descriptor set) with ``<id>.yaml`` or ``<id>.json`` metadata
(``messageType``, ``allowUnknownFields``), ``scripts/<id>.js`` with optional
``<id>.yaml`` or ``<id>.json`` metadata (``functionType``, ``description``).

File names hold the id percent-encoded (only ``A-Z a-z 0-9 - _ .`` stay, and
not a leading dot), so that no id, whatever it holds (``/``, ``..``, control
characters), names a file outside its directory; a Windows device name
(``CON``, ``aux.txt``) has its first letter encoded too.

Reading and writing never go through a symbolic link below the directory
given: a family directory or file that is a link is a problem, and so is
anything that is not a regular file (a FIFO, a device). The directory itself
may be a link: it is what the caller named.
"""

from __future__ import annotations

import difflib
import functools
import json
import os
import stat
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

import attrs

from .. import _data_hub as dh
from ._dh_bodies import (
    _MODELS,
    FAMILIES,
    SCHEMAS,
    SCRIPTS,
    SINGULAR,
    Document,
    Resources,
    desired_body,
    unfit,
    unknown_properties,
)
from ._render import is_utf8

_SCHEMA_META: Final = frozenset({"messageType", "allowUnknownFields"})
_SCRIPT_META: Final = frozenset({"functionType", "description"})
_MAX_FILE_BYTES: Final = 10 * 1024 * 1024  # far above the broker's 100 KB per schema
MAX_STEM_BYTES: Final = 200  # file systems allow 255 bytes a name; leave room for suffixes
# Names Windows takes for devices, whatever the case and the extension ("nul.tar.gz").
_DEVICES: Final = frozenset(
    {"CON", "PRN", "AUX", "NUL"} | {f"{port}{n}" for port in ("COM", "LPT") for n in range(10)}
)
LINK: Final = "a symbolic link"
_LINK_REFUSED: Final = f"{LINK} (apply reads no link)"


class TreeError(Exception):
    """The directory cannot be read or written as a Data Hub tree; ``problems`` lists why."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def file_stem(resource_id: str) -> str:
    """The file name (without suffix) of an id: percent-encoded, never hidden or ambiguous."""
    # quote() always keeps "~"; encoded too, so that a name never starts with it.
    stem = urllib.parse.quote(resource_id, safe="-_.").replace("~", "%7E")
    if stem.startswith("."):
        stem = "%2E" + stem[1:]  # "." and ".." are directories, ".x" a hidden file
    if stem.endswith(".schema"):
        stem = stem[: -len(".schema")] + "%2Eschema"  # not a raw JSON Schema's name
    if stem.partition(".")[0].upper() in _DEVICES:
        stem = f"%{ord(stem[0]):02X}{stem[1:]}"  # a checkout on Windows could not hold it
    return stem


def _stem_id(stem: str) -> str:
    return urllib.parse.unquote(stem, errors="strict")


def _load_json(text: str) -> Any:
    """A JSON document; ValueError if it does not parse or repeats a key in an object."""
    return json.loads(text, object_pairs_hook=_unique_keys)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object's pairs as a dict; ValueError on a repeated key (JSON would keep the last)."""
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise ValueError(f"duplicate key {key!r}")
        found[key] = value
    return found


def _load_yaml(text: str) -> Any:
    """YAML metadata; ValueError if it does not parse or repeats a key in a mapping."""
    import yaml  # only here: no other command pays for the import

    try:
        return yaml.load(text, Loader=_unique_key_loader())  # noqa: S506 -- a SafeLoader
    except yaml.YAMLError as error:
        raise ValueError(str(error)) from None


@functools.cache
def _unique_key_loader() -> type[Any]:
    """PyYAML's safe loader, refusing a key repeated in one mapping (PyYAML keeps the last)."""
    import yaml

    class UniqueKeyLoader(yaml.SafeLoader):
        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            if isinstance(node, yaml.MappingNode):
                seen: set[Any] = set()
                for key_node, _ in node.value:
                    if key_node.tag == "tag:yaml.org,2002:merge":
                        continue  # "<<: *base" may be overridden: that is what it is for
                    key = self.construct_object(key_node, deep=deep)
                    try:
                        repeated = key in seen
                    except TypeError:
                        continue  # a list as a key: the safe loader refuses it itself
                    if repeated:
                        raise yaml.constructor.ConstructorError(
                            "while reading a mapping",
                            node.start_mark,
                            f"duplicate key {key!r}",
                            key_node.start_mark,
                        )
                    seen.add(key)
            return super().construct_mapping(node, deep=deep)

    return UniqueKeyLoader


def shown(path: os.PathLike[str] | str) -> str:
    r"""A path to show: the bytes of its names that are not UTF-8 as escapes (``\xff``)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


@attrs.define
class _Reader:
    """Collects resources and problems (every problem, not the first)."""

    root: Path
    problems: list[str] = attrs.Factory(list)
    resources: Resources = attrs.Factory(lambda: {family: {} for family in FAMILIES})
    origin: dict[tuple[str, str], Path] = attrs.Factory(dict)

    def where(self, path: Path) -> str:
        return shown(path.relative_to(self.root))

    def problem(self, path: Path, message: str) -> None:
        self.problems.append(f"{self.where(path)}: {message}")

    def read_bytes(self, path: Path) -> bytes | None:
        data = _read_regular(path)
        if isinstance(data, str):
            self.problem(path, data)
            return None
        return data

    def read_text(self, path: Path) -> str | None:
        data = self.read_bytes(path)
        if data is None:
            return None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            self.problem(path, f"not UTF-8 ({error.reason} at byte {error.start})")
            return None

    def read_object(self, path: Path) -> Document | None:
        """A JSON (or, for .yaml/.yml, YAML) object."""
        text = self.read_text(path)
        if text is None:
            return None
        kind = path.suffix[1:].upper()
        try:
            value = _load_yaml(text) if kind in ("YAML", "YML") else _load_json(text)
            said = unfit(value)
        except RecursionError:
            said = "too deeply nested"
        except ValueError as error:
            said = " ".join(str(error).split())[:300]  # YAML's errors run over lines
        if said is not None:
            self.problem(path, f"not valid {kind}: {said}")
            return None
        if not isinstance(value, dict):
            self.problem(path, "not an object")
            return None
        return value

    def stem_id(self, path: Path, stem: str) -> str | None:
        try:
            resource_id = _stem_id(stem)
        except UnicodeDecodeError:
            resource_id = ""
        if not resource_id or not is_utf8(resource_id):  # a name's bytes that are not UTF-8
            self.problem(path, "the file name is no id (percent-encoded UTF-8)")
            return None
        return resource_id

    def add(self, family: str, path: Path, body: Document) -> None:
        resource_id = body["id"]
        desired = desired_body(body)  # read-only fields are ignored, not checked
        try:
            model = _MODELS[family](dict(desired))
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            self.problem(path, f"not a valid {SINGULAR[family]} ({type(error).__name__}: {error})")
            return
        unknown = unknown_properties(desired, model)
        if unknown:
            # The broker would drop them: every apply would plan the change again.
            named = ", ".join(repr(place) for place in unknown)
            self.problem(
                path, f"unknown {'property' if len(unknown) == 1 else 'properties'} {named}"
            )
            return
        key = (family, resource_id)
        if key in self.origin:
            also = self.where(self.origin[key])
            self.problem(path, f"duplicate id {resource_id!r} (also in {also})")
            return
        self.origin[key] = path
        self.resources[family][resource_id] = desired

    def add_document(self, family: str, path: Path, stem: str) -> None:
        """An ``<id>.json`` in the API's shape; its id must be the file name's."""
        body = self.read_object(path)
        if body is None:
            return
        resource_id = body.get("id")
        if not isinstance(resource_id, str) or not resource_id:
            self.problem(path, "has no id (a non-empty string)")
            return
        named = self.stem_id(path, stem)
        if named is not None and named != resource_id:
            self.problem(path, f"holds id {resource_id!r}, its file name says {named!r}")
            return
        self.add(family, path, body)

    def metadata(self, path: Path, stem: str, allowed: frozenset[str]) -> Document | None:
        """The ``<stem>.yaml``/``.yml``/``.json`` beside a raw source: at most one."""
        found = [path.with_name(stem + s) for s in (".yaml", ".yml", ".json")]
        found = [p for p in found if os.path.lexists(p)]  # a link is found, then refused
        if len(found) > 1:
            self.problem(
                path, "has more than one metadata file: " + ", ".join(shown(p.name) for p in found)
            )
            return None
        if not found:
            return {}
        meta = self.read_object(found[0])
        if meta is None:
            return None
        unknown = sorted(str(key) for key in meta if key not in allowed)  # YAML: any key type
        if unknown:
            self.problem(found[0], f"unknown keys {unknown}; allowed: {sorted(allowed)}")
            return None
        return meta

    def add_built(self, family: str, path: Path, build: Callable[..., Any], *args: Any) -> None:
        """A resource made from a raw source by ``build(*args)``; its errors are problems."""
        try:
            body = build(*args).to_dict()
        except (TypeError, ValueError) as error:
            self.problem(path, str(error))
            return
        self.add(family, path, body)


def _read_regular(path: Path) -> bytes | str:
    """A regular file's bytes (at most the bound), never through a link; or why not."""
    try:
        # Looked at before it is opened: opening a device may act (a tape
        # rewinds, a watchdog starts), and an open's error does not say what
        # a link or a socket is.
        said = _not_regular(os.lstat(path).st_mode)
        if said is not None:
            return said
        # Neither a link nor a FIFO put in the file's place since is followed
        # or waited for; its mode, read again once open, refuses it.
        flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
        descriptor = os.open(path, flags)
        try:
            status = os.fstat(descriptor)
            said = _not_regular(status.st_mode)
            if said is not None:
                return said
            with open(descriptor, "rb", closefd=False) as file:
                # One read of the size it has (a read of the bound would allocate
                # it all), then of what it grew by since, up to the bound.
                data = file.read(min(status.st_size, _MAX_FILE_BYTES) + 1)
                if status.st_size < len(data) <= _MAX_FILE_BYTES:
                    data += file.read(_MAX_FILE_BYTES + 1 - len(data))
        finally:
            os.close(descriptor)
    except OSError as error:
        return f"cannot be read ({error.strerror})"
    return f"larger than {_MAX_FILE_BYTES} bytes" if len(data) > _MAX_FILE_BYTES else data


def _not_regular(mode: int) -> str | None:
    """Why a file of this mode is not read, or None for a regular file."""
    if stat.S_ISLNK(mode):
        return _LINK_REFUSED
    return None if stat.S_ISREG(mode) else "not a regular file"


def _raw_sources(names: set[str]) -> set[str]:
    """The stems that are raw sources (their .json/.yaml is metadata)."""
    return {name.rsplit(".", 1)[0] for name in names if name.endswith((".desc", ".js"))}


def _read_schemas(reader: _Reader, directory: Path, names: set[str]) -> None:
    raw = _raw_sources(names)
    for name in sorted(names):
        path = directory / name
        stem, _, suffix = name.rpartition(".")
        if name.endswith(".schema.json"):
            stem = name[: -len(".schema.json")]
            schema_id, text = reader.stem_id(path, stem), reader.read_text(path)
            if schema_id is not None and text is not None:
                reader.add_built(SCHEMAS, path, dh.json_schema_body, schema_id, text)
        elif suffix == "desc":
            schema_id, data = reader.stem_id(path, stem), reader.read_bytes(path)
            meta = reader.metadata(path, stem, _SCHEMA_META)
            if schema_id is None or data is None or meta is None:
                continue
            message_type = meta.get("messageType")
            allow = meta.get("allowUnknownFields")
            if not isinstance(message_type, str) or not message_type:
                reader.problem(path, "its metadata needs messageType (a string)")
            elif allow is not None and not isinstance(allow, bool):
                reader.problem(path, "allowUnknownFields must be true or false")
            else:
                reader.add_built(
                    SCHEMAS, path, dh.protobuf_schema_body, schema_id, data, message_type, allow
                )
        elif suffix in ("json", "yaml", "yml") and stem in raw:
            continue  # metadata, read with its source
        elif suffix == "json":
            reader.add_document(SCHEMAS, path, stem)
        else:
            reader.problem(path, "unknown kind of file (<id>.json, .schema.json, .desc, .yaml)")


def _read_scripts(reader: _Reader, directory: Path, names: set[str]) -> None:
    raw = _raw_sources(names)
    for name in sorted(names):
        path = directory / name
        stem, _, suffix = name.rpartition(".")
        if suffix == "js":
            script_id, text = reader.stem_id(path, stem), reader.read_text(path)
            meta = reader.metadata(path, stem, _SCRIPT_META)
            if script_id is None or text is None or meta is None:
                continue
            kind = meta.get("functionType", "TRANSFORMATION")
            description = meta.get("description")
            reader.add_built(SCRIPTS, path, dh.script_body, script_id, text, kind, description)
        elif suffix in ("json", "yaml", "yml") and stem in raw:
            continue
        elif suffix == "json":
            reader.add_document(SCRIPTS, path, stem)
        else:
            reader.problem(path, "unknown kind of file (<id>.json, .js, .yaml)")


def _names(reader: _Reader, directory: Path) -> set[str] | None:
    try:
        return {entry.name for entry in os.scandir(directory) if not entry.name.startswith(".")}
    except OSError as error:
        reader.problem(directory, f"cannot be listed ({error.strerror})")
        return None


def _families(reader: _Reader, root: Path) -> list[str]:
    """The family directories at ``root``'s top level; anything else there is a problem.

    A misspelt family (``data-policy/``) must not pass for an empty one, which
    ``--prune`` would empty on the broker. Dot files (``.git``) are not the tree's.
    """
    present = []
    listed = ", ".join(f + "/" for f in FAMILIES)
    for name in sorted(_names(reader, root) or ()):
        path = root / name
        if name not in FAMILIES:
            close = difflib.get_close_matches(name, FAMILIES, n=1)
            hint = f" ({close[0]}/?)" if close else ""
            reader.problem(path, f"not one of {listed}{hint}")
        elif path.is_symlink():
            reader.problem(path, _LINK_REFUSED)
        elif not path.is_dir():
            reader.problem(path, "not a directory")
        else:
            present.append(name)
    if not present:
        reader.problems.append(f"{shown(root)}: holds none of {listed}")
    return [family for family in FAMILIES if family in present]  # in dependency order


def read_tree(root: Path) -> Resources:
    """Every resource of the directory; TreeError listing every problem found."""
    if not root.is_dir():
        raise TreeError([f"{shown(root)}: not a directory"])
    reader = _Reader(root)
    for family in _families(reader, root):
        directory = root / family
        names = _names(reader, directory)
        if names is None:
            continue
        if family == SCHEMAS:
            _read_schemas(reader, directory, names)
        elif family == SCRIPTS:
            _read_scripts(reader, directory, names)
        else:
            for name in sorted(names):
                stem, _, suffix = name.rpartition(".")
                if suffix == "json":
                    reader.add_document(family, directory / name, stem)
                else:
                    reader.problem(directory / name, "unknown kind of file (<id>.json)")
    if reader.problems:
        raise TreeError(reader.problems)
    return reader.resources
