"""Personal data in the texts of records: refused at entry and by `validate`, located."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from utilsoc.check.privacy import (
    CODE_PSEUDONYME,
    note_problems,
    personal_problems,
    text_problems,
    texts,
)
from utilsoc.codes import Code
from utilsoc.errors import ExitCode
from utilsoc.model.mesures import Partenariat, Reponse, Temoignage, Valeur
from utilsoc.model.periods import Period

DAY = dt.date(2026, 1, 5)
PERIOD = Period.parse("2026")


def _verbatim(text: str, pseudo: str | None = "Inès", full_name: bool = False) -> Temoignage:
    return Temoignage(
        periode=PERIOD,
        texte=text,
        role="parent",
        pseudonyme=pseudo,
        consentement=True,
        nom_complet=full_name,
        auteur="m",
        date=DAY,
    )


def test_each_text_of_a_verbatim_is_checked() -> None:
    [problem] = personal_problems(_verbatim("ça va", pseudo="ines martin"))
    assert problem.field == "pseudonyme"
    assert problem.code is Code.NOM_COMPLET
    assert problem.message == "le pseudonyme contient un nom complet : « ines martin »"
    assert "--nom-complet" in problem.hint


def test_consent_allows_full_names_never_phones() -> None:
    named = _verbatim("Inès MARTIN, 06 12 34 56 78", pseudo="Inès MARTIN", full_name=True)
    [problem] = personal_problems(named)
    assert (problem.field, problem.code) == ("texte", Code.DONNEE_PERSONNELLE)
    assert problem.message == "le texte contient un numéro de téléphone : « 06 12 34 56 78 »"


def test_a_list_of_texts_and_a_participant_code() -> None:
    partnership = Partenariat(
        periode=PERIOD,
        cadre="f",
        appreciation="bien",
        attentes=["rien", "rappeler au 0298000000"],
        auteur="m",
        date=DAY,
    )
    assert texts(partnership) == [
        ("appreciation", "bien"),
        ("attentes", "rien"),
        ("attentes", "rappeler au 0298000000"),
    ]
    assert [p.field for p in personal_problems(partnership)] == ["attentes"]
    answer = Reponse(
        indicateur="c",
        periode=PERIOD,
        participant="MARTIN_Ines",
        moment="entrée",
        score=3,
        auteur="m",
        date=DAY,
    )
    assert [p.code for p in personal_problems(answer)] == [Code.NOM_COMPLET]
    assert personal_problems(answer.model_copy(update={"participant": "P012"})) == []


def test_notes_are_judged_once_each_and_only_when_written() -> None:
    values = [
        Valeur(indicateur="n", periode=PERIOD, valeur="1", note=note, auteur="m", date=DAY)
        for note in (None, "RAS", "rappeler Inès Martin", None, "rappeler Inès Martin")
    ]
    found = note_problems(values)
    assert sorted(found) == [2, 4]
    assert found[2][0].message == "la note contient un nom complet : « Inès Martin »"


def _measures(folder: Path, text: str) -> Path:
    path = folder / "mesures" / "2026" / "paul.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_locates_personal_data_in_every_kind_of_text(cli, example) -> None:
    folder = example("vide")
    _measures(
        folder,
        "valeurs:\n"
        "  - {indicateur: nb_personnes_accompagnees, période: 2026, valeur: 4, "
        'dimensions: {sexe: F}, note: "rappeler sa mère au 06 12 34 56 78", '
        "auteur: paul, date: 2026-01-05}\n"
        "témoignages:\n"
        '  - {période: 2026, texte: "MARTIN Inès a trouvé du travail", rôle: parent, '
        "pseudonyme: Inès, consentement: true, auteur: paul, date: 2026-01-05}\n"
        "faits_marquants:\n"
        '  - {période: 2026, titre: Fête, récit: "chez ines martin, 3 rue des Lilas", '
        "auteur: paul, date: 2026-01-05}\n",
    )
    result = cli("-C", str(folder), "validate", "--format", "json")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    issues = json.loads(result.stdout)
    found = [(i["line"], i["code"], i["message"]) for i in issues]
    assert found == [
        (2, "donnee-personnelle", "la note contient un numéro de téléphone : « 06 12 34 56 78 »"),
        (4, "nom-complet", "le texte contient un nom complet : « MARTIN Inès »"),
        (6, "nom-complet", "le récit contient un nom complet : « ines martin »"),
    ]
    assert all(i["file"].endswith("mesures/2026/paul.yaml") for i in issues)
    status = cli("-C", str(folder), "status", "--ignorer-erreurs")
    assert "06 12" not in status.stdout


def test_a_consented_full_name_validates(cli, example) -> None:
    folder = example("vide")
    _measures(
        folder,
        "témoignages:\n"
        '  - {période: 2026, texte: "Je suis Inès MARTIN", rôle: parent, '
        'pseudonyme: "Inès MARTIN", consentement: true, nom_complet: true, '
        "auteur: paul, date: 2026-01-05}\n",
    )
    result = cli("-C", str(folder), "validate")
    assert result.exit_code == 0, result.stderr


def test_any_text_can_be_checked_with_its_own_words() -> None:
    [problem] = text_problems("reponses", "la réponse", "c'est Yanis KERBRAT")
    assert problem.message == "la réponse contient un nom complet : « Yanis KERBRAT »"
    assert text_problems("reponses", "la réponse", "Yanis KERBRAT", consented=True) == []
    assert text_problems("reponses", "la réponse", "Yanis a dit oui") == []


def test_validate_reads_the_name_list_only_when_texts_exist(example) -> None:
    from utilsoc.check import names
    from utilsoc.folder import load_folder
    from utilsoc.project import Layout

    folder = example("vide")
    _measures(
        folder,
        "valeurs:\n  - {indicateur: nb_personnes_accompagnees, période: 2026, valeur: 4, "
        "dimensions: {sexe: F}, auteur: Marie Dupré, date: 2026-01-05}\n",
    )
    names._lists.cache_clear()
    assert not load_folder(Layout(folder)).outcome.errors
    assert names._lists.cache_info().currsize == 0
    _measures(
        folder,
        "valeurs:\n  - {indicateur: nb_personnes_accompagnees, période: 2026, valeur: 4, "
        "dimensions: {sexe: F}, note: RAS ce mois-ci, auteur: Marie Dupré, date: 2026-01-05}\n",
    )
    assert not load_folder(Layout(folder)).outcome.errors
    assert names._lists.cache_info().currsize == 1


def _answer(participant: str) -> Reponse:
    return Reponse(
        indicateur="c",
        periode=PERIOD,
        participant=participant,
        moment="entrée",
        score=3,
        auteur="Inès",  # the staff is named on purpose
        date=DAY,
    )


def test_a_questionnaire_participant_code_may_not_be_a_lone_first_name() -> None:
    for code in ("Ines", "karim-2", "sofiane"):
        [problem] = personal_problems(_answer(code))
        assert (problem.field, problem.code) == ("participant", Code.PARTICIPANT_NOMINATIF)
        assert problem.message == (
            f"« {code} » ressemble à un nom de personne : un questionnaire ne garde qu'un code"
        )
        assert problem.hint == CODE_PSEUDONYME
    [full] = personal_problems(_answer("MARTIN_Ines"))
    assert (full.code, full.hint) == (Code.NOM_COMPLET, CODE_PSEUDONYME)  # no « prénom seul »
    for code in ("E07", "P03", "ELV-12", "Parent-3", "W2507"):
        assert personal_problems(_answer(code)) == [], code


def test_validate_locates_a_first_name_given_as_participant_code(cli, example) -> None:
    folder = example("echec-scolaire")
    path = folder / "mesures" / "2024-2025" / "karim.questionnaires.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert "participant: E2401," in lines[3]
    lines[3] = lines[3].replace("participant: E2401,", "participant: Sofiane,")
    path.write_text("\n".join(lines), encoding="utf-8")
    result = cli("-C", str(folder), "validate", "--format", "json")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    [issue] = json.loads(result.stdout)
    assert issue["file"].endswith("mesures/2024-2025/karim.questionnaires.yaml")
    assert (issue["line"], issue["code"]) == (4, "participant-nominatif")
    assert issue["column"] == lines[3].index("Sofiane") + 1
