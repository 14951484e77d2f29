"""The strict reader against every trap of RELIABILITY.md, with positions and codes."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from utilsoc.errors import DataErrors, UsageError
from utilsoc.yamlio.reader import parse_yaml, read_yaml


@pytest.mark.parametrize(
    "text",
    ["NO", "yes", "on", "12:30", "0123", "1.10", "2024-03-01", "0x1F", "1e3", "3,5", "~x", "y"],
)
def test_scalars_are_read_as_typed(loader: str, text: str) -> None:
    assert parse_yaml(f"valeur: {text}\n", "f.yaml").data == {"valeur": text}


def test_null_spellings_and_quoted_strings(loader: str) -> None:
    data = parse_yaml('a:\nb: ~\nc: null\nd: ""\ne: "null"\n', "f.yaml").data
    assert data == {"a": None, "b": None, "c": None, "d": "", "e": "null"}


def _write(tmp_path: Path, raw: bytes) -> Path:
    path = tmp_path / "f.yaml"
    path.write_bytes(raw)
    return path


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode(),
        lambda t: codecs.BOM_UTF8 + t.encode(),
        lambda t: t.replace("\n", "\r\n").encode(),
        lambda t: t.encode("utf-16"),
        lambda t: t.replace("\n", "\r\n", 1).encode(),
    ],
)
def test_boms_and_line_endings_give_the_same_data_and_lines(tmp_path: Path, encode) -> None:
    text = "nom: Élodie\nliste:\n  - é\n  - à\n"
    document = read_yaml(_write(tmp_path, encode(text)), "f.yaml")
    assert document.data == {"nom": "Élodie", "liste": ["é", "à"]}
    assert document.position(("liste", 1)) == (4, 5)


def test_missing_file_and_folder_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        read_yaml(tmp_path / "absent.yaml", "absent.yaml")
    with pytest.raises(UsageError):
        read_yaml(tmp_path, "dossier")


def test_a_file_over_the_size_limit_is_not_parsed(tmp_path: Path) -> None:
    (tmp_path / "f.yaml").write_bytes(b"a: 1\n" * 10)
    with pytest.raises(DataErrors) as caught:
        read_yaml(tmp_path / "f.yaml", "f.yaml", max_bytes=20)
    assert [i.code for i in caught.value.issues] == ["fichier-trop-gros"]
