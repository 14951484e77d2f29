"""`report`: data → context → charts → template → one file, reproducible to the byte."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from utilsoc.errors import DataErrors, UsageError, UserError
from utilsoc.folder import lines_left_out
from utilsoc.langue import using
from utilsoc.project import MODELES, Layout
from utilsoc.report.chart_context import attach_charts
from utilsoc.report.charts import Workers, chart_cache, insert_charts
from utilsoc.report.kept import KEPT, kept_document
from utilsoc.report.money_output import MONEY_TEMPLATES, attach_tornado, refuse_unexplained
from utilsoc.report.period import data_date, report_period, set_printed_date
from utilsoc.report.provenance import read_provenance
from utilsoc.report.render import build_environment, render, tidy_markdown
from utilsoc.store.atomic import write_atomic_bytes
from utilsoc.store.cache import load_result, store_result
from utilsoc.store.outputs import check_output, record_output

if TYPE_CHECKING:
    from utilsoc.folder import Folder, Gate
    from utilsoc.model.load import Project

# html and md from the templates; docx from the md template, pdf printed from the html.
FORMATS = ("html", "md", "docx", "pdf", "xlsx")
_SOURCE = {"docx": "md", "pdf": "html"}

# The models (pydantic) and the aggregation are imported only when the report's data is
# computed: a report on unchanged data reuses it without them.


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
    budget: str | None = None  # compte-rendu: the budget (budgets/<code>.yaml) it reports on
    langue: str | None = None  # "fr" or "en"; None: association.yaml's `langue`, else French


def make_report(gate: Gate, request: Request) -> Path:
    """Write the report of the folder behind `gate`; return its path.

    Raises:
        FolderRefused: the folder has errors (not ignored, or not to be ignored).
        UsageError: unknown logframe, missing period, unknown format; an output that is
            the association's data, or a file `report` did not write (without `force`).
        UserError: template errors.
    """
    if request.format not in FORMATS:
        raise UsageError(f"format inconnu : {request.format}", ", ".join(FORMATS))
    _check_tools(request.format, request.template)
    layout = gate.layout
    logframe = _logframe([path.stem for path in layout.cadre_files()], request)
    digest = gate.digest
    key = json.dumps([request.period, logframe, str(request.date), request.audience])
    if request.langue is not None:  # the association's own choice is in the digest
        key = json.dumps([key, request.langue])
    if request.template in MONEY_TEMPLATES:  # their context holds more than the others'
        key = json.dumps([key, request.template, request.budget])
    cached = load_result(layout, "rapport", digest)
    if not (isinstance(cached, dict) and cached.get("options") == key):
        cached = None
    # New data means new charts, most likely: start the drawing processes now.
    drawing = request.charts != "aucun" and request.format != "xlsx"
    with Workers(start=cached is None and drawing) as workers:
        if cached is None:
            context = _new_context(gate.folder(), request, logframe)
            store_result(layout, "rapport", digest, {"options": key, "contexte": context})
        else:
            # Computed from the very files hashed in `digest`: neither the référentiel nor
            # the measurements need reading again, only the verdict on them.
            gate.admit()
            context = _relink(cached["contexte"])
        with using(context["rapport"].get("langue", "fr")):
            data, output = _finish(context, gate, request, workers)
    write_atomic_bytes(output, data)
    record_output(layout, output, "report")
    return output


def _finish(
    context: dict[str, Any], gate: Gate, request: Request, workers: Workers
) -> tuple[bytes, Path]:
    """The report's bytes from its data, and where they go (in the report's language)."""
    layout = gate.layout
    context["rapport"]["lignes_ecartees"] = lines_left_out(gate.admit())
    _add_provenance(context, layout, request)
    set_printed_date(context, request.date, dt.date.today())
    _add_comments(context, request)
    if request.final:
        refuse_unexplained(context)
    period_name = context["rapport"]["periode"]["nom"]
    output = request.output or layout.root / "rapports" / (
        f"{request.template}-{period_name}.{request.format}"
    )
    check_output(layout, output, "report", request.force)
    data = _rendered_once(context, request, layout, output, workers)
    return data, output


def _rendered_once(
    context: dict[str, Any], request: Request, layout: Layout, output: Path, workers: Workers
) -> bytes:
    """A report's bytes: an HTML, Word or PDF document kept (see `kept`), others rendered."""
    if request.format not in KEPT:
        return _rendered(context, request, layout, output, workers)
    name = (request.template, request.format, request.charts)
    return kept_document(
        context, name, layout, lambda: _rendered(context, request, layout, output, workers)
    )


def _rendered(
    context: dict[str, Any], request: Request, layout: Layout, output: Path, workers: Workers
) -> bytes:
    """The report's bytes: the template rendered, then the charts it shows put in place."""
    if request.format == "xlsx":
        from utilsoc.report.xlsx import write_xlsx

        return write_xlsx(context, request.template)
    charts = attach_charts(context, request.charts) | attach_tornado(context, request.charts)
    source = _SOURCE.get(request.format, request.format)
    cache = chart_cache(layout.root)
    text = render(
        build_environment(layout.root / MODELES), f"{request.template}.{source}.j2", context
    )
    if request.format == "docx":
        from utilsoc.report.docx import write_docx

        return write_docx(tidy_markdown(text), charts, _title(context), cache, workers)
    beside = output if request.format == "md" else None
    text = insert_charts(text, charts, request.template, beside, cache, workers)
    if request.format == "pdf":
        from utilsoc.report.pdf import print_pdf

        return print_pdf(text)
    return (tidy_markdown(text) if request.format == "md" else text).encode("utf-8")


def _title(context: dict[str, Any]) -> str:
    """The document's title, as its properties show it."""
    return f"{context['association']['nom']} — {context['rapport']['periode']['libelle']}"


def _check_tools(fmt: str, template: str) -> None:
    """Before any work: the format suits the template, and what it needs is installed.

    Raises:
        UsageError: xlsx for another report than the funder's.
        UserError: a library or program is missing; the message says what to install.
    """
    if fmt == "xlsx" and template != "financeur":
        raise UsageError(
            "le format xlsx est celui du rapport au financeur (tableau cibles et réalisés)",
            "utilisez --template financeur, ou --format html, md, docx ou pdf",
        )
    if fmt == "docx":
        from importlib.util import find_spec

        from utilsoc.report.docx import missing_library

        # Found, not imported: a kept document needs neither python-docx nor lxml.
        if find_spec("docx") is None:
            raise missing_library()
    elif fmt == "pdf":
        from utilsoc.report.pdf import find_browser

        find_browser()


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
    from utilsoc.report.money_context import add_money, money_period

    project, measures = folder.project, folder.measures
    if project.association is None:  # admitted: only measurement lines may be invalid
        raise DataErrors(folder.outcome.issues)
    period = money_period(project, request.template, logframe, request.budget, request.period)
    if period is None:
        period = report_period(project, measures, request.period, request.template, logframe)
    options = Options(
        request.template,
        period,
        logframe,
        request.date or data_date(measures, period),
        _audience(project, request.audience),
    )
    code = request.langue or project.association.langue or "fr"
    if code == "en":
        from utilsoc.report.variants import in_english

        project = in_english(project)
    with using(code):
        context = build_context(
            project, measures, measures.evidence, options, read_provenance(folder.layout.root)
        )
        add_money(context, project, measures, request.template, logframe, request.budget)
    context["rapport"]["langue"] = code
    return context


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
        if request.template in ("financeur", "compte-rendu"):
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
