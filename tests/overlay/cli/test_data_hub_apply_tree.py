"""The Data Hub directory without the API: file names of hostile ids, reading, problems."""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import string
import tempfile
import urllib.parse
from pathlib import Path
from typing import Any

import pytest
from hivemq_rest.cli import _dh_tree
from hivemq_rest.cli._dh_bodies import (
    DATA_POLICIES,
    FAMILIES,
    SCHEMAS,
    SCRIPTS,
    Resources,
    declared_body,
)
from hivemq_rest.cli._dh_tree import TreeError, file_stem, read_tree
from hivemq_rest.cli._dh_tree_write import write_tree
from hypothesis import given, settings
from hypothesis import strategies as st

_IDS = st.text(min_size=1, max_size=40)
_KEPT = set(string.ascii_letters + string.digits + "-_.%")


@settings(derandomize=True, max_examples=500)
@given(_IDS)
def test_a_file_name_holds_any_id_and_names_nothing_else(resource_id: str) -> None:
    stem = file_stem(resource_id)
    assert set(stem) <= _KEPT  # no "/", no control character, no non-ASCII
    assert not stem.startswith(".")  # neither ".", "..", nor a hidden file
    assert not stem.endswith(".schema")  # <stem>.json never reads as a raw JSON Schema
    assert urllib.parse.unquote(stem, errors="strict") == resource_id


@settings(derandomize=True, max_examples=40, deadline=None)
@given(
    st.lists(
        st.text(min_size=1, max_size=15),
        min_size=1,
        max_size=6,
        unique_by=lambda i: file_stem(i).casefold(),
    )
)
def test_what_export_writes_apply_reads_back(ids: list[str]) -> None:
    policies = {i: {"id": i, "matching": {"topicFilter": "t/#"}} for i in ids}
    resources: Resources = {family: {} for family in FAMILIES} | {DATA_POLICIES: policies}
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary) / "tree"
        assert write_tree(root, resources, force=False) == len(ids)
        assert [p.parent for p in root.rglob("*.json")] == [root / DATA_POLICIES] * len(ids)
        assert read_tree(root) == resources


def test_unwritable_names_are_refused_before_any_file_is_written(tmp_path: Path) -> None:
    resources: Resources = {family: {} for family in FAMILIES}
    ids = ["a", "A", "\U0001f600" * 20]  # one case apart; 240 bytes encoded
    resources[DATA_POLICIES] = {i: {"id": i, "matching": {"topicFilter": "t"}} for i in ids}
    with pytest.raises(TreeError) as raised:
        write_tree(tmp_path / "out", resources, force=False)
    assert [p.split(": ", 1)[1] for p in raised.value.problems] == [
        "same file name as 'A' on a case-insensitive file system",
        "the id is too long for a file name",
    ]
    assert not (tmp_path / "out").exists()


def test_protobuf_and_script_metadata_are_checked(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "scripts").mkdir()
    (tmp_path / "schemas" / "reading.desc").write_bytes(b"\n\x00")
    (tmp_path / "schemas" / "reading.yaml").write_text("allowUnknownFields: maybe\n")
    (tmp_path / "scripts" / "f.js").write_text("function transform(p) { return p; }")
    (tmp_path / "scripts" / "f.yaml").write_text("functionType: TRANSFORMATION\ncolour: red\n")
    (tmp_path / "scripts" / "notes.txt").write_text("hello")
    (tmp_path / "scripts" / "g.js").write_text("function transform(p) { return p; }")
    (tmp_path / "scripts" / "g.yml").write_text("functionType: [unclosed\n")
    with pytest.raises(TreeError) as raised:
        read_tree(tmp_path)
    yaml_problem = raised.value.problems.pop(2)
    assert raised.value.problems == [
        "schemas/reading.desc: its metadata needs messageType (a string)",
        "scripts/f.yaml: unknown keys ['colour']; allowed: ['description', 'functionType']",
        "scripts/notes.txt: unknown kind of file (<id>.json, .js, .yaml)",
    ]
    # PyYAML's own words, on one line (where it says, and what).
    assert yaml_problem.startswith("scripts/g.yml: not valid YML: while parsing")
    assert "line 1, column 15" in yaml_problem
    assert "\n" not in yaml_problem


def test_a_directory_without_any_family_is_refused(tmp_path: Path) -> None:
    # With --prune, an empty or mistyped directory would delete everything.
    (tmp_path / "schema").mkdir()
    with pytest.raises(TreeError, match="holds none of schemas/"):
        read_tree(tmp_path)


def test_read_only_fields_are_ignored(tmp_path: Path) -> None:
    (tmp_path / DATA_POLICIES).mkdir()
    policy = {"id": "p", "matching": {"topicFilter": "t/#"}}
    stamped = {**policy, "createdAt": "2026-01-01T00:00:00Z", "lastUpdatedAt": "x"}
    (tmp_path / DATA_POLICIES / "p.json").write_text(json.dumps(stamped))
    assert read_tree(tmp_path)[DATA_POLICIES] == {"p": policy}


def test_a_body_not_of_the_api_shape_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / DATA_POLICIES).mkdir()
    (tmp_path / DATA_POLICIES / "p.json").write_text('{"id": "p"}')
    with pytest.raises(TreeError, match=r"p\.json: not a valid data policy \(KeyError: 'matching'"):
        read_tree(tmp_path)


def test_the_example_descriptor_is_what_its_script_makes() -> None:
    root = Path(__file__).resolve().parents[3]
    script = root / "scripts" / "make_example_descriptor.py"
    spec = importlib.util.spec_from_file_location("make_example_descriptor", script)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (root / "examples" / "data-hub" / "schemas" / "reading.desc").read_bytes()
    assert module.descriptor_set() == committed


def test_unknown_properties_are_problems_but_free_form_objects_hold_any_key(
    tmp_path: Path,
) -> None:
    (tmp_path / DATA_POLICIES).mkdir()
    (tmp_path / SCHEMAS).mkdir()
    log = {"id": "log", "functionId": "System.log", "arguments": {"any": {"key": 1}}}
    policy: dict[str, Any] = {
        "id": "p",
        "matching": {"topicFilter": "t/#", "qos": 1},
        "onSuccess": {"pipeline": [log, {**log, "id": "again", "colour": "red"}]},
        "extra": 1,
    }
    (tmp_path / DATA_POLICIES / "p.json").write_text(json.dumps(policy))
    schema = {"id": "s", "type": "JSON", "schemaDefinition": "e30=", "description": "x"}
    (tmp_path / SCHEMAS / "s.json").write_text(json.dumps(schema))
    with pytest.raises(TreeError) as raised:
        read_tree(tmp_path)
    assert raised.value.problems == [
        "schemas/s.json: unknown property 'description'",
        "data-policies/p.json: unknown properties "
        "'matching.qos', 'onSuccess.pipeline[1].colour', 'extra'",
    ]

    # Without them: arguments (a schema without declared properties) keep any key.
    del policy["extra"], policy["matching"]["qos"], policy["onSuccess"]["pipeline"][1]["colour"]
    (tmp_path / DATA_POLICIES / "p.json").write_text(json.dumps(policy))
    (tmp_path / SCHEMAS / "s.json").unlink()
    assert read_tree(tmp_path)[DATA_POLICIES] == {"p": policy}


def test_the_example_has_no_unknown_property() -> None:
    examples = Path(__file__).resolve().parents[3] / "examples" / "data-hub"
    assert all(read_tree(examples).values())


def test_what_a_broker_adds_beyond_the_spec_is_neither_compared_nor_exported() -> None:
    step = {"id": "log", "functionId": "System.log", "arguments": {"level": "INFO"}}
    answered = {
        "id": "p",
        "matching": {"topicFilter": "t/#", "shared": False},
        "onSuccess": {"pipeline": [{**step, "metrics": {"calls": 3}}]},
        "priority": 5,
    }
    assert declared_body(DATA_POLICIES, answered) == {
        "id": "p",
        "matching": {"topicFilter": "t/#"},
        "onSuccess": {"pipeline": [step]},
    }
    assert answered["priority"] == 5  # a copy: the answer itself is left alone
    assert declared_body(DATA_POLICIES, {"id": "p"}) == {"id": "p"}  # not the API's shape


@pytest.mark.parametrize("null_at", [("onFailure",), ("onSuccess", "pipeline"), ("validation",)])
def test_a_declared_key_held_null_is_read_as_the_models_read_it(
    tmp_path: Path, null_at: tuple[str, ...]
) -> None:
    # The models read null as absent: a broker's null is not exported, a file's is refused.
    policy: dict[str, Any] = {"id": "p", "matching": {"topicFilter": "t/#"}, "onSuccess": {}}
    owner = policy
    for key in null_at[:-1]:
        owner = owner[key]
    owner[null_at[-1]] = None
    declared = declared_body(DATA_POLICIES, policy)
    del owner[null_at[-1]]
    assert declared == policy
    owner[null_at[-1]] = None
    (tmp_path / DATA_POLICIES).mkdir()
    (tmp_path / DATA_POLICIES / "p.json").write_text(json.dumps(policy))
    with pytest.raises(TreeError) as raised:
        read_tree(tmp_path)
    assert raised.value.problems == [
        f"data-policies/p.json: unknown property {'.'.join(null_at)!r}"
    ]


def test_paths_in_the_way_are_refused_before_any_file_is_written(tmp_path: Path) -> None:
    resources: Resources = {family: {} for family in FAMILIES}
    resources[SCHEMAS] = {"s": {"id": "s", "type": "JSON", "schemaDefinition": "e30="}}
    resources[DATA_POLICIES] = {
        i: {"id": i, "matching": {"topicFilter": "t"}} for i in ("old", "taken")
    }
    root = tmp_path / "out"
    (root / SCHEMAS).mkdir(parents=True)
    (root / SCHEMAS / "old.json").write_text("{}")
    (root / "scripts").write_text("a file where a directory goes")
    (root / "behavior-policies").symlink_to(tmp_path / "nowhere")
    (root / DATA_POLICIES / "taken.json").mkdir(parents=True)
    (root / DATA_POLICIES / "old.json").write_text("{}")
    before = sorted(root.rglob("*"))
    with pytest.raises(TreeError) as raised:
        write_tree(root, resources, force=True)
    assert raised.value.problems == [
        f"{root}/scripts: not a directory",
        f"{root}/data-policies/taken.json: a directory, not a file",
        f"{root}/behavior-policies: a symbolic link (export never writes through one)",
    ]
    assert sorted(root.rglob("*")) == before  # nothing written, nothing deleted
    assert (root / SCHEMAS / "old.json").read_text() == "{}"

    inside_a_file = tmp_path / "file"
    inside_a_file.write_text("")
    with pytest.raises(TreeError, match=f"^{inside_a_file}: not a directory$"):
        write_tree(inside_a_file / "deeper" / "out", resources, force=False)


def test_deep_or_huge_documents_are_problems_not_crashes(tmp_path: Path) -> None:
    (tmp_path / DATA_POLICIES).mkdir()
    (tmp_path / "scripts").mkdir()
    (tmp_path / DATA_POLICIES / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    # Parses, but deeper than what is read is checked with.
    step = {"id": "log", "functionId": "System.log", "arguments": {"x": ["x"]}}
    for _ in range(150):
        step["arguments"] = {"x": step["arguments"]}
    policy = {"id": "p", "matching": {"topicFilter": "t"}, "onSuccess": {"pipeline": [step]}}
    (tmp_path / DATA_POLICIES / "p.json").write_text(json.dumps(policy))
    for name in ("deep", "loop", "laughs", "keys"):
        (tmp_path / "scripts" / f"{name}.js").write_text("function transform(p) { return p; }")
    (tmp_path / "scripts" / "deep.yaml").write_text("description: " + "[" * 2000 + "]" * 2000)
    (tmp_path / "scripts" / "loop.yaml").write_text("description: &a [*a]\n")
    laughs = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    laughs += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 8)]
    (tmp_path / "scripts" / "laughs.yaml").write_text("\n".join(laughs) + "\n")
    (tmp_path / "scripts" / "keys.yaml").write_text("1: x\nb: c\n")
    with pytest.raises(TreeError) as raised:
        read_tree(tmp_path)
    assert raised.value.problems == [
        "scripts/deep.yaml: not valid YAML: too deeply nested",
        "scripts/keys.yaml: unknown keys ['1', 'b']; allowed: ['description', 'functionType']",
        "scripts/laughs.yaml: not valid YAML: more than 1000000 values",
        "scripts/loop.yaml: not valid YAML: too deeply nested",
        "data-policies/deep.json: not valid JSON: too deeply nested",
        "data-policies/p.json: not valid JSON: too deeply nested",
    ]


def test_an_id_that_is_not_utf8_is_refused_by_export(tmp_path: Path) -> None:
    resources: Resources = {family: {} for family in FAMILIES}
    resources[SCHEMAS] = {"\udcff": {"id": "\udcff", "type": "JSON", "schemaDefinition": "e30="}}
    with pytest.raises(TreeError) as raised:
        write_tree(tmp_path / "out", resources, force=False)
    assert raised.value.problems == [
        "schemas/'\\udcff': the id is not UTF-8 text (a lone surrogate)"
    ]
    assert not (tmp_path / "out").exists()


def _policy(policy_id: str) -> dict[str, Any]:
    return {"id": policy_id, "matching": {"topicFilter": "t/#"}}


def test_export_never_writes_or_deletes_through_a_linked_family_directory(
    tmp_path: Path,
) -> None:
    # A cloned repository can hold data-policies -> ../elsewhere.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious.txt").write_text("keep me")
    root = tmp_path / "out"
    root.mkdir()
    (root / DATA_POLICIES).symlink_to(elsewhere)
    resources: Resources = {family: {} for family in FAMILIES}
    resources[DATA_POLICIES] = {"p": _policy("p")}
    empty: Resources = {family: {} for family in FAMILIES}
    for broker in (resources, empty):
        with pytest.raises(TreeError) as raised:
            write_tree(root, broker, force=True)
        assert raised.value.problems == [
            f"{root}/data-policies: a symbolic link (export never writes through one)"
        ]
        assert [p.name for p in elsewhere.iterdir()] == ["precious.txt"]
        assert [p.name for p in root.iterdir()] == [DATA_POLICIES]


def _tree_with_links(root: Path, outside: Path) -> None:
    (root / SCRIPTS).mkdir(parents=True)
    (root / SCHEMAS).mkdir()
    source = "function transform(p) { return p; }"
    (root / SCRIPTS / "real.js").write_text(source)
    (root / SCRIPTS / "leaves.js").symlink_to(outside)  # the CI's environment, say
    (root / SCRIPTS / "stays.js").symlink_to(root / SCRIPTS / "real.js")
    (root / SCRIPTS / "meta.js").write_text(source)
    (root / SCRIPTS / "meta.yaml").symlink_to(outside)
    os.mkfifo(root / SCHEMAS / "fifo.json")  # would block a plain open
    (root / SCHEMAS / "dir.json").mkdir()
    elsewhere = root.parent / "elsewhere-policies"
    elsewhere.mkdir()
    (elsewhere / "p.json").write_text(json.dumps(_policy("p")))
    (root / DATA_POLICIES).symlink_to(elsewhere)


def test_apply_reads_only_regular_files_inside_the_directory(tmp_path: Path) -> None:
    outside = tmp_path / "environ"
    outside.write_text("HIVEMQ_REST_TOKEN=secret\n")
    root = tmp_path / "tree"
    _tree_with_links(root, outside)
    with pytest.raises(TreeError) as raised:
        read_tree(root)
    link = "a symbolic link (apply reads no link)"
    assert raised.value.problems == [
        f"data-policies: {link}",
        "schemas/dir.json: not a regular file",
        "schemas/fifo.json: not a regular file",
        f"scripts/leaves.js: {link}",
        f"scripts/meta.yaml: {link}",
        f"scripts/stays.js: {link}",
    ]
    assert "secret" not in str(raised.value)


def test_a_socket_in_the_tree_is_named_as_no_regular_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Opening a socket fails (ENXIO); that is no reason to call it unreadable.
    (tmp_path / SCHEMAS).mkdir()
    monkeypatch.chdir(tmp_path / SCHEMAS)  # a socket's path is at most ~100 bytes
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind("s.json")
        with pytest.raises(TreeError) as raised:
            read_tree(tmp_path)
    assert raised.value.problems == ["schemas/s.json: not a regular file"]


def test_an_entry_beside_the_four_families_is_a_problem(tmp_path: Path) -> None:
    # A misspelt family would otherwise read as an empty one, and --prune empty it.
    (tmp_path / DATA_POLICIES).mkdir()
    (tmp_path / "data-policy").mkdir()
    (tmp_path / "data-policy" / "p.json").write_text(json.dumps(_policy("p")))
    (tmp_path / "README.md").write_text("notes")
    (tmp_path / ".git").mkdir()  # dot files are not the tree's
    (tmp_path / ".notes").write_text("")
    (tmp_path / "scripts").write_text("a file where a family directory goes")
    with pytest.raises(TreeError) as raised:
        read_tree(tmp_path)
    assert raised.value.problems == [
        "README.md: not one of schemas/, scripts/, data-policies/, behavior-policies/",
        "data-policy: not one of schemas/, scripts/, data-policies/, behavior-policies/ "
        "(data-policies/?)",
        "scripts: not a directory",
    ]


def test_duplicate_keys_are_problems_naming_the_key(tmp_path: Path) -> None:
    (tmp_path / DATA_POLICIES).mkdir()
    (tmp_path / SCRIPTS).mkdir()
    (tmp_path / DATA_POLICIES / "p.json").write_text(
        '{"id": "p", "matching": {"topicFilter": "a/#", "topicFilter": "b/#"}}'
    )
    (tmp_path / DATA_POLICIES / "q.json").write_text(
        '{"id": "q", "id": "q", "matching": {"topicFilter": "a/#"}}'
    )
    (tmp_path / SCRIPTS / "f.js").write_text("function transform(p) { return p; }")
    (tmp_path / SCRIPTS / "f.yaml").write_text("description: one\ndescription: two\n")
    with pytest.raises(TreeError) as raised:
        read_tree(tmp_path)
    yaml_problem = raised.value.problems.pop(0)
    assert raised.value.problems == [
        "data-policies/p.json: not valid JSON: duplicate key 'topicFilter'",
        "data-policies/q.json: not valid JSON: duplicate key 'id'",
    ]
    assert yaml_problem.startswith("scripts/f.yaml: not valid YAML: ")
    assert "duplicate key 'description'" in yaml_problem
    assert "line 2, column 1" in yaml_problem


def test_a_yaml_merge_key_is_no_duplicate(tmp_path: Path) -> None:
    (tmp_path / SCRIPTS).mkdir()
    (tmp_path / SCRIPTS / "f.js").write_text("function transform(p) { return p; }")
    (tmp_path / SCRIPTS / "f.yaml").write_text(
        "base: &b {description: old}\n<<: *b\ndescription: new\n"
    )
    with pytest.raises(TreeError) as raised:  # "base" is no metadata key; no duplicate though
        read_tree(tmp_path)
    assert raised.value.problems == [
        "scripts/f.yaml: unknown keys ['base']; allowed: ['description', 'functionType']"
    ]


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999", "-1e999"])
def test_a_number_json_cannot_carry_is_a_problem(tmp_path: Path, number: str) -> None:
    (tmp_path / DATA_POLICIES).mkdir()
    step = '{"id": "log", "functionId": "System.log", "arguments": {"n": ' + number + "}}"
    (tmp_path / DATA_POLICIES / "p.json").write_text(
        '{"id": "p", "matching": {"topicFilter": "t"}, "onSuccess": {"pipeline": [' + step + "]}}"
    )
    with pytest.raises(TreeError) as raised:
        read_tree(tmp_path)
    (problem,) = raised.value.problems
    assert problem.startswith("data-policies/p.json: not valid JSON: ")
    assert "not a finite number" in problem


_RESERVED = ["CON", "prn", "Aux", "nul", "COM1", "com9", "LPT1", "lpt9", "COM0", "LPT0"]


@pytest.mark.parametrize("resource_id", [*_RESERVED, "con.txt", "NUL.tar.gz", "aux.schema"])
def test_windows_device_names_are_escaped_and_read_back(tmp_path: Path, resource_id: str) -> None:
    stem = file_stem(resource_id)
    assert stem.partition(".")[0].upper() not in {name.upper() for name in _RESERVED}
    assert urllib.parse.unquote(stem) == resource_id
    resources: Resources = {family: {} for family in FAMILIES}
    resources[DATA_POLICIES] = {resource_id: _policy(resource_id)}
    write_tree(tmp_path / "out", resources, force=False)
    assert read_tree(tmp_path / "out") == resources


@settings(derandomize=True, max_examples=300)
@given(st.sampled_from(["con", "prn", "aux", "nul", "com", "lpt"]), st.text(max_size=6))
def test_no_file_name_is_a_windows_device(device: str, rest: str) -> None:
    for name in (device, device.upper(), device.title()):
        base = file_stem(name + rest).partition(".")[0].upper()
        assert base not in {"CON", "PRN", "AUX", "NUL"}
        assert not (base[:3] in ("COM", "LPT") and len(base) == 4 and base[3].isdigit())


@pytest.mark.parametrize("number", [".nan", ".inf", "-.Inf", "1.0e+999"])
def test_a_yaml_number_json_cannot_carry_is_a_problem(tmp_path: Path, number: str) -> None:
    (tmp_path / SCRIPTS).mkdir()
    (tmp_path / SCRIPTS / "f.js").write_text("function transform(p) { return p; }")
    (tmp_path / SCRIPTS / "f.yaml").write_text(f"description: {number}\n")
    with pytest.raises(TreeError) as raised:
        read_tree(tmp_path)
    (problem,) = raised.value.problems
    assert problem.startswith("scripts/f.yaml: not valid YAML: holds ")
    assert problem.endswith("not a finite number (JSON has no NaN or infinity)")


@settings(derandomize=True, max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="ab\u00e9", max_size=3), min_size=1, max_size=5))
def test_any_repeated_key_is_named_and_unique_keys_read_as_written(keys: list[str]) -> None:
    pairs = ", ".join(f"{json.dumps(key)}: {number}" for number, key in enumerate(keys))
    step = '{"id": "log", "functionId": "System.log", "arguments": {' + pairs + "}}"
    text = '{"id": "p", "matching": {"topicFilter": "t"}, "onSuccess": {"pipeline": [' + step
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        (root / DATA_POLICIES).mkdir()
        (root / DATA_POLICIES / "p.json").write_text(text + "]}}")
        repeated = next((key for n, key in enumerate(keys) if key in keys[:n]), None)
        if repeated is None:
            read = read_tree(root)[DATA_POLICIES]["p"]["onSuccess"]["pipeline"][0]
            assert read["arguments"] == {key: n for n, key in enumerate(keys)}
        else:
            with pytest.raises(TreeError) as raised:
                read_tree(root)
            assert raised.value.problems == [
                f"data-policies/p.json: not valid JSON: duplicate key {repeated!r}"
            ]


@pytest.mark.parametrize("grown_to", ["within", "over"])
def test_a_file_that_grows_while_read_is_read_whole_within_the_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, grown_to: str
) -> None:
    # Read by the size fstat gave, then by what it grew since: seen here as a
    # file that fstat says is 1 byte long.
    monkeypatch.setattr(_dh_tree, "_MAX_FILE_BYTES", 4096)
    real_fstat = os.fstat

    def fstat_before_growth(descriptor: int) -> os.stat_result:
        found = list(real_fstat(descriptor))
        found[6] = 1  # st_size
        return os.stat_result(found)

    monkeypatch.setattr(os, "fstat", fstat_before_growth)
    path = tmp_path / "grown.json"
    path.write_bytes(b"x" * (4096 if grown_to == "within" else 4097))
    read = _dh_tree._read_regular(path)
    assert read == (b"x" * 4096 if grown_to == "within" else "larger than 4096 bytes")


def test_what_is_no_regular_file_is_refused_before_it_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Opening a device may act (a tape rewinds, a watchdog starts): a FIFO
    # stands in for one here, as a test may make it.
    fifo = tmp_path / "p.json"
    os.mkfifo(fifo)
    opened: list[str] = []
    real_open = os.open

    def recording_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        opened.append(os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", recording_open)
    assert _dh_tree._read_regular(fifo) == "not a regular file"
    assert opened == []
