"""The personal data detector: every kind and format, and the examples' texts left alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from utilsoc.check.personal import Finding, Kind, find_personal_data
from utilsoc.resources import data_dir


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(finding.kind.value, finding.text) for finding in find_personal_data(text)]


@pytest.mark.parametrize(
    "phone",
    [
        "06 12 34 56 78",
        "06.12.34.56.78",
        "06-12-34-56-78",
        "0612345678",
        "+33 6 12 34 56 78",
        "+33612345678",
        "+33 (0)6 12 34 56 78",
        "0033 6 12 34 56 78",
        "02 98 00 00 00",
    ],
)
def test_french_phone_numbers(phone: str) -> None:
    assert _kinds(f"appelez-la au {phone} le soir") == [("telephone", phone)]


@pytest.mark.parametrize(
    "text",
    ["06 12 34 56", "numéro 612345678", "SIRET 12345678901234", "0,612345678", "le 12/03/2025"],
)
def test_numbers_that_are_not_phones(text: str) -> None:
    assert _kinds(text) == []


def test_an_email_address() -> None:
    assert _kinds("écrire à ines.martin+asso@gmail.com.") == [
        ("courriel", "ines.martin+asso@gmail.com")
    ]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("elle habite 12 rue des Lilas", "12 rue des Lilas"),
        ("au 3 bis avenue Jean Jaurès", "3 bis avenue Jean Jaurès"),
        ("4, impasse du Moulin", "4, impasse du Moulin"),
        ("7 bd de la Liberté", "7 bd de la Liberté"),
        ("10 place de la Mairie", "10 place de la Mairie"),
        ("15 allée des Tilleuls", "15 allée des Tilleuls"),
        ("2 chemin de Kerangoff", "2 chemin de Kerangoff"),
        ("à 29200 Brest", "29200 Brest"),
        ("76600 Le Havre", "76600 Le Havre"),
    ],
)
def test_postal_addresses(text: str, address: str) -> None:
    assert _kinds(text) == [("adresse", address)]


@pytest.mark.parametrize(
    "text",
    ["3 cours de maths par semaine", "il reste 2 places", "20000 Euros", "12 000 habitants"],
)
def test_ordinary_numbers_are_not_addresses(text: str) -> None:
    assert _kinds(text) == []


def test_findings_in_order_with_their_span() -> None:
    text = "MARTIN Inès, 06 12 34 56 78, 12 rue des Lilas 29200 Brest"
    found = find_personal_data(text)
    assert [f.kind for f in found] == [Kind.NOM_COMPLET, Kind.TELEPHONE, Kind.ADRESSE, Kind.ADRESSE]
    assert all(text[f.start : f.end] == f.text for f in found)
    assert found[0] == Finding(Kind.NOM_COMPLET, 0, 11, "MARTIN Inès")
    assert found[0].span == (0, 11)


def test_a_name_inside_an_e_mail_is_one_e_mail() -> None:
    assert _kinds("Inès.Martin@exemple.fr") == [("courriel", "Inès.Martin@exemple.fr")]


def _texts(data: Any, key: str = "") -> list[tuple[str, str]]:
    """Every text of a YAML document but who wrote it or carries an action (staff)."""
    if isinstance(data, dict):
        return [t for k, v in data.items() for t in _texts(v, k)]
    if isinstance(data, list):
        return [t for item in data for t in _texts(item, key)]
    staff = {"auteur", "responsable", "participants", "contact", "email", "site"}
    return [(key, data)] if isinstance(data, str) and key not in staff else []


def test_no_text_of_the_examples_is_flagged() -> None:
    texts = [
        text
        for path in sorted(Path(data_dir("examples")).rglob("*.yaml"))
        for text in _texts(yaml.safe_load(path.read_text(encoding="utf-8")))
    ]
    assert len(texts) > 1000
    flagged = [(key, text) for key, text in texts if find_personal_data(text)]
    assert flagged == []
