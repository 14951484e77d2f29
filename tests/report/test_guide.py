"""An interview guide printed for the interviewer: Markdown and HTML, names not codes."""

from __future__ import annotations

import pytest

from utilsoc.errors import UserError
from utilsoc.project import Layout
from utilsoc.report.guide import guide_document


def _plain(text: str) -> str:
    """The text with French typography's no-break spaces as plain ones."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def test_the_guide_in_markdown_names_people_and_criteria(example) -> None:
    text = _plain(guide_document(Layout(example("echec-scolaire")), "fin-de-parcours", "md"))
    assert text.startswith("# Guide d'entretien : Entretien de fin de parcours")
    assert "**Personnes interrogées :** Élèves accompagnés, Parents et familles." in text
    assert "- AUT-1 — Confiance en soi" in text
    assert "### 2. Qu'est-ce qui a changé" in text or "### 2. Qu’est-ce qui a changé" in text
    assert "- Pouvez-vous me donner un exemple précis ?" in text


def test_the_guide_in_html_escapes_the_text(example) -> None:
    folder = example("echec-scolaire")
    path = folder / "entretiens/guides/fin-de-parcours.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("titre: Entretien", "titre: <b>Entretien"),
        encoding="utf-8",
    )
    text = _plain(guide_document(Layout(folder), "fin-de-parcours", "html"))
    assert "<h1>Guide d'entretien : &lt;b&gt;Entretien" in text
    assert "<li>Qui vous aide à choisir ?</li>" in text


def test_an_unknown_guide_is_refused(example) -> None:
    with pytest.raises(UserError, match="« autre » introuvable"):
        guide_document(Layout(example("echec-scolaire")), "autre", "md")
