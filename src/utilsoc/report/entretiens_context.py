"""The interviews and stories of change in a report: compute's facts put into words.

« 7 entretiens sur 10 évoquent la confiance retrouvée », by stakeholder group, the themes
that come together, a few consented excerpts, and the selected stories per domain. An
indicator that declares `entretiens:` shows the analysis of its criterion and is no
longer « sans donnée ». The sentences are written in the report's language
(`utilsoc.langue`: "7 of 10 interviews mention …"); the association's words (themes,
groups, excerpts, stories) stay as written, or in their `en:` variant.
"""

from __future__ import annotations

from typing import Any

from utilsoc.compute.entretiens import (
    Analysis,
    Excerpt,
    ThemeCount,
    analyse,
    interviews_of,
    selected_stories,
)
from utilsoc.french.grammar import lower_first
from utilsoc.langue import _, current
from utilsoc.model.entretiens import Entretien
from utilsoc.model.load import Project
from utilsoc.model.periods import Period, format_day
from utilsoc.model.referentiel import Critere


def add_interviews(context: dict[str, Any], project: Project, period: Period) -> None:
    """Put the analysis beside each criterion, logframe part and informed indicator.

    Also adds the selected stories (`recits`), and leaves out of the missing data the
    indicators that interviews inform.
    """
    referentiel = project.referentiel
    assert referentiel is not None
    groups = {p.code: p.nom for p in project.publics.parties_prenantes}
    chosen = interviews_of(project.entretiens, project.guides, period)
    criteria = [c for d in referentiel.domaines for c in d.criteres]
    analyses = {
        code: analysis_context(analysis, groups) | {"nom": _name(criteria, code)}
        for code, analysis in analyse(referentiel, project.guides, chosen).items()
    }
    for domain in context["domaines"]:
        for criterion in domain["criteres"]:
            criterion["entretiens"] = analyses.get(criterion["code"])
    criterion_of = {i.code: c.code for c in criteria for i in c.indicateurs}
    informed = _informed(context["indicateurs"], criteria, chosen, analyses)
    context["lacunes"] = [gap for gap in context["lacunes"] if gap["code"] not in informed]
    if context.get("cadre"):
        _beside_logframe(context["cadre"], analyses, criterion_of)
    context["recits"] = stories_context(project, period, groups)


def _informed(
    indicators: dict[str, dict[str, Any]],
    criteria: list[Critere],
    chosen: list[Entretien],
    analyses: dict[str, Any],
) -> set[str]:
    """Mark the indicators that declare `entretiens:` and have some; return their codes."""
    for each in indicators.values():
        each["entretiens"] = None
    informed = set()
    for critere in criteria:
        for indicator in critere.indicateurs:
            count = sum(1 for i in chosen if i.guide == indicator.entretiens)
            shown = indicators.get(indicator.code)
            if indicator.entretiens and count and shown is not None:
                _inform(shown, count, analyses.get(critere.code))
                informed.add(indicator.code)
    return informed


def _name(criteria: list[Critere], code: str) -> str:
    return next(c.nom for c in criteria if c.code == code)


def _beside_logframe(
    cadre: dict[str, Any], analyses: dict[str, Any], criterion_of: dict[str, str]
) -> None:
    """Each sub-objective gets the analyses of its indicators' criteria, each shown once."""
    shown: set[str] = set()
    for part in cadre["sous_objectifs"]:
        codes = [i["code"] for i in part["indicateurs"]]
        codes += [i["code"] for r in part["resultats"] for i in r["indicateurs"]]
        wanted = [criterion_of[c] for c in codes if c in criterion_of]
        fresh = [c for c in dict.fromkeys(wanted) if c in analyses and c not in shown]
        shown.update(fresh)
        part["entretiens"] = [analyses[c] for c in fresh]


def _inform(indicator: dict[str, Any], count: int, analysis: dict[str, Any] | None) -> None:
    """An indicator informed by `count` interviews: no longer « sans donnée »."""
    indicator["entretiens"] = analysis
    if indicator["statut"] == "sans donnée":
        indicator["statut"] = "sans cible"
        indicator["realise"] = analysed(count)
        indicator["explication"] = None


def analysis_context(analysis: Analysis, groups: dict[str, str]) -> dict[str, Any]:
    """One criterion's analysis as a template shows it."""
    labels = {theme.code: theme.label for theme in analysis.themes}
    return {
        "critere": analysis.criterion,
        "entretiens": analysis.interviews,
        "phrase": analysed(analysis.interviews),
        "themes": [_theme(theme, groups) for theme in analysis.themes],
        "ensemble": [
            together_sentence(labels[a], labels[b], shared) for a, b, shared in analysis.together
        ],
    }


def analysed(count: int) -> str:
    """« 10 entretiens analysés », "10 interviews analysed"."""
    langue = current()
    text = langue.ngettext("%(n)s entretien analysé", "%(n)s entretiens analysés", count)
    return text % {"n": langue.number(count)}


def together_sentence(first: str, second: str, shared: int) -> str:
    """« La confiance retrouvée et la prise de parole reviennent ensemble dans 3 entretiens. »"""
    langue = current()
    text = langue.ngettext(
        "%(first)s et %(second)s reviennent ensemble dans %(n)s entretien.",
        "%(first)s et %(second)s reviennent ensemble dans %(n)s entretiens.",
        shared,
    )
    return text % {
        "first": _capital(langue.definite(first)),
        "second": langue.definite(second),
        "n": langue.number(shared),
    }


def _theme(theme: ThemeCount, groups: dict[str, str]) -> dict[str, Any]:
    return {
        "code": theme.code,
        "libelle": theme.label,
        "phrase": evoke_sentence(theme.mentions, theme.interviews, theme.label),
        "par_groupe": _(" ; ").join(
            _("%(group)s : %(n)s sur %(total)s")
            % {
                "group": lower_first(groups.get(group, group)),
                "n": current().number(n),
                "total": current().number(total),
            }
            for group, (n, total) in theme.by_group.items()
        ),
        "sens": _leanings(theme.positive, theme.negative),
        "extraits": [_excerpt(e, groups) for e in theme.excerpts],
    }


def evoke_sentence(mentions: int, interviews: int, label: str) -> str:
    """« 7 entretiens sur 10 évoquent la confiance retrouvée », « Aucun… n'évoque… »."""
    langue = current()
    values = {
        "n": langue.number(mentions),
        "total": langue.number(interviews),
        "theme": langue.definite(label),
    }
    if mentions == 0:
        return _("Aucun entretien sur %(total)s n'évoque %(theme)s") % values
    text = langue.ngettext(
        "%(n)s entretien sur %(total)s évoque %(theme)s",
        "%(n)s entretiens sur %(total)s évoquent %(theme)s",
        mentions,
    )
    return text % values


def _leanings(positive: int, negative: int) -> str:
    """« 4 extraits positifs, 1 négatif »: the excerpts' leanings, the noun said once."""
    langue = current()
    parts = []
    if positive:
        text = langue.ngettext("%(n)s extrait positif", "%(n)s extraits positifs", positive)
        parts.append(text % {"n": langue.number(positive)})
    if negative:
        text = (
            langue.ngettext("%(n)s négatif", "%(n)s négatifs", negative)
            if parts
            else langue.ngettext("%(n)s extrait négatif", "%(n)s extraits négatifs", negative)
        )
        parts.append(text % {"n": langue.number(negative)})
    return ", ".join(parts)


def _excerpt(excerpt: Excerpt, groups: dict[str, str]) -> dict[str, Any]:
    return {
        "texte": excerpt.text,
        "participant": excerpt.participant,
        "groupe": lower_first(groups.get(excerpt.group, excerpt.group)),
        "sens": excerpt.leaning,
    }


def stories_context(
    project: Project, period: Period, groups: dict[str, str]
) -> list[dict[str, Any]]:
    """The selected, consented stories of `period`, by domain in the référentiel's order."""
    referentiel = project.referentiel
    assert referentiel is not None
    by_domain = selected_stories(project.recits, period)
    return [
        {
            "code": domaine.code,
            "nom": domaine.nom,
            "recits": [
                {
                    "titre": story.titre,
                    "recit": story.recit,
                    "conteur": story.conteur,
                    "groupe": lower_first(groups.get(story.role, story.role)),
                    "date": format_day(story.date),
                    "selection": {
                        "par": story.selection.par,
                        "date": format_day(story.selection.date),
                        "raison": story.selection.raison,
                    },
                }
                for story in by_domain[domaine.code]
                if story.selection is not None
            ],
        }
        for domaine in referentiel.domaines
        if domaine.code in by_domain
    ]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
