"""A file's encoding, BOM and line endings, kept when utilsoc adds lines to it.

Why: a person's editor chose them (Notepad may save UTF-16, Windows editors CRLF); a
rewrite that changed them would show every line as modified in git and could make the
file unreadable to the tool that wrote it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ENDING = re.compile(r"\r\n|\r|\n")
# Each line with its own ending (the last one may have none).
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


@dataclass(frozen=True)
class TextStyle:
    """How a file's text is stored: encoding, whether it starts with a BOM, its newline."""

    encoding: str = "utf-8"
    bom: bytes = b""
    newline: str = "\n"

    @classmethod
    def of(cls, raw: bytes) -> TextStyle:
        """The style of a file's bytes (already known to decode)."""
        bom, encoding = next(((b, e) for b, e in _BOMS if raw.startswith(b)), (b"", "utf-8"))
        ending = _ENDING.search(raw[len(bom) :].decode(encoding))
        return cls(encoding, bom, ending.group() if ending else "\n")

    def decode(self, raw: bytes) -> str:
        """The text, line endings untouched."""
        return raw[len(self.bom) :].decode(self.encoding)

    def encode(self, text: str) -> bytes:
        """The bytes for `text` in this style (its line endings are written as given)."""
        return self.bom + text.encode(self.encoding)


def split_lines(text: str) -> list[str]:
    """The lines of `text`, each keeping its own ending (CRLF, LF or CR)."""
    return _LINE.findall(text)


def normalized(text: str) -> str:
    r"""`text` with `\n` line endings, as the readers see it."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
