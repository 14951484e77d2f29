"""Copying a catalogue indicator into referentiel.yaml: the text kept, the result valid."""

from __future__ import annotations

import codecs
import difflib
from pathlib import Path

import pytest

from utilsoc.actions.indicateur import add_from_catalogue
from utilsoc.errors import DataErrors, UsageError, UserError
from utilsoc.folder import load_folder
from utilsoc.project import Layout


def _added_lines(before: str, after: str) -> list[str]:
    """Lines of `after` not in `before`; fails if any line of `before` was changed or lost."""
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    assert [line for line in diff if line.startswith("- ")] == []
    return [line[2:] for line in diff if line.startswith("+ ")]


def _issues(folder: Path) -> list[str]:
    return [issue.format() for issue in load_folder(Layout(folder)).issues]


def test_the_copy_lands_under_its_criterion_and_the_folder_stays_valid(example) -> None:
    folder = example("vide")
    path = folder / "referentiel.yaml"
    before = path.read_text(encoding="utf-8")
    added = add_from_catalogue(Layout(folder), "part_entraide", "COH-1")
    after = path.read_text(encoding="utf-8")
    new = _added_lines(before, after)
    assert new[:3] == [
        "          - code: part_entraide",
        "            catalogue: part_entraide",
        "            libellé: Part des participants engagés dans l'entraide",
    ]
    assert after.splitlines()[added.line - 1] == new[0]
    assert "            # nombre, taux, montant, durée, score, oui_non ou qualitatif" in after
    # The suggested dimension `tranche_age` is not declared in this référentiel.
    assert added.missing_dimensions == ["tranche_age"]
    assert not any(line.strip().startswith("dimensions:") for line in new)
    assert _issues(folder) == []
    referentiel = load_folder(Layout(folder)).project.referentiel
    assert referentiel is not None
    copied = referentiel.domaines[0].criteres[0].indicateurs[-1]
    assert (copied.code, copied.catalogue) == ("part_entraide", "part_entraide")


def test_declared_dimensions_are_kept(example) -> None:
    folder = example("vide")
    added = add_from_catalogue(Layout(folder), "personnes_touchees", "COH-1")
    text = (folder / "referentiel.yaml").read_text(encoding="utf-8")
    assert "            dimensions: [sexe]\n" in text.split("code: personnes_touchees")[1]
    assert added.missing_dimensions == ["tranche_age", "qpv", "lieu"]


def test_a_new_code_keeps_the_link_and_the_copy_can_be_added_twice(example) -> None:
    folder = example("vide")
    add_from_catalogue(Layout(folder), "adherents", "COH-1")
    added = add_from_catalogue(Layout(folder), "adherents", "COH-1", "adherents_fin_annee")
    assert (added.code, added.catalogue) == ("adherents_fin_annee", "adherents")
    referentiel = load_folder(Layout(folder)).project.referentiel
    assert referentiel is not None
    assert referentiel.indicators()["adherents_fin_annee"].catalogue == "adherents"
    assert _issues(folder) == []


@pytest.mark.parametrize(
    ("bom", "encoding", "newline"),
    [
        (b"", "utf-8", "\r\n"),
        (codecs.BOM_UTF8, "utf-8", "\n"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "\r\n"),
    ],
    ids=["crlf", "bom-utf8", "utf16-crlf"],
)
def test_encoding_bom_and_line_endings_are_kept(
    example, bom: bytes, encoding: str, newline: str
) -> None:
    folder = example("vide")
    path = folder / "referentiel.yaml"
    text = path.read_text(encoding="utf-8").replace("\n", newline)
    path.write_bytes(bom + text.encode(encoding))
    add_from_catalogue(Layout(folder), "score_confiance_en_soi", "COH-1")
    raw = path.read_bytes()
    assert raw.startswith(bom)
    after = raw[len(bom) :].decode(encoding)
    assert after.startswith(text.split(newline + "# Auto-évaluation")[0].split("domaines:")[0])
    lines = after.split(newline)
    assert all("\n" not in line and "\r" not in line for line in lines)
    assert "              libellé_min: pas du tout d'accord" in lines
    assert _issues(folder) == []


def test_a_file_without_its_last_newline(example) -> None:
    folder = example("vide")
    path = folder / "referentiel.yaml"
    text = path.read_text(encoding="utf-8")
    # The criterion is moved to the end of the file, which ends without a newline.
    head, tail = text.split("\n# Auto-évaluation")
    path.write_text("# Auto-évaluation" + tail.rstrip("\n") + "\n" + head.rstrip("\n"), "utf-8")
    add_from_catalogue(Layout(folder), "benevoles_actifs", "COH-1")
    after = path.read_text(encoding="utf-8")
    assert after.endswith("            méthode: registre\n            dimensions: [sexe]\n")
    assert (
        "            cibles:\n              - période: 2026\n                valeur: 50\n" in after
    )
    assert _issues(folder) == []


@pytest.mark.parametrize(
    ("args", "error", "message", "hint"),
    [
        (
            ("heures_benevola", "COH-1"),
            UserError,
            "indicateur « heures_benevola » absent du catalogue",
            "vouliez-vous dire « heures_benevolat » ?",
        ),
        (
            ("heures_benevolat", "COH-9"),
            UserError,
            "critère « COH-9 » absent du référentiel",
            "critères : COH-1",
        ),
        (
            ("heures_benevolat", "COH-1", "nb_personnes_accompagnees"),
            UserError,
            "l'indicateur « nb_personnes_accompagnees » existe déjà dans referentiel.yaml",
            "choisissez un autre code avec --code",
        ),
        (
            ("heures_benevolat", "COH-1", "code avec espaces"),
            UsageError,
            "code « code avec espaces » invalide",
            "lettres sans accents, chiffres, « _ », « - » ou « . », sans espace",
        ),
    ],
    ids=["code-inconnu", "critere-inconnu", "code-pris", "code-invalide"],
)
def test_refusals_change_nothing(
    example, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], error, message, hint
) -> None:
    folder = example("vide")
    monkeypatch.chdir(folder)
    before = (folder / "referentiel.yaml").read_bytes()
    with pytest.raises(error) as caught:
        add_from_catalogue(Layout(folder), *args)
    assert (caught.value.message, caught.value.hint) == (message, hint)
    assert (folder / "referentiel.yaml").read_bytes() == before


def test_the_catalogue_code_already_present_suggests_a_new_code(example) -> None:
    folder = example("vide")
    add_from_catalogue(Layout(folder), "adherents", "COH-1")
    with pytest.raises(UserError) as caught:
        add_from_catalogue(Layout(folder), "adherents", "COH-1")
    assert caught.value.hint == (
        "donnez-lui un autre code : « --code adherents_2 » (le lien au catalogue reste)"
    )


def test_an_invalid_referentiel_is_reported_and_left_alone(example) -> None:
    folder = example("vide")
    path = folder / "referentiel.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("type: nombre", "type: nombr"), "utf-8"
    )
    before = path.read_bytes()
    with pytest.raises(DataErrors) as caught:
        add_from_catalogue(Layout(folder), "adherents", "COH-1")
    assert [issue.code for issue in caught.value.issues] == ["valeur-inconnue"]
    assert path.read_bytes() == before
