"""Start-up figures of `utilsoc --help` and `utilsoc validate`, as ratios to the stack's floor.

Run with the interpreter of the environment utilsoc is installed in:

    .venv/bin/python benchmarks/startup.py [--runs 30] [--example echec-scolaire]

Each pair of commands is run in turn (A B A B ...), whole process, and the ratio printed is
the median of the per-pair ratios, so machine noise affects both sides alike. Targets (issue
"Foundation"): `--help` ≤ 1.3 × `import typer`; `validate` on the largest example
≤ 2 × `import typer, yaml; from pydantic import BaseModel`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
UTILSOC = str(Path(PYTHON).with_name("utilsoc"))


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure with .pyc files, as users run it
    env["NO_COLOR"] = "1"
    return env


def _run_once(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        command,
        cwd=cwd,
        env=_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - start


def _paired(a: list[str], b: list[str], runs: int, cwd: Path) -> tuple[float, float, float]:
    for _ in range(3):  # warm-up: page cache, .pyc files
        _run_once(a, cwd)
        _run_once(b, cwd)
    times_a, times_b, ratios = [], [], []
    for _ in range(runs):
        time_a, time_b = _run_once(a, cwd), _run_once(b, cwd)
        times_a.append(time_a)
        times_b.append(time_b)
        ratios.append(time_a / time_b)
    return statistics.median(times_a), statistics.median(times_b), statistics.median(ratios)


def _largest_example() -> str:
    examples = [p for p in (ROOT / "examples").iterdir() if (p / "referentiel.yaml").is_file()]
    return max(examples, key=lambda p: (p / "referentiel.yaml").stat().st_size).name


def _line(name: str, a: float, b: float, ratio: float, target: float, floor: str) -> None:
    verdict = "OK" if ratio <= target else "AU-DESSUS"
    print(
        f"{name:<34} {a * 1000:7.1f} ms   {floor:<40} {b * 1000:7.1f} ms   "
        f"ratio {ratio:4.2f} (cible ≤ {target}) {verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--example", default=None, help="exemple à valider (défaut : le plus gros)")
    args = parser.parse_args()
    example = args.example or _largest_example()
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        shutil.copytree(ROOT / "examples" / example, work / "asso")
        bare = _paired([PYTHON, "-c", "pass"], [PYTHON, "-c", "import typer"], args.runs, work)
        print(f"python -c pass: {bare[0] * 1000:.1f} ms ; import typer: {bare[1] * 1000:.1f} ms")
        help_ = _paired([UTILSOC, "--help"], [PYTHON, "-c", "import typer"], args.runs, work)
        _line("utilsoc --help", *help_, 1.3, "python -c 'import typer'")
        floor = "import typer, yaml; from pydantic import BaseModel"
        validate = _paired([UTILSOC, "validate", "asso"], [PYTHON, "-c", floor], args.runs, work)
        _line(f"utilsoc validate ({example})", *validate, 2.0, "typer+yaml+BaseModel")


if __name__ == "__main__":
    main()
