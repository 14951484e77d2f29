"""Files shipped with utilsoc: examples, templates, schemas."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).parent


def data_dir(name: str) -> Path:
    """The shipped folder `name` (examples, templates, schemas).

    Why two places: the wheel maps the repository's top-level folders into
    `utilsoc/_data/`; an editable install reads them from the repository itself.
    """
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent.parent / name


def example_names() -> list[str]:
    """Names of the bundled examples of an association's folder."""
    folders = data_dir("examples").iterdir()
    return sorted(p.name for p in folders if (p / "referentiel.yaml").is_file())


def network_example_names() -> list[str]:
    """Names of the bundled example networks: `examples/reseau-NAME` holds reseau.yaml."""
    folders = data_dir("examples").iterdir()
    return sorted(p.name.removeprefix("reseau-") for p in folders if (p / "reseau.yaml").is_file())
