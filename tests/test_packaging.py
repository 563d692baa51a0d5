"""The distribution: version from the spec, and a wheel that installs and imports."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bump_version import bump

from hatch_build import package_version


def _project_copy(tmp_path: Path) -> Path:
    for name in ("pyproject.toml", "openapi.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def _hook(root: Path) -> dict[str, object]:
    table = tomllib.loads((root / "pyproject.toml").read_text())
    hook: dict[str, object] = table["tool"]["hatch"]["metadata"]["hooks"]["custom"]
    return hook


def _set_spec_version(root: Path, version: str) -> None:
    spec = root / "openapi.yaml"
    document = yaml.safe_load(spec.read_text())
    old = document["info"]["version"]
    spec.write_text(spec.read_text().replace(f"  version: {old}\n", f"  version: {version}\n", 1))


def test_version_is_spec_version_plus_revision() -> None:
    hook = _hook(ROOT)
    spec_version = yaml.safe_load((ROOT / "openapi.yaml").read_text())["info"]["version"]
    assert hook["spec-version"] == spec_version
    version = package_version(ROOT, spec_version, int(str(hook["client-revision"])))
    assert version == f"{spec_version}.{hook['client-revision']}"


def test_bump_raises_the_revision(tmp_path: Path) -> None:
    root = _project_copy(tmp_path)
    before = int(str(_hook(root)["client-revision"]))
    spec_version = _hook(root)["spec-version"]
    assert bump(root) == f"{spec_version}.{before + 1}"
    assert _hook(root)["client-revision"] == before + 1


def test_new_spec_version_needs_a_bump_and_restarts_the_revision(tmp_path: Path) -> None:
    root = _project_copy(tmp_path)
    _set_spec_version(root, "9.1.0")
    hook = _hook(root)
    with pytest.raises(ValueError, match=r"9\.1\.0.*bump_version"):
        package_version(root, str(hook["spec-version"]), int(str(hook["client-revision"])))
    assert bump(root) == "9.1.0.0"
    assert _hook(root) == {"spec-version": "9.1.0", "client-revision": 0}


def test_wheel_installs_into_a_fresh_virtualenv(tmp_path: Path) -> None:
    # Build from a clean export of the committed-or-staged tree is what CI
    # does with a fresh clone; here the working tree stands in for it.
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("*.whl")
    hook = _hook(ROOT)
    assert wheel.name.startswith(
        f"hivemq_rest_client-{hook['spec-version']}.{hook['client-revision']}-"
    )
    names = zipfile.ZipFile(wheel).namelist()
    assert "hivemq_rest/py.typed" in names
    assert "hivemq_rest_generated/py.typed" in names
    assert "hivemq_rest_generated/models/client_details.py" in names
    assert "hivemq_rest_generated/operations.py" in names
    # The generator's endpoint functions put "." and ".." into paths raw.
    assert not [n for n in names if n.startswith("hivemq_rest_generated/api/")]
    assert not [n for n in names if n.startswith(("tests/", "scripts/")) or "__pycache__" in n]

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    probe = (
        "import hivemq_rest, hivemq_rest_generated.models as m; "
        "print(hivemq_rest.__version__, m.ClientItem.from_dict({'client': {'id': 'x'}}).client.id)"
    )
    out = subprocess.run([str(python), "-c", probe], check=True, capture_output=True, text=True)
    assert out.stdout.split() == [f"{hook['spec-version']}.{hook['client-revision']}", "x"]
