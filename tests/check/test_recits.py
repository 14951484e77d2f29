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
