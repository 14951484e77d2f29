"""Tests mirror src/: each module with logic has its test module at the same place.

`src/utilsoc/store/lines.py` is tested in `tests/store/test_lines.py`, a top-level
`src/utilsoc/project.py` in `tests/test_project.py`. Package `__init__.py` files hold no
logic and are not counted. A module without a test module needs an entry below, with
its reason; an entry that is no longer needed fails too, so the list stays short and true.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).parent.parent
SOURCE = ROOT / "src" / "utilsoc"
TESTS = ROOT / "tests"

WITHOUT_TEST_MODULE = {
    "__main__.py": "two lines that call cli.app.main; tests/cli/test_app.py runs the script",
    "model/association.py": "pydantic fields only; read through model/load.py",
    "model/cadre.py": "pydantic fields only; read through model/load.py",
    "model/correspondance.py": "pydantic fields only; read by actions/importer.py",
    "model/publics.py": "pydantic fields only; read through model/load.py",
}


def _modules() -> list[str]:
    return sorted(
        path.relative_to(SOURCE).as_posix()
        for path in SOURCE.rglob("*.py")
        if path.name != "__init__.py"
    )


def _mirror(relative: str) -> Path:
    """Where the tests of `relative` (a path under src/utilsoc/) live."""
    source = Path(relative)
    return TESTS / source.parent / f"test_{source.name}"


def test_every_module_with_logic_has_its_test_module() -> None:
    missing = [
        f"{module} → {_mirror(module).relative_to(ROOT)}"
        for module in _modules()
        if module not in WITHOUT_TEST_MODULE and not _mirror(module).is_file()
    ]
    assert not missing, "modules sans module de test :\n" + "\n".join(missing)


def test_the_list_of_modules_without_tests_is_current() -> None:
    modules = set(_modules())
    stale = [
        module
        for module in WITHOUT_TEST_MODULE
        if module not in modules or _mirror(module).is_file()
    ]
    assert not stale, f"à retirer de WITHOUT_TEST_MODULE : {stale}"
