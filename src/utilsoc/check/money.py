"""Checks of the budgets (budgets/*.yaml) and of the social value map (valeur-sociale.yaml).

A budget balances (charges and their uses in kind equal produits and contributions in
kind, planned and actual), puts each line on an account of its section, names the funder
of each grant, and names every funder with a logframe; a value map rests on a known
budget or a declared investment, and each outcome on an indicator or a declared quantity.
"""

from __future__ import annotations

from utilsoc.check.reporter import Loc, Reporter
from utilsoc.codes import Code
from utilsoc.french import format_number
from utilsoc.model.money import Budget, Ligne, Resultat, ValeurSociale
from utilsoc.money.budget import SECTIONS, budget_figures

_SECTION_NAMES = {
    "charges": "charges (60 à 68)",
    "produits": "produits (70 à 78)",
    "contributions": "contributions en nature (86 ou 87)",
}
# The value map's keys for the assumptions the sensitivity analysis varies.
SENSITIVITY_KEYS = (
    "aubaine",
    "deplacement",
    "attribution",
    "erosion",
    "proxy",
    "quantite",
    "duree",
)


def check_money(report: Reporter, codes: set[str]) -> None:
    """Every budget, then the value map, against the référentiel and the logframes."""
    project = report.project
    for name, budget in project.budgets.items():
        role = f"budget:{name}"
        _check_accounts(report, role, budget)
        _check_balance(report, role, name, budget)
        _check_funders(report, role, budget)
        if budget.benevolat is not None:
            report.references(
                role,
                [(("benevolat", "indicateur"), budget.benevolat.indicateur)],
                "indicateur",
                codes,
            )
    if project.budgets:
        _check_logframes_budgeted(report)
    if project.valeur_sociale is not None:
        _check_value_map(report, project.valeur_sociale, codes)


def _check_accounts(report: Reporter, role: str, budget: Budget) -> None:
    for section, accounts in SECTIONS.items():
        for index, line in enumerate(getattr(budget, section)):
            if line.compte not in accounts:
                report.add(
                    role,
                    (section, index, "compte"),
                    Code.COMPTE_INVALIDE,
                    f"compte {line.compte} hors des {_SECTION_NAMES[section]}",
                    "déplacez la ligne dans la bonne section, ou corrigez le numéro du compte",
                )
            elif line.compte == 74 and not (line.financeur or "").strip():
                report.add(
                    role,
                    (section, index, "compte"),
                    Code.COMPTE_INVALIDE,
                    "une subvention (compte 74) sans financeur",
                    "nommez le financeur : financeur: « Conseil départemental du Finistère »",
                )


def _check_balance(report: Reporter, role: str, name: str, budget: Budget) -> None:
    figures = budget_figures(name, budget)
    for actual, what in ((False, "prévu"), (True, "réalisé")):
        gap = figures.imbalance(actual)
        if gap is not None and abs(gap) >= 0.005:
            side = "les charges dépassent" if gap > 0 else "les produits dépassent"
            report.add(
                role,
                ("charges",),
                Code.BUDGET_DESEQUILIBRE,
                f"budget {what} déséquilibré : {side} de {format_number(abs(gap), 2)} € "
                "(charges et emplois en nature 86 d'un côté, produits et contributions 87 "
                "de l'autre)",
                "équilibrez-le : le plus souvent, il manque un financement (74) ou la part "
                "couverte par les fonds propres (75)",
            )
        uses, given = figures.in_kind(86, actual), figures.in_kind(87, actual)
        if uses is not None and given is not None and abs(uses - given) >= 0.005:
            report.add(
                role,
                ("contributions",),
                Code.BUDGET_DESEQUILIBRE,
                f"contributions en nature ({what}) : 86 ({format_number(uses, 2)} €) et 87 "
                f"({format_number(given, 2)} €) doivent être égaux",
                "chaque contribution reçue (87) est aussi employée (86) : ajoutez la ligne "
                "qui manque",
            )


def _check_funders(report: Reporter, role: str, budget: Budget) -> None:
    cadres = report.project.cadres
    grants = [(i, line) for i, line in enumerate(budget.produits) if line.compte == 74]
    report.references(
        role,
        [(("produits", i, "cadre"), line.cadre) for i, line in grants if line.cadre],
        "cadre logique",
        cadres,
    )
    if budget.cadre is None:
        return
    report.references(role, [(("cadre",), budget.cadre)], "cadre logique", cadres)
    cadre = cadres.get(budget.cadre)
    if cadre is None:
        return
    _check_convention(report, role, budget, [line for _, line in grants])


def _check_convention(report: Reporter, role: str, budget: Budget, grants: list[Ligne]) -> None:
    """The budget's logframe: its funder among the grants, its period the convention's."""
    assert budget.cadre is not None
    cadre = report.project.cadres[budget.cadre]
    if not any(
        _same_funder(line.cadre, line.financeur, budget.cadre, cadre.financeur) for line in grants
    ):
        report.add(
            role,
            ("produits",),
            Code.FINANCEUR_ABSENT,
            f"le budget rend compte au cadre « {budget.cadre} », mais {cadre.financeur} "
            "n'apparaît pas dans ses subventions (74)",
            f"ajoutez sa ligne : compte: 74, financeur: {cadre.financeur}, cadre: {budget.cadre}",
        )
    if cadre.periode is not None and not cadre.periode.contains(budget.periode):
        report.add(
            role,
            ("periode",),
            Code.HORS_CONVENTION,
            f"période {budget.periode} hors de la convention ({cadre.periode.label})",
            "un budget rend compte d'une période de la convention : corrigez la période, "
            "ou le cadre",
        )


def _same_funder(line_cadre: str | None, line_funder: str | None, code: str, funder: str) -> bool:
    from utilsoc.french import split_article

    if line_cadre == code:
        return True
    if not line_funder:
        return False
    return split_article(line_funder)[1].casefold() == split_article(funder)[1].casefold()


def _check_logframes_budgeted(report: Reporter) -> None:
    """Every funder with a logframe appears in some budget's grants."""
    budgets = report.project.budgets.values()
    for code, cadre in report.project.cadres.items():
        found = any(
            _same_funder(line.cadre, line.financeur, code, cadre.financeur)
            for budget in budgets
            for line in budget.produits
            if line.compte == 74
        )
        if not found:
            report.add(
                f"cadre:{code}",
                ("financeur",),
                Code.FINANCEUR_ABSENT,
                f"{cadre.financeur} a un cadre logique mais n'apparaît dans aucun budget",
                f"ajoutez sa subvention (compte 74, cadre: {code}) au budget de l'action",
            )


def _check_value_map(report: Reporter, value_map: ValeurSociale, codes: set[str]) -> None:
    role = "valeur"
    if value_map.budget is not None:
        report.references(role, [(("budget",), value_map.budget)], "budget", report.project.budgets)
    elif not value_map.investissement:
        report.add(
            role,
            ("investissement",),
            Code.INVESTISSEMENT_NUL,
            "ni budget ni investissement : le ratio se rapporte aux euros investis",
            "donnez budget: (le code d'un budget de budgets/) ou investissement: (en euros)",
        )
    refs: list[tuple[Loc, str]] = (
        [(("beneficiaires",), value_map.beneficiaires)] if value_map.beneficiaires else []
    )
    for index, outcome in enumerate(value_map.resultats):
        if outcome.indicateur:
            refs.append((("resultats", index, "indicateur"), outcome.indicateur))
        _check_outcome(report, index, outcome)
    report.references(role, refs, "indicateur", codes)


def _check_outcome(report: Reporter, index: int, outcome: Resultat) -> None:
    """A quantity to value, a proxy one can check, sensitivity ranges that make sense."""
    role, where = "valeur", ("resultats", index)
    if not outcome.indicateur and outcome.quantite is None:
        report.add(
            role,
            where,
            Code.QUANTITE_MANQUANTE,
            f"résultat « {outcome.code} » sans quantité",
            "donnez l'indicateur qui la mesure (indicateur:) ou la quantité "
            "(quantité:, avec source_quantité:)",
        )
    if not (outcome.proxy.source or "").strip():
        report.add(
            role,
            (*where, "proxy"),
            Code.PROXY_SANS_SOURCE,
            f"proxy du résultat « {outcome.code} » sans source",
            "citez d'où vient le montant (étude, barème, année) : un lecteur doit "
            "pouvoir le vérifier",
            "avertissement",
        )
    for key, bounds in outcome.sensibilite.items():
        if key not in SENSITIVITY_KEYS or bounds.min > bounds.max:
            report.add(
                role,
                (*where, "sensibilite", key),
                Code.SENSIBILITE_INVALIDE,
                f"plage de sensibilité « {key} » invalide",
                "clés possibles : " + ", ".join(SENSITIVITY_KEYS) + " ; min ≤ max",
            )
