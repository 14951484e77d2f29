"""Bytes to text: BOMs, line endings, encodings, and what must be refused before parsing."""

from __future__ import annotations

import codecs
import re

from utilsoc.codes import Code
from utilsoc.errors import Issue

_CONFLICT = re.compile(r"^(<{7}|={7}|>{7})(?: |$)", re.MULTILINE)
_MARKERS = ("<" * 7, "=" * 7, ">" * 7)
_INVISIBLE = {"\x85": "NEL", "\u2028": "LS", "\u2029": "PS"}


def decode_text(raw: bytes, file: str) -> tuple[str, list[Issue]]:
    r"""Decode a file's bytes to text with `\\n` line endings.

    Accepts UTF-8 with or without BOM and UTF-16 with BOM; CRLF and lone CR become LF,
    which keeps every line number. Returns the text and the issues that forbid parsing
    (wrong encoding, git conflict markers, invisible line separators).
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            return "", [
                Issue(
                    file,
                    1,
                    1,
                    Code.ENCODAGE,
                    "fichier UTF-16 illisible",
                    "réenregistrez-le en UTF-8",
                )
            ]
    else:
        if raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            return "", [_encoding_issue(raw, error.start, file)]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, _conflict_issues(text, file) or _invisible_issues(text, file)


def _encoding_issue(raw: bytes, offset: int, file: str) -> Issue:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return Issue(
        file,
        line,
        column,
        Code.ENCODAGE,
        f"le fichier n'est pas encodé en UTF-8 (octet 0x{raw[offset]:02X})",
        "réenregistrez-le en UTF-8 (Bloc-notes : « Enregistrer sous », encodage UTF-8)",
    )


def _conflict_issues(text: str, file: str) -> list[Issue]:
    """One issue per `<<<<<<<` line, or for the first stray `=======`/`>>>>>>>` line."""
    if not any(marker in text for marker in _MARKERS):
        return []  # a plain substring search first: the pattern is slow on megabytes
    markers = list(_CONFLICT.finditer(text))
    starts = [m for m in markers if m.group(1).startswith("<")] or markers[:1]
    issues = []
    for marker in starts:
        line = text.count("\n", 0, marker.start()) + 1
        issues.append(
            Issue(
                file,
                line,
                1,
                Code.CONFLIT_GIT,
                f"conflit git non résolu ligne {line}",
                "gardez la bonne version et supprimez les lignes <<<<<<<, ======= et >>>>>>>",
            )
        )
    return issues


def _invisible_issues(text: str, file: str) -> list[Issue]:
    issues = []
    for char, name in _INVISIBLE.items():
        offset = text.find(char)
        if offset >= 0:
            line = text.count("\n", 0, offset) + 1
            column = offset - text.rfind("\n", 0, offset)
            issues.append(
                Issue(
                    file,
                    line,
                    column,
                    Code.CARACTERE_INVISIBLE,
                    f"caractère invisible U+{ord(char):04X} ({name}), lu comme un saut de ligne",
                    "supprimez-le (il vient souvent d'un copier-coller)",
                )
            )
    return issues
