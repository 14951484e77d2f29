"""Appending records: encoding, BOM and line endings kept; one section per new file."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest

from utilsoc.errors import DataErrors
from utilsoc.model.mesures import Temoignage, Valeur
from utilsoc.model.periods import Period
from utilsoc.project import Layout
from utilsoc.store.files import read_measures
from utilsoc.store.measures import append_records, header, insert_line, measure_path, record_path

PERIOD = Period.parse("2026")
EXISTING = (
    "# notes de Marie\n"
    "valeurs:\n"
    "  - {indicateur: nb, période: 2026, valeur: 1, dimensions: {site: A}, auteur: marie, "
    "date: 2026-01-02}\n"
)


def _value(site: str = "B") -> Valeur:
    return Valeur.model_validate(
        {
            "indicateur": "nb",
            "période": "2026",
            "valeur": "2",
            "dimensions": {"site": site},
            "auteur": "Marie Dupré",
            "date": "2026-02-03",
        }
    )


STYLES = [
    (b"", "utf-8"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


@pytest.mark.parametrize(("bom", "encoding"), STYLES)
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_append_keeps_encoding_bom_and_line_endings(
    tmp_path: Path, bom: bytes, encoding: str, newline: str
) -> None:
    path = tmp_path / "mesures" / "2026" / "marie-dupre.yaml"
    path.parent.mkdir(parents=True)
    original = bom + EXISTING.replace("\n", newline).encode(encoding)
    path.write_bytes(original)
    append_records(Layout(tmp_path), path, [_value()])
    after = path.read_bytes()
    assert after.startswith(original)
    added = after[len(original) :].decode(encoding)
    assert added.startswith("  - {indicateur: nb,")
    assert added.endswith("}" + newline)
    assert added.count(newline) == 1
    if newline == "\n":
        assert "\r" not in added
    content, _, issues = read_measures(path)
    assert issues == []
    assert content is not None
    assert [v.valeur for v in content.valeurs] == ["1", "2"]


def test_untouched_lines_keep_their_own_endings(tmp_path: Path) -> None:
    path = tmp_path / "mesures" / "2026" / "marie-dupre.yaml"
    path.parent.mkdir(parents=True)
    mixed = EXISTING.replace("\n", "\r\n", 1) + "# fin\n"
    path.write_bytes(mixed.encode())
    append_records(Layout(tmp_path), path, [_value()])
    text = path.read_bytes().decode()
    assert text.startswith("# notes de Marie\r\nvaleurs:\n")
    assert text.endswith("date: 2026-02-03}\r\n# fin\n")  # new lines: the first ending


def test_a_last_line_without_newline_gets_one_before_the_record(tmp_path: Path) -> None:
    path = tmp_path / "mesures" / "2026" / "marie-dupre.yaml"
    path.parent.mkdir(parents=True)
    path.write_bytes(EXISTING.replace("\n", "\r\n").rstrip().encode())
    append_records(Layout(tmp_path), path, [_value()])
    lines = path.read_bytes().split(b"\r\n")
    assert lines[-1] == b""
    assert lines[-3].endswith(b"2026-01-02}")
    assert b"\n" not in b"".join(lines)


def test_a_new_file_holds_one_section_and_no_author_in_its_header(tmp_path: Path) -> None:
    layout = Layout(tmp_path)
    verbatim = Temoignage.model_validate(
        {
            "période": "2026",
            "texte": "merci",
            "rôle": "bénévole",
            "pseudonyme": "Ana",
            "consentement": True,
            "auteur": "Marie Dupré",
            "date": "2026-01-01",
        }
    )
    path = record_path(layout, verbatim)
    assert path == tmp_path / "mesures" / "2026" / "marie-dupre.temoignages.yaml"
    append_records(layout, path, [verbatim])
    text = path.read_text(encoding="utf-8")
    assert text.startswith(header(PERIOD, "temoignages"))
    assert "Marie" not in header(PERIOD, "temoignages")
    assert header(PERIOD, "temoignages") != header(PERIOD)
    assert [line for line in text.splitlines() if line.endswith(":")] == ["témoignages:"]
    assert record_path(layout, _value()) == measure_path(layout, PERIOD, "Marie Dupré")


def test_a_record_that_would_break_the_file_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "mesures" / "2026" / "marie-dupre.yaml"
    path.parent.mkdir(parents=True)
    broken = EXISTING + "valeurs: []\n"  # the same section twice
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(DataErrors):
        append_records(Layout(tmp_path), path, [_value()])
    assert path.read_text(encoding="utf-8") == broken
    assert [p.name for p in path.parent.iterdir()] == ["marie-dupre.yaml"]


def test_insert_goes_to_the_end_of_its_section() -> None:
    text = "valeurs:\n  - {a: 1}\n\n# témoins\ntemoignages:\n  - {t: 1}\n"
    assert insert_line(text, "valeurs", "  - {a: 2}\n") == (
        "valeurs:\n  - {a: 1}\n  - {a: 2}\n\n# témoins\ntemoignages:\n  - {t: 1}\n"
    )
    # a section written without accents is the same section
    assert insert_line(text, "témoignages", "  - {t: 2}\n").endswith("  - {t: 1}\n  - {t: 2}\n")
    assert insert_line("valeurs: []\r\n", "valeurs", "  - {a: 1}\n", "\r\n") == (
        "valeurs:\r\n  - {a: 1}\r\n"
    )
    assert insert_line("# vide\n", "valeurs", "  - {a: 1}\n") == "# vide\nvaleurs:\n  - {a: 1}\n"


def test_invisible_line_separators_in_text_are_escaped(tmp_path: Path) -> None:
    record = _value().model_copy(update={"note": "a\x85b\u2028c"})
    path = measure_path(Layout(tmp_path), PERIOD, "marie")
    append_records(Layout(tmp_path), path, [record])
    assert "\\x85" not in path.read_text(encoding="utf-8")
    content, _, issues = read_measures(path)
    assert issues == []
    assert content is not None
    assert content.valeurs[0].note == "a\x85b\u2028c"
    assert content.valeurs[0].date == dt.date(2026, 2, 3)
