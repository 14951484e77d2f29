"""What `merge -o` writes: the values in force, sorted, one per line, read back the same."""

from __future__ import annotations

from pathlib import Path

from utilsoc.compute.consolidation import consolidated_text
from utilsoc.model.mesures import FichierMesures, Valeur
from utilsoc.yamlio.reader import parse_yaml


def _value(indicator: str, period: str, value: str, **extra: object) -> Valeur:
    data = {"indicateur": indicator, "période": period, "valeur": value}
    return Valeur.model_validate({**data, "auteur": "m", "date": "2025-06-01", **extra})


def test_the_file_is_sorted_and_reads_back_as_the_same_values(tmp_path: Path) -> None:
    values = [
        _value("b", "2025", "1,5 h"),
        _value("a", "2025-T2", "3", dimensions={"site": "Brest"}),
        _value("a", "2025-T1", "true", note="relevé à la main"),
    ]
    text = consolidated_text([v.to_mesure() for v in values])
    assert text.startswith("# Valeurs consolidées par « utilsoc merge »")
    read = FichierMesures.model_validate(parse_yaml(text, "c.yaml").data).valeurs
    assert [(v.indicateur, v.periode.name) for v in read] == [
        ("a", "2025-T1"),
        ("a", "2025-T2"),
        ("b", "2025"),
    ]
    assert sorted(read, key=lambda v: v.key) == sorted(values, key=lambda v: v.key)


def test_the_same_values_in_any_order_give_the_same_bytes() -> None:
    values = [_value("a", f"2025-T{q}", str(q)).to_mesure() for q in (1, 2, 3)]
    assert consolidated_text(values) == consolidated_text(list(reversed(values)))
