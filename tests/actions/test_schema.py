"""The committed schemas are current, and editors would accept every bundled example."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from utilsoc.actions.schema import SCHEMAS, build_schema, render_schemas
from utilsoc.resources import data_dir

ROOT = Path(__file__).parent.parent.parent
ASSOCIATIONS = [p for p in data_dir("examples").iterdir() if (p / "referentiel.yaml").is_file()]
# The example networks' own member folders are association folders too.
EXAMPLES = sorted(ASSOCIATIONS) + sorted(data_dir("examples").glob("reseau-*/membres/*"))


class _Yaml12Loader(yaml.SafeLoader):
    """What a YAML 1.2 editor sees: no yes/no booleans, no octal, no dates."""


_Yaml12Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$",
        "-+.0123456789",
    ),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    _Yaml12Loader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


def test_committed_schemas_are_current() -> None:
    for name, text in render_schemas().items():
        committed = ROOT / "schemas" / name
        assert committed.read_text(encoding="utf-8") == text, (
            f"schemas/{name} est périmé : lancez « utilsoc schema -o schemas »"
        )


def _files(example: Path) -> list[tuple[Path, dict[str, Any]]]:
    pairs = []
    for name, (model, describes) in SCHEMAS.items():
        for path in sorted(example.glob(describes)):
            pairs.append((path, build_schema(model, describes)))
        del name
    return pairs


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_editors_accept_every_example_file(example: Path) -> None:
    files = _files(example)
    assert len(files) >= 3
    for path, schema in files:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Yaml12Loader)  # noqa: S506
        errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data), key=str)
        assert not errors, f"{path}: {errors[0].message} at {list(errors[0].absolute_path)}"


def test_editors_accept_every_example_network() -> None:
    model, describes = SCHEMAS["reseau.schema.json"]
    validator = jsonschema.Draft202012Validator(build_schema(model, describes))
    networks = sorted(data_dir("examples").glob("reseau-*/reseau.yaml"))
    assert networks
    for path in networks:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Yaml12Loader)  # noqa: S506
        assert [error.message for error in validator.iter_errors(data)] == [], path


def test_schema_accepts_keys_without_accents_and_refuses_unknown_keys() -> None:
    model, describes = SCHEMAS["association.schema.json"]
    validator = jsonschema.Draft202012Validator(build_schema(model, describes))
    identity = {
        "vision": "v",
        "mission": "m",
        "ambition": "a",
        "valeurs": ["x"],
        "personnalite": ["douce"],
    }
    assert not list(validator.iter_errors({"nom": "A", "identite": identity}))
    errors = list(validator.iter_errors({"nom": "A", "identité": identity, "nomm": "B"}))
    assert [(list(e.absolute_path), e.validator) for e in errors] == [([], "additionalProperties")]
    assert "'nomm' was unexpected" in errors[0].message


def test_schema_accepts_choices_without_accents_as_utilsoc_does() -> None:
    model, describes = SCHEMAS["correspondance.schema.json"]
    validator = jsonschema.Draft202012Validator(build_schema(model, describes))
    for key in ("période", "periode"):
        assert not list(validator.iter_errors({"auteur": "m", "colonnes": {key: "Période"}}))
    errors = list(validator.iter_errors({"auteur": "m", "colonnes": {"valuer": "V"}}))
    assert [(list(e.absolute_path), e.validator) for e in errors] == [(["colonnes"], "anyOf")]
    assert "'valuer' is not valid" in errors[0].message  # the key, checked by propertyNames
    assert {sub.validator for sub in errors[0].context} == {"enum"}
    model, describes = SCHEMAS["referentiel.schema.json"]
    schema = build_schema(model, describes)
    kinds = schema["$defs"]["TypeIndicateur"]["anyOf"]
    assert "durée" in kinds[0]["enum"]
    assert kinds[1] == {"enum": ["duree"], "doNotSuggest": True}  # accepted, never proposed
