"""Jinja rendering: the association's `modeles/` first, then the built-in templates.

A user template may extend a built-in one with `{% extends "defaut:financeur.html.j2" %}`
and override one block. Templates run in Jinja's immutable sandbox with StrictUndefined
(a misspelt variable is an error, not an empty string). HTML is autoescaped; in Markdown,
every text that comes from the association's files is escaped when it is output.

Why the limits: templates can be committed by any collaborator. Besides the sandbox's own
limits (report/sandbox.py), a template may not produce more than MAX_OUTPUT characters or
run longer than TIME_LIMIT seconds.
"""

from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path
from typing import Any

import jinja2
import markupsafe
from jinja2.exceptions import SecurityError

from utilsoc.errors import UserError
from utilsoc.langue import current
from utilsoc.report.filters import (
    UserText,
    amount_filter,
    count_of,
    css_class,
    format_gap,
    format_headline,
    format_value,
    lower_first_filter,
    number_filter,
    of_label_filter,
    percent_filter,
    signed,
    signed_euros,
)
from utilsoc.report.sandbox import ContainedLoader, Deadline, ReportSandbox, timed_range
from utilsoc.report.translation import install as install_translations
from utilsoc.report.typography import (
    english_spaces,
    french_spaces,
    typeset_html,
    typeset_markdown,
)
from utilsoc.resources import data_dir

TIME_LIMIT = 60
MAX_OUTPUT = 20_000_000
LINK_SCHEMES = ("http://", "https://", "mailto:")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#])")


def template_folders(user_folder: Path | None) -> list[Path]:
    """Where templates are looked up, in order."""
    folders = [user_folder] if user_folder is not None and user_folder.is_dir() else []
    return [*folders, data_dir("templates")]


# A chart's points: drawn, never printed as text, and the largest part of a long report's
# context (half of a federation's 780,000 values): left as they are.
_DRAWN_ONLY = frozenset({"courbe"})


def mark_user_text(data: Any) -> Any:
    """The same data, every string a `UserText` (dictionary keys left as they are).

    Types are compared by identity: the context is made of JSON's plain types, and the walk
    visits every value of a long report.
    """
    kind = type(data)
    if kind is str:
        return UserText(data)
    if kind is dict:
        return {
            key: value if key in _DRAWN_ONLY else mark_user_text(value)
            for key, value in data.items()
        }
    if kind is list or kind is tuple:
        return [mark_user_text(item) for item in data]
    if kind is int or kind is float or data is None or kind is bool:
        return data
    if isinstance(data, str):  # subclasses, rarer: the same rules
        return UserText(data)
    if isinstance(data, dict):
        return {key: mark_user_text(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [mark_user_text(item) for item in data]
    return data


def build_environment(user_folder: Path | None) -> jinja2.Environment:
    """The one Jinja environment of reports."""
    builtin = ContainedLoader(str(data_dir("templates")), encoding="utf-8")
    loaders: list[jinja2.BaseLoader] = []
    if user_folder is not None and user_folder.is_dir():
        loaders.append(ContainedLoader(str(user_folder), encoding="utf-8"))
    loaders += [builtin, jinja2.PrefixLoader({"defaut": builtin}, delimiter=":")]
    deadline = Deadline()
    environment = ReportSandbox(
        deadline,
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=lambda name: bool(name) and name.endswith((".html", ".html.j2")),
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    install_translations(environment, escape_markdown, UserText)
    # Ids unique within one report, in the order they are asked for: reproducible.
    counter = itertools.count(1)
    environment.globals["identifiant"] = lambda prefixe="id": f"{prefixe}-{next(counter)}"
    environment.globals["range"] = timed_range(deadline)
    environment.filters.update(
        {
            "nombre": number_filter,
            "pourcent": percent_filter,
            "montant": amount_filter,
            "md": escape_markdown,
            "valeur": format_value,
            "chiffre_cle": format_headline,
            "classe": css_class,
            "article": _article,
            "lien": _link,
            "ecart": format_gap,
            "signe": signed,
            "signe_euros": signed_euros,
            "pluriel": count_of,
            "de": of_label_filter,
            "minuscule": lower_first_filter,
        }
    )
    return environment


def _finalize(value: Any) -> Any:
    """What `{{ … }}` outputs: user text escaped for Markdown (HTML escapes its own)."""
    return escape_markdown(value) if isinstance(value, UserText) else value


@jinja2.pass_eval_context
def _link(eval_context: Any, address: Any, text: Any = None) -> str:
    """A link only for http, https and mailto; any other address is shown as text.

    Why: `site_web: "javascript:…"` must not become a live link in a page.
    """
    address = str(address).strip()
    shown = str(text) if text is not None else address
    allowed = address.lower().startswith(LINK_SCHEMES) and not re.search(r"[\s<>\"']", address)
    if eval_context.autoescape:
        if not allowed:
            return str(markupsafe.escape(shown))
        return markupsafe.Markup('<a href="{}">{}</a>').format(address, shown)
    if not allowed:
        return escape_markdown(shown)
    if text is None:
        return f"<{address}>"
    return f"[{escape_markdown(shown)}](<{address}>)"


def _article(name: Any, preposition: str = "", article: str | None = None) -> str:
    """`{{ cadre.financeur | article("à", cadre.article) }}` → « au Conseil départemental ».

    In English the name alone: the translated sentence holds its preposition.
    """
    return UserText(current().with_article(str(name), preposition, article))


def render(environment: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Render `name`; template mistakes become French errors naming file and line.

    Raises:
        UserError: unknown template, syntax error, unknown variable, forbidden access,
            or a template running longer than the time limit.
    """
    markdown = name.endswith(".md.j2")
    if markdown:
        context = mark_user_text(context)
    try:
        text = _render_capped(environment, name, context)
        spaces = french_spaces if current().typography else english_spaces
        return typeset_markdown(text, spaces) if markdown else typeset_html(text, spaces)
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


def _render_capped(environment: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Render, stopping at MAX_OUTPUT characters or TIME_LIMIT seconds."""
    deadline: Deadline = environment.deadline  # type: ignore[attr-defined]
    deadline.start(TIME_LIMIT)
    parts: list[str] = []
    size = 0
    try:
        for part in environment.get_template(name).generate(context):
            size += len(part)
            if size > MAX_OUTPUT:
                raise UserError(
                    f"le modèle produit plus de {MAX_OUTPUT // 1_000_000} millions de caractères",
                    "un rapport tient en quelques pages : vérifiez les boucles du modèle",
                )
            deadline.check()
            parts.append(part)
    finally:
        deadline.stop()
    return "".join(parts)


def tidy_markdown(text: str) -> str:
    """Blank lines where CommonMark needs them, never two in a row, no trailing spaces."""
    result: list[str] = []
    for line in text.split("\n"):
        _add_line(result, line.rstrip())
    while result and not result[-1]:
        result.pop()
    return re.sub(r"\n{3,}", "\n\n", "\n".join(result) + "\n")


def _add_line(result: list[str], line: str) -> None:
    """Append `line`, with the blank lines Markdown needs before and after it."""
    previous = result[-1] if result else ""
    if previous and _starts_block(line, previous):
        result.append("")
    if line or (result and result[-1]):
        result.append(line)
    if line.startswith("#") or line == "---":
        result.append("")


def _starts_block(line: str, previous: str) -> bool:
    """True when `line` opens a heading, image, rule, table, list or quote after `previous`."""
    if line.startswith(("#", "![", "---")):
        return True
    if line.startswith("|"):
        return not previous.startswith("|")
    return line.startswith(("- ", "> ")) and not previous.startswith((line[:2], "  "))


def escape_markdown(text: Any) -> str:
    """Escape what Markdown would read as markup (a `|` would break a table)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")
