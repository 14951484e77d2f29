"""A file's encoding, BOM and newline are read from its bytes and given back unchanged."""

from __future__ import annotations

import codecs

import pytest

from utilsoc.store.style import TextStyle, normalized, split_lines

LE, BE = codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE


@pytest.mark.parametrize(
    ("raw", "style"),
    [
        (b"a: 1\nb: 2\n", TextStyle()),
        (b"a: 1\r\nb: 2\r\n", TextStyle(newline="\r\n")),
        (codecs.BOM_UTF8 + b"a: 1\r", TextStyle("utf-8", codecs.BOM_UTF8, "\r")),
        (
            codecs.BOM_UTF16_LE + "a: é\r\n".encode("utf-16-le"),
            TextStyle("utf-16-le", codecs.BOM_UTF16_LE, "\r\n"),
        ),
        (
            codecs.BOM_UTF16_BE + "a: é\n".encode("utf-16-be"),
            TextStyle("utf-16-be", codecs.BOM_UTF16_BE, "\n"),
        ),
        (b"a: 1", TextStyle()),
    ],
)
def test_the_style_is_read_and_the_bytes_come_back_the_same(raw: bytes, style: TextStyle) -> None:
    assert TextStyle.of(raw) == style
    assert style.encode(style.decode(raw)) == raw


def test_lines_keep_their_own_endings() -> None:
    text = "a\r\nb\nc\rd"
    assert split_lines(text) == ["a\r\n", "b\n", "c\r", "d"]
    assert "".join(split_lines(text)) == text
    assert normalized(text) == "a\nb\nc\nd"
