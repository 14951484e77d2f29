"""Stories of change as `validate` checks them: domain, teller, consent."""

from __future__ import annotations

from pathlib import Path

from utilsoc.errors import ExitCode

STORY = "recits/oser-lever-la-main.yaml"


def _edit(folder: Path, old: str, new: str) -> None:
    path = folder / STORY
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_an_unknown_domain_and_a_named_teller_are_refused(cli, example) -> None:
    folder = example("echec-scolaire")
    _edit(folder, "domaine: AUT", "domaine: AUTO")
    _edit(folder, "conteur: E07", "conteur: Ines")
    result = cli("-C", str(folder), "validate")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "oser-lever-la-main.yaml:4:10: erreur: domaine « AUTO » inconnu" in result.stderr
    assert "« Ines » ressemble à un nom de personne" in result.stderr


def test_a_selected_story_without_consent_is_only_a_warning(cli, example) -> None:
    folder = example("echec-scolaire")
    _edit(folder, "consentement: true", "consentement: false")
    result = cli("-C", str(folder), "validate")
    assert result.exit_code == 0, result.stderr
    assert "avertissement: récit retenu sans le consentement du conteur" in result.stderr
    assert "[recit-sans-consentement]" in result.stderr


def test_personal_data_in_a_story_is_refused_at_its_line(cli, example) -> None:
    folder = example("echec-scolaire")
    _edit(folder, "titre: Oser lever la main", "titre: Oser lever la main, par Inès MARTIN")
    text = (folder / STORY).read_text(encoding="utf-8")
    line = text[: text.index("titre:")].count("\n") + 1
    result = cli("-C", str(folder), "validate")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert (
        f"oser-lever-la-main.yaml:{line}:8: erreur: le titre contient un nom complet : "
        "« Inès MARTIN » — remplacez par un prénom seul, des initiales ou un code [nom-complet]"
    ) in result.stderr, result.stderr


def test_an_address_in_the_story_itself_is_refused(cli, example) -> None:
    folder = example("echec-scolaire")
    path = folder / "recits" / "lire-le-bulletin.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("j'écris au collège", "j'écris au 12 rue des Lilas"), "utf-8")
    result = cli("-C", str(folder), "validate")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "le récit contient une adresse postale : « 12 rue des Lilas »" in result.stderr
    assert "[donnee-personnelle]" in result.stderr
