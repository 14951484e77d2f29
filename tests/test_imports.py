"""Start-up stays light: heavy modules are imported only by the commands needing them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

_PROBE = """
import sys
sys.argv = ["utilsoc", *{args!r}]
from utilsoc.cli.app import main
try:
    main()
except SystemExit:
    pass
print("MODULES", " ".join(sorted(sys.modules)), file=sys.stderr)
"""


def _modules(args: list[str], cwd: Path) -> set[str]:
    completed = subprocess.run(
        [sys.executable, "-c", _PROBE.format(args=args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    line = next(x for x in completed.stderr.splitlines() if x.startswith("MODULES "))
    return {name.split(".")[0] for name in line.split()[1:]}


def test_help_imports_neither_pydantic_nor_yaml(tmp_path: Path) -> None:
    modules = _modules(["--help"], tmp_path)
    assert "typer" in modules
    assert not modules & {"pydantic", "yaml", "jinja2", "matplotlib", "numpy", "rich", "pyarrow"}


def test_validate_imports_no_rendering_library(example, tmp_path: Path) -> None:
    folder = example("vide")
    modules = _modules(["validate", str(folder)], tmp_path)
    assert {"pydantic", "yaml"} <= modules
    assert not modules & {"jinja2", "matplotlib", "numpy", "pyarrow", "openpyxl", "pyxform"}


def test_the_network_status_does_not_load_the_parquet_writer(tmp_path: Path) -> None:
    from utilsoc.actions.network import init_network

    init_network(tmp_path / "net", "R", "", "2025")
    modules = _modules(["-C", str(tmp_path / "net"), "reseau", "status"], tmp_path)
    assert "pydantic" in modules
    assert "pyarrow" not in modules


def test_the_entry_workbook_library_waits_for_its_command(tmp_path: Path) -> None:
    modules = _modules(["saisie", "--help"], tmp_path)
    assert "typer" in modules
    assert not modules & {"openpyxl", "pyxform"}


def test_office_libraries_are_loaded_only_for_their_format(example, tmp_path: Path) -> None:
    folder = example("vide")
    assert not _modules(["--help"], tmp_path) & {"docx", "lxml", "pypdf"}
    output = tmp_path / "bilan.html"
    modules = _modules(["-C", str(folder), "report", "-p", "2025", "-o", str(output)], tmp_path)
    assert output.exists()
    assert "jinja2" in modules
    assert not modules & {"docx", "lxml"}


def test_an_english_report_reads_its_catalogue_without_babel(example, tmp_path: Path) -> None:
    folder = example("vide")
    output = tmp_path / "bilan.html"
    args = ["-C", str(folder), "report", "-p", "2025", "-o", str(output), "--langue", "en"]
    modules = _modules(args, tmp_path)
    assert '<html lang="en">' in output.read_text(encoding="utf-8")
    assert "gettext" in modules
    assert "babel" not in modules
    assert "babel" not in _modules(["--help"], tmp_path)


def test_the_dashboard_loads_the_workbook_library_only_to_write_one(example, tmp_path) -> None:
    folder = example("vide")
    assert "openpyxl" not in _modules(["-C", str(folder), "status"], tmp_path)
    output = tmp_path / "etat.xlsx"
    modules = _modules(["-C", str(folder), "status", "-f", "xlsx", "-o", str(output)], tmp_path)
    assert output.exists()
    assert "openpyxl" in modules


def test_a_kept_word_document_is_written_without_the_word_library(example, tmp_path) -> None:
    folder = example("vide")
    output = tmp_path / "bilan.docx"
    report = ["-C", str(folder), "report", "-p", "2025", "-f", "docx", "-o", str(output)]
    assert "docx" in _modules(report, tmp_path)
    first = output.read_bytes()
    modules = _modules([*report, "--force"], tmp_path)
    assert output.read_bytes() == first
    assert not modules & {"docx", "lxml"}
