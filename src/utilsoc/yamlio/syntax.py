"""French messages for YAML syntax errors, from both libyaml and pure PyYAML texts."""

from __future__ import annotations

import yaml

from utilsoc.codes import Code
from utilsoc.errors import Issue

MAX_DEPTH = 64
# A longer source line is not copied under the message (a 5,000-bracket line would flood it).
_MAX_SNIPPET = 300

# (fragment of the parser's English problem, French message, hint); first match wins.
_TRANSLATIONS: tuple[tuple[str, str, str], ...] = (
    ("'\\t'", "tabulation interdite", "indentez avec des espaces, jamais avec la touche Tab"),
    ("\\t", "tabulation interdite", "indentez avec des espaces, jamais avec la touche Tab"),
    (
        "mapping values are not allowed",
        "deux-points « : » inattendu",
        "mettez la valeur entre guillemets si elle contient « : », ou vérifiez l'indentation",
    ),
    (
        "could not find expected ':'",
        "deux-points « : » manquant après la clé",
        "écrivez « clé: valeur » ou vérifiez l'indentation de la ligne précédente",
    ),
    ("did not find expected ',' or ']'", "crochet « [ » non fermé", "fermez la liste avec « ] »"),
    ("did not find expected ',' or '}'", "accolade « { » non fermée", "fermez le bloc avec « } »"),
    ("expected ',' or ']'", "crochet « [ » non fermé", "fermez la liste avec « ] »"),
    ("expected ',' or '}'", "accolade « { » non fermée", "fermez le bloc avec « } »"),
    (
        "found unexpected end of stream",
        "fin de fichier inattendue",
        "un guillemet ou un crochet n'est sans doute pas fermé",
    ),
    (
        "found unknown escape character",
        "séquence d'échappement inconnue entre guillemets",
        "doublez la barre oblique inverse (\\\\) ou utilisez des guillemets simples",
    ),
    (
        "did not find expected key",
        "indentation incohérente",
        "alignez cette ligne sur les autres clés du même bloc",
    ),
    (
        "expected <block end>",
        "indentation incohérente",
        "alignez cette ligne sur les autres clés du même bloc",
    ),
    (
        "did not find expected '-' indicator",
        "indentation incohérente dans une liste",
        "chaque élément de la liste commence par « - » à la même colonne",
    ),
    (
        "expected the node content",
        "valeur manquante ou mal placée",
        "vérifiez l'indentation et les caractères spéciaux (« & », « * », « ! », « | »)",
    ),
    (
        "cannot start any token",  # libyaml: "found character that…", PyYAML names it
        "caractère inattendu en début de valeur",
        "mettez la valeur entre guillemets (« @ » et « ` » ne peuvent pas commencer une valeur)",
    ),
    (
        "control characters are not allowed",
        "caractère de contrôle interdit",
        "supprimez ce caractère invisible",
    ),
    ("found undefined tag handle", "étiquette YAML inconnue", "supprimez le « ! »"),
    (
        "did not find expected alphabetic or numeric character",
        "ancre ou alias mal formé",
        "mettez la valeur entre guillemets si elle commence par « & » ou « * »",
    ),
)


def syntax_issue(error: yaml.MarkedYAMLError, text: str, file: str) -> Issue:
    """Turn a parser error into an Issue at its position, with the line as snippet."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    lines = text.split("\n")
    snippet = lines[line - 1] if 0 < line <= len(lines) else ""
    problem = f"{error.problem or ''} {error.context or ''}"
    if "maximum nesting depth" in problem:  # libyaml stops at 1,000 open brackets
        return nesting_issue(file, line, column)
    if "\t" in snippet[: column + 1]:
        problem = "\\t"
    message, hint = _translate(problem)
    if len(snippet) > _MAX_SNIPPET:
        snippet = ""
    return Issue(file, line, column, Code.SYNTAXE, message, hint, snippet=snippet)


def nesting_issue(file: str, line: int, column: int) -> Issue:
    """Too many nested lists or blocks, found at `line`, `column`."""
    return Issue(
        file,
        line,
        column,
        Code.IMBRICATION,
        f"imbrication trop profonde (plus de {MAX_DEPTH} niveaux)",
        "simplifiez la structure du fichier (moins de listes et de blocs les uns dans les autres)",
    )


def _translate(problem: str) -> tuple[str, str]:
    for fragment, message, hint in _TRANSLATIONS:
        if fragment in problem:
            return message, hint
    # The parser's own words are English: never shown, the line copied below says where.
    return (
        "erreur de syntaxe YAML",
        "vérifiez cette ligne et la précédente (guillemets, crochets, indentation) ; "
        "comparez avec un exemple : « utilsoc init --example vide »",
    )
