"""scripts/check_generated.py notices a generated/ that openapi.yaml would not make."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))

from _codegen import TARGET
from _unasync import PRODUCED, SOURCE, SYNC_RESOURCES
from check_generated import stale_diff, stale_sync_diff, stale_sync_diffs


def test_checked_in_package_is_fresh() -> None:
    assert stale_diff() == ""


def test_hand_edit_is_reported(tmp_path: Path) -> None:
    copy = tmp_path / TARGET.name
    shutil.copytree(TARGET, copy, ignore=shutil.ignore_patterns("__pycache__"))
    edited = copy / "models" / "client.py"
    edited.write_text(edited.read_text() + "# hand edit\n")
    (copy / "models" / "stray.py").write_text("x = 1\n")
    (copy / "types.py").unlink()
    operations = copy / "operations.py"
    operations.write_text(operations.read_text().replace('"/api/v1/', '"/api/v2/', 1))

    diff = stale_diff(copy)

    assert "+++ b/generated/hivemq_rest_generated/models/client.py" in diff
    assert "-# hand edit" in diff
    assert "--- a/generated/hivemq_rest_generated/models/stray.py" in diff
    assert "+++ b/generated/hivemq_rest_generated/types.py" in diff
    assert '-    path="/api/v2/mqtt/clients",' in diff


def test_sync_client_code_is_fresh() -> None:
    assert stale_sync_diffs() == ""


def test_a_sync_module_without_its_async_source_is_reported() -> None:
    SYNC_RESOURCES.mkdir(exist_ok=True)
    stray = SYNC_RESOURCES / "_stray_for_test.py"
    stray.write_text('"""Left behind."""\n')
    try:
        diff = stale_sync_diffs()
    finally:
        stray.unlink()
    assert "--- a/overlay/hivemq_rest/_sync_resources/_stray_for_test.py" in diff
    assert '-"""Left behind."""' in diff


def test_hand_edit_of_the_sync_client_code_is_reported(tmp_path: Path) -> None:
    produced = tmp_path / PRODUCED.name
    produced.write_text(PRODUCED.read_text().replace("time.sleep(wait)", "time.sleep(0)"))

    diff = stale_sync_diff(produced)

    assert "-                time.sleep(0)" in diff
    assert "+                time.sleep(wait)" in diff


def test_an_edit_of_the_async_source_shows_in_the_sync_code(tmp_path: Path) -> None:
    source = tmp_path / SOURCE.name
    source.write_text(
        SOURCE.read_text().replace(
            '"""Close the connections."""', '"""Close the connections, now."""'
        )
    )

    diff = stale_sync_diff(source=source)

    assert '+        """Close the connections, now."""' in diff
