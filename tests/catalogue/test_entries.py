"""The shipped catalogue: nine registres, at least 60 indicators, each a valid indicator."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from utilsoc import catalogue
from utilsoc.catalogue.render import indicator_block, scalar
from utilsoc.errors import UserError
from utilsoc.folder import load_folder
from utilsoc.model.referentiel import TypeIndicateur
from utilsoc.project import Layout

REGISTRES = [
    "lien_social",
    "autonomie",
    "education",
    "sante",
    "insertion",
    "participation",
    "environnement",
    "economie",
    "innovation",
]


def test_nine_registres_in_order_and_at_least_sixty_indicators() -> None:
    assert [r.code for r in catalogue.registres()] == REGISTRES
    everything = catalogue.entries()
    assert len(everything) >= 60
    assert all(len(r.indicateurs) >= 6 for r in catalogue.registres())
    assert len(catalogue.codes()) == len(everything), "codes en double dans le catalogue"


@pytest.mark.parametrize("entry", catalogue.entries(), ids=lambda e: e.indicateur.code)
def test_each_entry_is_complete_and_coherent(entry: catalogue.Entry) -> None:
    ind = entry.indicateur
    assert re.fullmatch(r"[a-z][a-z0-9_]*", ind.code)
    assert ind.catalogue is None, "le lien est posé à la copie, pas dans le catalogue"
    assert ind.definition
    assert len(ind.definition) >= 60
    assert ind.definition.endswith((".", "»"))
    assert ind.niveau is not None
    assert {"frequence", "methode"} <= ind.model_fields_set
    numeric = ind.type not in (TypeIndicateur.QUALITATIF, TypeIndicateur.OUI_NON)
    assert bool(ind.unite) == numeric
    assert ("sens" in ind.model_fields_set) == (ind.type is not TypeIndicateur.QUALITATIF)
    if ind.type is TypeIndicateur.TAUX:
        assert ind.unite == "%"
        assert ind.numerateur
        assert ind.denominateur
    if ind.type is TypeIndicateur.SCORE:
        assert ind.echelle is not None
    assert set(ind.dimensions) <= set(catalogue.dimensions())


def test_every_entry_copied_into_a_referentiel_validates(example) -> None:
    """All of them at once, written as `indicateur ajouter` writes them, read by the gate."""
    folder: Path = example("vide")
    lines = ["dimensions:\n"]
    for dimension in catalogue.dimensions().values():
        values = scalar(list(dimension.valeurs))
        lines.append(f"  - code: {dimension.code}\n    nom: {scalar(dimension.nom)}\n")
        lines.append(f"    valeurs: {values}\n")
    lines.append("domaines:\n")
    for registre in catalogue.registres():
        lines.append(f"  - code: {registre.code}\n    nom: {scalar(registre.nom)}\n")
        lines.append(f"    critères:\n      - code: {registre.code}-1\n        nom: x\n")
        lines.append("        indicateurs:\n")
        for ind in registre.indicateurs:
            lines.append(indicator_block(catalogue.as_indicator(ind.code), 10, 12))
    (folder / "referentiel.yaml").write_text("".join(lines), encoding="utf-8")
    for other in [folder / "association.yaml", *(folder / "cadres-logiques").glob("*.yaml")]:
        text = other.read_text(encoding="utf-8")
        other.write_text(text.replace("nb_personnes_accompagnees", "adherents"), "utf-8")
    loaded = load_folder(Layout(folder))
    assert [issue.format() for issue in loaded.issues] == []
    referentiel = loaded.project.referentiel
    assert referentiel is not None
    assert len(referentiel.indicators()) == len(catalogue.entries())
    copied = referentiel.indicators()["ratio_sroi"]
    assert copied.catalogue == "ratio_sroi"
    assert copied == catalogue.as_indicator("ratio_sroi")


def test_as_indicator_links_to_the_catalogue_and_may_rename() -> None:
    renamed = catalogue.as_indicator("heures_benevolat", "heures_donnees")
    assert (renamed.code, renamed.catalogue) == ("heures_donnees", "heures_benevolat")
    assert renamed.libelle == "Heures de bénévolat"
    assert catalogue.entry("heures_benevolat").indicateur.catalogue is None


def test_an_unknown_code_suggests_close_ones() -> None:
    with pytest.raises(UserError) as caught:
        catalogue.entry("heures_benevola")
    assert caught.value.message == "indicateur « heures_benevola » absent du catalogue"
    assert "« heures_benevolat »" in caught.value.hint


def test_a_registre_is_found_by_code_or_name_accents_aside() -> None:
    assert catalogue.find_registre("santé").code == "sante"
    assert catalogue.find_registre("Santé et bien-être").code == "sante"
    assert catalogue.find_registre("ECONOMIE").code == "economie"
    assert {e.registre.code for e in catalogue.entries("education")} == {"education"}


def test_an_unknown_registre_lists_the_registres() -> None:
    with pytest.raises(UserError) as caught:
        catalogue.entries("culture")
    assert caught.value.message == "registre « culture » inconnu du catalogue"
    assert caught.value.hint == "registres : " + ", ".join(REGISTRES)


def test_the_guide_lists_every_registre_indicator_and_dimension() -> None:
    text = (Path(__file__).parents[2] / "docs" / "catalogue.md").read_text(encoding="utf-8")
    codes = [r.code for r in catalogue.registres()] + sorted(catalogue.codes())
    missing = [c for c in [*codes, *catalogue.dimensions()] if f"| `{c}` |" not in text]
    assert missing == [], "absents de docs/catalogue.md"
    assert f"catalogue de\n{len(catalogue.entries())} indicateurs" in text
