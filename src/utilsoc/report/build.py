"""`report`: data → context → charts → template → one file, reproducible to the byte."""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from utilsoc.errors import DataErrors, UsageError, UserError
from utilsoc.folder import lines_left_out
from utilsoc.project import MODELES, Layout
from utilsoc.report.charts import Chart, Workers, render_svgs
from utilsoc.report.provenance import read_provenance
from utilsoc.report.render import build_environment, render, tidy_markdown
from utilsoc.store.atomic import write_atomic
from utilsoc.store.cache import (
    CACHE_FOLDER,
    CODE_STAMP,
    load_result,
    store_result,
)
from utilsoc.store.outputs import check_output, record_output

if TYPE_CHECKING:
    from utilsoc.compute.merge import Measures
    from utilsoc.folder import Folder, Gate
    from utilsoc.model.load import Project
    from utilsoc.model.periods import Period

# The models (pydantic) and the aggregation are imported only when the report's data is
# computed: a report on unchanged data reuses it without them.

MAX_BARS = 12


@dataclass(frozen=True)
class Request:
    """What the user asked for on the command line."""

    template: str
    format: str
    period: str | None = None
    logframe: str | None = None
    date: dt.date | None = None
    output: Path | None = None
    charts: str = "auto"  # "auto" (inline in HTML, files for Markdown) or "aucun"
    notes: bool = True  # the notes of the values in the tables' comments
    force: bool = False  # replace an existing file this command did not write
    final: bool = False  # refuse while an indicator behind its target is unexplained
    audience: str | None = None  # the code of the audience a page addresses


def make_report(gate: Gate, request: Request) -> Path:
    """Write the report of the folder behind `gate`; return its path.

    Raises:
        FolderRefused: the folder has errors (not ignored, or not to be ignored).
        UsageError: unknown logframe, missing period, unknown format; an output that is
            the association's data, or a file `report` did not write (without `force`).
        UserError: template errors.
    """
    if request.format not in ("html", "md"):
        raise UsageError(f"format inconnu : {request.format}", "html ou md")
    layout = gate.layout
    logframe = _logframe([path.stem for path in layout.cadre_files()], request)
    digest = gate.digest
    key = json.dumps([request.period, logframe, str(request.date), request.audience])
    cached = load_result(layout, "rapport", digest)
    if not (isinstance(cached, dict) and cached.get("options") == key):
        cached = None
    # New data means new charts, most likely: start the drawing processes now.
    with Workers(start=cached is None and request.charts != "aucun") as workers:
        if cached is None:
            context = _new_context(gate.folder(), request, logframe)
            store_result(layout, "rapport", digest, {"options": key, "contexte": context})
        else:
            # Computed from the very files hashed in `digest`: neither the référentiel nor
            # the measurements need reading again, only the verdict on them.
            gate.admit()
            context = _relink(cached["contexte"])
        context["rapport"]["lignes_ecartees"] = lines_left_out(gate.admit())
        _add_provenance(context, layout, request)
        _set_date(context, request, dt.date.today())
        _add_comments(context, request)
        period_name = context["rapport"]["periode"]["nom"]
        output = request.output or layout.root / "rapports" / (
            f"{request.template}-{period_name}.{request.format}"
        )
        check_output(layout, output, "report", request.force)
        charts = _attach_charts(context, request)
        text = render(
            build_environment(layout.root / MODELES),
            f"{request.template}.{request.format}.j2",
            context,
        )
        text = _insert_charts(text, charts, layout, request, output, workers)
    if request.format == "md":
        text = tidy_markdown(text)
    write_atomic(output, text)
    record_output(layout, output, "report")
    return output


def _add_comments(context: dict[str, Any], request: Request) -> None:
    """Each indicator's comment and gap to explain; `--final` refuses while one remains.

    Raises:
        UserError: `--final`, and an indicator the report shows is behind its target with
            neither a note nor an improvement track.
    """
    from utilsoc.report.disclosure import add_comments
    from utilsoc.report.wording import gaps_refused

    gaps = add_comments(context, notes=request.notes, funder=request.template == "financeur")
    if request.final and gaps:
        raise UserError(*gaps_refused([(g["code"], g["libelle"]) for g in gaps]))


def _new_context(folder: Folder, request: Request, logframe: str | None) -> dict[str, Any]:
    """The report's data, from the folder's valid records.

    The caller keeps it by the hash of every input file and the options: on a federation
    folder reading a million values costs far more than drawing, and the context never
    depends on the clock.
    """
    from utilsoc.report.context import Options, build_context

    project, measures = folder.project, folder.measures
    if project.association is None:  # admitted: only measurement lines may be invalid
        raise DataErrors(folder.outcome.issues)
    period = _period(project, measures, request, logframe)
    options = Options(
        request.template,
        period,
        logframe,
        request.date or _date(measures, period),
        _audience(project, request.audience),
    )
    return build_context(
        project, measures, measures.evidence, options, read_provenance(folder.layout.root)
    )


def _add_provenance(context: dict[str, Any], layout: Layout, request: Request) -> None:
    """Git state can change while the files do not: always read afresh."""
    provenance = read_provenance(layout.root)
    context["rapport"].update(
        {
            "modele": request.template,
            "provenance": provenance.texte,
            "commit": provenance.commit,
            "modifie": provenance.modifie,
        }
    )


def _audience(project: Project, code: str | None) -> str | None:
    """The audience asked for, checked against publics.yaml."""
    codes = [audience.code for audience in project.publics.audiences]
    if code is not None and code not in codes:
        raise UsageError(
            f"audience inconnue : {code}",
            "audiences de publics.yaml : " + (", ".join(codes) or "aucune"),
        )
    return code


def _relink(context: dict[str, Any]) -> dict[str, Any]:
    """After a JSON round trip, make every indicator mention the one shared dict again."""
    shared = context["indicateurs"]

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(item) for item in node]
        if not isinstance(node, dict):
            return node
        if "serie" in node and node.get("code") in shared and node is not shared[node["code"]]:
            return shared[node["code"]]
        return {key: walk(value) for key, value in node.items()}

    return {key: value if key == "indicateurs" else walk(value) for key, value in context.items()}


def _logframe(cadres: list[str], request: Request) -> str | None:
    """The logframe asked for, or the only one for a funder report (names of the files)."""
    if request.logframe is None:
        if request.template == "financeur":
            if len(cadres) == 1:
                return cadres[0]
            raise UsageError(
                "indiquez le cadre logique du financeur avec --logframe",
                "cadres logiques : " + (", ".join(cadres) or "aucun"),
            )
        return None
    if request.logframe not in cadres:
        raise UsageError(
            f"cadre logique inconnu : {request.logframe}",
            "cadres logiques : " + (", ".join(cadres) or "aucun"),
        )
    return request.logframe


def _period(project: Project, measures: Measures, request: Request, logframe: str | None) -> Period:
    """The period asked for, else the logframe's, else the latest one with data.

    Why « covered »: a report over school years must not default to a school year that
    only a calendar year's value touches (all its rows would be « sans donnée »).
    """
    from utilsoc.model.periods import Kind, Period, period_containing
    from utilsoc.model.referentiel import Frequence

    if request.period is not None:
        try:
            return Period.parse(request.period)
        except ValueError as error:
            raise UsageError(str(error)) from None
    cadre = project.cadres.get(logframe) if logframe else None
    if cadre is not None and cadre.periode is not None:
        return cadre.periode
    if not measures.records and request.template == "referentiel":
        # The method's document comes first, before any value: it needs no period.
        return period_containing(dt.date.today(), Kind.ANNEE)
    if not measures.records:
        raise UsageError(
            "indiquez la période du rapport avec --period",
            "aucune valeur enregistrée ne permet de la deviner",
        )
    assert project.referentiel is not None
    frequencies = [i.frequence for _, i in project.referentiel.iter_indicators()]
    school = frequencies.count(Frequence.SCOLAIRE) * 2 > len(frequencies)
    kind = Kind.ANNEE_SCOLAIRE if school else Kind.ANNEE
    recorded = {record.periode for record in measures.records}
    covered = [
        container
        for container in {period_containing(p.start, kind) for p in recorded}
        if any(container.contains(p) for p in recorded)
    ]
    if covered:
        return max(covered)
    return period_containing(max(p.end for p in recorded), kind)


def _date(measures: Measures, period: Period) -> dt.date:
    """The report's date comes from the data: the last record dated within the period.

    `make_report` keeps it from falling after today (the context never depends on the
    clock, so it can be kept).
    """
    dates = [r.date for r in measures.records if period.contains(r.periode)]
    return max(dates) if dates else period.end


def _set_date(context: dict[str, Any], request: Request, today: dt.date) -> None:
    """The date printed on the report: `--date`, else the data's, never after today."""
    from utilsoc.model.periods import format_day

    if request.date is not None:
        return
    day = min(dt.date.fromisoformat(context["rapport"]["date_donnees"]), today)
    context["rapport"]["date"] = format_day(day)


def _attach_charts(context: dict[str, Any], request: Request) -> dict[str, Chart]:
    """Put a picture (or None) on every indicator, breakdown and gain; return the charts.

    A picture's `src` is a placeholder until the template has been rendered: only the
    charts the template shows are then drawn (a one-page card draws none).
    """
    colours = context["association"]["couleurs"]
    palette = (colours["principale"], colours["secondaire"], colours["accent"])
    wanted: list[tuple[dict[str, Any], Chart]] = []
    for indicator in context["indicateurs"].values():
        indicator["graphique"] = None
        chart = _series_chart(indicator, palette)
        if chart is not None:
            wanted.append((indicator, chart))
        for breakdown in indicator["ventilation"]:
            breakdown["graphique"] = None
            if len(breakdown["parts"]) <= MAX_BARS:  # more bars than that: a table instead
                wanted.append((breakdown, _bars_chart(indicator, breakdown, palette)))
    for gains in context["gains"]:
        gains["graphique"] = None
        wanted.append(
            (
                gains,
                Chart(
                    "entree_sortie",
                    f"{gains['libelle']} : moyenne à l'entrée et à la sortie",
                    ["moyenne"],
                    [gains["entree"]],
                    gains["unite"],
                    second=[gains["sortie"]],
                    colours=palette,
                    scale=_scale(gains["echelle"]),
                ),
            )
        )
    if request.charts == "aucun":
        return {}
    for target, chart in wanted:
        target["graphique"] = {
            "alt": chart.alt,
            "titre": chart.title,
            "src": _PLACEHOLDER + chart.key,
        }
    return {chart.key: chart for _, chart in wanted}


_PLACEHOLDER = "utilsoc:graphique:"
_PLACEHOLDERS = re.compile(re.escape(_PLACEHOLDER) + r"([0-9a-f]{20})")
# Even altered: another case (`upper`) or URL-encoded (`urlencode`: « %3A » for « : »).
_ANY_PLACEHOLDER = re.compile(r"utilsoc(?::|%3a)graphique", re.IGNORECASE)


def _chart_cache(layout: Layout) -> Path:
    """Where drawn charts are kept: one folder per version of utilsoc's code.

    The charts of another version are removed (they would never be read again).
    """
    base = layout.root / CACHE_FOLDER / "graphiques"
    if base.is_dir() and not (base / CODE_STAMP).is_dir():
        for old in base.iterdir():
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    old.unlink()
    return base / CODE_STAMP


def _insert_charts(
    text: str,
    charts: dict[str, Chart],
    layout: Layout,
    request: Request,
    output: Path,
    workers: Workers,
) -> str:
    """Draw the charts the rendered text shows and put them in place of their placeholders.

    HTML gets each chart inline as a data URI; Markdown links to `NOM_graphiques/KEY.svg`,
    written next to the report (and stale charts of an earlier report removed).
    """
    found = _PLACEHOLDERS.findall(text)
    if len(_ANY_PLACEHOLDER.findall(text)) != sum(key in charts for key in found):
        raise UserError(
            f"le modèle « {request.template} » a modifié l'adresse d'un graphique "
            f"(« {_PLACEHOLDER}… ») : le graphique ne peut pas être inséré",
            "écrivez {{ graphique.src }} tel quel, sans filtre, "
            "ou utilisez la macro graphique de « _macros »",
        )
    used = sorted(set(found))
    svgs = render_svgs([charts[key] for key in used], _chart_cache(layout), workers)
    folder = f"{output.stem}_graphiques"
    if request.format == "html":
        sources = {
            key: "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
            for key, svg in svgs.items()
        }
    else:
        sources = {key: f"{folder}/{key}.svg" for key in svgs}
        for key, svg in svgs.items():
            write_atomic(output.parent / sources[key], svg)
        stale = output.parent / folder
        if stale.is_dir():
            for old in stale.glob("*.svg"):
                if old.stem not in svgs:
                    old.unlink()
    return _PLACEHOLDERS.sub(lambda match: sources.get(match[1], match[0]), text)


def _scale(echelle: dict[str, float] | None) -> tuple[float, float] | None:
    return None if echelle is None else (echelle["min"], echelle["max"])


def _series_chart(indicator: dict[str, Any], palette: tuple[str, str, str]) -> Chart | None:
    """The indicator's values at the rhythm of its targets: never a quarter under a year's."""
    points = indicator["courbe"]
    if not points or indicator["type"] in ("qualitatif", "oui_non"):
        return None
    reference = indicator["reference"]["valeur"] if indicator["reference"] else None
    targets = [p["cible"] for p in points]
    running = next((p["cumul"] for p in points if p["cumul"]), None)
    targets = targets if any(t is not None for t in targets) else []
    spans = _segments([p.get("tranche") for p in points])
    return Chart(
        "serie",
        indicator["libelle"],
        [p["court"] for p in points],
        [p["valeur"] for p in points],
        indicator["unite"],
        reference,
        targets=targets,
        line=_RUNNING.get(running, "réalisé") if running else "réalisé",
        colours=palette,
        plural=indicator.get("unite_pluriel"),
        decimals=indicator.get("decimales"),
        segments=spans if running else [],
        target_segments=spans if targets else [],
    )


def _segments(spans: list[str | None]) -> list[int]:
    """Each point's segment, counted from 0, a new one where the span changes; [] for one.

    Why: a running total starts again with each target period; joining T4 2024 to
    T1 2025 would draw a fall that never happened.
    """
    numbers = [0]
    for previous, span in zip(spans, spans[1:], strict=False):
        numbers.append(numbers[-1] + (span != previous))
    return numbers if numbers[-1] else []


_RUNNING = {
    "annee": "réalisé, cumulé sur l'année",
    "annee_scolaire": "réalisé, cumulé sur l'année scolaire",
    "semestre": "réalisé, cumulé sur le semestre",
    "trimestre": "réalisé, cumulé sur le trimestre",
    "plage": "réalisé, cumulé sur la période de la cible",
}


def _bars_chart(
    indicator: dict[str, Any], breakdown: dict[str, Any], palette: tuple[str, str, str]
) -> Chart:
    return Chart(
        "barres",
        f"{indicator['libelle']} {breakdown['par']} ({breakdown['periode']})",
        [p["valeur"] for p in breakdown["parts"]],
        [p["nombre"] for p in breakdown["parts"]],
        indicator["unite"],
        colours=palette,
        plural=indicator.get("unite_pluriel"),
        decimals=indicator.get("decimales"),
    )
