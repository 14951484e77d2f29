"""Interviews as `validate` checks them: themes, excerpts, pseudonyms, consent, references."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from utilsoc.check.entretiens import excerpt_found, normalized
from utilsoc.errors import ExitCode

E07 = Path("entretiens/fin-de-parcours/E07-2026-05-19.yaml")


def _edit(folder: Path, relative: Path | str, old: str, new: str) -> int:
    """Replace `old` (found once) by `new`; return the line where the change is."""
    path = folder / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _validate(cli, folder: Path):  # noqa: ANN202 - the CLI runner's result
    return cli("-C", str(folder), "validate")


def test_the_example_interviews_are_valid(cli, example) -> None:
    folder = example("echec-scolaire")
    result = _validate(cli, folder)
    assert result.exit_code == 0, result.stderr


def test_an_unknown_theme_is_located_with_a_suggestion(cli, example) -> None:
    folder = example("echec-scolaire")
    line = _edit(folder, E07, "thèmes: [peur_echec]", "thèmes: [peur_echecs]")
    result = _validate(cli, folder)
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert f"E07-2026-05-19.yaml:{line}:" in result.stderr
    assert "thème « peur_echecs » inconnu — vouliez-vous dire « peur_echec » ?" in result.stderr
    assert "[theme-inconnu]" in result.stderr


def test_an_excerpt_not_in_its_answer_is_refused(cli, example) -> None:
    folder = example("echec-scolaire")
    line = _edit(
        folder, E07, 'extrait: "J\'ose demander quand je comprends pas."', 'extrait: "J\'ose tout."'
    )
    result = _validate(cli, folder)
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert f"E07-2026-05-19.yaml:{line}:" in result.stderr
    assert "extrait introuvable dans la réponse à la question q2" in result.stderr
    assert "[extrait-introuvable]" in result.stderr


def test_an_excerpt_of_another_question_is_not_found(cli, example) -> None:
    folder = example("echec-scolaire")
    _edit(folder, E07, "{question: q2, extrait: \"J'ose", "{question: q3, extrait: \"J'ose")
    result = _validate(cli, folder)
    assert "question q3 — " in result.stderr


def test_a_participant_code_that_looks_like_a_name_is_refused(cli, example) -> None:
    folder = example("echec-scolaire")
    _edit(folder, E07, "participant: E07", "participant: MARTIN Inès")
    result = _validate(cli, folder)
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "E07-2026-05-19.yaml:6:14: erreur: « MARTIN Inès » ressemble à un nom" in result.stderr
    assert "[participant-nominatif]" in result.stderr


def test_quoting_without_consent_is_refused(cli, example) -> None:
    folder = example("echec-scolaire")
    _edit(folder, E07, "  citation: true", "  citation: false")
    line = _edit(
        folder,
        E07,
        "sens: négatif}\n  - {question: q3",
        "sens: négatif, citer: true}\n  - {question: q3",
    )
    result = _validate(cli, folder)
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert f"E07-2026-05-19.yaml:{line}:" in result.stderr
    assert "la personne n'a pas accepté d'être citée" in result.stderr
    assert "[citation-sans-consentement]" in result.stderr


def test_an_interview_without_consent_is_refused(cli, example) -> None:
    folder = example("echec-scolaire")
    _edit(folder, E07, "  entretien: true", "  entretien: false")
    result = _validate(cli, folder)
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "[entretien-sans-consentement]" in result.stderr


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("guide: fin-de-parcours", "guide: fin-parcours", "guide « fin-parcours » inconnu"),
        ("rôle: eleves", "rôle: eleve", "partie prenante « eleve » inconnue"),
        ("  q4: |", "  q5: |", "réponse à une question « q5 » absente du guide"),
        ("{question: q4,", "{question: q9,", "question « q9 » absente du guide"),
    ],
)
def test_unknown_guide_role_and_question(cli, example, old: str, new: str, message: str) -> None:
    folder = example("echec-scolaire")
    _edit(folder, E07, old, new)
    result = _validate(cli, folder)
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert message in result.stderr
    assert "[reference-inconnue]" in result.stderr


def test_guide_references_and_theme_codes_are_checked(cli, example) -> None:
    folder = example("echec-scolaire")
    _edit(folder, "entretiens/guides/fin-de-parcours.yaml", "[EDU-1, AUT-1", "[EDU-9, AUT-1")
    _edit(folder, "referentiel.yaml", "- code: peur_echec", "- code: confiance")
    _edit(folder, "referentiel.yaml", "entretiens: fin-de-parcours", "entretiens: fin")
    result = _validate(cli, folder)
    assert "critère « EDU-9 » inconnu" in result.stderr
    assert "thème « confiance » en double" in result.stderr
    assert "guide d'entretien « fin » inconnu" in result.stderr


def test_a_file_edited_by_hand_with_crlf_and_accents_is_read(cli, example) -> None:
    folder = example("echec-scolaire")
    path = folder / E07
    text = path.read_text(encoding="utf-8").replace(
        "  q4: |\n    Que les tuteurs", "  q4: |\n    Élodie… non : « Que » les tuteurs"
    )
    text = text.replace('extrait: "Que les tuteurs', 'extrait: "« que » LES tuteurs')
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    result = _validate(cli, folder)
    assert result.exit_code == 0, result.stderr


def test_excerpts_are_compared_without_case_spaces_or_quote_forms() -> None:
    answer = "Je me  sentais\nnulle. Au groupe « du mercredi », ça m’a rassurée."
    assert excerpt_found("je me sentais nulle", answer)
    assert excerpt_found('au groupe "du mercredi", ça m\'a rassurée', answer)
    assert excerpt_found("Je me sentais … ça m'a rassurée", answer)
    assert excerpt_found("Je me sentais [...] mercredi", answer)
    assert not excerpt_found("ça m'a rassurée [...] je me sentais", answer)
    assert not excerpt_found("je me sentais forte", answer)
    assert normalized("  A\u00a0«b» , c") == normalized('a "b", C')


def test_a_file_named_after_the_person_is_refused(cli, example) -> None:
    folder = example("echec-scolaire")
    source = folder / E07
    source.rename(source.with_name("ines-martin-2026-05-19.yaml"))
    result = _validate(cli, folder)
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "ines-martin-2026-05-19.yaml:5:1: erreur: le nom du fichier" in result.stderr
    assert "[participant-nominatif]" in result.stderr


def test_a_full_name_in_an_answer_is_refused_at_the_answer(cli, example) -> None:
    folder = example("echec-scolaire")
    line = _edit(
        folder,
        E07,
        "  q2: |\n    J'ose demander",
        "  q2: |\n    Mme MARTIN Inès dit que j'ose demander",
    )
    result = _validate(cli, folder)
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert f"E07-2026-05-19.yaml:{line}:" in result.stderr
    assert (
        "la réponse à q2 contient un nom complet : « MARTIN Inès » — remplacez par un "
        "prénom seul, des initiales ou un code [nom-complet]" in result.stderr
    ), result.stderr
    assert "--nom-complet" not in result.stderr  # an interview never names a person


def test_a_phone_number_in_an_answer_and_an_excerpt_is_refused(cli, example) -> None:
    folder = example("echec-scolaire")
    _edit(folder, E07, "surtout de l'oral.", "surtout de l'oral, 06 12 34 56 78.")
    _edit(folder, E07, "l'oral\", thèmes", "l'oral, 06 12 34 56 78\", thèmes")
    result = _validate(cli, folder)
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "la réponse à q2 contient un numéro de téléphone : « 06 12 34 56 78 »" in result.stderr
    assert "[donnee-personnelle]" in result.stderr
    assert "l'extrait contient" not in result.stderr  # its answer already said so


def test_a_phone_number_in_an_excerpt_alone_is_located_at_the_excerpt(cli, example) -> None:
    folder = example("echec-scolaire")
    line = _edit(folder, E07, "l'oral\", thèmes", "l'oral, 06 12 34 56 78\", thèmes")
    result = _validate(cli, folder)
    assert f"E07-2026-05-19.yaml:{line}:" in result.stderr
    assert "l'extrait contient un numéro de téléphone : « 06 12 34 56 78 »" in result.stderr


def test_an_interviewee_of_a_public_the_guide_omits_is_a_warning_at_the_role(cli, example) -> None:
    folder = example("echec-scolaire")
    guide = Path("entretiens/guides/fin-de-parcours.yaml")
    _edit(folder, guide, "publics: [eleves, familles]", "publics: [eleves]")
    interview = folder / "entretiens/fin-de-parcours/P02-2026-05-21.yaml"
    line = interview.read_text(encoding="utf-8").split("\n").index("rôle: familles") + 1
    result = cli("-C", str(folder), "validate", "--format", "json")
    assert result.exit_code == 0, result.stderr  # a warning: the interview still counts
    found = [i for i in json.loads(result.stdout) if i["code"] == "role-hors-guide"]
    assert len(found) == 4  # P02, P03, P05 and P08, each at its role
    ours = next(i for i in found if i["file"].endswith("P02-2026-05-21.yaml"))
    assert (ours["line"], ours["column"], ours["severity"]) == (line, 7, "avertissement")
    assert ours["message"] == (
        "partie prenante « familles » absente des publics du guide « fin-de-parcours » (eleves)"
    )
    _edit(folder, guide, "publics: [eleves]", "publics: [eleves, familles]")
    assert "role-hors-guide" not in cli("-C", str(folder), "validate", "--format", "json").stdout
