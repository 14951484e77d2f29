"""The interview files' models: strict keys, accents optional, located French errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from utilsoc.model.entretiens import Entretien, GuideEntretien

INTERVIEW = {
    "guide": "g",
    "participant": "E01",
    "role": "eleves",
    "date": "2026-05-18",
    "enqueteur": "Coordinatrice",
    "consentement": {"entretien": True},
    "reponses": {"q1": "Oui."},
    "extraits": [{"question": "q1", "extrait": "Oui", "themes": ["t"], "sens": "negatif"}],
}


def test_keys_are_read_with_or_without_accents() -> None:
    interview = Entretien.model_validate(INTERVIEW)
    assert interview.consentement.citation is False
    assert interview.extraits[0].sens is not None
    assert interview.extraits[0].sens.value == "négatif"
    assert interview.extraits[0].citer is None
    guide = GuideEntretien.model_validate(
        {
            "titre": "T",
            "publics": ["eleves"],
            "critères": ["C"],
            "questions": [{"code": "q1", "texte": "?"}],
            "themes_a_ecouter": ["x"],
        }
    )
    assert guide.themes_a_ecouter == ["x"]


def test_an_excerpt_needs_a_theme_and_a_known_leaning() -> None:
    wrong = dict(
        INTERVIEW, extraits=[{"question": "q1", "extrait": "Oui", "themes": [], "sens": "bof"}]
    )
    with pytest.raises(ValidationError) as error:
        Entretien.model_validate(wrong)
    fields = {e["loc"][-1] for e in error.value.errors()}
    assert fields == {"thèmes", "sens"}


def test_an_unknown_key_in_an_interview_file_is_located(cli, example) -> None:
    folder = example("echec-scolaire")
    path = folder / "entretiens/fin-de-parcours/E03-2026-05-18.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("enquêteur:", "enqueteuse:"), encoding="utf-8"
    )
    result = cli("-C", str(folder), "validate")
    assert result.exit_code == 1
    assert str(Path("E03-2026-05-18.yaml")) in result.stderr
    assert "[champ-inconnu]" in result.stderr
