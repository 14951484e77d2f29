"""The report's language in Jinja: `{{ _("Objectif") }}` and `{% trans %}` blocks.

Templates are written in French and mark what a reader reads: `{{ _("Période") }}`, or
with the association's words inside `{{ _("Rapport %(au)s", au=…) }}` (a `%` of the text
is written `%%`). `_("…")` is text of the page, output as written, like the text around it;
`_s("…")` is a string of an expression (`_s("gain moyen") if … else …`), escaped on output
like any string. Jinja's i18n extension parses the marks, so Babel extracts them from
the templates; at run time they go through the language of the report being built
(`utilsoc.langue.current`), French being the text as written.

Why our own gettext functions rather than Jinja's: in Markdown, the association's words put
into a translated sentence must be escaped as `{{ … }}` escapes them (report/render.py).
"""

from __future__ import annotations

from typing import Any

import jinja2
import markupsafe

from utilsoc.langue import current


def install(environment: jinja2.Environment, escape_markdown: Any, user_text: type) -> None:
    """Give `environment` the i18n extension and gettext functions of the current language."""

    def variables_of(context: Any, variables: dict[str, Any]) -> dict[str, Any]:
        if context.eval_ctx.autoescape:
            return variables
        return {
            key: escape_markdown(value) if isinstance(value, user_text) else value
            for key, value in variables.items()
        }

    def formatted(context: Any, text: str, variables: dict[str, Any]) -> str:
        if context.eval_ctx.autoescape:
            return markupsafe.Markup(text) % variables
        return text % variables_of(context, variables)

    @jinja2.pass_context
    def gettext(context: Any, message: str, **variables: Any) -> str:
        return formatted(context, current().gettext(message), variables)

    @jinja2.pass_context
    def ngettext(context: Any, singular: str, plural: str, num: float, **variables: Any) -> str:
        variables.setdefault("num", num)
        return formatted(context, current().ngettext(singular, plural, num), variables)

    environment.add_extension("jinja2.ext.i18n")
    environment.install_gettext_callables(  # type: ignore[attr-defined]
        gettext, ngettext, newstyle=True
    )

    @jinja2.pass_context
    def plain(context: Any, message: str, **variables: Any) -> str:
        return current().gettext(message) % variables_of(context, variables)

    environment.globals.update(
        {"_": gettext, "_s": plain, "gettext": gettext, "ngettext": ngettext}
    )
    environment.globals["langue"] = current().code
