"""Wheel build hook: ship examples/, templates/ and schemas/ as package data, minus caches.

`force-include` in pyproject.toml would copy a folder whole, ignoring `exclude`: a folder
utilsoc ran in (the tests run the examples) holds `.utilsoc-cache/` and `*.lock` files
that must never reach a user's installation.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

FOLDERS = ("examples", "templates", "schemas")


class CustomBuildHook(BuildHookInterface):
    """Adds each data file to the wheel under utilsoc/_data/."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """List the data files; an editable install reads them from the repository."""
        if version != "standard":
            return
        root = Path(self.root)
        for folder in FOLDERS:
            for path in sorted((root / folder).rglob("*")):
                relative = path.relative_to(root)
                if not path.is_file() or ".utilsoc-cache" in relative.parts:
                    continue
                if path.suffix != ".lock":
                    build_data["force_include"][str(path)] = f"utilsoc/_data/{relative.as_posix()}"
