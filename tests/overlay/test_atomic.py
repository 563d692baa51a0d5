"""The one atomic writer: private whatever the umask, whole or not at all, never through a link."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from hivemq_rest._atomic import write_whole
from hivemq_rest.cli._dh_tree_write import write_tree


@pytest.fixture
def narrow_umask() -> Iterator[None]:
    """A umask that would leave a new file read-only to its owner (0400)."""
    old = os.umask(0o277)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.usefixtures("narrow_umask")
def test_a_file_is_private_and_writable_whatever_the_umask(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    write_whole(path, b"{}")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    write_whole(path, b"[]")  # and written again, in place of the first
    assert path.read_bytes() == b"[]"


@pytest.mark.usefixtures("narrow_umask")
def test_an_exported_tree_is_written_by_the_same_writer(tmp_path: Path) -> None:
    resources = {
        "schemas": {"s": {"id": "s", "type": "JSON", "schemaDefinition": "e30="}},
        "scripts": {},
        "data-policies": {},
        "behavior-policies": {},
    }
    write_tree(tmp_path / "tree", resources, force=False)
    written = tmp_path / "tree" / "schemas" / "s.json"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600


def test_a_link_at_the_name_is_replaced_never_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.write_bytes(b"keep")
    path = tmp_path / "report.jsonl"
    path.symlink_to(outside)
    write_whole(path, b"new")
    assert outside.read_bytes() == b"keep"
    assert not path.is_symlink()
    assert path.read_bytes() == b"new"


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_bytes(b"old")
    with pytest.raises(TypeError):
        write_whole(path, "not bytes")  # type: ignore[arg-type]
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]
