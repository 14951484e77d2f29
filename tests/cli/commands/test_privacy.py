"""`donnees-personnelles` (an inventory: exit 0, table or JSON) and `participant effacer`."""

from __future__ import annotations

import json

from utilsoc.errors import ExitCode


def test_the_inventory_as_a_table_and_as_json(cli, example) -> None:
    folder = example("echec-scolaire")
    table = cli("-C", str(folder), "donnees-personnelles")
    assert table.exit_code == 0, table.stderr
    assert "Données personnelles" in table.stdout
    assert "code de participant" in table.stdout
    assert "à retirer" not in table.stdout
    data = json.loads(cli("-C", str(folder), "donnees-personnelles", "-f", "json").stdout)
    verbatims = [row for row in data if row["genre"] == "témoignage"]
    assert {row["consentement"] for row in verbatims} == {"oui", "non"}
    assert {"fichier", "ligne", "genre", "donnée", "consentement", "occurrences"} == set(data[0])


def test_the_inventory_lists_what_validate_refuses_and_still_exits_0(cli, example) -> None:
    folder = example("vide")
    path = folder / "mesures" / "2026" / "paul.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(
        'faits_marquants:\n  - {période: 2026, titre: Fête, récit: "écrire à a.b@free.fr", '
        "auteur: paul, date: 2026-01-05}\n",
        encoding="utf-8",
    )
    result = cli("-C", str(folder), "donnees-personnelles")
    assert result.exit_code == 0, result.stderr
    assert "a.b@free.fr" in result.stdout
    assert "1 à retirer ou pseudonymiser" in result.stdout
    assert cli("-C", str(folder), "validate").exit_code == ExitCode.DONNEES_INVALIDES


def test_an_empty_folder_says_so(cli, example) -> None:
    result = cli("-C", str(example("vide")), "donnees-personnelles")
    assert result.exit_code == 0
    assert result.stdout.strip() == "aucune donnée personnelle dans ce dossier"


def test_participant_help_is_french(cli) -> None:
    result = cli("participant", "effacer", "--help")
    assert result.exit_code == 0
    assert "--oui" in result.stdout
    assert "Effacer les réponses, citations, entretiens et récits d'un participant" in result.stdout
