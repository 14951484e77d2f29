"""JSON Schemas of every file format, for editors (VS Code + YAML extension)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from utilsoc import __version__
from utilsoc.model.association import Association
from utilsoc.model.cadre import CadreLogique
from utilsoc.model.correspondance import Correspondance
from utilsoc.model.mesures import FichierMesures
from utilsoc.model.money import Budget, ValeurSociale
from utilsoc.model.publics import Publics
from utilsoc.model.referentiel import Referentiel
from utilsoc.model.reseau import Reseau
from utilsoc.store.atomic import write_atomic
from utilsoc.yamlio.keys import normalize_key

# file name of the schema → (model, files it describes)
SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "association.schema.json": (Association, "association.yaml"),
    "publics.schema.json": (Publics, "publics.yaml"),
    "referentiel.schema.json": (Referentiel, "referentiel.yaml"),
    "cadre-logique.schema.json": (CadreLogique, "cadres-logiques/*.yaml"),
    "mesures.schema.json": (FichierMesures, "mesures/*/*.yaml"),
    "correspondance.schema.json": (Correspondance, "correspondances/*.yaml"),
    "reseau.schema.json": (Reseau, "reseau.yaml (dossier d'un réseau)"),
    "budget.schema.json": (Budget, "budgets/*.yaml"),
    "valeur-sociale.schema.json": (ValeurSociale, "valeur-sociale.yaml"),
}


def build_schema(model: type[BaseModel], describes: str) -> dict[str, Any]:
    """The JSON Schema of one file format, accepting keys typed without accents."""
    schema = model.model_json_schema(by_alias=True, mode="validation")
    _accept_plain_keys(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": f"utilsoc {__version__} — {describes}",
    }


def _accept_plain_keys(node: Any) -> None:
    """Add each accented key's and choice's plain spelling, hidden from completion."""
    if isinstance(node, list):
        for item in node:
            _accept_plain_keys(item)
        return
    if not isinstance(node, dict):
        return
    if isinstance(node.get("properties"), dict):
        _plain_properties(node)
    for value in node.values():
        _accept_plain_keys(value)
    choices = node.get("enum")
    if isinstance(choices, list) and all(isinstance(c, str) for c in choices):
        _plain_choices(node, choices)


def _plain_choices(node: dict[str, Any], choices: list[str]) -> None:
    """`duree` for `durée`, as utilsoc reads it, accepted but never proposed."""
    plain_choices = [normalize_key(c) for c in choices if normalize_key(c) not in choices]
    if plain_choices:
        node["anyOf"] = [{"enum": choices}, {"enum": plain_choices, "doNotSuggest": True}]
        del node["enum"]


def _plain_properties(node: dict[str, Any]) -> None:
    """`identite` beside `identité`; a required key is then required in either spelling."""
    properties, required = node["properties"], node.get("required", [])
    for key, value in list(properties.items()):
        plain = normalize_key(key)
        if plain == key or plain in properties:
            continue
        properties[plain] = {**value, "doNotSuggest": True}
        if key in required:
            required.remove(key)
            node.setdefault("allOf", []).append(
                {"anyOf": [{"required": [key]}, {"required": [plain]}]}
            )


def render_schemas() -> dict[str, str]:
    """Every schema as the exact text written to disk."""
    return {
        name: json.dumps(build_schema(model, describes), ensure_ascii=False, indent=2) + "\n"
        for name, (model, describes) in SCHEMAS.items()
    }


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into `folder`; return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        path = folder / name
        write_atomic(path, text)
        written.append(path)
    return written
