"""`reseau report`: the totals laid out for a reader, members left out said first."""

from __future__ import annotations

import shutil
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from typer.testing import CliRunner

from utilsoc.cli.app import app
from utilsoc.resources import data_dir

from .builder import NetworkBuilder, referentiel, value


def _run(*args: str):  # noqa: ANN202
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def _network(builder: NetworkBuilder, broken: bool = False) -> None:
    builder.member(
        "a",
        referentiel("accueillis", "emploi"),
        value("accueillis", "2025", "valeur: 1200")
        + value("emploi", "2025", "numérateur: 3, dénominateur: 4"),
        name="Les Amis | du Port",
    )
    builder.member("b", referentiel("accueillis"), value("accueillis", "2025", "valeur: 34"))
    if broken:
        builder.member("c", referentiel("accueillis"), value("accueillis", "2025", "valeur: x"))


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.alts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.alts.append(dict(attrs).get("alt") or "")


def test_the_html_report_shows_each_total_and_each_member(builder: NetworkBuilder) -> None:
    _network(builder)
    root = builder.write()
    result = _run("-C", str(root), "reseau", "report")
    assert result.exit_code == 0, result.output
    html = (root / "rapports" / "reseau-2025.html").read_text(encoding="utf-8")
    assert "Programme test — année 2025" in html
    assert "1\u202f234 personnes" in html
    assert "taux recalculé à partir des numérateurs et dénominateurs" in html
    assert "Ne suivent pas cet indicateur\u00a0: Association B" in html
    parser = _Images()
    parser.feed(html)
    assert any(alt.startswith("Personnes accompagnées par membre.") for alt in parser.alts)


def test_the_markdown_report_escapes_the_members_names(builder: NetworkBuilder) -> None:
    _network(builder)
    root = builder.write()
    assert _run("-C", str(root), "reseau", "report", "-f", "md").exit_code == 0
    text = (root / "rapports" / "reseau-2025.md").read_text(encoding="utf-8")
    assert "| Les Amis \\| du Port | comptée | 2 sur 2 |" in text
    assert "| Personnes accompagnées | 1\u202f234 personnes | 2 sur 2 |" in text


def test_a_member_left_out_is_said_first_and_final_refuses(builder: NetworkBuilder) -> None:
    _network(builder, broken=True)
    root = builder.write()
    result = _run("-C", str(root), "reseau", "report", "-f", "md")
    assert result.exit_code == 0
    text = (root / "rapports" / "reseau-2025.md").read_text(encoding="utf-8")
    first = text.split("## Les membres")[0]
    assert "**Membres écartés\u00a0:** Association C (1 erreur(s) dans son dossier)." in first
    (root / "rapports" / "reseau-2025.md").unlink()
    refused = _run("-C", str(root), "reseau", "report", "-f", "md", "--final")
    assert refused.exit_code == 1
    assert "version finale refusée : Association C écarté" in refused.stderr
    assert not (root / "rapports" / "reseau-2025.md").exists()


def test_common_indicators_are_grouped_by_their_catalogue_registre(builder: NetworkBuilder) -> None:
    from utilsoc.catalogue import entries

    first = entries()[0]
    _network(builder)
    root = builder.write()
    path = root / "reseau.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "    - code: personnes\n",
            f"    - code: personnes\n      catalogue: {first.indicateur.code}\n",
        ),
        encoding="utf-8",
    )
    assert _run("-C", str(root), "reseau", "report", "-f", "md").exit_code == 0
    text = (root / "rapports" / "reseau-2025.md").read_text(encoding="utf-8")
    assert "### Par registre d'utilité sociale" in text
    line = f"- **{first.registre.nom}**\u00a0: Personnes accompagnées, 1\u202f234 personnes."
    assert line in text
    assert "- **Indicateurs propres au réseau**\u00a0: Part des personnes" in text


def test_the_report_in_english(builder: NetworkBuilder) -> None:
    _network(builder)
    root = builder.write()
    result = _run("-C", str(root), "reseau", "report", "--langue", "en")
    assert result.exit_code == 0, result.output
    html = unescape((root / "rapports" / "reseau-2025.html").read_text(encoding="utf-8"))
    assert '<html lang="en">' in html
    assert "Programme test — 2025" in html
    assert "1,234 personnes" in html
    assert "rate recalculated from the members' numerators and denominators" in html
    assert "Do not follow this indicator: Association B" in html
    assert "75.0% (3 out of 4)" in html
    parser = _Images()
    parser.feed(html)
    assert any(alt.startswith("Personnes accompagnées by member.") for alt in parser.alts)
    for french in ("taux recalculé", "Ne suivent pas", "année 2025", "par membre"):
        assert french not in html
    # The terminal's status stays French.
    status = _run("-C", str(root), "reseau", "status")
    assert "taux recalculé à partir des numérateurs" in status.output


GUIDE = """\
titre: Entretien de fin d'année
publics: [beneficiaires]
critères: [D-1]
questions:
  - {code: q1, texte: "Qu'est-ce qui a changé pour vous ?"}
"""
INTERVIEW = """\
guide: fin
participant: B01
rôle: beneficiaires
date: 2025-06-02
enquêteur: Coordinatrice
consentement:
  entretien: true
  citation: {quotes}
réponses:
  q1: "Je sors de chez moi, je connais {who} du marché."
extraits:
  - {{question: q1, extrait: "je connais {who} du marché", thèmes: [lien], sens: positif}}
"""
STORY = """\
titre: {title}
domaine: D
conteur: B0{n}
rôle: beneficiaires
date: 2025-06-02
recueilli_par: Coordinatrice
consentement: {consent}
récit: "Le récit {title}."
sélection: {{par: Comité, date: 2025-06-20, raison: "Il parle à tous."}}
"""


def _with_interviews(member: Path) -> None:
    """Member a's interviews and stories, with and without consent: valid files."""
    shutil.copy(data_dir("examples") / "vide" / "publics.yaml", member / "publics.yaml")
    text = (member / "referentiel.yaml").read_text(encoding="utf-8")
    themes = "        thèmes:\n          - {code: lien, libellé: Liens retrouvés}\n"
    text = text.replace("        indicateurs:\n", themes + "        indicateurs:\n", 1)
    (member / "referentiel.yaml").write_text(text, encoding="utf-8")
    (member / "entretiens" / "guides").mkdir(parents=True)
    (member / "entretiens" / "guides" / "fin.yaml").write_text(GUIDE, encoding="utf-8")
    (member / "entretiens" / "fin").mkdir()
    for n, (quotes, who) in enumerate((("true", "Madame Lune"), ("false", "le boulanger"))):
        path = member / "entretiens" / "fin" / f"B0{n}-2025-06-02.yaml"
        path.write_text(INTERVIEW.format(quotes=quotes, who=who), encoding="utf-8")
    (member / "recits").mkdir()
    for n, (title, consent) in enumerate((("Sortir enfin", "true"), ("Oser parler", "false"))):
        text = STORY.format(title=title, n=n, consent=consent)
        (member / "recits" / f"r{n}.yaml").write_text(text, encoding="utf-8")


def test_no_interview_nor_story_reaches_the_network_report(builder: NetworkBuilder) -> None:
    _network(builder)
    member = builder.root / "membres" / "a"
    _with_interviews(member)
    checked = _run("-C", str(member), "validate")
    assert checked.exit_code == 0, checked.output  # the files are read, and valid
    root = builder.write()
    for fmt in ("html", "md"):
        result = _run("-C", str(root), "reseau", "report", "-f", fmt)
        assert result.exit_code == 0, result.output
        report = (root / "rapports" / f"reseau-2025.{fmt}").read_text(encoding="utf-8")
        assert "1\u202f234 personnes" in unescape(report)  # member a is in the report
        for private in ("du marché", "le boulanger", "Oser parler", "Sortir enfin", "Le récit"):
            assert private not in unescape(report), (fmt, private)
