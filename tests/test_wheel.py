"""The built wheel carries its templates, examples and schemas: a report renders from it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).parent.parent


def _source_copy(tmp_path: Path) -> Path:
    """The repository as a fresh clone would have it, plus what running utilsoc leaves.

    Why: an example folder utilsoc ran in keeps `.utilsoc-cache/` and `*.lock` files; the
    wheel must ship neither.
    """
    source = tmp_path / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "node_modules", "__pycache__", ".utilsoc-cache", "*.lock", "build"
        ),
    )
    leftovers = source / "examples" / "vide"
    (leftovers / ".utilsoc-cache").mkdir()
    (leftovers / ".utilsoc-cache" / "validate.json").write_text("{}", encoding="utf-8")
    (leftovers / "mesures").mkdir(exist_ok=True)
    (leftovers / "mesures" / ".marie.yaml.lock").write_text("", encoding="utf-8")
    return source


def test_installed_wheel_scaffolds_validates_and_reports(tmp_path: Path) -> None:
    wheels = tmp_path / "roues"
    source = _source_copy(tmp_path)
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    wheel = next(wheels.glob("utilsoc-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "utilsoc/_data/examples/vide/referentiel.yaml" in names
    assert "utilsoc/_data/examples/reseau-brest/liens-mediation.yaml" in names
    assert "utilsoc/_data/templates/financeur.html.j2" in names
    assert "utilsoc/catalogue/data/01-lien-social.yaml" in names
    assert [n for n in names if ".utilsoc-cache" in n or n.endswith(".lock")] == []
    target = tmp_path / "installe"
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    env = {**os.environ, "PYTHONPATH": str(target), "NO_COLOR": "1"}
    work = tmp_path / "travail"
    work.mkdir()

    def utilsoc(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "utilsoc", *args],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    where = subprocess.run(
        [sys.executable, "-c", "import utilsoc; print(utilsoc.__file__)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert where.startswith(str(target))
    assert utilsoc("init", "asso", "--example", "lien-social").returncode == 0
    assert utilsoc("-C", "asso", "validate").returncode == 0
    assert "  ratio_sroi " in utilsoc("catalogue", "--cherche", "sroi").stdout
    report = utilsoc("-C", "asso", "report", "-t", "communication", "-p", "2025", "-o", "c.html")
    assert report.returncode == 0, report.stderr
    assert '<html lang="fr">' in (work / "asso" / "c.html").read_text(encoding="utf-8")
    assert utilsoc("reseau", "init", "brest", "--example", "brest").returncode == 0
    assert utilsoc("-C", "brest", "reseau", "validate").returncode == 0
