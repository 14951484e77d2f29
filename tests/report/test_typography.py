"""French spaces in rendered reports: text nodes only, never markup, code or addresses."""

from __future__ import annotations

from utilsoc.report.typography import (
    english_spaces,
    french_spaces,
    typeset_html,
    typeset_markdown,
)

NB = "\u00a0"
NNB = "\u202f"


def test_plain_text_gets_each_kind_of_no_break_space() -> None:
    assert french_spaces("Période : 12 % ; oui ! non ?") == (
        f"Période{NB}: 12{NNB}%{NNB}; oui{NNB}! non{NNB}?"
    )
    assert french_spaces("« Merci »") == f"«{NB}Merci{NB}»"
    assert french_spaces("«Merci»") == f"«{NB}Merci{NB}»"  # added where missing
    assert french_spaces("https://exemple.org/a?b=1 10:30") == "https://exemple.org/a?b=1 10:30"
    assert french_spaces(french_spaces("« a : b »")) == french_spaces("« a : b »")


def test_html_text_nodes_only() -> None:
    html = (
        "<!DOCTYPE html>\n<html><head><title>Bilan : 2026</title>\n"
        '<style>a { color: red ; } p::before { content: " :"; }</style>\n'
        '<script>if (a ? b : c) { x = "« y »"; }</script></head>\n'
        "<body><p title=\"Note : « x »\" data-x='a ; b'>Période : 2026 ; « oui » !</p>\n"
        '<img alt="Part : 12 %" src="data:image/svg+xml;base64,AAAA">\n'
        "<!-- commentaire : laissé tel quel -->\n"
        "<p>a <code>x : y</code> b : c</p></body></html>\n"
    )
    typeset = typeset_html(html)
    assert f"<title>Bilan{NB}: 2026</title>" in typeset
    assert f">Période{NB}: 2026{NNB}; «{NB}oui{NB}»{NNB}!</p>" in typeset
    assert f"b{NB}: c</p>" in typeset
    for untouched in (
        '<style>a { color: red ; } p::before { content: " :"; }</style>',
        '<script>if (a ? b : c) { x = "« y »"; }</script>',
        "title=\"Note : « x »\" data-x='a ; b'",
        'alt="Part : 12 %"',
        "<!-- commentaire : laissé tel quel -->",
        "<code>x : y</code>",
    ):
        assert untouched in typeset, untouched


def test_markdown_outside_code_links_and_table_rules() -> None:
    markdown = (
        "# Bilan : 2026\n\n"
        "| Indicateur | Valeur |\n| :--- | ---: |\n| Part : a | 12 % |\n\n"
        'Voir `utilsoc report : -t` et ![Part : 12 %](graphiques/a:b.svg "titre : x").\n'
        "Lien [ici : là](<https://exemple.org/a ?b>) et <https://exemple.org/x?y=1>.\n\n"
        "```\ncode : intact ; ici\n```\n\n"
        "    bloc indenté : intact\n\n"
        "[ref]: https://exemple.org/r : s\n"
        "> « Merci ! »\n"
    )
    typeset = typeset_markdown(markdown)
    assert f"# Bilan{NB}: 2026\n" in typeset
    assert "| :--- | ---: |\n" in typeset
    assert f"| Part{NB}: a | 12{NNB}% |" in typeset
    assert "`utilsoc report : -t`" in typeset
    assert f'![Part{NB}: 12{NNB}%](graphiques/a:b.svg "titre : x")' in typeset
    assert f"[ici{NB}: là](<https://exemple.org/a ?b>)" in typeset
    assert "<https://exemple.org/x?y=1>" in typeset
    assert "```\ncode : intact ; ici\n```\n" in typeset
    assert "    bloc indenté : intact\n" in typeset
    assert "[ref]: https://exemple.org/r : s\n" in typeset
    assert f"> «{NB}Merci{NNB}!{NB}»\n" in typeset


def test_english_colon_is_attached_unless_it_stands_between_two_numbers() -> None:
    assert english_spaces("Période : 12 % ; oui ! « non » ?") == "Période: 12%; oui! “non”?"
    # a period label ends with a year: the value after it is no second term of a ratio
    assert english_spaces("December 2024 : 1 relais; 2025 : 1 projet") == (
        "December 2024: 1 relais; 2025: 1 projet"
    )
    assert english_spaces(f"Q1 2025{NB}: 3 ; SO1 : 1 ; essentiel : 1{NNB}030") == (
        f"Q1 2025: 3; SO1: 1; essentiel: 1{NNB}030"
    )


def test_english_ratio_keeps_its_colon_apart() -> None:
    for ratio in (
        "a ratio of **1.53 : 1**.",
        "Between 1.20 : 1 and 2,024.00 : 1 in 90% of the draws",
        "Break-even (1 : 1)",
        "base ratio 0.85 : 1; line at 1 : 1.",
    ):
        assert english_spaces(ratio) == ratio
    markdown = typeset_markdown("Ratio : **1.53 : 1** (December 2024 : 1 relais)", english_spaces)
    assert markdown == "Ratio: **1.53 : 1** (December 2024: 1 relais)"
