"""The association's English variants (`en:`) in an English report, and only there.

Those of the référentiel, the logical frameworks and publics.yaml.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from utilsoc.model.load import load_project
from utilsoc.model.publics import Publics
from utilsoc.project import Layout
from utilsoc.report.variants import english, in_english

CODE = "nb_personnes_accompagnees"
SCHOOL = "2025-2026"
CADRE = "cadres-logiques/fondation-horizons.yaml"


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


def _report(cli, folder: Path, out: Path, template: str, *options: str) -> str:
    """The Markdown report `template` of `folder`, read back from `out`."""
    period = () if template == "financeur" else ("-p", SCHOOL)
    base = ("-C", str(folder), "report", "-t", template, "-f", "md", "-o", str(out), "--force")
    result = cli(*base, *period, "--date", "2026-11-30", *options)
    assert result.exit_code == 0, result.stderr
    return out.read_text("utf-8")


def _plain(french: str) -> str:
    """French typography's narrow and non-breaking spaces as plain spaces."""
    return french.replace("\u202f", " ").replace("\xa0", " ")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


# The example's English and French: objective, sub-objective, expected result, expectation
# of the partnership, stakeholder names (interview groups, stories), units.
ENGLISH_FUNDER = [
    "**Overall objective:** Reduce school failure among the lower secondary pupils",
    "— Succeeding together: preventing early school leaving",
    "### Sub-objective SO2: Restore self-confidence and help pupils obtain their diploma",
    "**Expected outcome R2.3: Every supported Year 10 pupil finds a work placement of interest",
    "- An outside view of our evaluation approach at the annual steering committee",
    "(supported pupils: 4 of 6; parents and families: 3 of 4)",
    "— E03, supported pupils",
    "Told by P03 (parents and families)",
    "| 147 pupils (target 150 pupils), behind |",
    "23 placements (target 22 placements)",
    # association.yaml's en: and the référentiel's definitions, sources, comparisons.
    "- **Mission**: Supporting pupils from Year 6 to Year 11 with teaching tools",
    "- **Values**: Cooperation, Listening, Diversity",
    "**Hours of support delivered**: Total hours of small-group support and one-to-one",
    "| Attendance register (register) | monthly | Coordinator |",
    "rate (%): Sessions attended by the pupils ÷ Sessions scheduled for the enrolled pupils",
    "Comparison: brevet pass rate in France: 85.6% (DEPP, Note d'information n° 25-09, "
    "2023–2024 school year, France, all streams, 2024 brevet session)",
    "8 people in the comparison group (pupils from the partner schools who were identified "
    "but not supported this year)",
    "| A tutor left and was not replaced before January: fewer places at La Garenne. |",
]
FRENCH_FUNDER = [
    "Départ d'un animateur non remplacé",
    "Réduire l'échec scolaire des collégiens",
    "Réussir ensemble",
    "Restaurer la confiance en soi et favoriser",
    "Chaque élève de 3e accompagné trouve un stage",
    "Un regard extérieur sur notre démarche",
    "élèves accompagnés: 4 of 6",
    "parents et familles",
    "147 élèves",
    "23 stages",
    "Accompagner les élèves du CM2",
    "Coopération",
    "Somme des heures de soutien",
    "Fichier des présences",
    "| Coordinatrice |",
    "Séances prévues",
    "taux de réussite au brevet",
    "toutes séries",
    "repérés mais non accompagnés",
]


def test_the_example_funder_report_reads_its_logframe_and_publics_in_english(
    cli, example, tmp_path
) -> None:
    folder = example("echec-scolaire")
    out = tmp_path / "f.md"
    english_text = _report(cli, folder, out, "financeur", "--langue", "en")
    for words in ENGLISH_FUNDER:
        assert words in english_text, words
    for words in FRENCH_FUNDER:
        assert words not in english_text, words
    french = _plain(_report(cli, folder, out, "financeur"))
    assert "**Objectif général :** Réduire l'échec scolaire des collégiens" in french
    assert "Sous-objectif SO2 : Restaurer la confiance en soi" in french
    assert "(élèves accompagnés : 4 sur 6 ; parents et familles : 3 sur 4)" in french
    assert "147 élèves (cible 150 élèves)" in french
    assert "- **Mission** : Accompagner les élèves du CM2 à la seconde" in french
    assert "taux de réussite au brevet en France : 85,6 % (DEPP" in french
    for words in ("Reduce school failure", "Restore self-confidence", "supported pupils"):
        assert words not in french, words
    for words in ("Supporting pupils", "Attendance register", "all streams", "partner schools"):
        assert words not in french, words


# The example's self-assessment (theme, strength, weakness), a comparison and the comparison
# group, in English and in French.
ENGLISH_BILAN = [
    "| Building a bond with the people we support | Classroom presentations make the",
    "For lack of places at La Garenne, we support fewer pupils than planned.",
    "Comparison: rate for the département: 10.5% (illustrative value, 2023–2024 school year, "
    "the département, young people aged 16 to 18)",
    "8 people in the comparison group (pupils from the partner schools",
]
FRENCH_BILAN = [
    "Établir un lien avec les personnes accompagnées",
    "Faute de places à La Garenne, nous accompagnons",
    "taux du département",
    "valeur illustrative",
    "jeunes de 16 à 18 ans",
    "repérés mais non accompagnés",
]


def test_the_example_bilan_reads_units_stakeholders_and_themes_in_english(
    cli, example, tmp_path
) -> None:
    folder = example("echec-scolaire")
    out = tmp_path / "b.md"
    english_text = _report(cli, folder, out, "bilan", "--langue", "en")
    assert "7 of 10 interviews mention regained confidence" in english_text
    assert "*Regained confidence*" in english_text
    assert "| 5,650 hours |" in english_text
    assert "— E07, supported pupils" in english_text
    for words in ENGLISH_BILAN:
        assert words in english_text, words
    for words in (*FRENCH_BILAN, "onfiance retrouvée", "E07, élèves", "5,650 heures", "Heures d'"):
        assert words not in english_text, words
    french = _plain(_report(cli, folder, out, "bilan"))
    assert "7 entretiens sur 10 évoquent la confiance retrouvée" in french
    assert "| 5 650 heures |" in french
    for words in FRENCH_BILAN:
        assert words in french, words
    assert "hours" not in french
    assert "Building a bond" not in french


def test_the_referentiel_report_shows_profiles_and_audiences_in_english(
    cli, example, tmp_path
) -> None:
    folder = example("echec-scolaire")
    text = _report(cli, folder, tmp_path / "r.md", "referentiel", "--langue", "en")
    for words in (
        "Parents distant from the school system",
        "Fear of being labelled “struggling pupils” in front of the others",
        "11 to 15 years old",
        "Every euro invested helps a pupil regain confidence",
        "Posters and leaflets translated into Arabic, Turkish and English",
        "(Horizons Jeunesse Foundation, Town of Saint-Aubin-sur-Loire)",
    ):
        assert words in text, words
    for words in ("Parents éloignés", "Peur d'être étiquetés", "11-15 ans", "Chaque euro"):
        assert words not in text, words


def test_a_partial_variant_keeps_the_french_of_what_it_does_not_give(
    cli, example, tmp_path
) -> None:
    folder = example("echec-scolaire")
    cadre = folder / CADRE
    text = cadre.read_text("utf-8")
    cadre.write_text(
        text[: text.index("\nen:\n")] + "\nen: {programme: Together}\n", encoding="utf-8"
    )
    _replace(
        folder / "publics.yaml",
        "    en:\n      nom: Parents and families\n",
        "    en:\n",
    )
    _replace(
        folder / "referentiel.yaml",
        "              libellé: Hours of support delivered\n              unité: hours\n",
        "              libellé: Hours of support delivered\n",
    )
    assert cli("-C", str(folder), "validate").exit_code == 0
    english_text = _report(cli, folder, tmp_path / "f.md", "financeur", "--langue", "en")
    assert "# Report to Fondation Horizons Jeunesse — Together" in english_text
    assert "**Overall objective:** Réduire l'échec scolaire des collégiens" in english_text
    assert "- Une convention sur deux années scolaires" in english_text
    assert "(supported pupils: 4 of 6; parents et familles: 3 of 4)" in english_text
    assert "| Hours of support delivered | 5,300 heures (2023–2024 school year) |" in english_text


def test_an_english_unit_does_not_keep_the_french_plural(cli, example, tmp_path) -> None:
    folder = _with_variants(example)
    _replace(
        folder / "referentiel.yaml",
        "            en: {libellé: People supported}\n",
        "            unité_pluriel: travaux\n"
        "            en: {libellé: People supported, unité: person}\n",
    )
    assert cli("-C", str(folder), "validate").exit_code == 0
    record = ("-C", str(folder), "record", "-a", "m", "--date", "2025-12-01", CODE, "41")
    assert cli(*record, "-p", "2025").exit_code == 0
    base = ("-C", str(folder), "report", "-t", "bilan", "-p", "2025", "-f", "md", "--force")
    out = tmp_path / "b.md"
    assert cli(*base, "-o", str(out), "--langue", "en").exit_code == 0
    english_text = out.read_text("utf-8")
    assert "| 41 people |" in english_text  # English plural, not the French « travaux »
    assert "travaux" not in english_text


@pytest.mark.parametrize(
    ("path", "old", "new", "key"),
    [
        (CADRE, 'en: {intitulé: "150 pupils', 'en: {titre: "150 pupils', "titre"),
        (CADRE, "\nen:\n", "\nen:\n  sous_objectifs: []\n", "sous_objectifs"),
        ("publics.yaml", "      nom: Staff team\n", "      name: Staff team\n", "name"),
        ("publics.yaml", '        âge: "30 to 50', '        years: "30 to 50', "years"),
        ("publics.yaml", "      nom: Funders\n", "      nom: Funders\n      code: f\n", "code"),
        (
            "referentiel.yaml",
            "delivered\n              unité:",
            "delivered\n              unit:",
            "unit",
        ),
        (
            "referentiel.yaml",
            'Attendance register"\n              collecté_par: "Coord',
            'Attendance register"\n              collected_by: "Coord',
            "collected_by",
        ),
        ("referentiel.yaml", 'numérateur: "Sessions', 'numerator: "Sessions', "numerator"),
        (
            "referentiel.yaml",
            'groupe_comparaison: "pupils',
            'comparison_group: "pupils',
            "comparison_group",
        ),
        ("referentiel.yaml", "libellé: rate for the", "label: rate for the", "label"),
        ("referentiel.yaml", "source: \"Tutors'", "sources: \"Tutors'", "sources"),
        ("referentiel.yaml", 'périmètre: "the dép', 'perimeter: "the dép', "perimeter"),
        ("referentiel.yaml", 'en: {thème: "Building', 'en: {title: "Building', "title"),
        ("referentiel.yaml", 'en: {motif: "A tutor left', 'en: {reason: "A tutor left', "reason"),
        ("referentiel.yaml", 'en: {constat: "For lack', 'en: {finding: "For lack', "finding"),
        (
            "association.yaml",
            "mission: >-\n      Supporting",
            "missions: >-\n      Supporting",
            "missions",
        ),
    ],
)
def test_an_unknown_key_in_a_variant_is_a_located_error_and_writes_nothing(
    cli, example, tmp_path, path, old, new, key
) -> None:
    folder = example("echec-scolaire")
    target = folder / path
    _replace(target, old, new)
    text = target.read_text("utf-8")
    line = text[: text.index(new) + new.index(key)].count("\n") + 1
    out = tmp_path / "f.md"
    result = cli("-C", str(folder), "report", "-t", "financeur", "-f", "md", "-o", str(out))
    assert result.exit_code != 0
    assert f"{Path(path).name}:{line}:" in result.stderr
    assert key in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_english_copies_only_what_changes_and_leaves_the_french_intact(example) -> None:
    project = load_project(Layout(example("echec-scolaire")))
    assert project.referentiel is not None
    # Indexed before the copy: the copy must not keep the index of the French indicators.
    french = project.referentiel.indicators()["heures_accompagnement"]
    translated = in_english(project)
    assert translated.referentiel is not None
    indicator = translated.referentiel.indicators()["heures_accompagnement"]
    assert (indicator.libelle, indicator.unite) == ("Hours of support delivered", "hours")
    assert (french.libelle, french.unite) == ("Heures d'accompagnement délivrées", "heures")
    assert project.publics.parties_prenantes[0].nom == "Élèves accompagnés"
    assert translated.publics.parties_prenantes[0].nom == "Supported pupils"
    cadre = translated.cadres["fondation-horizons"]
    assert cadre.sous_objectifs[0].resultats_attendus[0].intitule.startswith("150 pupils")
    assert cadre.financeur == "Fondation Horizons Jeunesse"
    # An indicator's targets hold no variant: the very same objects, not copies.
    assert indicator.cibles[0] is french.cibles[0]
    plain = Publics.model_validate(
        {"parties_prenantes": [{"code": "x", "nom": "X", "catégorie": "autre"}]}
    )
    assert english(plain) is plain
