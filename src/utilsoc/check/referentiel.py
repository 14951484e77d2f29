"""Cross-file checks: unique codes, references that exist, formulas, target periods."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field

from utilsoc.errors import Issue
from utilsoc.model.cadre import CadreLogique
from utilsoc.model.load import Project
from utilsoc.model.periods import is_aligned
from utilsoc.model.referentiel import Frequence, Indicateur, Referentiel, TypeIndicateur

Loc = tuple[str | int, ...]
NUMERIC = {
    TypeIndicateur.NOMBRE,
    TypeIndicateur.TAUX,
    TypeIndicateur.MONTANT,
    TypeIndicateur.DUREE,
    TypeIndicateur.SCORE,
}


@dataclass
class Reporter:
    """Collects issues, positioned in the project's documents."""

    project: Project
    issues: list[Issue] = field(default_factory=list)

    def add(
        self, role: str, loc: Loc, code: str, message: str, hint: str, severity: str = "erreur"
    ) -> None:
        """Add an issue at `loc` of the document `role`."""
        document = self.project.documents[role]
        line, column = document.position(loc)
        self.issues.append(Issue(document.file, line, column, code, message, hint, severity))

    def unknown(self, role: str, loc: Loc, what: str, value: str, known: Iterable[str]) -> None:
        """Report a reference to an undeclared code, suggesting the closest one."""
        close = difflib.get_close_matches(value, list(known), n=1)
        feminine = what in ("dimension", "partie prenante", "audience")
        hint = (
            f"vouliez-vous dire « {close[0]} » ?"
            if close
            else f"déclarez-{'la' if feminine else 'le'} d'abord ({what})"
        )
        unknown = "inconnue" if feminine else "inconnu"
        self.add(role, loc, "reference-inconnue", f"{what} « {value} » {unknown}", hint)

    def unique(self, role: str, items: Iterable[tuple[Loc, str]], what: str) -> None:
        """Report each code seen a second time."""
        seen: dict[str, Loc] = {}
        for loc, code in items:
            if code in seen:
                line = self.project.documents[role].position(seen[code])[0]
                self.add(
                    role,
                    loc,
                    "code-en-double",
                    f"{what} « {code} » en double (déjà ligne {line})",
                    "chaque code doit être unique : renommez l'un des deux",
                )
            else:
                seen[code] = loc


def check_project(project: Project) -> list[Issue]:
    """Every cross-reference problem of a loaded project (models that failed are skipped)."""
    report = Reporter(project)
    referentiel = project.referentiel
    if referentiel is not None:
        _check_referentiel(report, referentiel)
    codes = set(referentiel.indicators()) if referentiel else None
    if codes is not None and project.association is not None:
        for i, code in enumerate(project.association.identite.indicateurs_cles):
            if code not in codes:
                report.unknown(
                    "association", ("identite", "indicateurs_cles", i), "indicateur", code, codes
                )
    _check_publics(report)
    if codes is not None:
        for name, cadre in project.cadres.items():
            role = f"cadre:{name}"
            for loc, code in _cadre_codes(cadre):
                if code not in codes:
                    report.unknown(role, loc, "indicateur", code, codes)
            _check_cadre_coverage(report, role, cadre)
    return report.issues


def _check_referentiel(report: Reporter, ref: Referentiel) -> None:
    role = "referentiel"
    report.unique(
        role,
        ((("dimensions", i, "code"), d.code) for i, d in enumerate(ref.dimensions)),
        "dimension",
    )
    report.unique(
        role, ((("domaines", i, "code"), d.code) for i, d in enumerate(ref.domaines)), "domaine"
    )
    report.unique(
        role,
        (
            (("domaines", d, "criteres", c, "code"), critere.code)
            for d, domaine in enumerate(ref.domaines)
            for c, critere in enumerate(domaine.criteres)
        ),
        "critère",
    )
    report.unique(
        role,
        ((_ind_loc(idx, "code"), ind.code) for idx, ind in ref.iter_indicators()),
        "indicateur",
    )
    for i, dimension in enumerate(ref.dimensions):
        report.unique(
            role,
            ((("dimensions", i, "valeurs", v), value) for v, value in enumerate(dimension.valeurs)),
            "valeur",
        )
    dimensions = {d.code for d in ref.dimensions}
    indicators = ref.indicators()
    for idx, ind in ref.iter_indicators():
        for n, code in enumerate(ind.dimensions):
            if code not in dimensions:
                report.unknown(role, _ind_loc(idx, "dimensions", n), "dimension", code, dimensions)
        _check_indicator(report, idx, ind, indicators)
    _check_cycles(report, ref)
    for t, theme in enumerate(ref.auto_evaluation):
        for kind in ("forces", "faiblesses"):
            for n, constat in enumerate(getattr(theme, kind)):
                if constat.indicateur and constat.indicateur not in indicators:
                    report.unknown(
                        role,
                        ("auto_evaluation", t, kind, n, "indicateur"),
                        "indicateur",
                        constat.indicateur,
                        indicators,
                    )


def _ind_loc(idx: tuple[int, int, int], *rest: str | int) -> Loc:
    d, c, i = idx
    return ("domaines", d, "criteres", c, "indicateurs", i, *rest)


def _check_indicator(
    report: Reporter, idx: tuple[int, int, int], ind: Indicateur, indicators: dict[str, Indicateur]
) -> None:
    role = "referentiel"
    if ind.type is TypeIndicateur.SCORE and ind.echelle is None:
        report.add(
            role,
            _ind_loc(idx, "type"),
            "echelle-manquante",
            f"l'indicateur « {ind.code} » est un score sans échelle",
            "ajoutez « échelle: {min: 1, max: 5} »",
        )
    if ind.echelle is not None and ind.echelle.min >= ind.echelle.max:
        report.add(
            role,
            _ind_loc(idx, "echelle"),
            "echelle-invalide",
            "le minimum de l'échelle doit être inférieur au maximum",
            "inversez-les",
        )
    if ind.type is TypeIndicateur.QUALITATIF and (ind.cibles or ind.formule or ind.reference):
        report.add(
            role,
            _ind_loc(idx, "type"),
            "qualitatif-chiffre",
            f"l'indicateur qualitatif « {ind.code} » ne peut avoir ni cible, "
            "ni référence, ni formule",
            "choisissez un autre type ou retirez les chiffres",
        )
    if ind.formule is not None:
        for part in ("numerateur", "denominateur"):
            code = getattr(ind.formule, part)
            if code is None:
                continue
            loc = _ind_loc(idx, "formule", part)
            if code not in indicators:
                report.unknown(role, loc, "indicateur", code, indicators)
            elif indicators[code].type not in NUMERIC:
                report.add(
                    role,
                    loc,
                    "formule-invalide",
                    f"la formule utilise « {code} », qui n'est pas chiffré",
                    "une formule ne combine que des indicateurs chiffrés",
                )
    _check_targets(report, idx, ind)
    _check_target_values(report, idx, ind)
    _check_consistency(report, idx, ind, indicators)


def _check_targets(report: Reporter, idx: tuple[int, int, int], ind: Indicateur) -> None:
    seen: dict[str, int] = {}
    for n, cible in enumerate(ind.cibles):
        loc = _ind_loc(idx, "cibles", n, "periode")
        name = str(cible.periode)
        if name in seen:
            report.add(
                "referentiel",
                loc,
                "cible-en-double",
                f"deux cibles pour la période {name}",
                "gardez-en une ; pour une révision, utilisez « révisions »",
            )
        seen[name] = n
        if ind.frequence is not Frequence.PONCTUELLE and not is_aligned(
            cible.periode, ind.frequence.kind
        ):
            report.add(
                "referentiel",
                loc,
                "periode-hors-frequence",
                f"la cible porte sur {cible.periode.label}, qui ne correspond pas à la "
                f"fréquence {ind.frequence.value} de « {ind.code} »",
                "choisissez une période faite de périodes entières de cette fréquence "
                "(une année scolaire pour une fréquence scolaire, etc.)",
            )


def _check_target_values(report: Reporter, idx: tuple[int, int, int], ind: Indicateur) -> None:
    """Baseline and targets must be values the indicator could take."""
    places: list[tuple[Loc, float]] = []
    if ind.reference:
        places.append((("reference", "valeur"), ind.reference.valeur))
    places += [(("cibles", n, "valeur"), c.valeur) for n, c in enumerate(ind.cibles)]
    for loc, value in places:
        problem = _impossible(ind, value)
        if problem:
            report.add(
                "referentiel",
                _ind_loc(idx, *loc),
                "valeur-impossible",
                problem[0],
                problem[1],
                problem[2],
            )
    if (
        ind.reference
        and ind.frequence is not Frequence.PONCTUELLE
        and not is_aligned(ind.reference.periode, ind.frequence.kind)
    ):
        report.add(
            "referentiel",
            _ind_loc(idx, "reference", "periode"),
            "periode-hors-frequence",
            f"la référence porte sur {ind.reference.periode.label}, hors de la fréquence "
            f"{ind.frequence.value} de « {ind.code} »",
            "vérifiez qu'elle se compare bien aux valeurs qui seront enregistrées",
            "avertissement",
        )


def _impossible(ind: Indicateur, value: float) -> tuple[str, str, str] | None:
    kind = ind.type
    if (
        kind is TypeIndicateur.SCORE
        and ind.echelle
        and not (ind.echelle.min <= value <= ind.echelle.max)
    ):
        return (
            f"{value:g} est hors de l'échelle {ind.echelle.min:g} à {ind.echelle.max:g}",
            "une cible ou une référence se situe sur l'échelle du score",
            "erreur",
        )
    if kind is TypeIndicateur.OUI_NON and value not in (0, 1):
        return (f"{value:g} pour un indicateur oui/non", "écrivez 1 pour oui, 0 pour non", "erreur")
    if kind in (TypeIndicateur.NOMBRE, TypeIndicateur.DUREE, TypeIndicateur.TAUX) and value < 0:
        return (
            f"{value:g} est négatif",
            "un nombre, une durée ou un taux ne peut pas l'être",
            "erreur",
        )
    if kind is TypeIndicateur.TAUX and value > 100:
        return (
            f"taux de {value:g} %",
            "vérifiez : un taux dépasse rarement 100 %",
            "avertissement",
        )
    return None


def _check_consistency(
    report: Reporter, idx: tuple[int, int, int], ind: Indicateur, indicators: dict[str, Indicateur]
) -> None:
    role = "referentiel"
    report.unique(
        role,
        ((_ind_loc(idx, "dimensions", n), code) for n, code in enumerate(ind.dimensions)),
        "dimension",
    )
    if (ind.numerateur or ind.denominateur) and ind.type is not TypeIndicateur.TAUX:
        report.add(
            role,
            _ind_loc(idx, "numerateur" if ind.numerateur else "denominateur"),
            "champ-inutile",
            "numérateur et dénominateur ne servent qu'aux taux",
            "retirez-les ou choisissez le type taux",
            "avertissement",
        )
    if ind.formule is None:
        return
    for part in ("numerateur", "denominateur"):
        other = indicators.get(getattr(ind.formule, part) or "")
        if other is not None and other.frequence is not ind.frequence:
            report.add(
                role,
                _ind_loc(idx, "formule", part),
                "frequences-differentes",
                f"« {other.code} » est collecté en {other.frequence.value}, "
                f"« {ind.code} » en {ind.frequence.value}",
                "une formule compare des valeurs des mêmes périodes",
                "avertissement",
            )


def _check_cycles(report: Reporter, ref: Referentiel) -> None:
    graph = {
        ind.code: [c for c in (ind.formule.numerateur, ind.formule.denominateur) if c]
        for _, ind in ref.iter_indicators()
        if ind.formule
    }
    places = {ind.code: idx for idx, ind in ref.iter_indicators()}
    reported: set[str] = set()
    for start in graph:
        path = _find_cycle(graph, start, [])
        if path and not reported.intersection(path):
            reported.update(path)
            report.add(
                "referentiel",
                _ind_loc(places[start], "formule"),
                "formule-circulaire",
                "formule circulaire : " + " → ".join([*path, path[0]]),
                "un indicateur calculé ne peut pas dépendre de lui-même",
            )


def _find_cycle(graph: dict[str, list[str]], node: str, path: list[str]) -> list[str]:
    if node in path:
        return path[path.index(node) :]
    for successor in graph.get(node, []):
        cycle = _find_cycle(graph, successor, [*path, node])
        if cycle:
            return cycle
    return []


def _check_publics(report: Reporter) -> None:
    publics = report.project.publics
    if "publics" not in report.project.documents:
        return
    for kind, what in (
        ("parties_prenantes", "partie prenante"),
        ("publics_cibles", "public cible"),
        ("audiences", "audience"),
    ):
        report.unique(
            "publics",
            (((kind, i, "code"), item.code) for i, item in enumerate(getattr(publics, kind))),
            what,
        )
    stakeholders = {p.code for p in publics.parties_prenantes}
    for i, cible in enumerate(publics.publics_cibles):
        if cible.partie_prenante and cible.partie_prenante not in stakeholders:
            report.unknown(
                "publics",
                ("publics_cibles", i, "partie_prenante"),
                "partie prenante",
                cible.partie_prenante,
                stakeholders,
            )
    for i, audience in enumerate(publics.audiences):
        for n, code in enumerate(audience.parties_prenantes):
            if code not in stakeholders:
                report.unknown(
                    "publics",
                    ("audiences", i, "parties_prenantes", n),
                    "partie prenante",
                    code,
                    stakeholders,
                )


def _cadre_codes(cadre: CadreLogique) -> Iterable[tuple[Loc, str]]:
    for s, sous in enumerate(cadre.sous_objectifs):
        for n, code in enumerate(sous.indicateurs):
            yield ("sous_objectifs", s, "indicateurs", n), code
        for r, resultat in enumerate(sous.resultats_attendus):
            for n, code in enumerate(resultat.indicateurs):
                yield ("sous_objectifs", s, "resultats_attendus", r, "indicateurs", n), code


def _check_cadre_coverage(report: Reporter, role: str, cadre: CadreLogique) -> None:
    report.unique(
        role,
        ((("sous_objectifs", s, "code"), sous.code) for s, sous in enumerate(cadre.sous_objectifs)),
        "sous-objectif",
    )
    for s, sous in enumerate(cadre.sous_objectifs):
        if not sous.indicateurs and not any(r.indicateurs for r in sous.resultats_attendus):
            report.add(
                role,
                ("sous_objectifs", s, "code"),
                "sans-indicateur",
                f"le sous-objectif « {sous.code} » n'a aucun indicateur",
                "ajoutez les codes des indicateurs qui le mesurent",
                "avertissement",
            )
