"""The fast reader agrees with the strict one on everything it accepts."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from utilsoc.errors import DataErrors
from utilsoc.model.mesures import Valeur
from utilsoc.store.lines import parse_fast
from utilsoc.store.measures import format_record
from utilsoc.yamlio.reader import parse_yaml

_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x85\u2028\u2029"),
    max_size=20,
)
_CODE = st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,10}", fullmatch=True)


@st.composite
def _valeurs(draw: st.DrawFn) -> Valeur:
    data = {
        "indicateur": draw(_CODE),
        "période": draw(st.sampled_from(["2025", "2025-T1", "2024-2025"])),
        "valeur": draw(
            st.one_of(st.none(), _TEXT.map(str.strip).filter(bool), st.integers(-5, 5000).map(str))
        ),
        "dimensions": draw(
            st.dictionaries(_CODE.map(str.lower), _TEXT.map(str.strip).filter(bool), max_size=2)
        ),
        "note": draw(st.one_of(st.none(), _TEXT.map(str.strip))),
        "auteur": draw(_TEXT.map(str.strip).filter(bool)),
        "date": "2025-03-02",
    }
    return Valeur.model_validate(data)


@settings(max_examples=300)
@given(st.lists(_valeurs(), min_size=1, max_size=5))
def test_written_records_parse_the_same_both_ways(records: list[Valeur]) -> None:
    text = "# commentaire\nvaleurs:\n" + "".join(format_record(r) for r in records)
    strict = parse_yaml(text, "f.yaml").data
    fast = parse_fast(text)
    assert fast is not None
    assert fast[0] == strict
    assert fast[1]["valeurs"] == list(range(3, 3 + len(records)))


_LINE_PIECES = st.lists(
    st.sampled_from(
        [
            "valeurs:",
            "  - {a: 1, b: x}",
            '  - {a: "x, y", b: [1, 2]}',
            "  - {a: {b: c}}",
            "    - {a: 1}",
            "- {a: 1}",
            "  - {a: 1, a: 2}",
            "  - {a: &x 1}",
            "  - {a: *x}",
            "  - {a: !t 1}",
            "  - {a: 1}  # c",
            "# c",
            "",
            '  - {a: "\\u00e9"}',
            '  - {a: "\\ud83d"}',
            "  - {a: null, b: ~}",
            "témoignages:",
            "temoignages:",
            "  - {é: 1, e: 2}",
            "  - {a: 'x'}",
            "  - {a: 1,b: 2}",
            "  - {<<: {a: 1}}",
            "valeurs: []",
            "  - {a: -1.5e3, b: +2}",
            "\t- {a: 1}",
            "  - {a: \x7f}",
        ]
    ),
    max_size=8,
)


@settings(max_examples=500)
@given(_LINE_PIECES)
def test_anything_accepted_fast_reads_identically_strictly(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    fast = parse_fast(text)
    if fast is None:
        return
    try:
        strict = parse_yaml(text, "f.yaml")
    except DataErrors as errors:
        raise AssertionError(
            f"fast path accepted what the strict reader refuses: {errors.issues}"
        ) from None
    assert strict.issues == []
    assert fast[0] == strict.data


def test_refuses_what_it_does_not_know() -> None:
    for text in (
        "valeurs:\n  - {a: 1}  # note\n",
        "valeurs:\n- {a: 1}\n",
        "valeurs:\n  - {a: 'x'}\n",
        "valeurs:\n  - {a: &x 1}\n",
        "---\nvaleurs:\n",
        "valeurs:\n  - {a: 1, a: 2}\n",
        "valeurs:\n  - {période: 1, periode: 2}\n",
    ):
        assert parse_fast(text) is None, text
    assert json.dumps(parse_fast("valeurs:\n")) == '[{"valeurs": null}, {"valeurs": []}]'


def test_deep_aliased_or_comma_split_lines_go_to_the_strict_reader() -> None:
    assert parse_fast("valeurs:\n  - {indicateur: " + "[" * 2000 + "]" * 2000 + "}\n") is None
    assert parse_fast("valeurs:\n  - {a: " + "{a: " * 2000 + "1" + "}" * 2001 + "\n") is None
    nested = parse_fast("valeurs:\n  - {a: [[x]], b: {c: {d: y}}}\n")
    assert nested is not None
    assert nested[0] == {"valeurs": [{"a": [["x"]], "b": {"c": {"d": "y"}}}]}
    for text in (
        "valeurs:\n  - {a: 1, *x : 2}\n",
        "valeurs:\n  - {*x : 2}\n",
        "valeurs:\n  - {valeur: 3,5, auteur: a}\n",
        "valeurs:\n  - {valeur: 3, 5, auteur: a}\n",
    ):
        assert parse_fast(text) is None, text
