"""French typography of a rendered report: no-break spaces inside « » and before : ; ! ? %.

One pass over the rendered text, so that neither a template nor the association's own
texts can leave « Période : » to break at the end of a line before its colon.

Only what a reader reads is touched. HTML: text nodes, never inside a tag, an attribute
value, a comment, `<style>`, `<script>`, `<pre>`, `<code>` or `<textarea>`. Markdown:
never in a code span or block, a link target or an autolink, nor in a table's
delimiter row (`| ---: |`).

Why these spaces: an ordinary no-break space (U+00A0) before « : » and inside « »; a
narrow one (U+202F) before « ; ! ? % », as French typography does and as `french.py`
already writes `12 %`.
"""

from __future__ import annotations

import re

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


def typeset_html(html: str) -> str:
    """French spaces in the text nodes of an HTML document only."""
    return _outside(_HTML_SKIPPED, html)


def typeset_markdown(markdown: str) -> str:
    """French spaces in a Markdown document, outside code, link targets and table rules."""
    result: list[str] = []
    prose: list[str] = []
    fence: str | None = None
    previous_blank = True
    for line in markdown.split("\n"):
        opening = _FENCE.match(line)
        indented_code = previous_blank and line.startswith(("    ", "\t")) and fence is None
        if fence is not None or opening or indented_code or _DELIMITER_ROW.match(line):
            if prose:
                result.append(_outside(_MARKDOWN_SKIPPED, "\n".join(prose)))
            prose = []
            result.append(line)
            if opening and fence is None:
                fence = opening.group(1)[0] * 3
            elif fence is not None and line.strip().startswith(fence):
                fence = None
            previous_blank = indented_code
            continue
        prose.append(line)
        previous_blank = not line.strip()
    if prose:
        result.append(_outside(_MARKDOWN_SKIPPED, "\n".join(prose)))
    return "\n".join(result)


def _outside(skipped: re.Pattern[str], text: str) -> str:
    """`french_spaces` on what lies between the matches of `skipped`, which stay as they are."""
    parts: list[str] = []
    position = 0
    for match in skipped.finditer(text):
        parts.append(french_spaces(text[position : match.start()]))
        parts.append(match.group(0))
        position = match.end()
    parts.append(french_spaces(text[position:]))
    return "".join(parts)
