"""How fast personal data is found: texts per second, and time against text length.

Run with the interpreter of the environment utilsoc is installed in:

    .venv/bin/python benchmarks/personal.py [--texts 100000]

The texts are every text of the bundled examples (verbatims, notes, facts...), repeated.
`validate` runs the detector over each of them; the second figure checks that the time
grows linearly with the length of one text (ratio close to 1 per doubling).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from utilsoc.check.personal import find_personal_data  # noqa: E402

TEXT_KEYS = {"texte", "note", "récit", "description", "constat", "analyse", "appréciation"}


def _texts(data: object, key: str = "") -> list[str]:
    if isinstance(data, dict):
        return [t for k, v in data.items() for t in _texts(v, k)]
    if isinstance(data, list):
        return [t for item in data for t in _texts(item, key)]
    return [data] if isinstance(data, str) and key in TEXT_KEYS else []


def _seconds(texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        find_personal_data(text)
    return time.perf_counter() - start


def main() -> None:
    """Print texts per second over the examples' texts, and the linearity ratios."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--texts", type=int, default=100_000)
    count = parser.parse_args().texts
    corpus = [
        text
        for path in sorted((ROOT / "examples").rglob("*.yaml"))
        for text in _texts(yaml.safe_load(path.read_text(encoding="utf-8")))
    ]
    texts = list(itertools.islice(itertools.cycle(corpus), count))
    find_personal_data("Inès Martin")  # the name list, read once
    seconds = _seconds(texts)
    mean = sum(map(len, texts)) / len(texts)
    print(f"{len(corpus)} textes distincts, {count} analysés (moyenne {mean:.0f} caractères)")
    print(f"{seconds:.2f} s : {count / seconds:,.0f} textes par seconde".replace(",", " "))
    one = " ".join(corpus)
    previous = None
    for times in (1, 2, 4, 8):
        elapsed = min(_seconds([one * times]) for _ in range(3))
        ratio = f" (× {elapsed / previous:.2f})" if previous else ""
        print(f"un texte de {len(one) * times} caractères : {elapsed * 1000:.0f} ms{ratio}")
        previous = elapsed


if __name__ == "__main__":
    main()
