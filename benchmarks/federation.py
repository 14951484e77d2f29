"""Federation-scale figures: a million values in the project's own layout.

    .venv/bin/python benchmarks/federation.py [--folder /tmp/federation] [--runs 3] [--small]

Generates (once) 200 indicators × 50 sites × 100 months, one contributor per month among
four, so 100 files of 10,000 records; then prints, whole process, medians of --runs
(the cold commands alternate with the reference, and their ratio is the median of the
ratios of runs side by side, so that the machine's load changes hit both alike):
- cold `utilsoc validate` and `utilsoc status` (no cache) against one pass of libyaml's
  event stream over the same files, in one process (targets ≤ 3×, and ≤ 0.7× on two
  cores: the folder is read by one worker process per core), with peak memory, summed
  over the process and its workers (target ≤ 1.5 GiB);
- the same commands warm (cache of validated files; target ≥ 10× faster than cold);
- `utilsoc validate` of one 10,000-record file against check-jsonschema with the schema
  `utilsoc schema` exports (target ≥ 7× faster), when check-jsonschema is installed;
- `utilsoc record` of one value into the big folder against `utilsoc validate` of the bare
  référentiel (target ≤ 1.2×). The reference checks the référentiel: its kept outcome
  (`validate.json`, which lets an unchanged folder skip the models) is removed before each
  run; validate reusing it is printed for information.
--small generates a tenth of it (10 months) for a quick look.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
UTILSOC = str(BIN / "utilsoc")
SITES = [f"Site {n:02d}" for n in range(50)]
# Before the generated months: a period already begun (`record` refuses a future one) and
# one with no value yet, removed after the runs.
RECORD_PERIOD = "2016-01"


def generate(folder: Path, months: int, indicators: int = 200) -> None:
    """Write the référentiel and the measurement files (skipped if already there)."""
    marker = folder / f".genere-{months}"
    if marker.exists():
        return
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "mesures").mkdir(parents=True)
    codes = [f"ind_{n:03d}" for n in range(indicators)]
    _write_referentiel(folder, codes)
    authors = ["alice", "bruno", "chloe", "driss"]
    for month in range(months):
        period = f"{2017 + month // 12}-{month % 12 + 1:02d}"
        author = authors[month % len(authors)]
        lines = [f"# Mesures de {author} pour {period}.\n", "valeurs:\n"]
        for code in codes:
            for n, site in enumerate(SITES):
                lines.append(
                    f"  - {{indicateur: {code}, période: {period}, valeur: {n * 3 + 1}, "
                    f'dimensions: {{site: "{site}"}}, auteur: {author}, '
                    f"date: {period}-28}}\n"
                )
        target = folder / "mesures" / period / f"{author}.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("".join(lines), encoding="utf-8")
    marker.write_text("ok\n", encoding="utf-8")


def _write_referentiel(folder: Path, codes: list[str]) -> None:
    (folder / "association.yaml").write_text(
        "nom: Fédération d'essai\nidentité:\n  vision: v\n  mission: m\n  ambition: a\n"
        "  valeurs: [Coopération]\n",
        encoding="utf-8",
    )
    values = ", ".join(f'"{s}"' for s in SITES)
    lines = [
        "dimensions:\n",
        "  - code: site\n",
        "    nom: Site\n",
        f"    valeurs: [{values}]\n",
        "domaines:\n",
    ]
    for d in range(4):
        lines += [f"  - code: D{d}\n", f"    nom: Domaine {d}\n", "    critères:\n"]
        for c in range(5):
            lines += [
                f"      - code: D{d}-C{c}\n",
                f"        nom: Critère {c}\n",
                "        indicateurs:\n",
            ]
            for code in codes[(d * 5 + c) * 10 : (d * 5 + c) * 10 + 10]:
                lines += [
                    f"          - code: {code}\n",
                    f"            libellé: Indicateur {code}\n",
                    "            type: nombre\n",
                    "            fréquence: mensuelle\n",
                    "            dimensions: [site]\n",
                    "            cibles: [{période: 2020, valeur: 100000}]\n",
                ]
    (folder / "referentiel.yaml").write_text("".join(lines), encoding="utf-8")


def _run(command: list[str], cwd: Path) -> tuple[float, int, int]:
    """Wall time, peak memory (bytes) and exit code of one whole process and its workers.

    The peak memory is the largest sum of the resident sizes of the process and of its
    children (the worker processes), sampled every 20 ms; where /proc is missing, the
    peak of the largest process alone.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["NO_COLOR"] = "1"
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    summed = 0
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        summed = max(summed, _tree_rss(process.pid))
        time.sleep(0.02)
    elapsed = time.perf_counter() - start
    CPU.append(usage.ru_utime + usage.ru_stime)  # its reaped workers' included
    return elapsed, max(summed, usage.ru_maxrss * 1024), os.waitstatus_to_exitcode(status)


CPU: list[float] = []  # processor seconds of each run, in order


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and of its descendants, now (0 without /proc)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) * 1024
        todo.extend(int(child) for child in children)
    return total


def _median(command: list[str], cwd: Path, runs: int, before: object = None) -> tuple[float, int]:
    times, peaks = [], []
    for _ in range(runs):
        if callable(before):
            before()
        elapsed, peak, _ = _run(command, cwd)
        times.append(elapsed)
        peaks.append(peak)
    return statistics.median(times), max(peaks)


_EVENTS = (
    "import sys, yaml, pathlib\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml')):\n"
    "    for _ in yaml.parse(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader): pass\n"
)


def _line(label: str, seconds: float, peak: int | None = None, ratio: str = "") -> None:
    memory = f"  pic {peak / 2**30:5.2f} Gio" if peak else ""
    print(f"{label:<58} {seconds:8.2f} s{memory}  {ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=Path("/tmp/utilsoc-federation"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--small", action="store_true")
    args = parser.parse_args()
    folder: Path = args.folder
    generate(folder, 10 if args.small else 100)
    cache = folder / ".utilsoc-cache"
    clear = lambda: shutil.rmtree(cache, ignore_errors=True)  # noqa: E731
    reference = [sys.executable, "-c", _EVENTS, str(folder / "mesures")]
    # Alternated, so that a change in the machine's load hits the reference and the
    # commands alike; each ratio is the median of the ratios of runs side by side.
    times: dict[str, list[float]] = {"events": [], "validate": [], "status": []}
    cpu: dict[str, list[float]] = {"events": [], "validate": [], "status": []}
    peaks: dict[str, int] = {"validate": 0, "status": 0}
    for _ in range(args.runs):
        times["events"].append(_run(reference, folder)[0])
        cpu["events"].append(CPU[-1])
        for command in ("validate", "status"):
            clear()
            elapsed, peak, _ = _run([UTILSOC, command], folder)
            times[command].append(elapsed)
            cpu[command].append(CPU[-1])
            peaks[command] = max(peaks[command], peak)
    _line(
        "libyaml, flux d'événements seul (référence)",
        statistics.median(times["events"]),
        None,
        f"processeur {statistics.median(cpu['events']):5.1f} s",
    )
    for command in ("validate", "status"):
        cold = statistics.median(times[command])
        ratio = statistics.median(
            c / e for c, e in zip(times[command], times["events"], strict=True)
        )
        _line(
            f"utilsoc {command} à froid",
            cold,
            peaks[command],
            f"{ratio:4.2f} × le flux (cibles ≤ 3, et ≤ 0,7 sur {os.cpu_count()} cœurs), "
            f"processeur {statistics.median(cpu[command]):5.1f} s",
        )
        _run([UTILSOC, command], folder)
        warm, _ = _median([UTILSOC, command], folder, args.runs)
        _line(
            f"utilsoc {command} avec le cache",
            warm,
            None,
            f"{cold / warm:5.1f} × plus rapide (cible ≥ 10)",
        )
    print(
        "pic : somme des mémoires résidentes du processus et de ses ouvriers (cible ≤ 1,5 Gio) ;"
        " processeur : temps de calcul, ouvriers compris (sur une machine chargée, le temps"
        " écoulé dépend des autres programmes)"
    )
    _compare_checkjsonschema(folder, args.runs)
    _compare_record(folder, args.runs)


def _compare_checkjsonschema(folder: Path, runs: int) -> None:
    checker = BIN / "check-jsonschema"
    if not checker.exists():
        print("check-jsonschema absent : pip install check-jsonschema pour cette comparaison")
        return
    single = folder.parent / f"{folder.name}-un-fichier"
    shutil.rmtree(single, ignore_errors=True)
    single.mkdir()
    for name in ("association.yaml", "referentiel.yaml"):
        shutil.copy(folder / name, single / name)
    source = sorted((folder / "mesures").rglob("*.yaml"))[0]
    target = single / "mesures" / source.parent.name / source.name
    target.parent.mkdir(parents=True)
    shutil.copy(source, target)
    subprocess.run(
        [UTILSOC, "schema", "-o", str(single / "schemas")], check=True, stdout=subprocess.DEVNULL
    )
    ours, _ = _median(
        [UTILSOC, "validate"],
        single,
        runs,
        lambda: shutil.rmtree(single / ".utilsoc-cache", ignore_errors=True),
    )
    theirs, _ = _median(
        [
            str(checker),
            "--schemafile",
            str(single / "schemas" / "mesures.schema.json"),
            str(target),
        ],
        single,
        runs,
    )
    _line("utilsoc validate, un fichier de 10 000 valeurs", ours)
    _line(
        "check-jsonschema, même fichier, même schéma",
        theirs,
        None,
        f"{theirs / ours:5.1f} × plus lent qu'utilsoc (cible ≥ 7)",
    )


def _compare_record(folder: Path, runs: int) -> None:
    bare = folder.parent / f"{folder.name}-referentiel"
    shutil.rmtree(bare, ignore_errors=True)
    bare.mkdir()
    for name in ("association.yaml", "referentiel.yaml"):
        shutil.copy(folder / name, bare / name)
    _run([UTILSOC, "validate"], bare)  # fills the digest list: the timed runs are warm
    kept = bare / ".utilsoc-cache" / "validate.json"
    # Alternated, so that a change in the machine's load hits both (at least 5 of each).
    validates, reused, times = [], [], []
    for n in range(max(runs, 5)):
        kept.unlink(missing_ok=True)  # the référentiel is loaded and checked
        validates.append(_run([UTILSOC, "validate"], bare)[0])
        reused.append(_run([UTILSOC, "validate"], bare)[0])  # its outcome reused
        elapsed, _, code = _run(
            [
                UTILSOC,
                "record",
                "ind_000",
                str(7 + n),
                "-p",
                RECORD_PERIOD,
                "--dim",
                f"site={SITES[n]}",
                "-a",
                "bench",
            ],
            folder,
        )
        assert code == 0, "record a échoué"
        times.append(elapsed)
    validate = statistics.median(validates)
    shutil.rmtree(folder / "mesures" / RECORD_PERIOD, ignore_errors=True)
    record = statistics.median(times)
    _line("utilsoc validate du référentiel seul", validate)
    _line(
        "utilsoc validate du référentiel, résultat repris",
        statistics.median(reused),
        None,
        "(pour information : ne charge pas les modèles)",
    )
    _line(
        "utilsoc record d'une valeur dans le dossier fédéral",
        record,
        None,
        f"{record / validate:4.2f} × validate du référentiel (cible ≤ 1,2)",
    )


if __name__ == "__main__":
    main()
