"""Shipped files: examples, templates and schemas are found from an editable install."""

from __future__ import annotations

from utilsoc.resources import data_dir, example_names


def test_each_shipped_folder_is_found() -> None:
    assert (data_dir("examples") / "vide" / "referentiel.yaml").is_file()
    assert (data_dir("templates") / "bilan.md.j2").is_file()
    assert (data_dir("schemas") / "referentiel.schema.json").is_file()


def test_example_names_are_the_example_folders_sorted() -> None:
    names = example_names()
    assert names == sorted(names)
    assert {"vide", "echec-scolaire", "mediation-numerique", "lien-social"} <= set(names)
