"""The evidence a report shows: consented quotes of its period and logframe, and gains."""

from __future__ import annotations

from typing import Any

from utilsoc.model.load import load_valid_project
from utilsoc.model.mesures import (
    Partenariat,
    Reponse,
    ResultatInattendu,
    Temoignage,
)
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Referentiel
from utilsoc.project import find_root
from utilsoc.report.evidence_context import evidence_context, gains_context

BASE = {"auteur": "m", "date": "2025-06-01"}


def _quote(text: str, period: str, consent: str = "true") -> Temoignage:
    return Temoignage.model_validate(
        {**BASE, "période": period, "texte": text, "rôle": "bénévole", "consentement": consent}
    )


def _result(text: str, nature: str, cadre: str | None = None) -> ResultatInattendu:
    data: dict[str, Any] = {**BASE, "période": "2025", "description": text, "nature": nature}
    return ResultatInattendu.model_validate(data | ({"cadre": cadre} if cadre else {}))


def test_only_consented_quotes_of_the_period_are_shown() -> None:
    evidence = {
        "temoignages": [
            _quote("Merci", "2025-T2"),
            _quote("Pas d'accord", "2025", consent="false"),
            _quote("Avant", "2024"),
        ]
    }
    shown = evidence_context(evidence, Period.parse("2025"), None)
    assert shown["verbatims"] == [
        {"texte": "Merci", "role": "bénévole", "pseudonyme": None, "periode": "2e trimestre 2025"}
    ]


def test_a_logframe_report_keeps_its_own_evidence_and_the_general_one() -> None:
    partners = [
        Partenariat.model_validate({**BASE, "période": "2025", "cadre": c, "appréciation": c})
        for c in ("fondation", "ville")
    ]
    evidence = {
        "resultats_inattendus": [
            _result("Un jardin", "positif"),
            _result("Des départs", "négatif", cadre="fondation"),
            _result("Autre", "positif", cadre="ville"),
        ],
        "partenariat": partners,
    }
    shown = evidence_context(evidence, Period.parse("2025"), "fondation")
    assert [r["description"] for r in shown["inattendus_positifs"]] == ["Un jardin"]
    assert [r["description"] for r in shown["inattendus_negatifs"]] == ["Des départs"]
    assert [p["appreciation"] for p in shown["partenariat"]] == ["fondation"]
    everything = evidence_context(evidence, Period.parse("2025"), None)
    assert len(everything["inattendus_positifs"]) == 2
    assert len(everything["partenariat"]) == 2


def test_gains_are_given_for_indicators_with_pairs(example) -> None:
    _, referentiel = load_valid_project(find_root(example("vide")))
    assert isinstance(referentiel, Referentiel)
    code = "nb_personnes_accompagnees"

    def answer(who: str, moment: str, score: float) -> Reponse:
        data = {"indicateur": code, "période": "2025", "participant": who, "moment": moment}
        return Reponse.model_validate({**BASE, **data, "score": score})

    responses = [answer("P1", "entrée", 2), answer("P1", "sortie", 4), answer("P2", "entrée", 3)]
    [gains] = gains_context(referentiel, responses, Period.parse("2025"))
    assert (gains["participants"], gains["entree"], gains["sortie"]) == (1, 2.0, 4.0)
    assert (gains["gain"], gains["progressent"], gains["sans_sortie"]) == (2.0, 1, 1)
    assert gains_context(referentiel, responses[2:], Period.parse("2025")) == []


def test_the_communication_page_never_quotes_without_consent(cli, example, tmp_path) -> None:
    folder = example("vide")
    base = ["-C", str(folder)]
    day = ["-p", "2026", "-a", "m", "--date", "2026-03-01"]
    assert cli(*base, "record", "nb_personnes_accompagnees", "12", "--dim", "sexe=F", *day)
    verbatim = ["evidence", "verbatim", "--role", "parent", *day]
    assert cli(*base, *verbatim, "AVEC-ACCORD", "--pseudo", "Inès", "--consent").exit_code == 0
    assert cli(*base, *verbatim, "SANS-ACCORD", "--pseudo", "Lou", "--no-consent").exit_code == 0
    named = folder / "mesures" / "2026" / "m.temoignages.yaml"
    with named.open("a", encoding="utf-8") as stream:  # edited by hand: validate refuses it
        stream.write(
            '  - {période: 2026, texte: "NOMMÉE par MARTIN Inès", rôle: parent, '
            "consentement: true, auteur: m, date: 2026-03-01}\n"
        )
    for form in ("md", "html"):
        out = tmp_path / f"communication.{form}"
        result = cli(
            *base,
            "report",
            "--template",
            "communication",
            "-p",
            "2026",
            "-f",
            form,
            "-o",
            str(out),
            "--ignorer-erreurs",
        )
        assert result.exit_code == 0, result.stderr
        text = out.read_text(encoding="utf-8")
        assert "AVEC-ACCORD" in text
        assert "SANS-ACCORD" not in text
        assert "MARTIN" not in text
