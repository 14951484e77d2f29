"""The network's totals in French: one block per common indicator, for the terminal.

`figure`, `rule_text` and `share_notes` also word the network report, in its language
(`utilsoc.langue`; French outside a report).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from utilsoc.compute.points import Point
from utilsoc.langue import N_, _, current
from utilsoc.model.referentiel import Agregation, Indicateur, TypeIndicateur
from utilsoc.network.totals import CommonTotal, Share

if TYPE_CHECKING:
    from utilsoc.network.load import Network

_RULES = {
    Agregation.SOMME: N_("somme des membres"),
    Agregation.MOYENNE: N_("moyenne pondérée par les effectifs"),
    Agregation.DERNIERE: N_("dernière valeur de chaque membre, additionnées"),
    Agregation.MIN: N_("plus petite valeur des membres"),
    Agregation.MAX: N_("plus grande valeur des membres"),
}


def figure(indicator: Indicateur, point: Point) -> str:
    """`1 234 personnes`, `42,5 % (37 sur 87)`, or « sans donnée »."""
    number, langue = point.number, current()
    if number is None:
        return _("sans donnée")
    if indicator.type is TypeIndicateur.TAUX:
        text = langue.with_unit(langue.number(number, 1), number, "%")
        if point.numerator is not None and point.denominator is not None:
            terms = {"part": langue.number(point.numerator)}
            terms["whole"] = langue.number(point.denominator)
            text += " " + _("(%(part)s sur %(whole)s)") % terms
        return text
    unit = "€" if indicator.type is TypeIndicateur.MONTANT else (indicator.unite or "")
    return langue.with_unit(langue.number(number), number, unit, indicator.unite_pluriel)


def rule_text(total: CommonTotal) -> str:
    """How the total was made, in words."""
    if total.indicator.type is TypeIndicateur.TAUX:
        return _("taux recalculé à partir des numérateurs et dénominateurs des membres")
    if total.indicator.rollup is Agregation.MOYENNE and not total.weighted:
        return _("moyenne simple des membres (effectifs inconnus)")
    return _(_RULES[total.indicator.rollup])


def total_lines(total: CommonTotal, names: dict[str, str]) -> list[str]:
    """The block of one common indicator: total, rule, each member, who is missing."""
    indicator = total.indicator
    reporting = len(total.reporting)
    following = len(total.shares)
    who = (
        f"{reporting} membre{'s' if reporting > 1 else ''} sur {following} qui le suivent"
        if following
        else "aucun membre ne le suit"
    )
    lines = [
        f"{indicator.libelle} [{indicator.code}] : {figure(indicator, total.total)}",
        f"  {rule_text(total)} ; {who}",
    ]
    lines += [
        f"  - {names.get(s.member, s.member)} : {_share_text(indicator, s)}" for s in total.shares
    ]
    if total.not_following:
        lines.append(
            "  ne le suivent pas : " + ", ".join(names.get(m, m) for m in total.not_following)
        )
    if total.without_terms:
        lines.append(
            "  attention : taux sans numérateur ni dénominateur, non comptés : "
            + ", ".join(names.get(m, m) for m in total.without_terms)
        )
    return lines


def _share_text(indicator: Indicateur, share: Share) -> str:
    if share.point.number is None:
        return "rien pour la période"
    notes = share_notes(share)
    return figure(indicator, share.point) + (f" ({' ; '.join(notes)})" if notes else "")


def share_notes(share: Share) -> list[str]:
    """What makes a member's figure less comparable: coverage, conversion, definition."""
    notes, langue = [], current()
    if share.point.coverage < 1.0:
        covered = langue.number(100 * share.point.coverage, 0)
        notes.append(_("période couverte à %(share)s %%") % {"share": covered})
    if share.factor != 1.0:
        factor = f"{share.factor:.6g}".replace(".", langue.number(0.5, 1)[1])
        notes.append(_("converti × %(factor)s") % {"factor": factor})
    if share.own_definition:
        notes.append(_("définition propre au membre"))
    if len(share.sources) > 1:
        added = (_("indicateur additionné"), _("indicateurs additionnés"))
        notes.append(langue.count(len(share.sources), *added))
    return notes


def totals_data(totals: list[CommonTotal]) -> list[dict[str, Any]]:
    """The totals as plain data, unrounded, for `--format json`."""
    return [
        {
            "indicateur": t.indicator.code,
            "libelle": t.indicator.libelle,
            "periode": str(t.period),
            "regle": rule_text(t),
            "total": _point_data(t.total),
            "membres": {
                s.member: {
                    **_point_data(s.point),
                    "indicateurs": list(s.sources),
                    "facteur": s.factor,
                }
                for s in t.shares
            },
            "sans_valeur": t.silent,
            "ne_suivent_pas": t.not_following,
            "taux_sans_termes": t.without_terms,
        }
        for t in totals
    ]


def _point_data(point: Point) -> dict[str, Any]:
    return {
        "valeur": point.number,
        "numerateur": point.numerator,
        "denominateur": point.denominator,
        "effectif": point.weight,
        "couverture": point.coverage,
    }


def status_data(network: Network, totals: list[CommonTotal]) -> dict[str, Any]:
    """`reseau status --format json`: the network, its members, every total unrounded."""
    assert network.model is not None
    return {
        "reseau": network.model.nom,
        "periode": str(network.period),
        "membres": {m.code: m.reason or "compté" for m in network.members},
        "indicateurs": totals_data(totals),
    }


def status_lines(network: Network, totals: list[CommonTotal]) -> list[str]:
    """`reseau status` for people: the members left out, then each common indicator."""
    assert network.model is not None
    assert network.period is not None
    names = {m.code: m.entry.nom for m in network.members}
    lines = [f"{network.model.nom} — {network.period.label}"]
    lines += [f"écarté : {m.entry.nom} ({m.reason})" for m in network.members if m.reason]
    for total in totals:
        lines += ["", *total_lines(total, names)]
    return lines
