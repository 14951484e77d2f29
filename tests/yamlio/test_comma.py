"""Decimal commas: one message, and a flow record split by the comma read as one number."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from utilsoc.model.mesures import FichierMesures
from utilsoc.yamlio.comma import decimal_comma
from utilsoc.yamlio.messages import issues_from_validation
from utilsoc.yamlio.reader import parse_yaml


def test_decimal_comma_message_is_one_text() -> None:
    assert decimal_comma("3,5") == (
        "virgule décimale : écrivez 3.5",
        "un nombre s'écrit avec un point décimal",
    )
    assert decimal_comma(" 10,25 ") == (
        "virgule décimale : écrivez 10.25",
        "un nombre s'écrit avec un point décimal",
    )
    assert decimal_comma("a,b") is None
    assert decimal_comma("1,2,3") is None


def _issues(line: str) -> list[tuple[int, int, str, str]]:
    document = parse_yaml(f"valeurs:\n{line}\n", "m.yaml")
    with pytest.raises(ValidationError) as caught:
        FichierMesures.model_validate(document.data)
    issues = issues_from_validation(caught.value, document, FichierMesures)
    return [(i.line, i.column, i.code, i.message) for i in issues]


def test_a_flow_record_split_by_a_decimal_comma_is_one_issue_on_the_number() -> None:
    line = "  - {indicateur: n, période: 2025, valeur: 3,5, auteur: a, date: 2025-01-02}"
    assert _issues(line) == [
        (2, line.index("3,5") + 1, "virgule-decimale", "virgule décimale : écrivez 3.5")
    ]


@pytest.mark.parametrize(
    "line",
    [
        "  - {indicateur: n, période: 2025, note: abc, 5: , auteur: a, date: 2025-01-02}",
        "  - {indicateur: n, période: 2025, valeur: 3, 5: x, auteur: a, date: 2025-01-02}",
        "  - {5: , indicateur: n, période: 2025, auteur: a, date: 2025-01-02}",
    ],
)
def test_other_digit_keys_stay_unknown_fields(line: str) -> None:
    assert [code for _, _, code, _ in _issues(line)] == ["champ-inconnu"]
