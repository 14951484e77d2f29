"""Cross-file checks run on a real example folder, edited the way a person would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from utilsoc.folder import load_folder
from utilsoc.project import Layout

Edit = Callable[..., list[str]]


@pytest.fixture
def issues_after(example, monkeypatch: pytest.MonkeyPatch) -> Edit:
    """Copy the `vide` example, replace texts in its files, return every issue formatted.

    Each keyword is a file of the folder (`publics`, `referentiel`, `financeur` for the
    logframe), given as a list of (old, new) replacements.
    """
    files = {
        "referentiel": "referentiel.yaml",
        "association": "association.yaml",
        "publics": "publics.yaml",
        "financeur": "cadres-logiques/financeur.yaml",
    }

    def edit(**changes: list[tuple[str, str]]) -> list[str]:
        folder: Path = example("vide")
        monkeypatch.chdir(folder)  # files are shown from the folder, as validate shows them
        for name, replacements in changes.items():
            path = folder / files[name]
            text = path.read_text(encoding="utf-8")
            for old, new in replacements:
                assert old in text, old
                text = text.replace(old, new, 1)
            path.write_text(text, encoding="utf-8")
        return [issue.format() for issue in load_folder(Layout(folder)).issues]

    return edit


def _line(value: str, site: str = "Les Tilleuls", author: str = "Nadia", code: str = "") -> str:
    code = code or "nb_eleves_accompagnes"
    return (
        f"  - {{indicateur: {code}, période: 2024-2025, valeur: {value}, "
        f'dimensions: {{site: "{site}"}}, auteur: {author}, date: 2025-09-05}}\n'
    )


@pytest.fixture
def measures_folder(example) -> Callable[[], Path]:
    """The example folder, plus files valid, invalid and unreadable, read fast or strictly."""

    def make() -> Path:
        root: Path = example("echec-scolaire")
        files = {
            "valide-1": "valeurs:\n" + _line("12") + _line("13", "La Garenne"),
            "valide-2": "valeurs:\n" + _line("7", "Centre-ville", "Yves"),
            "strict": "valeurs:\n" + _line("12").replace("}\n", "}  # relu\n"),
            "inconnu": "valeurs:\n" + _line("4") + _line("5", code="nb_inconnu") + _line("x"),
            "dimension": "valeurs:\n" + _line("3", "Ailleurs") + _line("3", "Ailleurs"),
            "conflit": "valeurs:\n" + _line("99"),
            "preuve": (
                "témoignages:\n  - {période: 2024-2025, texte: Merci, rôle: autre, "
                "pseudonyme: Z, consentement: true, critères: [NON-9], auteur: Nadia, "
                "date: 2025-01-02}  # vu\n"
            ),
            "groupes": (  # E2401 answers as one of the action's people too
                "questionnaires:\n  - {indicateur: score_confiance_sortie, période: 2024-2025, "
                'participant: E2401, moment: "entrée", score: 2.0, auteur: Nadia, '
                "date: 2024-10-02, groupe: comparaison}\n"
            ),
            "syntaxe": "valeurs:\n  - {indicateur: [\n",
            "marqueurs": "valeurs:\n<<<<<<< HEAD\n"
            + _line("1")
            + "=======\n"
            + _line("2")
            + ">>>>>>>\n",
        }
        for name, text in files.items():
            path = root / "mesures" / "2024-2025" / f"{name}.yaml"
            path.write_text(text, encoding="utf-8")
        latin1 = "valeurs: é\n".encode("latin-1")
        (root / "mesures" / "2024-2025" / "latin1.yaml").write_bytes(latin1)
        return root

    return make


@pytest.fixture
def remote(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Any folder goes to the workers; the list counts the files sent to them."""
    from utilsoc.store import parallel

    monkeypatch.setattr(parallel, "MIN_FILES", 1)
    monkeypatch.setattr(parallel, "MIN_WORK_FORK", 0.0)
    monkeypatch.setattr(parallel, "MIN_WORK_SPAWN", 0.0)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    sent: list[int] = []
    in_order = parallel.Workers.in_order

    def counted(self: Any, items: Any, far: Any, *args: Any) -> Any:
        sent.append(sum(far))
        return in_order(self, items, far, *args)

    monkeypatch.setattr(parallel.Workers, "in_order", counted)
    return sent
