"""Jinja rendering: the association's `modeles/` first, then the built-in templates.

A user template may extend a built-in one with `{% extends "defaut:financeur.html.j2" %}`
and override one block. Templates run in Jinja's immutable sandbox with StrictUndefined
(a misspelt variable is an error, not an empty string); HTML is autoescaped, Markdown has
its own escaping filter.
"""

from __future__ import annotations

import itertools
import re
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from utilsoc.errors import UserError
from utilsoc.french import format_amount, format_number, format_percent
from utilsoc.resources import data_dir

TIME_LIMIT = 60
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#])")


def template_folders(user_folder: Path | None) -> list[Path]:
    """Where templates are looked up, in order."""
    folders = [user_folder] if user_folder is not None and user_folder.is_dir() else []
    return [*folders, data_dir("templates")]


def build_environment(user_folder: Path | None) -> jinja2.Environment:
    """The one Jinja environment of reports."""
    builtin = jinja2.FileSystemLoader(str(data_dir("templates")), encoding="utf-8")
    loaders: list[jinja2.BaseLoader] = []
    if user_folder is not None and user_folder.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(user_folder), encoding="utf-8"))
    loaders += [builtin, jinja2.PrefixLoader({"defaut": builtin}, delimiter=":")]
    environment = ImmutableSandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=lambda name: bool(name) and name.endswith((".html", ".html.j2")),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # Ids unique within one report, in the order they are asked for: reproducible.
    counter = itertools.count(1)
    environment.globals["identifiant"] = lambda prefixe="id": f"{prefixe}-{next(counter)}"
    environment.filters.update(
        {
            "nombre": _number,
            "pourcent": _percent,
            "montant": _amount,
            "md": escape_markdown,
            "valeur": format_value,
            "classe": css_class,
            "article": _article,
        }
    )
    return environment


def _article(name: Any, preposition: str = "", article: str | None = None) -> str:
    """`{{ cadre.financeur | article("à", cadre.article) }}` → « au Conseil départemental »."""
    from utilsoc.french import with_article

    return with_article(str(name), preposition, article)


def render(environment: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Render `name`; template mistakes become French errors naming file and line.

    Raises:
        UserError: unknown template, syntax error, unknown variable, forbidden access,
            or a template running longer than the time limit.
    """
    try:
        with _time_limit(TIME_LIMIT):
            return environment.get_template(name).render(context)
    except jinja2.TemplateNotFound as error:
        raise UserError(
            f"modèle introuvable : {error.name}",
            "voir « utilsoc templates list » pour les modèles disponibles",
        ) from None
    except jinja2.TemplateSyntaxError as error:
        raise UserError(
            f"{error.filename or error.name}:{error.lineno}: erreur de syntaxe dans "
            f"le modèle : {error.message}",
            "vérifiez les {{ }} et {% %}",
        ) from None
    except jinja2.UndefinedError as error:
        where = _template_line(sys.exc_info()[2])
        raise UserError(
            f"{where}variable inconnue dans le modèle : {_undefined(error.message)}",
            "vérifiez l'orthographe ; les variables sont décrites dans docs/rapports.md",
        ) from None
    except SecurityError as error:
        where = _template_line(sys.exc_info()[2])
        raise UserError(
            f"{where}opération interdite dans un modèle : {error}",
            "un modèle ne peut que mettre en forme les données",
        ) from None
    except (TypeError, ValueError, ArithmeticError, RecursionError, LookupError) as error:
        where = _template_line(sys.exc_info()[2])
        raise UserError(
            f"{where}erreur dans le modèle : {type(error).__name__}: {error}",
            "vérifiez le filtre ou l'expression de cette ligne (un filtre de nombre sur un "
            "texte, un modèle qui s'étend lui-même...)",
        ) from None


def _undefined(message: str | None) -> str:
    """Jinja's English message, in French: `« financeurr » n'existe pas`."""
    text = message or ""
    match = re.search(r"has no attribute '([^']+)'", text) or re.search(
        r"'([^']+)' is undefined", text
    )
    return f"« {match.group(1)} » n'existe pas" if match else text


def _template_line(trace: Any) -> str:
    """`modele.html.j2:12: ` from the innermost template frame of a traceback."""
    found = ""
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = f"{filename}:{trace.tb_lineno}: "
        trace = trace.tb_next
    return found


@contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    """Stop a runaway template (POSIX main thread only; elsewhere no limit)."""
    usable = hasattr(signal, "SIGALRM") and _main_thread()
    if not usable:
        yield
        return

    def stop(_signum: int, _frame: Any) -> None:
        raise UserError(
            f"le modèle a tourné plus de {seconds} s",
            "simplifiez-le : une boucle ne doit pas être sans fin",
        )

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def tidy_markdown(text: str) -> str:
    """Blank lines where CommonMark needs them, never two in a row, no trailing spaces."""
    lines = [line.rstrip() for line in text.split("\n")]
    result: list[str] = []
    for line in lines:
        previous = result[-1] if result else ""
        starts_block = (
            line.startswith(("#", "![", "---"))
            or (line.startswith("|") and not previous.startswith("|"))
            or (
                line.startswith(("- ", "> "))
                and previous
                and not previous.startswith((line[:2], "  "))
            )
        )
        if starts_block and previous:
            result.append("")
        if line or (result and result[-1]):
            result.append(line)
        if line.startswith("#") or line == "---":
            result.append("")
    while result and not result[-1]:
        result.pop()
    text = "\n".join(result) + "\n"
    return re.sub(r"\n{3,}", "\n\n", text)


def escape_markdown(text: Any) -> str:
    """Escape what Markdown would read as markup (a `|` would break a table)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def _number(value: Any, decimals: int | None = None) -> str:
    return "—" if value is None else format_number(float(value), decimals)


def _amount(value: Any) -> str:
    return "—" if value is None else format_amount(float(value))


def _percent(value: Any) -> str:
    return "—" if value is None else format_percent(round(float(value) * 100))


def format_value(value: Any, indicator: dict[str, Any]) -> str:
    """A value as the indicator's type reads: `1 234 €`, `82,5 %`, `oui`, `12 élèves`."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    kind, unit = indicator["type"], indicator["unite"]
    if kind == "oui_non":
        return "oui" if value >= 0.5 else "non"
    if kind == "montant":
        return format_amount(float(value))
    if kind == "taux":
        return (
            format_percent(round(float(value), 1))
            if unit in ("", "%")
            else (f"{format_number(float(value))} {unit}")
        )
    text = format_number(float(value))
    return f"{text} {unit}" if unit else text


def css_class(status: str) -> str:
    """`en bonne voie` → `statut-en-bonne-voie`."""
    return "statut-" + re.sub(r"[^a-z]+", "-", status.replace("é", "e").replace("à", "a"))
