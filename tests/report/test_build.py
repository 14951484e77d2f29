"""`make_report`: the whole report from the command line's request, written once."""

from __future__ import annotations

CODE = "nb_personnes_accompagnees"


def test_a_funder_report_over_two_years_shows_each_year_and_the_convention(cli, example) -> None:
    folder = example("vide")
    cadre = folder / "cadres-logiques" / "financeur.yaml"
    cadre.write_text(
        cadre.read_text("utf-8").replace("période: 2026\n", "période: 2025-01-01..2026-12-31\n"),
        encoding="utf-8",
    )
    referentiel = folder / "referentiel.yaml"
    referentiel.write_text(
        referentiel.read_text("utf-8").replace(
            "              - période: 2026\n",
            "              - période: 2025\n                valeur: 40\n"
            "              - période: 2026\n",
        ),
        encoding="utf-8",
    )
    for value, year in (("32", "2025"), ("45", "2026")):
        recorded = cli("-C", str(folder), "record", "-a", "m", CODE, value, "-p", year)
        assert recorded.exit_code == 0, recorded.stderr
    out = folder / "f.md"
    assert (
        cli("-C", str(folder), "report", "-t", "financeur", "-f", "md", "-o", str(out)).exit_code
        == 0
    )
    lines = out.read_text("utf-8").splitlines()
    assert "| Indicateur | Référence | 2025 | 2026 | Convention | Commentaire |" in lines
    row = next(line for line in lines if line.startswith("| Nombre de personnes"))
    cells = [cell.strip() for cell in row.split("|")[3:6]]
    assert cells == [
        "32 personnes (cible 40 personnes), en retard",
        "45 personnes (cible 50 personnes), en retard",
        "77 personnes (cible 90 personnes), en retard",
    ]
    page = folder / "f.html"
    assert cli("-C", str(folder), "report", "-t", "financeur", "-o", str(page)).exit_code == 0
    assert '<th scope="col">2025</th><th scope="col">2026</th>' in page.read_text("utf-8").replace(
        "\n", ""
    )


def test_each_language_has_its_own_kept_document(cli, example, tmp_path) -> None:
    folder = example("lien-social")
    out = tmp_path / "b.html"
    base = ("-C", str(folder), "report", "-t", "bilan", "-p", "2025", "-o", str(out), "--force")
    documents = {}
    for langue in ("fr", "en", "fr", "en"):
        assert cli(*base, "--langue", langue).exit_code == 0
        text = out.read_text("utf-8")
        assert f'<html lang="{langue}">' in text
        documents.setdefault(langue, text)
        assert text == documents[langue]  # the kept one, in the language asked for
    assert "Synthèse" in documents["fr"]
    assert "Synthèse" not in documents["en"]
    assert "Summary" in documents["en"]


def test_the_association_chooses_its_language_and_gives_its_english_words(
    cli, example, tmp_path
) -> None:
    folder = example("lien-social")
    association = folder / "association.yaml"
    association.write_text(
        association.read_text("utf-8") + "langue: en\nen:\n  nom: The Thread of Ages\n  identité:\n"
        "    vision: Loneliness is not a fate of old age.\n",
        encoding="utf-8",
    )
    out = tmp_path / "c.md"
    args = ("-C", str(folder), "report", "-t", "communication", "-p", "2025", "-f", "md")
    assert cli(*args, "-o", str(out)).exit_code == 0
    text = out.read_text("utf-8")
    assert text.startswith("# The Thread of Ages\n")
    assert "**Our vision**: Loneliness is not a fate of old age." in text
    # Without an English variant, the association's text stays as written.
    assert "Que chaque personne isolée retrouve des liens" in text
    # `--langue fr` wins over the file; the English variants are then left aside.
    assert cli(*args, "-o", str(out), "--langue", "fr", "--force").exit_code == 0
    text = out.read_text("utf-8")
    assert text.startswith("# Le Fil des Âges\n")
    assert "Ce qui nous anime" in text


def test_an_unknown_language_is_refused_where_it_is_written(cli, example, tmp_path) -> None:
    folder = example("vide")
    association = folder / "association.yaml"
    association.write_text(association.read_text("utf-8") + "langue: de\n", encoding="utf-8")
    line = len(association.read_text("utf-8").splitlines())
    before = sorted(p.name for p in folder.rglob("*"))
    result = cli("-C", str(folder), "report", "-o", str(tmp_path / "r.html"))
    assert result.exit_code != 0
    assert f"association.yaml:{line}:9:" in result.stderr
    assert "valeurs possibles : fr, en" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "r.html").exists()
    assert sorted(p.name for p in folder.rglob("*") if ".utilsoc-cache" not in p.parts) == [
        name for name in before if name != ".utilsoc-cache"
    ]
    refused = cli("-C", str(folder), "report", "--langue", "de")
    assert refused.exit_code != 0
    assert "fr" in refused.stderr
    assert "en" in refused.stderr
