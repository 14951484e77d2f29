"""A small network for tests: member folders with hand-written référentiels."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

RESEAU = """\
nom: Programme test
territoire: Brest
période: 2025
membres:
{membres}
commun:
  indicateurs:
    - code: personnes
      libellé: Personnes accompagnées
      définition: Personnes différentes accompagnées dans la période.
      type: nombre
      unité: personnes
    - code: retour_emploi
      libellé: Part des personnes en emploi à six mois
      type: taux
      unité: "%"
    - code: benevoles
      libellé: Bénévoles actifs
      type: nombre
      unité: bénévoles
      agrégation: dernière
    - code: temps
      libellé: Temps d'accompagnement
      type: durée
      unité: jours
"""

INDICATORS = {
    "accueillis": """\
          - code: accueillis
            libellé: Personnes accueillies
            type: nombre
            unité: personnes
            fréquence: trimestrielle
            commun: personnes
""",
    "emploi": """\
          - code: emploi
            libellé: Retour à l'emploi
            type: taux
            unité: "%"
            commun: retour_emploi
""",
    "benevoles": """\
          - code: benevoles
            libellé: Bénévoles
            type: nombre
            unité: bénévoles
            agrégation: dernière
            fréquence: trimestrielle
            commun: benevoles
""",
    "heures": """\
          - code: heures
            libellé: Heures d'accompagnement
            type: durée
            unité: heures
            commun: temps
            facteur: 0.125
""",
}


def referentiel(*codes: str, extra: str = "") -> str:
    """A référentiel whose one criterion holds the named indicators of INDICATORS."""
    body = "".join(INDICATORS[c] for c in codes) + textwrap.indent(extra, " " * 10)
    return (
        "domaines:\n  - code: D\n    nom: Domaine\n    critères:\n"
        "      - code: D-1\n        nom: Critère\n        indicateurs:\n" + body
    )


class NetworkBuilder:
    """Writes a network folder and its members under `root`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.members: list[tuple[str, str, str]] = []

    def member(self, code: str, referentiel_text: str, values: str = "", name: str = "") -> Path:
        """A member folder from the empty example, with this référentiel and these values."""
        folder = self.root / "membres" / code
        folder.mkdir(parents=True)
        name = name or f"Association {code.upper()}"
        (folder / "association.yaml").write_text(
            f"nom: {name}\nidentité:\n  vision: Un quartier.\n  mission: Accompagner.\n"
            "  ambition: Moins d'isolement.\n  valeurs: [Solidarité]\n",
            encoding="utf-8",
        )
        (folder / "referentiel.yaml").write_text(referentiel_text, encoding="utf-8")
        if values:
            (folder / "mesures" / "2025").mkdir(parents=True, exist_ok=True)
            (folder / "mesures" / "2025" / "equipe.yaml").write_text(
                "valeurs:\n" + values, encoding="utf-8"
            )
        self.members.append((code, name, f"membres/{code}"))
        return folder

    def write(self, extra_members: str = "") -> Path:
        """reseau.yaml listing the members added so far."""
        rows = "".join(
            f"  - code: {c}\n    nom: {n}\n    chemin: {p}\n" for c, n, p in self.members
        )
        text = RESEAU.format(membres=(rows + extra_members).rstrip("\n") or "  []")
        if not self.members and not extra_members:
            text = text.replace("membres:\n  []", "membres: []")
        (self.root / "reseau.yaml").write_text(text, encoding="utf-8")
        return self.root


def value(code: str, period: str, number: str, author: str = "equipe") -> str:
    """One measurement line."""
    return (
        f"  - {{indicateur: {code}, période: {period}, {number}, auteur: {author}, "
        f"date: 2025-12-31}}\n"
    )


def make_builder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> NetworkBuilder:
    """An empty network folder in tmp_path, the current folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reseau").mkdir()
    return NetworkBuilder(tmp_path / "reseau")
