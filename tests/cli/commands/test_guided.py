"""`utilsoc record` without arguments in a terminal: one question per indicator due."""

from __future__ import annotations

CODE = "nb_personnes_accompagnees"


def test_guided_session_asks_each_due_indicator_and_confirms(cli, example, monkeypatch) -> None:
    monkeypatch.setattr("utilsoc.cli.commands.record.is_terminal", lambda: True)
    folder = example("vide")
    answers = "2026\ntrois\n42\no\n"
    result = cli("-C", str(folder), "record", "-a", "lea", input=answers)
    assert result.exit_code == 0, result.stderr
    assert "nombre attendu, « trois » lu" in result.stdout
    assert f"{CODE} = 42 personnes" in result.stdout
    text = (folder / "mesures" / "2026" / "lea.yaml").read_text(encoding="utf-8")
    assert "valeur: 42" in text


def test_guided_session_writes_nothing_without_confirmation(cli, example, monkeypatch) -> None:
    monkeypatch.setattr("utilsoc.cli.commands.record.is_terminal", lambda: True)
    folder = example("vide")
    result = cli("-C", str(folder), "record", "-a", "lea", input="2026\n42\nn\n")
    assert result.exit_code == 0, result.stderr
    assert "rien n'a été écrit" in result.stdout
    assert not (folder / "mesures").exists()


def test_guided_session_records_the_others_when_one_value_is_refused(
    cli, example, monkeypatch
) -> None:
    monkeypatch.setattr("utilsoc.cli.commands.record.is_terminal", lambda: True)
    folder = example("echec-scolaire")
    claire = ("-C", str(folder), "record", "-a", "claire", "taux_assiduite", "81/100")
    assert cli(*claire, "-p", "2026-10").exit_code == 0
    # monthly: heures_accompagnement, taux_assiduite (81/100: refused), nb_relais_information
    answers = "2026-10\n1200\n79\n100\n9\no\n"
    result = cli("-C", str(folder), "record", "-a", "lea", input=answers)
    assert result.exit_code == 1
    assert "non enregistré : taux_assiduite = 79/100 — une valeur existe déjà" in result.stderr
    assert "1 valeur non enregistrée : taux_assiduite" in result.stderr
    text = (folder / "mesures" / "2026-10" / "lea.yaml").read_text(encoding="utf-8")
    assert "indicateur: heures_accompagnement" in text
    assert "indicateur: nb_relais_information" in text
    assert "taux_assiduite" not in text
    assert cli("-C", str(folder), "validate").exit_code == 0


def test_guided_session_lists_every_value_a_broken_file_stops(cli, example, monkeypatch) -> None:
    monkeypatch.setattr("utilsoc.cli.commands.record.is_terminal", lambda: True)
    folder = example("echec-scolaire")
    broken = folder / "mesures" / "2026-10" / "claire.yaml"
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_text("valeurs:\n  - indicateur: [taux\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in (folder / "mesures").rglob("*.yaml")}
    answers = "2026-10\n1200\n79\n100\n9\no\n"
    result = cli("-C", str(folder), "record", "-a", "lea", input=answers)
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert "non enregistré : heures_accompagnement = 1200" in result.stderr
    assert "/mesures/2026-10/claire.yaml:3:1: erreur: crochet" in result.stderr.replace("\\", "/")
    assert result.stderr.count("claire.yaml:3:1") == 1  # told once, not under each value
    assert (
        "3 valeurs non enregistrées : heures_accompagnement, taux_assiduite, nb_relais_information"
    ) in result.stderr
    assert {p: p.read_bytes() for p in (folder / "mesures").rglob("*.yaml")} == before
