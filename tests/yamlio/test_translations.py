"""No English anywhere a user looks: every error type the models can raise, in French.

The models' validation schemas are walked field by field; for each kind of field, inputs
that break each of its rules are built (wrong type, pattern, length, choice, number
limits, unknown and missing keys, union branches...). Each is validated the way a file
is (parsed YAML, then `issues_from_validation`) and the way the command line does
(`describe_error`); every message and hint is checked for English words and for
pydantic's own error-type names.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator
from typing import Any

import pydantic_core.core_schema as core
import pytest
import yaml
from pydantic import BaseModel, ValidationError

from utilsoc.model.association import Association
from utilsoc.model.cadre import CadreLogique
from utilsoc.model.correspondance import Correspondance
from utilsoc.model.mesures import FichierMesures, Valeur
from utilsoc.model.publics import Publics
from utilsoc.model.referentiel import Referentiel
from utilsoc.model.reseau import Reseau
from utilsoc.yamlio.messages import describe_error, issues_from_validation
from utilsoc.yamlio.reader import parse_yaml
from utilsoc.yamlio.translations import TRANSLATED, translate

FILES = (Referentiel, Association, Publics, CadreLogique, Correspondance, FichierMesures, Reseau)
ENGLISH = re.compile(
    r"\b(should|input|inputs|field|fields|required|permitted|valid|value|error|errors|"
    r"string|strings|expected|must|instance|dictionary|number|least|most|character|"
    r"characters|match|pattern|item|items|parse|parsing|unable|finite|extra|constrained|"
    r"str|float|int|bool|datetime|failed|after|validation|greater|less|than)\b",
    re.IGNORECASE,
)
PYDANTIC_TYPES = set(typing.get_args(core.ErrorType))
# Every error type the walk must meet: fewer means the walk stopped building inputs.
EXPECTED = {
    "missing", "extra_forbidden", "string_type", "string_too_short", "string_too_long",
    "string_pattern_mismatch", "float_parsing", "float_type", "finite_number",
    "nombre_hors_limites", "list_type", "too_short", "model_type", "dict_type", "enum",
    "booleen", "periode", "date_from_datetime_parsing", "date_from_datetime_inexact",
    "date_type", "value_error",
}  # fmt: skip


def _models() -> list[type[BaseModel]]:
    """Every model the files are made of, each once."""
    found: list[type[BaseModel]] = []

    def visit(model: type[BaseModel]) -> None:
        if model in found:
            return
        found.append(model)
        for field in model.model_fields.values():
            for inner in _classes(field.annotation):
                visit(inner)

    for model in FILES:
        visit(model)
    return found


def _classes(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _classes(argument)


def _fields(model: type[BaseModel]) -> dict[str, Any]:
    """The validation schema of each field, by its YAML key."""
    schema: Any = model.__pydantic_core_schema__
    while schema["type"] != "model-fields":
        schema = schema["schema"]
    return {field["validation_alias"]: field["schema"] for field in schema["fields"].values()}


def _bad(schema: Any) -> Iterator[Any]:
    """Inputs that break each rule of a field's schema (a model inside: its own test)."""
    kind = schema["type"]
    if kind == "definition-ref":
        yield from _bad(_DEFINITIONS[schema["schema_ref"]])
    elif kind in ("function-after", "function-before", "function-wrap", "default", "nullable"):
        yield from _bad(schema["schema"])
    elif kind == "function-plain":  # a period
        yield from ("2025-S9", "2025-13", ["2025"])
    elif kind == "model":
        yield from ("x", {"champ_inconnu": "x"})
    elif kind == "union":
        yield []
        for choice in schema["choices"]:
            yield from _bad(choice)
    elif kind in _LEAVES:
        yield from _LEAVES[kind](schema)
    elif kind == "list":
        yield "x"
        if schema.get("min_length"):
            yield []
        yield from ([item] for item in _bad(schema["items_schema"]))
    elif kind == "dict":
        yield "x"
        yield from ({key: "x"} for key in _bad(schema["keys_schema"]) if isinstance(key, str))
        yield from ({"k": value} for value in _bad(schema["values_schema"]))
    else:
        raise AssertionError(f"type de schéma sans entrées fautives : {kind}")


def _definitions(schema: Any, found: dict[str, Any]) -> dict[str, Any]:
    """Every schema that others refer to by its `ref`, in the models' schemas."""
    if isinstance(schema, dict):
        if "ref" in schema:
            found[schema["ref"]] = schema
        for value in schema.values():
            _definitions(value, found)
    elif isinstance(schema, list):
        for value in schema:
            _definitions(value, found)
    return found


_DEFINITIONS: dict[str, Any] = {}
for _model in FILES:
    _definitions(_model.__pydantic_core_schema__, _DEFINITIONS)


def _text(schema: Any) -> Iterator[Any]:
    yield ["x"]
    yield None
    if schema.get("min_length"):
        yield ""
    if schema.get("max_length"):
        yield "a" * (schema["max_length"] + 1)
    if schema.get("pattern"):
        yield "deux mots"


_LEAVES = {
    "str": _text,
    "float": lambda _schema: iter(["douze", ["1"], "inf", "1e300", "3,5", None]),
    "int": lambda _schema: iter(["douze", ["1"], "1.5", None]),
    "bool": lambda _schema: iter(["peut-être", ["x"], None]),
    "date": lambda _schema: iter(["2025-13-45", "2025-01-01T10:30:00", ["x"], None]),
    "enum": lambda _schema: iter(["inconnue", ["x"], None]),
    "literal": lambda _schema: iter(["inconnue", None]),
}

# Rules written as validators of a model: their inputs are given here.
RULES = [
    (Correspondance, {"auteur": "x", "colonnes": {"numérateur": "A"}, "indicateurs": {"t": "B"}}),
    (Correspondance, {"auteur": "x", "type": "questionnaire", "indicateurs": {"t": {}}}),
    (Valeur, {"dimensions": {"Site": "a", "site": "b"}}),
]


def _cases() -> Iterator[tuple[type[BaseModel], dict[str, Any]]]:
    for model in _models():
        yield model, {}  # every required field missing
        yield model, {"champ_inconnu": "x", "identite": "x"}
        for key, schema in _fields(model).items():
            for bad in _bad(schema):
                yield model, {key: bad}
    yield from RULES


def _fails(model: type[BaseModel], data: dict[str, Any]) -> bool:
    try:
        model.model_validate(data)
    except ValidationError:
        return True
    return False  # `None` for an optional field, `{}` for a model with defaults...


CASES = [(model, data) for model, data in _cases() if _fails(model, data)]


def _rendered(model: type[BaseModel], data: dict[str, Any]) -> tuple[list[str], set[str]]:
    """Each text a user would read for `data`, and the error types behind them."""
    texts: list[str] = []
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    kinds = {details["type"] for details in caught.value.errors()}
    texts.append(" — ".join(describe_error(caught.value, model)))
    document = parse_yaml(yaml.safe_dump(data, allow_unicode=True), "f.yaml")
    with pytest.raises(ValidationError) as from_file:
        model.model_validate(document.data)
    kinds |= {details["type"] for details in from_file.value.errors()}
    issues = issues_from_validation(from_file.value, document, model)
    texts += [issue.format().split(": erreur: ", 1)[1] for issue in issues]
    return texts, kinds


@pytest.mark.parametrize(("model", "data"), CASES, ids=[f"{m.__name__}-{d}" for m, d in CASES])
def test_every_message_a_model_can_give_is_french(model, data) -> None:
    texts, kinds = _rendered(model, data)
    assert kinds <= TRANSLATED, f"types d'erreur sans traduction : {kinds - TRANSLATED}"
    for text in texts:
        # The value read is echoed as typed: only the words around it are ours.
        words = re.sub(r"« [^»]* »", "« … »", text.rsplit(" [", 1)[0])
        assert not ENGLISH.search(words), text
        names = {n for n in PYDANTIC_TYPES if re.search(rf"(?<![\w-]){n}(?![\w-])", text)}
        assert not names | {n for n in PYDANTIC_TYPES if n.replace("_", "-") in text}, text


def test_the_walk_meets_every_kind_of_error() -> None:
    met: set[str] = set()
    for model, data in CASES:
        met |= _rendered(model, data)[1]
    assert met >= EXPECTED, f"jamais rencontrés : {EXPECTED - met}"


@pytest.mark.parametrize(
    ("kind", "ctx", "expected"),
    [
        ("greater_than", {"gt": 0}, "nombre supérieur à 0 attendu"),
        ("less_than_equal", {"le": 5}, "nombre inférieur ou égal à 5 attendu"),
        ("too_long", {"max_length": 3}, "liste trop longue : au plus 3 éléments"),
        ("too_short", {"min_length": 2}, "liste trop courte : au moins 2 éléments"),
        ("string_too_long", {"max_length": 80}, "texte trop long : au plus 80 caractères"),
        ("url_parsing", {}, "valeur refusée"),
    ],
)
def test_rules_the_models_do_not_use_yet_are_french_too(kind, ctx, expected) -> None:
    details: Any = {"type": kind, "loc": ("n",), "msg": "Input should be...", "ctx": ctx}
    message, hint = translate(details, Valeur)
    assert message == expected
    assert not ENGLISH.search(message + hint)
