"""`reseau report`: the network's document, from the totals, through the Jinja templates.

The figures are `reseau status`'s (`network/totals.py`), worded by `network/wording.py`;
the template (`templates/reseau.{html,md}.j2`, which a network can override in its
`modeles/` folder) only lays them out. Members left out are said on the first page, and
`--final` refuses while one is.
"""

from __future__ import annotations

import base64
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from utilsoc.errors import UserError
from utilsoc.langue import _, current, using
from utilsoc.model.periods import Period, format_day
from utilsoc.network.totals import CommonTotal, network_totals
from utilsoc.network.wording import figure, rule_text, share_notes

if TYPE_CHECKING:
    from utilsoc.network.load import Member, Network


def make_network_report(
    network: Network,
    kind: str,
    output: Path | None,
    *,
    day: dt.date | None = None,
    final: bool = False,
    force: bool = False,
    langue: str = "fr",
) -> Path:
    """Render the network report; return the file written.

    Raises:
        UserError: `final`, and a member was left out.
    """
    from utilsoc.project import Layout
    from utilsoc.report.render import build_environment, render
    from utilsoc.store.atomic import write_atomic
    from utilsoc.store.outputs import check_output, record_output

    left_out = [m for m in network.members if m.reason]
    if final and left_out:
        raise UserError(
            "version finale refusée : "
            + " ; ".join(f"{m.entry.nom} écarté ({m.reason})" for m in left_out),
            "corrigez les dossiers de ces membres, ou retirez --final pour une version de travail",
        )
    assert network.period is not None
    period = network.period
    # A range's name holds « .. »: the file name keeps its two days, joined by « _ ».
    target = output or network.root / "rapports" / f"reseau-{period.name.replace('..', '_')}.{kind}"
    layout = Layout(network.root)
    check_output(layout, target, "reseau report", force)
    totals = network_totals(network)
    with using(langue):
        context = network_context(
            network, totals, period, day or dt.date.today(), charts=kind == "html"
        )
        environment = build_environment(network.root / "modeles")
        text = render(environment, f"reseau.{kind}.j2", context)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, text)
    record_output(layout, target, "reseau report")
    return target


def network_context(
    network: Network, totals: list[CommonTotal], period: Period, day: dt.date, *, charts: bool
) -> dict[str, Any]:
    """Everything the template shows, as plain data."""
    assert network.model is not None
    names = {m.code: m.entry.nom for m in network.members}
    dimensions = {d.code: d.nom for d in network.model.commun.dimensions}
    return {
        "association": {"nom": network.model.nom, "couleurs": _colours()},
        "reseau": {"nom": network.model.nom, "territoire": network.model.territoire},
        "rapport": _about(network, period, day),
        "membres": [_member(m, totals) for m in network.members],
        "ecartes": [{"nom": m.entry.nom, "raison": m.reason} for m in network.members if m.reason],
        "indicateurs": [_indicator(t, names, dimensions, charts) for t in totals],
        "registres": _by_registre(totals),
        "preuves": _evidence(network),
    }


def _about(network: Network, period: Period, day: dt.date) -> dict[str, Any]:
    """The report itself: its period, its date (never after today), its sources."""
    from utilsoc.report.provenance import read_provenance

    provenance = read_provenance(network.root)
    return {
        "periode": {
            "nom": period.name,
            "libelle": period.label,
            "debut": format_day(period.start),
            "fin": format_day(period.end),
        },
        "date": format_day(min(day, dt.date.today())),
        "provenance": provenance.texte,
        "commit": provenance.commit,
        "version_utilsoc": provenance.version,
        "lignes_ecartees": 0,
    }


def _member(member: Member, totals: list[CommonTotal]) -> dict[str, Any]:
    """A member's line: counted or left out, and how many common indicators it filled."""
    return {
        "code": member.code,
        "nom": member.entry.nom,
        "compte": member.reason is None,
        "raison": member.reason,
        "rendus": sum(1 for t in totals for s in t.reporting if s.member == member.code),
        "suivis": sum(1 for t in totals for s in t.shares if s.member == member.code),
    }


def _evidence(network: Network) -> list[dict[str, Any]]:
    from utilsoc.network.evidence import shared_evidence

    return [
        {
            "membre": e.member,
            "genre": e.kind,
            "periode": e.period.label,
            "texte": e.text,
            "titre": e.title,
            "qui": e.speaker,
        }
        for e in shared_evidence(network)
    ]


def _indicator(
    total: CommonTotal, names: dict[str, str], dimensions: dict[str, str], charts: bool
) -> dict[str, Any]:
    indicator = total.indicator
    return {
        "territoire": [
            {
                "dimension": dimensions.get(code, code),
                "valeurs": [
                    {"valeur": value, "chiffre": figure(indicator, point)}
                    for value, point in values.items()
                ],
                "non_ventile": [names.get(m, m) for m in total.unsplit.get(code, [])],
            }
            for code, values in total.by_dimension.items()
        ],
        "code": indicator.code,
        "libelle": indicator.libelle,
        "definition": indicator.definition,
        "total": figure(indicator, total.total),
        "regle": rule_text(total),
        "rendus": len(total.reporting),
        "suivis": len(total.shares),
        "membres": [
            {
                "nom": names.get(s.member, s.member),
                "valeur": figure(indicator, s.point) if s.point.number is not None else None,
                "notes": share_notes(s),
            }
            for s in total.shares
        ],
        "ne_suivent_pas": [names.get(m, m) for m in total.not_following],
        "sans_termes": [names.get(m, m) for m in total.without_terms],
        "graphique": _chart(total, names) if charts else None,
    }


def _by_registre(totals: list[CommonTotal]) -> list[dict[str, Any]]:
    """The common indicators grouped by the catalogue's registre they come from.

    Why: the territory view the city asked for (seed 004) reads the contributions by
    registre (lien social, insertion, éducation…); an indicator of the network's own is
    grouped under « Indicateurs propres au réseau ».
    """
    from utilsoc.catalogue import codes, entry

    known = codes()
    groups: dict[str, list[dict[str, str]]] = {}
    for total in totals:
        code = total.indicator.catalogue
        name = entry(code).registre.nom if code in known else _("Indicateurs propres au réseau")
        groups.setdefault(name, []).append(
            {"libelle": total.indicator.libelle, "total": figure(total.indicator, total.total)}
        )
    return [{"nom": name, "indicateurs": items} for name, items in groups.items()]


def _chart(total: CommonTotal, names: dict[str, str]) -> dict[str, str] | None:
    """Bars of the members' shares: one bar per member that reported."""
    from utilsoc.report.chart_spec import Chart
    from utilsoc.report.drawing import draw_svg

    shares = total.reporting
    if len(shares) < 2 or total.indicator.type.value in ("qualitatif", "oui_non"):
        return None
    unit = "%" if total.indicator.type.value == "taux" else (total.indicator.unite or "")
    chart = Chart(
        "barres",
        _("%(label)s par membre") % {"label": total.indicator.libelle},
        [names.get(s.member, s.member) for s in shares],
        [s.point.number or 0.0 for s in shares],
        unit,
        plural=total.indicator.unite_pluriel,
        langue=current().code,
    )
    svg = draw_svg(chart)
    return {
        "src": "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode(),
        "alt": chart.alt,
    }


def _colours() -> dict[str, str]:
    from utilsoc.model.association import Couleurs

    return Couleurs().model_dump()
