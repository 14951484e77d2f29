"""The analysis of coded interviews: counts by theme and group, pairs, excerpts, stories."""

from __future__ import annotations

import datetime as dt

from utilsoc.compute.entretiens import analyse, interviews_of, selected_stories
from utilsoc.model.load import load_project
from utilsoc.model.periods import Period
from utilsoc.project import Layout


def _analysis(folder, period: str = "2025-2026"):  # noqa: ANN001, ANN202
    project = load_project(Layout(folder))
    assert project.referentiel is not None
    chosen = interviews_of(project.entretiens, project.guides, Period.parse(period))
    return project, analyse(project.referentiel, project.guides, chosen)


def test_themes_are_counted_by_interview_and_by_group(example) -> None:
    _, analyses = _analysis(example("echec-scolaire"))
    assert set(analyses) == {"EDU-1", "AUT-1", "AUT-2"}
    confidence = analyses["AUT-1"]
    assert confidence.interviews == 10
    first = confidence.themes[0]
    assert (first.code, first.mentions, first.interviews) == ("confiance", 7, 10)
    assert first.by_group == {"eleves": (4, 6), "familles": (3, 4)}
    assert [t.code for t in confidence.themes] == ["confiance", "prise_de_parole", "peur_echec"]
    assert ("prise_de_parole", "peur_echec", 4) in confidence.together
    assert all(shared >= 2 for _, _, shared in confidence.together)
    # Only E07 evokes both the confidence regained and the fear of failure: not a pair.
    assert not [p for p in confidence.together if {"confiance", "peur_echec"} == set(p[:2])]


def test_excerpts_come_only_from_consenting_people_and_are_not_repeated(example) -> None:
    _, analyses = _analysis(example("echec-scolaire"))
    quoted = [e for a in analyses.values() for t in a.themes for e in t.excerpts]
    people = {e.participant for e in quoted}
    assert "E14" not in people
    assert "P05" not in people
    texts = [e.text for e in quoted]
    assert "Je sais pas du tout ce que je veux faire, ça me stresse." not in texts  # citer: false
    assert len(texts) == len(set(texts))
    assert all(len(t.excerpts) <= 3 for a in analyses.values() for t in a.themes)


def test_interviews_outside_the_period_or_without_consent_are_left_out(example) -> None:
    folder = example("echec-scolaire")
    path = folder / "entretiens/fin-de-parcours/E03-2026-05-18.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("  entretien: true", "  entretien: false"),
        encoding="utf-8",
    )
    _, analyses = _analysis(folder)
    assert analyses["AUT-1"].interviews == 9
    _, earlier = _analysis(folder, "2024-2025")
    assert earlier == {}


def test_selected_stories_by_domain(example) -> None:
    folder = example("echec-scolaire")
    project = load_project(Layout(folder))
    stories = selected_stories(project.recits, Period.parse("2025-2026"))
    assert {d: [s.conteur for s in found] for d, found in stories.items()} == {
        "AUT": ["E07"],
        "EDU": ["P03"],
    }
    assert selected_stories(project.recits, Period.parse("2024-2025")) == {}
    story = project.recits["oser-lever-la-main"]
    assert story.selection is not None
    assert story.selection.date == dt.date(2026, 6, 26)
