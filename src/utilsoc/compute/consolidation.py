"""The current values of a folder as one file: what `merge -o` writes."""

from __future__ import annotations

from utilsoc.model.mesures import Mesure
from utilsoc.store.measures import format_record


def consolidated_text(current: list[Mesure]) -> str:
    """The current values as one deterministic YAML file (sorted, one record per line)."""
    lines = [
        "# Valeurs consolidées par « utilsoc merge » : fichier généré, ne pas modifier.\n",
        "valeurs:\n",
    ]
    for record in sorted(current, key=lambda r: r.key):
        lines.append(format_record(record.to_valeur()))
    return "".join(lines)
