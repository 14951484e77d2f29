"""Interviews and stories in the reports: French sentences, consent, « sans donnée » no more."""

from __future__ import annotations

from pathlib import Path

import pytest

from utilsoc.langue import using
from utilsoc.report.entretiens_context import analysed, evoke_sentence, together_sentence

E14 = "entretiens/fin-de-parcours/E14-2026-06-02.yaml"


@pytest.mark.parametrize(
    ("mentions", "label", "sentence"),
    [
        (7, "Confiance retrouvée", "7 entretiens sur 10 évoquent la confiance retrouvée"),
        (1, "Projet d'orientation", "1 entretien sur 10 évoque le projet d'orientation"),
        (2, "Envie d'apprendre", "2 entretiens sur 10 évoquent l'envie d'apprendre"),
        (0, "Échanges avec l'école", "Aucun entretien sur 10 n'évoque les échanges avec l'école"),
    ],
)
def test_theme_sentences(mentions: int, label: str, sentence: str) -> None:
    assert evoke_sentence(mentions, 10, label) == sentence


@pytest.mark.parametrize(
    ("mentions", "sentence"),
    [
        (7, "7 of 10 interviews mention regained confidence"),
        (1, "1 of 10 interviews mentions regained confidence"),
        (0, "None of the 10 interviews mentions regained confidence"),
    ],
)
def test_theme_sentences_in_english(mentions: int, sentence: str) -> None:
    with using("en"):
        assert evoke_sentence(mentions, 10, "Regained confidence") == sentence


def test_counts_take_the_form_of_the_report_language() -> None:
    assert analysed(1) == "1 entretien analysé"
    assert together_sentence("Confiance retrouvée", "Peur de l'échec", 1) == (
        "La confiance retrouvée et la peur de l'échec reviennent ensemble dans 1 entretien."
    )
    with using("en"):
        assert analysed(1) == "1 interview analysed"
        assert analysed(1200) == "1,200 interviews analysed"
        assert together_sentence("Regained confidence", "Fear of failure", 3) == (
            "Regained confidence and fear of failure come up together in 3 interviews."
        )


def _report(cli, folder: Path, template: str, fmt: str) -> str:
    output = folder / "sortie" / f"{template}.{fmt}"
    period = [] if template == "financeur" else ["-p", "2025-2026"]
    result = cli(
        "-C", str(folder), "report", "-t", template, "-f", fmt, "-o", str(output), *period,
        "--date", "2026-11-30", "--force",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return output.read_text(encoding="utf-8")


@pytest.mark.parametrize("template", ["bilan", "financeur"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_analysis_is_beside_its_criterion(cli, example, template: str, fmt: str) -> None:
    text = _report(cli, example("echec-scolaire"), template, fmt)
    assert "7 entretiens sur 10 évoquent la confiance retrouvée" in text
    assert "Récits de changement" in text
    assert "Oser lever la main" in text
    assert "Aucun entretien" not in text
    assert "demander quand je comprends pas." in text


def test_an_interview_without_consent_to_quote_is_never_quoted(cli, example) -> None:
    folder = example("echec-scolaire")
    path = folder / E14
    text = path.read_text(encoding="utf-8")
    assert "citation: false" in text
    for template in ("bilan", "financeur"):
        for fmt in ("md", "html"):
            report = _report(cli, folder, template, fmt)
            assert "ventre noué" not in report
            assert "comprend ce qu" not in report
    # Counted all the same: E14 evokes the fear of failure.
    assert "4 entretiens sur 10 évoquent la peur de l" in report


def test_a_changed_interview_changes_the_kept_report(cli, example) -> None:
    folder = example("echec-scolaire")
    assert "7 entretiens sur 10 évoquent la confiance" in _report(cli, folder, "bilan", "md")
    path = folder / "entretiens/fin-de-parcours/P05-2026-06-04.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("thèmes: [confiance]", "thèmes: [lien_tuteur]"),
        encoding="utf-8",
    )
    assert "6 entretiens sur 10 évoquent la confiance" in _report(cli, folder, "bilan", "md")


def test_an_indicator_informed_by_interviews_is_no_longer_without_data(cli, example) -> None:
    folder = example("echec-scolaire")
    for path in (folder / "mesures").rglob("*.yaml"):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [x for x in lines if "paroles_eleves" not in x]
        if kept != lines and not any(x.startswith("  - ") for x in kept):
            path.unlink()  # its only value was the text
        else:
            path.write_text("".join(kept), encoding="utf-8")
    text = _report(cli, folder, "bilan", "md")
    row = next(x for x in text.splitlines() if x.startswith("| Ce que les élèves disent"))
    assert "10 entretiens analysés" in row
    assert "sans cible" in row
    missing = text[text.index("## Données manquantes") :]
    assert "Ce que les élèves disent" not in missing.split("## Plan")[0]


def test_a_report_quoting_without_consent_is_refused_and_not_written(cli, example) -> None:
    folder = example("echec-scolaire")
    path = folder / E14
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("sens: négatif}", "sens: négatif, citer: true}"), "utf-8")
    output = folder / "sortie" / "bilan.md"
    result = cli("-C", str(folder), "report", "-t", "bilan", "-f", "md", "-o", str(output))
    assert result.exit_code == 1
    assert "E14-2026-06-02.yaml:" in result.stderr
    assert "[citation-sans-consentement]" in result.stderr
    assert not output.exists()


def test_no_public_page_shows_what_was_not_consented(cli, example) -> None:
    folder = example("echec-scolaire")
    story = folder / "recits" / "oser-lever-la-main.yaml"
    text = story.read_text(encoding="utf-8")
    story.write_text(text.replace("consentement: true", "consentement: false"), "utf-8")
    assert "citation: false" in (folder / E14).read_text(encoding="utf-8")
    bilan = _report(cli, folder, "bilan", "md")
    assert "Comprendre le bulletin pour la première fois" in bilan  # a consented story: shown
    assert "lit les compétences" in bilan
    for template in ("bilan", "communication"):
        for fmt in ("md", "html"):
            report = _report(cli, folder, template, fmt)
            assert "Oser lever la main" not in report, (template, fmt)
            assert "ventre noué" not in report, (template, fmt)  # E14 refused quotes
    communication = _report(cli, folder, "communication", "html")
    assert "lit les compétences" not in communication  # no story on the public page at all
    assert "demander quand je comprends pas" not in communication  # nor any excerpt
