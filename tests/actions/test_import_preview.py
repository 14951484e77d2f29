"""`import --dry-run`: the first records, totals per indicator and period, the conflicts."""

from __future__ import annotations

from pathlib import Path

from utilsoc.errors import ExitCode

RATE = """\
          - code: taux_retour
            libellé: Taux de retour
            type: taux
          - code: confiance
            libellé: Confiance
            type: score
            échelle: {min: 1, max: 5}
            méthode: questionnaire
"""
MAPPING = """\
auteur: tableur
colonnes:
  indicateur: Indicateur
  période: Période
  valeur: Valeur
  numérateur: Num
  dénominateur: Den
dimensions:
  sexe: Sexe
"""


def _dry_run(cli, folder: Path, table: str, mapping: str = MAPPING):
    (folder / "map.yaml").write_text(mapping, encoding="utf-8")
    (folder / "a.csv").write_text(table, encoding="utf-8")
    return cli("-C", str(folder), "import", "a.csv", "-m", "map.yaml", "--dry-run")


def test_the_first_records_and_the_totals_are_shown(cli, example) -> None:
    folder = example("vide", RATE)
    table = "Indicateur;Période;Sexe;Valeur;Num;Den\n" + "".join(
        f"nb_personnes_accompagnees;{2013 + n};F;{n};;\n" for n in range(1, 13)
    )
    table += "nb_personnes_accompagnees;2024;H;2,5;;\ntaux_retour;2024;;;37;94\n"
    result = _dry_run(cli, folder, table)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert (
        "premiers enregistrements :\n  ligne 2 : nb_personnes_accompagnees 2014, sexe=F → 1\n"
        in out
    )
    assert "ligne 11 : nb_personnes_accompagnees 2023, sexe=F → 10\n" in out
    assert "ligne 12 :" not in out  # ten records shown, not more
    assert "  nb_personnes_accompagnees 2024 : 2 valeurs, total 13,5\n" in out
    assert "  taux_retour 2024 : 1 valeur, 37/94 au total (39,4\u202f%)\n" in out
    assert "simulation : 14 enregistrements seraient écrits, aucun fichier modifié" in out
    assert not (folder / "mesures").exists()


def test_the_conflicts_are_listed_after_the_preview(cli, example) -> None:
    folder = example("vide", RATE)
    recorded = cli(
        "-C",
        str(folder),
        "record",
        "nb_personnes_accompagnees",
        "3",
        "-p",
        "2024",
        "--dim",
        "sexe=F",
        "--author",
        "Léa",
    )
    assert recorded.exit_code == 0, recorded.stderr
    before = sorted((folder / "mesures").rglob("*"))
    table = (
        "Indicateur;Période;Sexe;Valeur;Num;Den\n"
        "nb_personnes_accompagnees;2024;F;4;;\nnb_personnes_accompagnees;2024;H;5;;\n"
    )
    result = _dry_run(cli, folder, table)
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "ligne 3 : nb_personnes_accompagnees 2024, sexe=H → 5" in result.stdout
    assert "simulation : 1 enregistrement serait écrit" in result.stdout
    assert "a.csv:2:1: erreur: nb_personnes_accompagnees 2024, sexe=F : 3 déjà enregistré" in (
        result.stderr
    )
    assert "[valeur-existante]" in result.stderr
    assert sorted((folder / "mesures").rglob("*")) == before


def test_answers_are_counted_with_their_mean(cli, example) -> None:
    folder = example("vide", RATE)
    mapping = (
        "type: questionnaire\nauteur: kobo\npériode: 2025\ncolonnes:\n  participant: Code\n"
        "  moment: Moment\nindicateurs:\n  confiance: Q1\n"
    )
    table = "Code;Moment;Q1\nP1;entrée;2\nP1;sortie;4\nP2;entrée;3\n"
    result = _dry_run(cli, folder, table, mapping)
    assert result.exit_code == 0, result.stderr
    assert "ligne 3 : confiance 2025, P1 (sortie) → 4" in result.stdout
    assert "  confiance 2025 : 3 réponses, moyenne 3\n" in result.stdout
