"""Where cross-file checks put their issues: at the line of the code, with a suggestion."""

from __future__ import annotations

from pathlib import Path

from utilsoc.check.reporter import Reporter, indicator_loc
from utilsoc.codes import Code
from utilsoc.model.load import load_project
from utilsoc.project import Layout


def _reporter(folder: Path) -> Reporter:
    project = load_project(Layout(folder))
    assert project.issues == []
    return Reporter(project)


def test_an_issue_goes_to_the_line_of_the_place_named(example, monkeypatch) -> None:
    folder = example("vide")
    monkeypatch.chdir(folder)
    report = _reporter(folder)
    report.add("referentiel", indicator_loc((0, 0, 0), "unite"), Code.CHAMP_INUTILE, "m", "h")
    report.add("referentiel", ("absent", 3), Code.VALEUR_INVALIDE, "m", "h", "avertissement")
    assert [(i.file, i.line, i.column, i.severity) for i in report.issues] == [
        ("referentiel.yaml", 24, 20, "erreur"),  # unité: personnes
        ("referentiel.yaml", 2, 1, "avertissement"),  # no such place: the document's start
    ]


def test_unknown_codes_get_the_closest_one_or_a_word_in_the_right_gender(example) -> None:
    report = _reporter(example("vide"))
    items = [(("a",), "sexee"), (("b",), "age"), (("c",), "sexe")]
    report.references("referentiel", items, "dimension", ["sexe"])
    report.references("publics", [(("d",), "benef")], "public cible", ["adultes"])
    assert [(i.message, i.hint) for i in report.issues] == [
        ("dimension « sexee » inconnue", "vouliez-vous dire « sexe » ?"),
        ("dimension « age » inconnue", "déclarez-la d'abord (dimension)"),
        ("public cible « benef » inconnu", "déclarez-le d'abord (public cible)"),
    ]


def test_a_code_seen_again_names_the_line_of_the_first(example) -> None:
    report = _reporter(example("vide"))
    domain = ("domaines", 0, "code")
    report.unique("referentiel", [(domain, "COH"), (("dimensions", 0, "code"), "COH")], "code")
    [issue] = report.issues
    assert (issue.line, issue.code) == (6, "code-en-double")
    assert issue.message == "code « COH » en double (déjà ligne 11)"
