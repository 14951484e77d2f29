"""Typography of a rendered report: French no-break spaces inside « » and before : ; ! ? %.

One pass over the rendered text, so that neither a template nor the association's own
texts can leave « Période : » to break at the end of a line before its colon.

Only what a reader reads is touched. HTML: text nodes, never inside a tag, an attribute
value, a comment, `<style>`, `<script>`, `<pre>`, `<code>` or `<textarea>`. Markdown:
never in a code span or block, a link target or an autolink, nor in a table's
delimiter row (`| ---: |`).

Why these spaces: an ordinary no-break space (U+00A0) before « : » and inside « »; a
narrow one (U+202F) before « ; ! ? % », as French typography does and as `french.py`
already writes `12 %`. An English report gets English punctuation instead
(`english_spaces`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"

_BEFORE_WIDE = re.compile(r"[ \t]+(?=[:»])")
_BEFORE_NARROW = re.compile(r"[ \t]+(?=[;!?%])")
_AFTER_OPENING = re.compile(r"«[ \t]*(?=[^\s\u00a0\u202f])")
_BEFORE_CLOSING = re.compile(r"(?<=[^\s\u00a0\u202f«])»")

_HTML_SKIPPED = re.compile(
    r"<!--.*?-->"
    r"|<(script|style|pre|code|textarea)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?</\1\s*>"
    r"|</?[A-Za-z!][^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*>",
    re.DOTALL | re.IGNORECASE,
)
_MARKDOWN_SKIPPED = re.compile(
    r"(?<!\\)(`+).+?(?<!`)\1(?!`)"  # code span
    r"|\]\((?:<[^>\n]*>|[^)\s]*)(?:\s+\"[^\"\n]*\")?\)"  # link or image target
    r"|<[A-Za-z][A-Za-z0-9+.\-]*:[^<>\s]*>"  # autolink
    r"|^\[[^\]\n]+\]:[^\n]*$",  # link reference definition
    re.MULTILINE,
)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


def french_spaces(text: str) -> str:
    """Plain text with its no-break spaces: « Période : 12 % ! » keeps each sign attached."""
    text = _BEFORE_WIDE.sub(NBSP, text)
    text = _BEFORE_NARROW.sub(NARROW_NBSP, text)
    text = _AFTER_OPENING.sub("«" + NBSP, text)
    return _BEFORE_CLOSING.sub(NBSP + "»", text)


_ENGLISH_BEFORE = re.compile(r"([^\s\u00a0\u202f]*)[ \t\u00a0\u202f]+([:;!?])")
_ENGLISH_PERCENT = re.compile(r"(?<=\d)[ \u00a0\u202f]%")
_RATIO_FIRST = re.compile(r"[^\w]*\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"[^\w]*\d{4}")
_RATIO_SECOND = re.compile(r"[ \t\u00a0]+\d")


def english_spaces(text: str) -> str:
    """English punctuation: « Période : 12 % » reads `Period: 12%`, quotes are “ ”.

    Why: the templates are French, and their signs (« SO1 : … ») come through in an
    English report. Only a ratio, a number, a colon and a number, keeps its colon apart:
    `1.53 : 1`, while `December 2024: 1 relais` ends a period label with a year, which is
    no ratio's first term.
    """
    text = _ENGLISH_BEFORE.sub(_attached, text)
    text = _ENGLISH_PERCENT.sub("%", text)
    text = re.sub(r"[«“][ \t\u00a0\u202f]*", "“", text)
    return re.sub(r"[ \t\u00a0\u202f]*[»”]", "”", text)


def _attached(match: re.Match[str]) -> str:
    """The sign glued to the word before it, unless it is the colon of a ratio."""
    before, sign = match.groups()
    return match.group(0) if sign == ":" and _is_ratio(match) else before + sign


def _is_ratio(match: re.Match[str]) -> bool:
    """True when the colon of `match` stands between two numbers, the first not a year."""
    before = match.group(1)
    if not _RATIO_FIRST.fullmatch(before) or _YEAR.fullmatch(before):
        return False
    return _RATIO_SECOND.match(match.string, match.end()) is not None


Spaces = Callable[[str], str]


def typeset_html(html: str, spaces: Spaces = french_spaces) -> str:
    """French spaces (or `spaces`) in the text nodes of an HTML document only."""
    return _outside(_HTML_SKIPPED, html, spaces)


def typeset_markdown(markdown: str, spaces: Spaces = french_spaces) -> str:
    """French spaces in a Markdown document, outside code, link targets and table rules."""
    lines = markdown.split("\n")
    result: list[str] = []
    prose: list[str] = []
    for line, verbatim in zip(lines, _verbatim(lines), strict=True):
        if verbatim:
            _add_prose(result, prose, spaces)
            result.append(line)
        else:
            prose.append(line)
    _add_prose(result, prose, spaces)
    return "\n".join(result)


def _add_prose(result: list[str], prose: list[str], spaces: Spaces) -> None:
    """Typeset the prose lines gathered so far as one text (a link may span lines)."""
    if prose:
        result.append(_outside(_MARKDOWN_SKIPPED, "\n".join(prose), spaces))
        prose.clear()


def _verbatim(lines: list[str]) -> Iterator[bool]:
    """For each line, True when it is left as it is: code (fenced or indented), table rule."""
    fence: str | None = None
    previous_blank = True
    for line in lines:
        opening = _FENCE.match(line)
        indented = previous_blank and fence is None and line.startswith(("    ", "\t"))
        verbatim = fence is not None or indented or bool(opening or _DELIMITER_ROW.match(line))
        yield verbatim
        fence = _fence_after(fence, opening, line)
        previous_blank = indented if verbatim else not line.strip()


def _fence_after(fence: str | None, opening: re.Match[str] | None, line: str) -> str | None:
    """The code fence open after `line`: opened by it, closed by it, or as it was."""
    if fence is None:
        return opening.group(1)[0] * 3 if opening else None
    return None if line.strip().startswith(fence) else fence


def _outside(skipped: re.Pattern[str], text: str, spaces: Spaces) -> str:
    """`spaces` on what lies between the matches of `skipped`, which stay as they are."""
    parts: list[str] = []
    position = 0
    for match in skipped.finditer(text):
        parts.append(spaces(text[position : match.start()]))
        parts.append(match.group(0))
        position = match.end()
    parts.append(spaces(text[position:]))
    return "".join(parts)
