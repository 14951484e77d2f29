"""The référentiel's English variants (`en:`) in an English report, and only there."""

from __future__ import annotations

CODE = "nb_personnes_accompagnees"


def _with_variants(example):
    folder = example("vide")
    referentiel = folder / "referentiel.yaml"
    text = referentiel.read_text("utf-8")
    text = text.replace(
        "            libellé: Nombre de personnes accompagnées\n",
        "            libellé: Nombre de personnes accompagnées\n"
        "            en: {libellé: People supported}\n",
    ).replace(
        "        nom: Lien social\n",
        "        nom: Lien social\n        en:\n          nom: Social ties\n",
    )
    referentiel.write_text(text, encoding="utf-8")
    return folder


def test_an_english_report_shows_the_english_words_of_the_referentiel(
    cli, example, tmp_path
) -> None:
    folder = _with_variants(example)
    assert cli("-C", str(folder), "validate").exit_code == 0
    record = ("-C", str(folder), "record", "-a", "m", "--date", "2025-12-01", CODE, "41")
    assert cli(*record, "-p", "2025").exit_code == 0
    out = tmp_path / "b.md"
    base = ("-C", str(folder), "report", "-t", "bilan", "-p", "2025", "-f", "md", "--force")
    assert cli(*base, "-o", str(out), "--langue", "en").exit_code == 0
    english = out.read_text("utf-8")
    assert "| People supported |" in english
    assert "— Social ties" in english
    assert "Nombre de personnes accompagnées" not in english
    assert cli(*base, "-o", str(out)).exit_code == 0
    french = out.read_text("utf-8")
    assert "| Nombre de personnes accompagnées |" in french
    assert "People supported" not in french
    assert "Social ties" not in french


def test_a_variant_is_checked_like_the_rest(cli, example) -> None:
    folder = example("vide")
    referentiel = folder / "referentiel.yaml"
    referentiel.write_text(
        referentiel.read_text("utf-8").replace(
            "        nom: Lien social\n", "        nom: Lien social\n        en: {titre: Ties}\n"
        ),
        encoding="utf-8",
    )
    result = cli("-C", str(folder), "validate")
    assert result.exit_code != 0
    assert "referentiel.yaml:" in result.stderr
    assert "titre" in result.stderr


def test_a_theme_reads_its_english_label_in_an_english_report(cli, example, tmp_path) -> None:
    folder = example("echec-scolaire")
    referentiel = folder / "referentiel.yaml"
    referentiel.write_text(
        referentiel.read_text("utf-8").replace(
            "            libellé: Confiance retrouvée\n",
            "            libellé: Confiance retrouvée\n"
            "            en: {libellé: Regained confidence}\n",
        ),
        encoding="utf-8",
    )
    assert cli("-C", str(folder), "validate").exit_code == 0
    out = tmp_path / "b.md"
    base = ("-C", str(folder), "report", "-t", "bilan", "-p", "2025-2026", "-f", "md")
    assert cli(*base, "-o", str(out), "--langue", "en", "--force").exit_code == 0
    english = out.read_text("utf-8")
    assert "7 of 10 interviews mention regained confidence" in english
    assert "*Regained confidence*" in english
    assert "onfiance retrouvée" not in english
    assert cli(*base, "-o", str(out), "--force").exit_code == 0
    assert "7 entretiens sur 10 évoquent la confiance retrouvée" in out.read_text("utf-8")
