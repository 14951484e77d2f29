"""Pydantic's errors in French, each at the line and column of the value or key concerned."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, Field, ValidationError

from utilsoc.errors import ExitCode
from utilsoc.model.association import Association
from utilsoc.model.correspondance import Correspondance
from utilsoc.model.mesures import Reponse
from utilsoc.yamlio.messages import describe_error, issues_from_validation
from utilsoc.yamlio.reader import parse_yaml


def _issues(model: type[BaseModel], text: str) -> list[tuple[int, int, str, str, str]]:
    document = parse_yaml(text, "f.yaml")
    with pytest.raises(ValidationError) as caught:
        model.model_validate(document.data)
    issues = issues_from_validation(caught.value, document, model)
    return [(i.line, i.column, i.code, i.message, i.hint) for i in issues]


def test_a_misspelt_key_is_located_on_the_key_with_a_suggestion() -> None:
    [issue] = _issues(Correspondance, "auteur: x\ncolonnes: {}\nindicateur: {}\n")
    assert issue == (3, 1, "champ-inconnu", "champ inconnu « indicateur »", issue[4])
    assert issue[4] == "vouliez-vous dire « indicateurs » ?"


def test_a_bad_mapping_key_names_its_mapping() -> None:
    [issue] = _issues(Correspondance, "auteur: x\ncolonnes: {valuer: B}\n")
    line, column, code, message, hint = issue
    assert (line, column, code) == (2, 12, "valeur-inconnue")
    assert message.startswith("clé de « colonnes » : valeur non reconnue")
    assert "vouliez-vous dire « valeur » ?" in hint


def test_a_missing_field_and_a_wrong_value_show_what_was_read() -> None:
    issues = _issues(Correspondance, "type: autre\n")
    assert [(code, message) for _, _, code, message, _ in issues] == [
        ("valeur-inconnue", "type : valeur non reconnue (valeur lue : « autre »)"),
        ("champ-manquant", "champ obligatoire « auteur » manquant"),
    ]


def test_a_rule_without_its_own_code_is_a_valeur_invalide_said_in_french() -> None:
    class Positive(BaseModel):
        n: int = Field(gt=0)

    [(_, _, code, message, hint)] = _issues(Positive, "n: -1\n")
    assert code == "valeur-invalide"
    assert message == "n : nombre supérieur à 0 attendu (valeur lue : « -1 »)"
    assert hint == "écrivez un nombre supérieur à 0"


def test_a_colour_cut_by_a_comment_says_why_and_how_to_quote_it() -> None:
    text = "nom: A\nidentité: {vision: v, mission: m, ambition: a, valeurs: [x]}\n"
    [issue] = _issues(Association, text + "couleurs:\n  principale: #1D5C4D\n")
    assert issue == (
        4,
        15,
        "diese-sans-guillemets",
        "principale : valeur vide, car « #1D5C4D » est lu comme un commentaire "
        "(en YAML, « # » après une espace commence un commentaire)",
        'une couleur s\'écrit entre guillemets : principale: "#1D5C4D"',
    )


def test_any_value_cut_by_a_glued_hash_is_explained() -> None:
    [issue] = _issues(Association, "nom: #1 des assos\nidentité: {}\n")[:1]
    line, column, code, message, hint = issue
    assert (line, column, code) == (1, 6, "diese-sans-guillemets")
    assert message.startswith("nom : valeur vide, car « #1 des assos » est lu comme un commentaire")
    assert (
        hint == 'une valeur qui commence par « # » s\'écrit entre guillemets : nom: "#1 des assos"'
    )


def test_a_value_fitting_no_branch_of_a_union_is_reported_once_in_french() -> None:
    text = "auteur: x\nindicateurs:\n  taux: [A, B]\n  autre: {numérateur: A}\n"
    assert _issues(Correspondance, text) == [
        (
            3,
            9,
            "texte-attendu",
            "taux : texte attendu, pas une liste ni un bloc",
            "écrivez le texte sur la même ligne",
        ),
        (
            4,
            10,
            "champ-manquant",
            "champ obligatoire « dénominateur » manquant",
            "ajoutez la ligne « dénominateur: ... »",
        ),
    ]


def test_a_participant_named_instead_of_coded_is_told_why() -> None:
    with pytest.raises(ValidationError) as caught:
        Reponse.model_validate(
            {
                "indicateur": "score",
                "période": "2025",
                "participant": "Marie L",
                "moment": "entrée",
                "score": 3,
                "auteur": "a",
                "date": "2025-03-01",
            }
        )
    message, hint = describe_error(caught.value, Reponse)
    assert message == "participant : « Marie L » n'est pas un code de participant"
    assert "par exemple P012" in hint
    assert "donnée personnelle" in hint


def test_describe_error_names_the_field_for_the_command_line() -> None:
    with pytest.raises(ValidationError) as caught:
        Correspondance.model_validate({"auteur": "x", "période": "2025-S3"})
    message, hint = describe_error(caught.value, Correspondance)
    assert message.startswith("période : ")
    assert "2025-S3" in message
    assert hint


def test_validate_explains_a_colour_written_without_quotes(cli, example) -> None:
    folder = example("vide")
    path = folder / "association.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('principale: "#1F5F8B"', "principale: #1D5C4D"), "utf-8")
    line = text[: text.index("principale:")].count("\n") + 1
    result = cli("validate", str(folder))
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert (
        f"association.yaml:{line}:15: erreur: principale : valeur vide, car « #1D5C4D » est lu "
        "comme un commentaire (en YAML, « # » après une espace commence un commentaire) — une "
        'couleur s\'écrit entre guillemets : principale: "#1D5C4D" [diese-sans-guillemets]\n'
    ) in result.stderr


def test_describe_error_names_a_missing_field_once() -> None:
    with pytest.raises(ValidationError) as caught:
        Correspondance.model_validate({})
    assert describe_error(caught.value, Correspondance) == (
        "champ obligatoire « auteur » manquant",
        "ajoutez la ligne « auteur: ... »",
    )
