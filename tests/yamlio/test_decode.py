"""Bytes to text: encodings, BOMs, line endings, conflict markers, invisible separators."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from utilsoc.errors import DataErrors
from utilsoc.yamlio.decode import decode_text
from utilsoc.yamlio.reader import read_yaml


def _write(tmp_path: Path, raw: bytes) -> Path:
    path = tmp_path / "f.yaml"
    path.write_bytes(raw)
    return path


def test_cp1252_is_located_to_the_byte(tmp_path: Path) -> None:
    path = _write(tmp_path, "nom: Asso\nville: Orléans\n".encode("cp1252"))
    with pytest.raises(DataErrors) as caught:
        read_yaml(path, "f.yaml")
    issue = caught.value.issues[0]
    assert (issue.line, issue.column, issue.code) == (2, 11, "encodage")
    assert "octet 0xE9" in issue.message
    assert "réenregistrez-le en UTF-8" in issue.hint


def test_conflict_markers_and_nel_stop_the_reading(tmp_path: Path) -> None:
    conflict = "a: 1\n<<<<<<< HEAD\nb: 2\n=======\nb: 3\n>>>>>>> autre\n"
    with pytest.raises(DataErrors) as caught:
        read_yaml(_write(tmp_path, conflict.encode()), "f.yaml")
    assert [(i.line, i.code) for i in caught.value.issues] == [(2, "conflit-git")]
    with pytest.raises(DataErrors) as caught:
        read_yaml(_write(tmp_path, "a: x\x85y\n".encode()), "f.yaml")
    assert caught.value.issues[0].code == "caractere-invisible"


@pytest.mark.parametrize(
    "raw",
    [
        b"a: 1\r\nb: 2\r\n",
        b"a: 1\rb: 2\r",
        codecs.BOM_UTF8 + b"a: 1\nb: 2\n",
        codecs.BOM_UTF16_LE + "a: 1\nb: 2\n".encode("utf-16-le"),
    ],
)
def test_every_line_ending_and_bom_gives_the_same_text(raw: bytes) -> None:
    assert decode_text(raw, "f.yaml") == ("a: 1\nb: 2\n", [])


def test_a_damaged_utf16_file_is_one_encoding_issue() -> None:
    text, [issue] = decode_text(codecs.BOM_UTF16_LE + b"a\x00:\x00 \x00\x00\xd8", "f.yaml")
    assert (text, issue.code, issue.line, issue.column) == ("", "encodage", 1, 1)


def test_a_stray_separator_line_is_named_once_and_a_text_one_is_not() -> None:
    _, issues = decode_text(b"a: 1\n=======\nb: 2\n>>>>>>> x\n", "f.yaml")
    assert [(i.line, i.code) for i in issues] == [(2, "conflit-git")]
    assert decode_text(b'a: "======= titre"\nb: =======\n', "f.yaml")[1] == []


def test_each_invisible_separator_is_located() -> None:
    _, issues = decode_text("a: 1\nb: x\u2028y\nc: \u2029\n".encode(), "f.yaml")
    assert [(i.line, i.column, "U+2028" in i.message) for i in issues] == [
        (2, 5, True),
        (3, 4, False),
    ]
