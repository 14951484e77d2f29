"""Checks of publics.yaml: unique codes, links to declared stakeholders."""

from __future__ import annotations


def test_a_public_or_an_audience_naming_an_unknown_stakeholder(issues_after) -> None:
    issues = issues_after(
        publics=[
            ("    partie_prenante: beneficiaires", "    partie_prenante: beneficiaire"),
            (
                "      - Rapport annuel",
                "      - Rapport annuel\n    parties_prenantes: [financeur]",
            ),
        ]
    )
    assert [i.split(": erreur: ")[1] for i in issues] == [
        "partie prenante « beneficiaire » inconnue — vouliez-vous dire « beneficiaires » ? "
        "[reference-inconnue]",
        "partie prenante « financeur » inconnue — déclarez-la d'abord (partie prenante) "
        "[reference-inconnue]",
    ]


def test_a_stakeholder_code_given_twice(issues_after) -> None:
    again = "\n  - code: beneficiaires\n    nom: Encore\n    catégorie: bénévoles\n"
    issues = issues_after(publics=[("\npublics_cibles:", again + "\npublics_cibles:")])
    assert [i.split(": erreur: ")[1].split(" — ")[0] for i in issues] == [
        "partie prenante « beneficiaires » en double (déjà ligne 3)"
    ]
