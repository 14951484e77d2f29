"""Translations: every marked text has its English, the compiled catalogue is current.

Also how a translated text is escaped: `_("…")` is template text, `_s("…")` a string.
"""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from utilsoc.langue import LOCALE_DIR, using
from utilsoc.report.render import build_environment, render

ROOT = Path(__file__).resolve().parents[2]
PO = LOCALE_DIR / "en" / "LC_MESSAGES" / "utilsoc.po"
MO = PO.with_suffix(".mo")
_PLACEHOLDER = re.compile(r"%\(\w+\)s|%%")


def _catalogue() -> Catalog:
    with PO.open("rb") as file:
        return read_po(file, locale="en")


def _mapping() -> tuple[list[tuple[str, str]], dict[str, dict[str, str]]]:
    """babel.cfg, as `pybabel extract -F babel.cfg` reads it."""
    try:
        from babel.messages.frontend import parse_mapping_cfg
    except ImportError:  # Babel before 2.14
        from babel.messages.frontend import parse_mapping as parse_mapping_cfg
    with (ROOT / "babel.cfg").open(encoding="utf-8") as file:
        return parse_mapping_cfg(file)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def extracted() -> dict[str, str]:
    """Each message marked in the code and the templates, with where it was found."""
    method_map, options_map = _mapping()
    keywords = {**DEFAULT_KEYWORDS, "_s": None}
    found: dict[str, str] = {}
    for filename, line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=keywords
    ):
        # A plural is one message of the catalogue, found by its singular.
        text = message[0] if isinstance(message, tuple) else message
        if text:
            found.setdefault(text, f"{filename}:{line}")
    return found


def test_the_templates_and_the_code_are_extracted(extracted: dict[str, str]) -> None:
    assert "Objectif général :" in extracted  # a template
    assert extracted["Objectif général :"].startswith("templates/")
    assert "en bonne voie" in extracted  # a status, marked in the code
    assert "écart à expliquer" in extracted  # wording.py
    assert len(extracted) > 400


def test_every_marked_text_has_its_english(extracted: dict[str, str]) -> None:
    catalogue = _catalogue()
    missing = [
        f"{where}: {text!r}"
        for text, where in sorted(extracted.items(), key=lambda item: item[1])
        if not (catalogue.get(text) and all(_forms(catalogue.get(text).string)))
    ]
    assert not missing, (
        "textes sans traduction anglaise (pybabel extract, update puis compile, voir "
        "docs/architecture.md) :\n" + "\n".join(missing)
    )


def _forms(string: str | tuple[str, ...]) -> tuple[str, ...]:
    """The English of a message: one text, or each plural form."""
    return string if isinstance(string, tuple) else (string,)


def test_a_plural_needs_each_english_form() -> None:
    plurals = [m for m in _catalogue() if isinstance(m.id, tuple)]
    assert plurals  # « 7 entretiens sur 10 évoquent … »
    for message in plurals:
        assert len(_forms(message.string)) == 2, message.id
        assert all(_forms(message.string)), message.id


def test_each_translation_keeps_the_placeholders_of_its_text() -> None:
    for message in _catalogue():
        if message.id and message.string:
            wanted = sorted(_PLACEHOLDER.findall(str(message.id)))
            assert sorted(_PLACEHOLDER.findall(str(message.string))) == wanted, message.id


def test_the_compiled_catalogue_is_that_of_the_po_file() -> None:
    with MO.open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    wanted = {m.id: m.string for m in _catalogue() if m.id and m.string and not m.fuzzy}
    stale = [text for text, english in wanted.items() if _compiled(compiled, text) != english]
    assert not stale, (
        "utilsoc.mo est périmé : pybabel compile -d src/utilsoc/locale -D utilsoc -l en"
    )
    # Nothing more either: the header, then exactly the messages of the .po file (a plural
    # is one entry per form).
    entries = sum(len(_forms(english)) for english in wanted.values())
    assert len(compiled._catalog) == entries + 1  # type: ignore[attr-defined]


def _compiled(
    compiled: gettext.GNUTranslations, text: str | tuple[str, str]
) -> str | tuple[str, str]:
    """What the compiled catalogue gives for `text`: each form for a plural."""
    if isinstance(text, tuple):
        return (compiled.ngettext(*text, 1), compiled.ngettext(*text, 2))
    return compiled.gettext(text)


def _render(tmp_path: Path, name: str, source: str, context: dict[str, object]) -> str:
    (tmp_path / name).write_text(source, encoding="utf-8")
    return render(build_environment(tmp_path), name, context)


def test_page_text_is_output_as_written_and_strings_are_escaped(tmp_path: Path) -> None:
    source = '<p>{{ _("L\'association en bref") }}|{{ _s("L\'association en bref") }}</p>'
    html = _render(tmp_path, "essai.html.j2", source, {})
    assert html == "<p>L'association en bref|L&#39;association en bref</p>"
    with using("en"):
        html = _render(tmp_path, "essai.html.j2", source, {})
    assert html == "<p>The association in brief|The association in brief</p>"


def test_the_associations_words_in_a_translated_sentence_are_escaped(tmp_path: Path) -> None:
    source = '{{ _("action prévue : %(action)s", action=texte) }}\n'
    context = {"texte": "a | b <i>"}
    markdown = _render(tmp_path, "essai.md.j2", source, context)
    assert markdown == "action prévue\u00a0: a \\| b \\<i\\>\n"
    html = _render(tmp_path, "essai.html.j2", source, context)
    assert html == "action prévue\u00a0: a | b &lt;i&gt;\n"
    with using("en"):
        assert (
            _render(tmp_path, "essai.md.j2", source, context) == "planned action: a \\| b \\<i\\>\n"
        )


def test_the_page_says_its_language(tmp_path: Path) -> None:
    source = '<html lang="{{ langue }}">{{ 0.375 | pourcent }} {{ 1234.5 | montant }}</html>'
    assert _render(tmp_path, "essai.html.j2", source, {}) == (
        '<html lang="fr">38\u202f% 1\u202f234,50\u202f€</html>'
    )
    with using("en"):
        html = _render(tmp_path, "essai.html.j2", source, {})
    assert html == '<html lang="en">38% €1,234.50</html>'
