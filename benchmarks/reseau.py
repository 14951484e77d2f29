"""Network figures: many member folders, one référentiel commun, totals across them.

    .venv/bin/python benchmarks/reseau.py [--folder /tmp/reseau] [--runs 3] [--grand] [--small]

Generates (once) 200 members × 5,000 values (1M values; --grand: 2,000 members, 10M;
--small: 20 members), each member a real association folder whose 10 indicators feed
5 common ones (some through a factor), by quartier; then prints, whole process, medians of
--runs, the cold ones alternated with the reference:
- one pass of libyaml's event stream over every member's measurement files, in one
  process (the reference);
- cold `utilsoc reseau status` (no cache anywhere; target ≤ 0.7 × the reference on two
  cores, members read in parallel), with peak memory summed over its processes (target
  ≤ 1.5 GiB at 10M);
- warm `utilsoc reseau status`, members unchanged (target ≤ 2 s at 1M, ≤ 10 s at 10M);
- DuckDB summing the Parquet export of the same values (a peer figure, when duckdb and
  pyarrow are installed).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from federation import UTILSOC, _line, _run  # same measuring as the federation figures

QUARTIERS = [f"Quartier {n:02d}" for n in range(50)]
MONTHS = 10


def generate(folder: Path, members: int) -> None:
    """The network folder and its members (skipped if already there)."""
    marker = folder / f".genere-{members}"
    if marker.exists():
        return
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "membres").mkdir(parents=True)
    quartiers = ", ".join(f'"{q}"' for q in QUARTIERS)
    common = "".join(
        f"    - {{code: commun_{n}, libellé: Commun {n}, type: nombre, unité: personnes}}\n"
        for n in range(5)
    )
    rows = "".join(
        f"  - code: m{m:04d}\n    nom: Association {m:04d}\n    chemin: membres/m{m:04d}\n"
        for m in range(members)
    )
    (folder / "reseau.yaml").write_text(
        f"nom: Réseau d'essai\nterritoire: Essai\npériode: 2024\nmembres:\n{rows}"
        f"commun:\n  dimensions:\n    - code: quartier\n      nom: Quartier\n"
        f"      valeurs: [{quartiers}]\n  indicateurs:\n{common}",
        encoding="utf-8",
    )
    for m in range(members):
        _member(folder / "membres" / f"m{m:04d}", m, quartiers)
    marker.write_text("ok\n", encoding="utf-8")


def _member(folder: Path, number: int, quartiers: str) -> None:
    (folder / "mesures").mkdir(parents=True)
    (folder / "association.yaml").write_text(
        f"nom: Association {number:04d}\nidentité:\n  vision: v\n  mission: m\n  ambition: a\n"
        "  valeurs: [Coopération]\n",
        encoding="utf-8",
    )
    indicators = "".join(
        f"          - code: ind_{n}\n            libellé: Indicateur {n}\n"
        f"            type: nombre\n            unité: personnes\n"
        f"            fréquence: mensuelle\n            dimensions: [quartier]\n"
        f"            commun: commun_{n % 5}\n"
        for n in range(10)
    )
    (folder / "referentiel.yaml").write_text(
        f"dimensions:\n  - code: quartier\n    nom: Quartier\n    valeurs: [{quartiers}]\n"
        "domaines:\n  - code: D\n    nom: Domaine\n    critères:\n"
        f"      - code: D-1\n        nom: Critère\n        indicateurs:\n{indicators}",
        encoding="utf-8",
    )
    for month in range(MONTHS):
        period = f"2024-{month + 1:02d}"
        lines = ["valeurs:\n"]
        for n in range(10):
            for q, quartier in enumerate(QUARTIERS):
                lines.append(
                    f"  - {{indicateur: ind_{n}, période: {period}, valeur: {q + n + number % 7}, "
                    f'dimensions: {{quartier: "{quartier}"}}, auteur: equipe, '
                    f"date: {period}-28}}\n"
                )
        target = folder / "mesures" / period / "equipe.yaml"
        target.parent.mkdir(parents=True)
        target.write_text("".join(lines), encoding="utf-8")


_EVENTS = (
    "import sys, yaml, pathlib\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).glob('*/mesures/*/*.yaml')):\n"
    "    for _ in yaml.parse(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader): pass\n"
)

_DUCKDB = (
    "import sys, duckdb\n"
    'duckdb.sql(f"SELECT commun, sum(valeur_commune) FILTER (WHERE compte) '
    "FROM '{sys.argv[1]}' GROUP BY commun\").fetchall()\n"
)


def _clear(folder: Path) -> None:
    for cache in folder.glob("**/.utilsoc-cache"):
        shutil.rmtree(cache, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--grand", action="store_true")
    parser.add_argument("--small", action="store_true")
    args = parser.parse_args()
    members = 2000 if args.grand else 20 if args.small else 200
    folder: Path = args.folder or Path(f"/tmp/utilsoc-reseau-{members}")
    generate(folder, members)
    print(f"{members} membres × 5 000 valeurs ({members * 5000:,} valeurs)".replace(",", " "))
    reference = [sys.executable, "-c", _EVENTS, str(folder / "membres")]
    status = [UTILSOC, "reseau", "status"]
    events, cold, ratios, peak = [], [], [], 0
    for _ in range(args.runs):
        events.append(_run(reference, folder)[0])
        _clear(folder)
        elapsed, memory, code = _run(status, folder)
        if code != 0:
            sys.exit(f"reseau status a échoué (code {code}) : lancez-le dans {folder}")
        cold.append(elapsed)
        ratios.append(elapsed / events[-1])
        peak = max(peak, memory)
    warm = [_run(status, folder)[0] for _ in range(args.runs)]
    _line("libyaml, flux d'événements seul (référence)", statistics.median(events))
    _line(
        "reseau status à froid",
        statistics.median(cold),
        peak,
        f"{statistics.median(ratios):4.2f} × la référence (cible ≤ 0,7)",
    )
    target = 10.0 if args.grand else 2.0
    _line(
        "reseau status à chaud (membres inchangés)",
        statistics.median(warm),
        None,
        f"cible ≤ {target:g} s",
    )
    _peer(folder)


def _peer(folder: Path) -> None:
    """DuckDB over the Parquet export of the same values, for comparison."""
    try:
        import duckdb  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        print("DuckDB ou pyarrow absent : pas de comparaison avec l'export Parquet")
        return
    export = folder / "export" / "reseau.parquet"
    subprocess.run(
        [UTILSOC, "reseau", "export", "--force"], cwd=folder, check=True, capture_output=True
    )
    query = [sys.executable, "-c", _DUCKDB, str(export)]
    _line(
        "DuckDB : totaux sur l'export Parquet (pair)",
        statistics.median(_run(query, folder)[0] for _ in range(3)),
    )


if __name__ == "__main__":
    main()
