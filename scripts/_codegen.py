"""Makes generated/ from openapi.yaml; shared by generate.py and check_generated.py.

openapi-python-client writes the models; our step renders operations.py
(the I/O-free request builders). The generator's httpx Client and endpoint
functions are deleted: nothing uses them, and they put a "." or ".." path
parameter into the URL raw, which addresses another resource.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from _operations_codegen import write_operations

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.yaml"
CONFIG = ROOT / "codegen" / "config.yaml"
TEMPLATES = ROOT / "codegen" / "templates"
PACKAGE = "hivemq_rest_generated"
TARGET = ROOT / "generated" / PACKAGE
# What the generator writes that the package does not keep.
_DROPPED = ("api", "client.py", "errors.py")


def generate_into(folder: Path) -> Path:
    """Generate the package into folder/PACKAGE and return that path."""
    out = folder / PACKAGE
    env = dict(os.environ)
    # The post hooks call "ruff": make it the one pinned beside this Python.
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    command = [
        sys.executable,
        str(Path(__file__).with_name("_openapi_python_client.py")),
        "generate",
        "--path",
        str(SPEC),
        "--config",
        str(CONFIG),
        "--custom-template-path",
        str(TEMPLATES),
        "--meta",
        "none",
        "--output-path",
        str(out),
        "--overwrite",
        "--fail-on-warning",
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not (out / "__init__.py").is_file():
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"openapi-python-client failed with exit code {result.returncode}")
    for name in _DROPPED:
        dropped = out / name
        if dropped.is_dir():
            shutil.rmtree(dropped)
        else:
            dropped.unlink()
    operations = write_operations(SPEC, out, TEMPLATES)
    _format(operations, env)
    shutil.rmtree(out / ".ruff_cache", ignore_errors=True)
    return out


def _format(path: Path, env: dict[str, str]) -> None:
    """Format as the generator's post hooks format its own output."""
    for command in (
        ["ruff", "check", "--isolated", "--no-cache", "--fix-only", "--extend-select=I"],
        ["ruff", "format", "--isolated", "--no-cache"],
    ):
        result = subprocess.run(
            [*command, path.name], cwd=path.parent, env=env, capture_output=True, text=True
        )
        if result.returncode != 0:
            sys.stderr.write(result.stdout + result.stderr)
            raise SystemExit(f"{' '.join(command)} failed on {path}")


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under folder, by its relative POSIX path, skipping caches."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts and ".ruff_cache" not in path.parts
    }
