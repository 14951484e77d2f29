"""The network's values as one tidy table: CSV for anyone, Parquet for DuckDB and beyond.

One row per value a member recorded for an indicator linked to a common one (or per
period of an indicator computed from questionnaires), within the network's period. The
column `compte` marks the rows the network total is made of, by the same choices as
`reseau status` (the recorded total rather than its parts, one kind of period, the last
value for `dernière`), so a plain SQL sum over the file gives the same figures.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from utilsoc.compute.points import Point, Series
from utilsoc.compute.rollup import periods_used
from utilsoc.model.periods import Period

if TYPE_CHECKING:
    from utilsoc.model.mesures import Mesure
    from utilsoc.model.referentiel import Indicateur
    from utilsoc.network.load import Member, Network


@dataclass(frozen=True)
class Column:
    """A column of the export, with its type (for Parquet) and meaning (the dictionary)."""

    name: str
    kind: str  # "texte", "date", "nombre", "booléen"
    meaning: str


COLUMNS = (
    Column("membre", "texte", "code du membre dans reseau.yaml"),
    Column("membre_nom", "texte", "nom de l'association"),
    Column("indicateur", "texte", "code de l'indicateur dans le référentiel du membre"),
    Column("commun", "texte", "code de l'indicateur commun qu'il alimente"),
    Column("periode", "texte", "période de la valeur, telle qu'écrite (2025, 2025-T1...)"),
    Column("debut", "date", "premier jour de la période"),
    Column("fin", "date", "dernier jour de la période"),
    Column("ligne", "texte", "valeur (enregistrée) ou calcul (tirée de questionnaires)"),
    Column("dimensions", "texte", "ventilation de la valeur, en JSON ({} pour un total)"),
    Column("valeur", "nombre", "valeur dans l'unité du membre (un taux : en %)"),
    Column("numerateur", "nombre", "pour un taux : ce que l'on compte"),
    Column("denominateur", "nombre", "pour un taux : sur combien"),
    Column("effectif", "nombre", "pour une moyenne de questionnaire : nombre de paires"),
    Column("facteur", "nombre", "conversion de l'unité du membre vers l'unité commune"),
    Column("valeur_commune", "nombre", "valeur × facteur, dans l'unité commune"),
    Column("compte", "booléen", "vrai si la ligne entre dans le total du réseau sur sa période"),
    Column("auteur", "texte", "qui a enregistré la valeur"),
    Column("date", "date", "quand elle a été enregistrée"),
)


def export_rows(network: Network) -> list[dict[str, Any]]:
    """The rows of every included member, for the values inside the network's period."""
    from utilsoc.folder import load_folder
    from utilsoc.network.mapping import links_of
    from utilsoc.network.totals import member_series
    from utilsoc.project import Layout

    assert network.period is not None
    period = network.period
    rows: list[dict[str, Any]] = []
    for member in network.included():
        folder = load_folder(Layout(member.root))
        assert folder.project.referentiel is not None
        series = member_series(folder)
        by_code: dict[str, list[Mesure]] = {}
        for record in folder.measures.records:
            by_code.setdefault(record.indicateur, []).append(record)
        for common, own in sorted(links_of(folder.project.referentiel).items()):
            for link in own:
                one = series[link.indicator.code]
                base = _base(member, link.indicator.code, common, link.factor)
                if link.indicator.calcul is not None:
                    rows += _computed_rows(base, one, period)
                else:
                    records = by_code.get(link.indicator.code, [])
                    rows += _value_rows(
                        base, link.indicator, records, period, _counted(one, period)
                    )
    return rows


def _counted(series: Series, period: Period) -> set[tuple[Period, tuple[Any, ...]]]:
    """(period, dimension key) of the cells the network total over `period` uses."""
    return {
        (used, key) for used in periods_used(series, period) for key in series.counted.get(used, ())
    }


def _base(member: Member, code: str, common: str, factor: float) -> dict[str, Any]:
    return {
        "membre": member.code,
        "membre_nom": member.entry.nom,
        "indicateur": code,
        "commun": common,
        "facteur": factor,
    }


def _value_rows(
    base: dict[str, Any],
    indicator: Indicateur,
    records: list[Mesure],
    period: Period,
    counted: set[Any],
) -> list[dict[str, Any]]:
    from utilsoc.compute.series import record_point

    rows = []
    for record in records:
        if not period.contains(record.periode):
            continue
        point = record_point(indicator, record)
        rows.append(
            {
                **base,
                **_period_columns(record.periode, "valeur"),
                "dimensions": json.dumps(record.dimensions, ensure_ascii=False, sort_keys=True),
                **_point_columns(point, base["facteur"]),
                "compte": (record.periode, record.cle_dimensions) in counted,
                "auteur": record.auteur,
                "date": record.date,
            }
        )
    return rows


def _computed_rows(base: dict[str, Any], series: Series, period: Period) -> list[dict[str, Any]]:
    used = set(periods_used(series, period))
    return [
        {
            **base,
            **_period_columns(inside, "calcul"),
            "dimensions": "{}",
            **_point_columns(point, base["facteur"]),
            "compte": inside in used,
            "auteur": None,
            "date": None,
        }
        for inside, point in series.totals.items()
        if period.contains(inside)
    ]


def _period_columns(period: Period, kind: str) -> dict[str, Any]:
    return {"periode": str(period), "debut": period.start, "fin": period.end, "ligne": kind}


def _point_columns(point: Point, factor: float) -> dict[str, Any]:
    rate = point.numerator is not None
    return {
        "valeur": point.number,
        "numerateur": point.numerator,
        "denominateur": point.denominator,
        "effectif": point.weight,
        "valeur_commune": point.number if rate or point.number is None else point.number * factor,
    }


def write_csv(rows: list[dict[str, Any]], target: Path) -> None:
    """RFC 4180 CSV in UTF-8, dots for decimals: for programs (DuckDB, R, pandas)."""
    import csv
    import io

    from utilsoc.store.atomic import write_atomic

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([c.name for c in COLUMNS])
    for row in rows:
        writer.writerow([_csv_cell(row.get(c.name)) for c in COLUMNS])
    write_atomic(target, buffer.getvalue())


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def write_parquet(rows: list[dict[str, Any]], target: Path) -> None:
    """A Parquet file with typed columns (dates, doubles, booleans).

    Raises:
        UserError: pyarrow is not installed (the `parquet` extra).
    """
    from utilsoc.errors import UserError
    from utilsoc.store.atomic import write_atomic_bytes

    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise UserError(
            "l'export Parquet demande le module pyarrow, absent de cette installation",
            'installez-le : pip install "utilsoc[parquet]" (ou pip install pyarrow), '
            "ou exportez en CSV avec --format csv",
        ) from None
    kinds = {
        "texte": pa.string(),
        "date": pa.date32(),
        "nombre": pa.float64(),
        "booléen": pa.bool_(),
    }
    schema = pa.schema([(c.name, kinds[c.kind]) for c in COLUMNS])
    table = pa.Table.from_pylist(rows, schema=schema)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    write_atomic_bytes(target, sink.getvalue().to_pybytes())


def write_dictionary(target: Path) -> Path:
    """`<name>.dictionnaire.csv` beside the export: each column, its type, its meaning."""
    import csv
    import io

    from utilsoc.store.atomic import write_atomic

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["colonne", "type", "signification"])
    writer.writerows([c.name, c.kind, c.meaning] for c in COLUMNS)
    path = target.with_name(f"{target.stem}.dictionnaire.csv")
    write_atomic(path, buffer.getvalue())
    return path


def export_network(
    network: Network, target: Path, kind: str, *, force: bool
) -> tuple[list[Path], int]:
    """Write the export and its dictionary; return the files written and the row count.

    Raises:
        UsageError: `target` is reseau.yaml or lies in a member's folder.
    """
    from utilsoc.project import Layout
    from utilsoc.store.outputs import check_output, record_output

    _refuse_member_target(network, target)
    layout = Layout(network.root)
    dictionary = target.with_name(f"{target.stem}.dictionnaire.csv")
    for path in (target, dictionary):
        check_output(layout, path, "reseau export", force)
    rows = export_rows(network)
    target.parent.mkdir(parents=True, exist_ok=True)
    (write_parquet if kind == "parquet" else write_csv)(rows, target)
    write_dictionary(target)
    for path in (target, dictionary):
        record_output(layout, path, "reseau export")
    return [target, dictionary], len(rows)


def _refuse_member_target(network: Network, target: Path) -> None:
    from utilsoc.errors import UsageError
    from utilsoc.network.load import RESEAU
    from utilsoc.project import display_path

    resolved = target.resolve()
    inside = [m for m in network.members if resolved.is_relative_to(m.root)]
    if resolved == (network.root / RESEAU).resolve() or inside:
        raise UsageError(
            f"{display_path(target)} est un fichier du réseau ou d'un membre : il ne sera pas "
            "remplacé par un export",
            "choisissez un autre fichier, par exemple export/reseau.parquet",
        )
