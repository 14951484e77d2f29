"""The inventory of personal data: every kind, where, with what consent, the refused too."""

from __future__ import annotations

from pathlib import Path

from utilsoc.check.inventory import SOURCES, Entry, inventory
from utilsoc.project import Layout

BY = 'auteur: "Marie Dupré", date: 2026-01-05}'
VALUE = "{indicateur: nb_personnes_accompagnees, période: 2026"
VERBATIM = "{période: 2026, rôle: parent, consentement"
ANSWER = "{indicateur: confiance, période: 2026, participant: P7, moment"
FILE = f"""\
valeurs:
  - {VALUE}, valeur: 4, dimensions: {{sexe: F}}, note: "rappeler au 06 12 34 56 78", {BY}
  - {VALUE}, valeur: 2, dimensions: {{sexe: H}}, {BY}
témoignages:
  - {VERBATIM}: true, texte: "Moi, Inès MARTIN", pseudonyme: "Inès MARTIN", nom_complet: true, {BY}
  - {VERBATIM}: false, texte: "Ça m'a aidé", pseudonyme: Y.K., {BY}
questionnaires:
  - {ANSWER}: entrée, score: 2, {BY}
  - {ANSWER}: sortie, score: 4, {BY}
"""


def _folder(example) -> Path:
    folder = example("vide")
    path = folder / "mesures" / "2026" / "marie.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(FILE, encoding="utf-8")
    return folder


def test_every_kind_of_personal_data_with_its_consent(example, monkeypatch) -> None:
    folder = _folder(example)
    monkeypatch.chdir(folder)
    found = [(e.line, e.kind, e.data, e.consent, e.count) for e in inventory(Layout(folder))]
    assert found == [
        (2, "téléphone", "06 12 34 56 78", "aucun", 1),
        (2, "équipe", "Marie Dupré", "sans objet", 6),
        (5, "nom complet", "Inès MARTIN", "accord écrit", 1),
        (5, "nom complet", "Inès MARTIN", "accord écrit", 1),
        (5, "témoignage", "Inès MARTIN", "accord écrit", 1),
        (6, "témoignage", "Y.K.", "non", 1),
        (8, "code de participant", "P7", "sans objet", 2),
    ]


def test_an_empty_folder_holds_nothing(example) -> None:
    assert inventory(Layout(example("vide"))) == []


def test_the_association_s_own_files_are_listed_too(example, monkeypatch) -> None:
    folder = example("vide")
    association = folder / "association.yaml"
    text = association.read_text(encoding="utf-8")
    named = text.replace("contact: null", 'contact: "Fatou Diallo, 06 12 34 56 78"')
    association.write_text(named, encoding="utf-8")
    monkeypatch.chdir(folder)
    found = [(e.file, e.kind, e.data) for e in inventory(Layout(folder))]
    assert found == [
        ("association.yaml", "nom complet", "Fatou Diallo"),
        ("association.yaml", "téléphone", "06 12 34 56 78"),
    ]


def test_another_source_adds_its_entries(example, monkeypatch) -> None:
    folder = example("vide")
    entry = Entry("entretiens/e1.yaml", 3, "entretien", "P3", "oui")
    monkeypatch.setattr("utilsoc.check.inventory.SOURCES", [*SOURCES, lambda layout: [entry]])
    assert inventory(Layout(folder)) == [entry]
    assert entry.to_dict()["donnée"] == "P3"


def test_interviews_and_stories_are_listed_with_their_consent(example, monkeypatch) -> None:
    folder = example("echec-scolaire")
    story = folder / "recits" / "oser-lever-la-main.yaml"
    text = story.read_text(encoding="utf-8")
    story.write_text(text.replace("consentement: true", "consentement: false"), "utf-8")
    interview = folder / "entretiens" / "fin-de-parcours" / "E07-2026-05-19.yaml"
    text = interview.read_text(encoding="utf-8")
    line = text[: text.index("l'oral.")].count("\n") + 1
    interview.write_text(text.replace("l'oral.", "l'oral, au 06 12 34 56 78."), "utf-8")
    monkeypatch.chdir(folder)
    found = [(e.file, e.line, e.kind, e.data, e.consent) for e in inventory(Layout(folder))]
    e07 = "entretiens/fin-de-parcours/E07-2026-05-19.yaml"
    assert (e07, 6, "entretien", "E07", "oui") in found
    assert (e07, line - 2, "téléphone", "06 12 34 56 78", "aucun") in found  # at the answer
    assert ("entretiens/fin-de-parcours/E14-2026-06-02.yaml", 6, "entretien", "E14", "non") in (
        found
    )
    assert ("recits/oser-lever-la-main.yaml", 6, "récit", "E07", "non") in found
    assert ("recits/lire-le-bulletin.yaml", 4, "récit", "P03", "oui") in found
    assert sum(1 for f in found if f[2] == "entretien") == 10


def test_an_unreadable_interview_is_left_to_validate(example, monkeypatch) -> None:
    folder = example("echec-scolaire")
    interview = folder / "entretiens" / "fin-de-parcours" / "E07-2026-05-19.yaml"
    interview.write_text("participant: [E07\n", encoding="utf-8")
    monkeypatch.chdir(folder)
    kinds = [(e.kind, e.data) for e in inventory(Layout(folder))]
    assert ("entretien", "E03") in kinds
    assert ("entretien", "E07") not in kinds
