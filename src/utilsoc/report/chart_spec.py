"""What a chart shows: a plain description, its cache key and its text alternative.

A `Chart` holds the kind, labels, values and reference lines; `drawing.draw_svg` draws it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from functools import cached_property

from utilsoc.langue import N_, Langue, langue
from utilsoc.report.typography import english_spaces

_STYLE_VERSION = "4"
# The words of the text alternatives, for the catalogue (translated with the chart's language).
_WORDS = (
    N_("ratio de base %(base)s : 1 ; ligne à 1 : 1."),
    N_("réalisé"),
    N_("référence"),
    N_("cible"),
    N_("%(label)s : entrée %(entry)s, sortie %(exit)s"),
    N_("%(label)s : de %(low)s à %(high)s"),
    N_("(cible %(target)s)"),
)


@dataclass(frozen=True)
class Chart:
    """What to draw: a time series, bars per dimension value, entry/exit pairs, a tornado.

    A tornado (SROI sensitivity) has one horizontal bar per assumption, from `values`
    (the ratio at the low end) to `second` (at the high end), around `baseline` (the base
    ratio), with a line at `target` (1 : 1).
    """

    kind: str  # "serie", "barres", "entree_sortie" or "tornade"
    title: str
    labels: list[str]
    values: list[float]
    unit: str = ""
    baseline: float | None = None
    target: float | None = None
    second: list[float] = field(default_factory=list)
    colours: tuple[str, str, str] = ("#1F5F8B", "#E07A1F", "#3A9D5D")
    plural: str | None = None  # the unit's plural when irregular (see `grammar.unit_forms`)
    decimals: int | None = None  # the indicator's one precision in the report
    # A series: each point's own target (a step line; None where the point has none),
    # and the legend of its values (« réalisé, cumulé sur l'année » for a running total).
    targets: list[float | None] = field(default_factory=list)
    line: str = "réalisé"
    scale: tuple[float, float] | None = None  # a score's scale: the value axis spans it
    # A series: each point's segment number where the line breaks (a running total starts
    # again with each target period), for the values and for the target's step line.
    segments: list[int] = field(default_factory=list)
    target_segments: list[int] = field(default_factory=list)
    langue: str = "fr"  # the language of its words and numbers
    # A series: values from outside (a territory's rate…), each a dashed line on the same
    # axis, labelled with what it is, its source and year: (label, value).
    references: list[tuple[str, float]] = field(default_factory=list)

    @cached_property
    def key(self) -> str:
        """Hash of the description: the cache key and the chart's stable id."""
        # As `asdict(self)` gives, without its deep copy (a tenth of a cached report's time).
        fields_ = {f.name: getattr(self, f.name) for f in fields(self)}
        # Charts without these keep the keys (and so the drawings) they had before them.
        for name in ("scale", "segments", "target_segments", "references"):
            if not fields_[name]:
                del fields_[name]
        if fields_["langue"] == "fr":
            del fields_["langue"]
        data = json.dumps([_STYLE_VERSION, fields_], sort_keys=True, ensure_ascii=False)
        return hashlib.blake2b(data.encode(), digest_size=10).hexdigest()

    @property
    def alt(self) -> str:
        """A text alternative listing the values, for screen readers, in the chart's language."""
        text = self._alt()
        return text if self._langue.typography else english_spaces(text)

    def _alt(self) -> str:
        words = self._langue
        points = " ; ".join(self._point_texts())
        if self.kind == "tornade":
            base = words.number(self.baseline or 0.0, 2)
            end = words.gettext("ratio de base %(base)s : 1 ; ligne à 1 : 1.") % {"base": base}
            return f"{self.title}. {points} ; {end}"
        if self.line not in ("réalisé", words.gettext("réalisé")):
            points = f"{self.line} : {points}"
        lines = [(words.gettext("référence"), self.baseline), (words.gettext("cible"), self.target)]
        extra = "".join(f" ; {name} {self._figure(y)}" for name, y in lines if y is not None)
        extra += "".join(f" ; {name} : {self._figure(y)}" for name, y in self.references)
        return f"{self.title}. {points}{extra}."

    @property
    def _langue(self) -> Langue:
        return langue(self.langue)

    def _point_texts(self) -> list[str]:
        """Each point as the alternative reads it: with its target, or entry and exit."""
        words = self._langue
        number, text = words.number, words.gettext
        pairs = zip(self.labels, self.values, self.second, strict=False)
        if self.kind == "entree_sortie":
            entry_exit = text("%(label)s : entrée %(entry)s, sortie %(exit)s")
            return [
                entry_exit % {"label": x, "entry": number(a), "exit": number(b)}
                for x, a, b in pairs
            ]
        if self.kind == "tornade":
            span = text("%(label)s : de %(low)s à %(high)s")
            return [
                span % {"label": x, "low": number(a, 2), "high": number(b, 2)} for x, a, b in pairs
            ]
        aims = self.targets or [None] * len(self.values)
        target = text("(cible %(target)s)")
        return [
            f"{label} : {self._figure(value)}"
            + ("" if aim is None else " " + target % {"target": self._figure(aim)})
            for label, value, aim in zip(self.labels, self.values, aims, strict=False)
        ]

    def _figure(self, value: float) -> str:
        """`1 élève`, `12,5 %`: the value in the indicator's precision, with its unit."""
        shown = round(value, 2 if self.decimals is None else self.decimals)
        text = self._langue.number(value, self.decimals)
        if not self.unit:
            return text
        return self._langue.with_unit(text, shown, self.unit, self.plural)
