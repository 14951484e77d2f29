"""Entry workbook figure: `utilsoc saisie` for 200 indicators × 20 dimension values.

    .venv/bin/python benchmarks/workbook.py [--folder /tmp/saisie-bench] [--runs 3]

Generates (once) a référentiel of 200 annual indicators broken down by a dimension of 20
sites, so 4,000 rows to fill; then prints the median whole-process time of
`utilsoc saisie --period 2025 -o fiche.xlsx` (target ≤ 2 s), and of `utilsoc import` of
the filled workbook for information. The processor time (user + system) is printed
beside the wall time: on a shared machine, it is the figure that does not depend on load.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UTILSOC = str(Path(sys.executable).parent / "utilsoc")
INDICATORS, SITES = 200, 20


def _folder(path: Path) -> Path:
    if (path / "referentiel.yaml").exists():
        return path
    shutil.copytree(ROOT / "examples" / "vide", path)
    sites = ", ".join(f"Site {n:02d}" for n in range(SITES))
    blocks = "".join(
        f"          - code: ind_{n:03d}\n            libellé: Indicateur {n}\n"
        f"            type: nombre\n            dimensions: [site]\n"
        for n in range(INDICATORS)
    )
    text = (path / "referentiel.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "dimensions:\n", f"dimensions:\n  - {{code: site, nom: Site, valeurs: [{sites}]}}\n", 1
    )
    text = text.replace("\n# Auto-évaluation", blocks + "\n# Auto-évaluation", 1)
    (path / "referentiel.yaml").write_text(text, encoding="utf-8")
    return path


def _timed(args: list[str], cwd: Path) -> tuple[float, float]:
    """Wall time, and processor time (user + system) of the child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def _fill(path: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(path)
    sheet = book["Saisie"]
    value = [c.value for c in sheet[1]].index("Valeur")
    for number, row in enumerate(sheet.iter_rows(min_row=2), start=1):
        if row[0].value and str(row[0].value).startswith("ind_"):
            row[value].value = number
    book.save(path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folder", type=Path, default=Path("/tmp/saisie-bench"))
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    folder = _folder(options.folder)
    make = [UTILSOC, "saisie", "--period", "2025", "-o", "fiche.xlsx", "--force"]
    times = [_timed(make, folder) for _ in range(options.runs)]
    rows = INDICATORS * SITES
    wall, cpu = (statistics.median(t[i] for t in times) for i in (0, 1))
    print(f"saisie, {rows} lignes : {wall:.2f} s, processeur {cpu:.2f} s (cible ≤ 2 s)")
    _fill(folder / "fiche.xlsx")
    shutil.rmtree(folder / "mesures", ignore_errors=True)
    spent, _ = _timed([UTILSOC, "import", "fiche.xlsx", "--author", "bench", "--dry-run"], folder)
    print(f"import --dry-run de la fiche remplie : {spent:.2f} s (pour information)")


if __name__ == "__main__":
    main()
