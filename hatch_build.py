"""Build hook: the package version comes from openapi.yaml plus a client revision."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hatchling.metadata.plugin.interface import MetadataHookInterface


def spec_version(root: Path) -> str:
    """The info.version of the openapi.yaml under root."""
    document = yaml.safe_load((root / "openapi.yaml").read_text(encoding="utf-8"))
    return str(document["info"]["version"])


def package_version(root: Path, recorded_spec: str, revision: int) -> str:
    """<spec version>.<client revision>; refuses a spec that moved without a bump."""
    spec = spec_version(root)
    if spec != recorded_spec:
        raise ValueError(
            f"openapi.yaml is at version {spec} but pyproject.toml records {recorded_spec}: "
            "run `python scripts/bump_version.py`"
        )
    return f"{spec}.{revision}"


class VersionFromSpecHook(MetadataHookInterface):
    """Sets project.version for hatchling."""

    PLUGIN_NAME = "custom"

    def update(self, metadata: dict[str, Any]) -> None:
        """Fill in the dynamic version."""
        metadata["version"] = package_version(
            Path(self.root), str(self.config["spec-version"]), int(self.config["client-revision"])
        )
