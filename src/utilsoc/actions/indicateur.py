"""`utilsoc indicateur ajouter`: copy a catalogue indicator into referentiel.yaml.

The new block is added to the file's text under its criterion, after the last indicator
there; comments, encoding, BOM and line endings are kept. The whole read-check-write runs
under the folder lock, in a transaction, and the result is read back before it is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pydantic import ValidationError

from utilsoc import catalogue
from utilsoc.catalogue.place import indicator_slot
from utilsoc.catalogue.render import indicator_block
from utilsoc.errors import DataErrors, UsageError, UserError
from utilsoc.model.base import CODE_PATTERN
from utilsoc.model.referentiel import Indicateur, Referentiel
from utilsoc.project import Layout, display_path
from utilsoc.store.journal import transaction
from utilsoc.store.style import TextStyle, normalized, split_lines
from utilsoc.yamlio.decode import decode_text
from utilsoc.yamlio.messages import issues_from_validation
from utilsoc.yamlio.reader import parse_yaml


@dataclass(frozen=True)
class Added:
    """What `add_from_catalogue` wrote: the indicator, where, and the dimensions left out."""

    code: str
    catalogue: str
    critere: str
    line: int
    missing_dimensions: list[str] = field(default_factory=list)


def add_from_catalogue(
    layout: Layout, code: str, critere: str, new_code: str | None = None
) -> Added:
    """Add the catalogue's indicator `code` under criterion `critere`, as `new_code`.

    Only the suggested dimensions the référentiel declares are kept; the others are
    returned so the user can declare them.

    Raises:
        UsageError: `new_code` is not a valid code.
        UserError: unknown catalogue code or criterion, or the code is already used.
        DataErrors: referentiel.yaml cannot be read or is not valid.
        FileAccessError: the folder is locked too long, or the file cannot be written.
    """
    source = catalogue.entry(code).indicateur
    if new_code is not None and not re.fullmatch(CODE_PATTERN, new_code):
        raise UsageError(
            f"code « {new_code} » invalide",
            "lettres sans accents, chiffres, « _ », « - » ou « . », sans espace",
        )
    path = layout.referentiel
    display = display_path(path)
    with transaction(layout, display) as tx:
        raw = tx.read_bytes(path)
        if raw is None:
            raise UsageError(f"{display} introuvable")
        style = TextStyle.of(_decoded(raw, display))
        text = style.decode(raw)
        ref = _referentiel(text, display)
        d, c = _criterion(ref, critere)
        chosen = new_code or code
        _refuse_taken(ref, chosen, code, display)
        indicateur, missing = _fitted(source, chosen, code, ref)
        new_text, line = _inserted(text, style, d, c, critere, indicateur)
        _check_result(new_text, display, d, c, indicateur)
        tx.write(path, style.encode(new_text))
    return Added(chosen, code, critere, line, missing)


def _decoded(raw: bytes, display: str) -> bytes:
    _, issues = decode_text(raw, display)
    if issues:
        raise DataErrors(issues)
    return raw


def _referentiel(text: str, display: str) -> Referentiel:
    """The référentiel of `text`; any problem in it stops the command before a write."""
    document = parse_yaml(normalized(text), display)
    errors = [issue for issue in document.issues if issue.severity == "erreur"]
    if errors:
        raise DataErrors(errors)
    try:
        return Referentiel.model_validate(document.data)
    except ValidationError as error:
        raise DataErrors(issues_from_validation(error, document, Referentiel)) from None


def _criterion(ref: Referentiel, code: str) -> tuple[int, int]:
    """The (domain, criterion) numbers of criterion `code`."""
    known: list[str] = []
    for d, domaine in enumerate(ref.domaines):
        for c, critere in enumerate(domaine.criteres):
            if critere.code == code:
                return d, c
            known.append(critere.code)
    raise UserError(f"critère « {code} » absent du référentiel", "critères : " + ", ".join(known))


def _refuse_taken(ref: Referentiel, chosen: str, code: str, display: str) -> None:
    if chosen not in ref.indicators():
        return
    if chosen == code:
        hint = f"donnez-lui un autre code : « --code {code}_2 » (le lien au catalogue reste)"
    else:
        hint = "choisissez un autre code avec --code"
    raise UserError(f"l'indicateur « {chosen} » existe déjà dans {display}", hint)


def _fitted(
    source: Indicateur, chosen: str, code: str, ref: Referentiel
) -> tuple[Indicateur, list[str]]:
    """The copy to write, renamed and linked, with only the dimensions `ref` declares."""
    declared = set(ref.dimension_values())
    kept = [d for d in source.dimensions if d in declared]
    missing = [d for d in source.dimensions if d not in declared]
    data = source.model_dump(by_alias=True, exclude_unset=True, exclude_none=True)
    data.update({"code": chosen, "catalogue": code})
    data.pop("dimensions", None)
    if kept:
        data["dimensions"] = kept
    return Indicateur.model_validate(data), missing


def _inserted(
    text: str, style: TextStyle, d: int, c: int, critere: str, indicateur: Indicateur
) -> tuple[str, int]:
    """`text` with the block added, and the 1-based line where it starts."""
    slot = indicator_slot(normalized(text), d, c, critere)
    accents = "libelle:" not in text or "libellé:" in text
    block = indicator_block(indicateur, slot.dash, slot.key, accents=accents, newline=style.newline)
    lines = split_lines(text)
    if slot.line >= len(lines) and lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += style.newline
    lines.insert(slot.line, block)
    return "".join(lines), slot.line + 1


def _check_result(text: str, display: str, d: int, c: int, indicateur: Indicateur) -> None:
    """Read the new text back: the copy must be the last indicator of its criterion."""
    try:
        ref = _referentiel(text, display)
        written = ref.domaines[d].criteres[c].indicateurs[-1]
    except (DataErrors, IndexError):
        written = None
    if written != indicateur:
        raise UserError(
            f"ajout de « {indicateur.code} » impossible sans risque pour la mise en page "
            f"de {display}",
            "ajoutez-le à la main (voir « utilsoc catalogue --format json ») ; "
            "rien n'a été modifié",
        )
