"""What reports say about the data: questionnaire results and breakdowns, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

QUESTIONNAIRES = """\
          - code: confiance
            libellé: Confiance en soi
            type: score
            unité: points
            échelle: {min: 1, max: 5}
            méthode: questionnaire
            calcul: {mesure: moyenne_sortie}
            cibles:
              - {période: 2026, valeur: 3}
          - code: gain_confiance
            libellé: Gain moyen de confiance en soi
            type: score
            méthode: questionnaire
            calcul: {questionnaire: confiance, mesure: gain_moyen}
            cibles:
              - {période: 2026, valeur: 1.3}
          - code: part_confiance
            libellé: Part des élèves dont la confiance progresse d'au moins 1 point
            type: taux
            unité: "%"
            méthode: questionnaire
            calcul: {questionnaire: confiance, mesure: part_progression, seuil: 1}
            cibles:
              - {période: 2026, valeur: 70}
          - code: isolement
            libellé: Sentiment d'isolement
            type: score
            sens: baisse
            échelle: {min: 1, max: 5}
            méthode: questionnaire
"""
# Twelve pupils, 2,17 → 2,83: gains 1, 0.5, 0, 1, 0.5, 1, 0.5, 1.5, 1, 0, 0.5, 0.5 (8 points,
# 5 pupils by a point or more).
CONFIDENCE = [
    (2, 3),
    (2.5, 3),
    (1.5, 1.5),
    (1.5, 2.5),
    (3, 3.5),
    (3, 4),
    (1.5, 2),
    (2.5, 4),
    (1.5, 2.5),
    (1.5, 1.5),
    (2.5, 3),
    (3, 3.5),
]


def _plain(text: str) -> str:
    """The report's text with French no-break spaces as plain ones (typography aside)."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


def _answers(code: str, scores: list[tuple[float, float]]) -> str:
    lines = []
    for n, (entry, out) in enumerate(scores, start=1):
        for moment, score in (("entrée", entry), ("sortie", out)):
            lines.append(
                f"  - {{indicateur: {code}, période: 2026, participant: P{n:02}, "
                f"moment: {moment}, score: {score}, auteur: Claire, date: 2026-11-05}}\n"
            )
    return "".join(lines)


def _questionnaire_folder(cli, example) -> Path:
    folder = example("vide", QUESTIONNAIRES)
    answers = folder / "mesures" / "2026" / "claire.questionnaires.yaml"
    answers.parent.mkdir(parents=True)
    # The same scores for a feeling of isolation, which should fall: it rises instead.
    answers.write_text(
        "questionnaires:\n" + _answers("confiance", CONFIDENCE) + _answers("isolement", CONFIDENCE),
        encoding="utf-8",
    )
    result = cli("-C", str(folder), "validate")
    assert result.exit_code == 0, result.stdout + result.stderr
    return folder


def _row(text: str, label: str) -> list[str]:
    line = next(line for line in text.splitlines() if line.startswith(f"| {label} |"))
    return [cell.strip() for cell in line.strip("|").split("|")]


def test_table_and_questionnaire_section_give_the_same_figures(cli, tmp_path, example) -> None:
    folder = _questionnaire_folder(cli, example)
    output = tmp_path / "bilan.md"
    args = ("-C", str(folder), "report", "-t", "bilan", "-f", "md", "-p", "2026")
    result = cli(*args, "-o", str(output))
    assert result.exit_code == 0, result.stderr
    text = _plain(output.read_text(encoding="utf-8"))
    gain = _row(text, "Gain moyen de confiance en soi")
    assert gain[3] == "0,67"  # 8 points over 12 pupils, as in the section below
    share = _row(text, "Part des élèves dont la confiance progresse d'au moins 1 point")
    assert share[3].startswith("41,7")  # 5 of 12
    assert share[5] == "en retard"
    exit_mean = _row(text, "Confiance en soi")
    assert exit_mean[3] == "2,83 points"
    assert exit_mean[5] == "en retard"
    lines = [line for line in text.splitlines() if line.startswith("| Confiance en soi |")]
    section = [cell.strip() for cell in lines[-1].strip("|").split("|")]  # after the table
    assert section[1:6] == ["12", "2,17", "2,83", "+0,67", "5 sur 12 gagnent au moins 1 point"]


def test_progress_follows_the_direction_of_the_score(cli, tmp_path, example) -> None:
    folder = _questionnaire_folder(cli, example)
    output = tmp_path / "bilan.md"
    args = ("-C", str(folder), "report", "-t", "bilan", "-f", "md", "-p", "2026")
    result = cli(*args, "-o", str(output))
    assert result.exit_code == 0, result.stderr
    text = _plain(output.read_text(encoding="utf-8"))
    lines = [line for line in text.splitlines() if line.startswith("| Sentiment d'isolement |")]
    section = [cell.strip() for cell in lines[-1].strip("|").split("|")]
    assert section[4:6] == [
        "+0,67",
        "personne ne voit son score baisser (sur 12), l'évolution recherchée",
    ]


def test_a_computed_indicator_is_never_missing_while_answers_exist(cli, example) -> None:
    folder = _questionnaire_folder(cli, example)
    data = json.loads(cli("-C", str(folder), "status", "-p", "2026", "-f", "json").stdout)
    items = {i["code"]: i for i in data["domaines"][0]["critères"][0]["indicateurs"]}
    assert items["gain_confiance"]["valeurs"] == {"2026": 8 / 12}
    assert items["part_confiance"]["statut"] == "en retard"
    assert items["confiance"]["statut"] == "en retard"
    missing = {m["code"] for m in data["manquants"]}
    assert missing.isdisjoint({"confiance", "gain_confiance", "part_confiance", "isolement"})
    shares = {q["indicateur"]: q["progressent"] for q in data["questionnaires"]}
    assert shares == {"confiance": 5, "isolement": 0}
    table = cli("-C", str(folder), "status", "-p", "2026").stdout
    assert "5 sur 12 gagnent au moins 1 point" in table
    report = cli("-C", str(folder), "report", "-t", "bilan", "-f", "md", "-p", "2026")
    assert report.exit_code == 0, report.stderr
    text = _plain(next((folder / "rapports").glob("bilan-2026.md")).read_text(encoding="utf-8"))
    gaps = text.split("## Données manquantes")[1].split("##")[0]
    assert "onfiance" not in gaps
    assert "sans donnée" not in _row(text, "Gain moyen de confiance en soi")


HOUSEHOLDS = """\
          - code: foyers
            libellé: Foyers aidés
            type: nombre
            unité: foyers
            fréquence: trimestrielle
            méthode: registre
            dimensions: [site, foyer, sexe]
            cibles:
              - {période: 2026, valeur: 140}
"""
DIMENSIONS = """\
dimensions:
  - code: site
    nom: Site
    valeurs: [Morlaix, Brest]
  - code: foyer
    nom: Type de foyer
    valeurs: [personne seule, famille]
"""


def _crossed_folder(cli, example) -> Path:
    folder = example("vide", HOUSEHOLDS)
    referentiel = folder / "referentiel.yaml"
    text = referentiel.read_text(encoding="utf-8")
    referentiel.write_text(text.replace("dimensions:\n", DIMENSIONS, 1), encoding="utf-8")
    cells = {("Brest", "famille"): 10, ("Brest", "personne seule"): 20, ("Morlaix", "famille"): 5}
    for quarter in (1, 2, 3, 4):
        for (site, home), count in cells.items():
            args = ("record", "-a", "m", "foyers", str(count + quarter), "-p", f"2026-T{quarter}")
            dims = ("--dim", f"site={site}", "--dim", f"foyer={home}", "--date", "2026-11-30")
            result = cli("-C", str(folder), *args, *dims)
            assert result.exit_code == 0, result.stderr
    return folder


def test_crossed_values_give_each_dimension_over_the_whole_period(cli, tmp_path, example) -> None:
    folder = _crossed_folder(cli, example)
    output = tmp_path / "bilan.md"
    args = ("-C", str(folder), "report", "-t", "bilan", "-f", "md", "-p", "2026", "-o")
    result = cli(*args, str(output))
    assert result.exit_code == 0, result.stderr
    text = _plain(output.read_text(encoding="utf-8"))
    # The whole year (four quarters), declared order, both dimensions: charts' texts.
    # Brest: (10 + 20) × 4 + 2 × (1 + 2 + 3 + 4); a family: 10 × 4 + 5 × 4 + 2 × 10.
    assert "Foyers aidés par site (année 2026). Morlaix : 30 foyers ; Brest : 140 foyers." in text
    assert (
        "Foyers aidés par type de foyer (année 2026). personne seule : 90 foyers ; "
        "famille : 80 foyers."
    ) in text
    missing = text.split("## Données manquantes")[1]
    assert "- Foyers aidés : Sexe" in missing


def test_a_template_may_ask_for_the_crossed_table(cli, tmp_path, example) -> None:
    folder = _crossed_folder(cli, example)
    (folder / "modeles").mkdir()
    (folder / "modeles" / "croise.md.j2").write_text(
        '{% import "_macros.md.j2" as m %}{{ m.croisements(indicateurs.foyers) }}',
        encoding="utf-8",
    )
    output = tmp_path / "croise.md"
    args = ("-C", str(folder), "report", "-t", "croise", "-f", "md", "-p", "2026", "-o")
    result = cli(*args, str(output))
    assert result.exit_code == 0, result.stderr
    text = _plain(output.read_text(encoding="utf-8"))
    assert "Foyers aidés par site et par type de foyer (année 2026) :" in text
    assert "| Site | personne seule | famille |" in text
    assert "| Morlaix | — | 30 foyers |" in text
    assert "| Brest | 90 foyers | 50 foyers |" in text
    html = tmp_path / "croise.html"
    (folder / "modeles" / "croise.html.j2").write_text(
        '{% import "_macros.html.j2" as m %}{{ m.croisements(indicateurs.foyers) }}',
        encoding="utf-8",
    )
    args = ("-C", str(folder), "report", "-t", "croise", "-p", "2026", "-o")
    assert cli(*args, str(html)).exit_code == 0
    assert '<th scope="row">Morlaix</th><td class="nombre">—</td>' in html.read_text("utf-8")


def test_an_english_conventions_year_columns_read_as_its_baselines(cli, tmp_path, example) -> None:
    folder = example("echec-scolaire")  # a convention over two school years
    for langue, heading, baseline in (
        ("en", "| 2024–2025 school year | 2025–2026 school year |", "(2023–2024 school year)"),
        ("fr", "| 2024-2025 | 2025-2026 |", "(année scolaire 2023-2024)"),
    ):
        output = tmp_path / f"financeur-{langue}.md"
        args = ("-C", str(folder), "report", "-t", "financeur", "-f", "md", "--langue", langue)
        result = cli(*args, "-o", str(output))
        assert result.exit_code == 0, result.stderr
        text = _plain(output.read_text(encoding="utf-8"))
        assert heading in text
        assert baseline in text
    html = tmp_path / "financeur.html"
    args = ("-C", str(folder), "report", "-t", "financeur", "--langue", "en", "-o", str(html))
    assert cli(*args).exit_code == 0
    assert '<th scope="col">2025–2026 school year</th>' in html.read_text(encoding="utf-8")
