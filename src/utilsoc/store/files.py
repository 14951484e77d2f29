"""Reading measurement files: the fast path, the strict path, and a cache keyed by content.

Every file is decoded and checked for encoding and conflict markers first. Files in the
subset `record` writes go through the fast path (`fastread`) and a lean check; anything
else, and any file the lean check has doubts about, goes through the strict YAML reader
and the Pydantic models, which give the exact, located errors. Validated files are cached
(`filecache`) by the hash of their bytes, so the cache can never be trusted over the file
it came from.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from utilsoc.codes import Code
from utilsoc.errors import DataErrors, Issue
from utilsoc.model.mesures import (
    FaitMarquant,
    FichierMesures,
    Jugement,
    Mesure,
    Partenariat,
    PisteAmelioration,
    Reponse,
    ResultatInattendu,
    Suivi,
    Temoignage,
)
from utilsoc.model.periods import Period
from utilsoc.project import Layout, display_path
from utilsoc.store import filecache
from utilsoc.store.cache import CACHE_FOLDER, measure_files
from utilsoc.store.fastread import read_fast
from utilsoc.store.wire import Packed
from utilsoc.yamlio.decode import decode_text
from utilsoc.yamlio.messages import issues_from_validation
from utilsoc.yamlio.reader import Document, parse_yaml
from utilsoc.yamlio.source import MAX_BYTES, read_regular


@dataclass
class Contenu:
    """A measurement file, validated: compact values and the other sections."""

    valeurs: list[Mesure]
    preuves: FichierMesures = field(default_factory=FichierMesures)
    # The values as they are cached and sent between processes, when made already.
    packed: Packed | None = field(default=None, compare=False, repr=False)

    @property
    def temoignages(self) -> list[Temoignage]:
        """Verbatims."""
        return self.preuves.temoignages

    @property
    def faits_marquants(self) -> list[FaitMarquant]:
        """Notable facts."""
        return self.preuves.faits_marquants

    @property
    def resultats_inattendus(self) -> list[ResultatInattendu]:
        """Unexpected results."""
        return self.preuves.resultats_inattendus

    @property
    def pistes_amelioration(self) -> list[PisteAmelioration]:
        """Improvement tracks."""
        return self.preuves.pistes_amelioration

    @property
    def partenariat(self) -> list[Partenariat]:
        """Partnership assessments."""
        return self.preuves.partenariat

    @property
    def questionnaires(self) -> list[Reponse]:
        """Entry/exit answers."""
        return self.preuves.questionnaires

    @property
    def jugements(self) -> list[Jugement]:
        """Answers to the criteria's evaluative questions."""
        return self.preuves.jugements

    @property
    def suivis(self) -> list[Suivi]:
        """What became of the actions of the action plan."""
        return self.preuves.suivis


Read = tuple[Contenu | None, Document | None, list[Issue]]


def read_measures(path: Path, cache: Path | None = None) -> Read:
    """Read and validate one measurement file; the issues say what is wrong.

    With `cache` (a folder, see `measures_cache`), the file's entry there is used when it
    was made from the same bytes, and written when the file is valid.
    """
    display = display_path(path)
    try:
        raw = read_regular(path, display, MAX_BYTES)  # never a FIFO, a device, a folder
    except DataErrors as errors:
        return None, None, errors.issues
    entry = filecache.entry_path(cache, path) if cache is not None else None
    digest = filecache.content_hash(raw) if entry is not None else ""
    kept = _from_cache(entry, digest, display) if entry is not None else None
    if kept is not None:
        return kept
    text, issues = decode_text(raw, display)
    if issues:
        return None, None, issues
    result = validate_text(text, display)
    if entry is not None:
        _keep(entry, digest, result)
    return result


def _from_cache(entry: Path, digest: str, display: str) -> Read | None:
    """The file as read earlier from the same bytes, if its cache entry holds it."""
    kept = filecache.load_entry(entry, digest)
    if kept is None:
        return None
    values, preuves, lines, packed = kept
    return Contenu(values, preuves, packed), Document(display, None, record_lines=lines), []


def _keep(entry: Path, digest: str, result: Read) -> None:
    """Keep a valid file's content in its cache entry (and its values packed, in it)."""
    content, document, issues = result
    if content is None or document is None or issues:
        return
    lines = _record_lines(document, len(content.valeurs))
    content.packed = filecache.store_entry(entry, digest, content.valeurs, content.preuves, lines)


def validate_text(text: str, display: str) -> Read:
    """Validate a file's text as it would be written (used before every append)."""
    fast = read_fast(text, display)
    if fast is None:
        return _read_strict(text, display)
    values, preuves, document = fast
    return Contenu(values, preuves), document, []


def measures_cache(layout: Layout) -> Path:
    """The folder of the measurement files' cache entries."""
    return layout.root / CACHE_FOLDER / "mesures"


def _record_lines(document: Document, count: int) -> dict[str, list[int]]:
    """The line of each value, as the fast path gives them (found again when read strictly)."""
    if document.record_lines:
        return document.record_lines
    return {"valeurs": [document.position(("valeurs", n))[0] for n in range(count)]}


def _read_strict(text: str, display: str) -> Read:
    try:
        document = parse_yaml(text, display)
    except DataErrors as errors:
        return None, None, errors.issues
    if not isinstance(document.data, dict):
        return (
            None,
            document,
            [
                Issue(
                    document.file,
                    1,
                    1,
                    Code.TYPE_RACINE,
                    "un fichier de mesures contient des listes « valeurs: », « témoignages: »...",
                    "comparez avec un fichier écrit par « utilsoc record »",
                )
            ],
        )
    try:
        content = FichierMesures.model_validate(document.data)
    except ValidationError as error:
        issues = issues_from_validation(error, document, FichierMesures)
        return None, document, [*document.issues, *issues]
    if document.issues:
        return None, document, document.issues
    values = [v.to_mesure() for v in content.valeurs]
    return Contenu(values, content.model_copy(update={"valeurs": []})), document, []


def iter_records(
    layout: Layout, period: Period | None = None, *, cache: bool = True
) -> Iterator[tuple[Path, Contenu | None, Document | None, list[Issue]]]:
    """Each measurement file, read and validated (through the cache unless told not to)."""
    folder = measures_cache(layout) if cache else None
    for path in measure_files(layout, period):
        yield (path, *read_measures(path, folder))
