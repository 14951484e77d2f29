"""What personal data a folder holds, and where: the inventory of `donnees-personnelles`.

A register the association keeps for the RGPD: each verbatim (who, with what consent),
each participant code of the questionnaires, each full name, e-mail, phone number or
address found in a text (by `check.personal`), and the names of the team that wrote the
records. Every record of every measurement file is read, the invalid ones too: what
`validate` refuses is still held, and is listed.

Interviews (who, with what consent to be quoted) and stories of change (who told them,
consented to publication or not) are listed too, with what their texts hold. Other kinds
of files add their own function to `SOURCES`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from utilsoc.check.personal import Kind, find_personal_data
from utilsoc.check.privacy import texts
from utilsoc.model.entretiens import Entretien, Recit
from utilsoc.model.mesures import FichierMesures, Mesure, Temoignage
from utilsoc.project import Layout, display_path
from utilsoc.yamlio.decode import decode_text
from utilsoc.yamlio.reader import Document, parse_yaml

M = TypeVar("M", bound=BaseModel)
Places = list[tuple[tuple[str | int, ...], str]]  # where each text lies, and the text

# Consent, as the inventory says it.
WRITTEN = "accord écrit"
GIVEN = "oui"
REFUSED = "non"
NONE = "aucun"  # data that should not be there: `validate` refuses it
NOT_APPLICABLE = "sans objet"

VERBATIM = "témoignage"
PARTICIPANT = "code de participant"
TEAM = "équipe"
INTERVIEW = "entretien"
STORY = "récit"
KINDS = {
    Kind.NOM_COMPLET: "nom complet",
    Kind.COURRIEL: "adresse électronique",
    Kind.TELEPHONE: "téléphone",
    Kind.ADRESSE: "adresse postale",
}


@dataclass(frozen=True)
class Entry:
    """One piece of personal data: where (first place), what, with what consent, how often."""

    file: str
    line: int
    kind: str
    data: str
    consent: str
    count: int = 1

    def to_dict(self) -> dict[str, Any]:
        """The entry for `--format json`, with French keys."""
        return {
            "fichier": self.file,
            "ligne": self.line,
            "genre": self.kind,
            "donnée": self.data,
            "consentement": self.consent,
            "occurrences": self.count,
        }


def inventory(layout: Layout) -> list[Entry]:
    """Every piece of personal data of the folder, by file and line.

    Raises:
        FileAccessError: an interrupted write cannot be finished.
    """
    from utilsoc.folder import fresh_digest

    fresh_digest(layout)  # never half of an interrupted write
    entries = [entry for source in SOURCES for entry in source(layout)]
    return sorted(entries, key=lambda e: (e.file, e.line, e.kind, e.data))


def measurement_entries(layout: Layout) -> list[Entry]:
    """The personal data of the measurement files; people met many times counted once."""
    from utilsoc.store.files import iter_records

    found: list[Entry] = []
    grouped: dict[tuple[str, str], list[Any]] = {}  # (kind, data) → [first entry, count]
    for _, content, document, _ in iter_records(layout):
        if content is None or document is None:
            continue  # unreadable: `validate` says why
        for entry in _file_entries(content.preuves, content.valeurs, document):
            if entry.kind not in (PARTICIPANT, TEAM):
                found.append(entry)
            elif (entry.kind, entry.data) in grouped:
                grouped[entry.kind, entry.data][1] += 1
            else:
                grouped[entry.kind, entry.data] = [entry, 1]
    return found + [replace(entry, count=count) for entry, count in grouped.values()]


def _file_entries(
    evidence: FichierMesures, values: list[Mesure], document: Document
) -> Iterator[Entry]:
    for name, model_field in FichierMesures.model_fields.items():
        records: list[Any] = values if name == "valeurs" else getattr(evidence, name)
        section = model_field.alias or name
        for n, record in enumerate(records):
            line = document.position((section, n))[0]
            yield from _record_entries(record, document.file, line)


def _record_entries(record: Any, file: str, line: int) -> Iterator[Entry]:
    """The personal data of one record: who it is about, what its texts hold, who wrote it."""
    consented = isinstance(record, Temoignage) and bool(record.nom_complet)
    yield from _people(record, file, line)
    for _, text in texts(record):
        for finding in find_personal_data(text):
            named = consented and finding.kind is Kind.NOM_COMPLET
            yield Entry(file, line, KINDS[finding.kind], finding.text, WRITTEN if named else NONE)
    for person in _team(record):
        yield Entry(file, line, TEAM, person, NOT_APPLICABLE)


def _people(record: Any, file: str, line: int) -> Iterator[Entry]:
    """Whom the record is about: a quoted person, or a questionnaire's participant."""
    if isinstance(record, Temoignage):
        consent = WRITTEN if record.nom_complet else GIVEN if record.consentement else REFUSED
        yield Entry(file, line, VERBATIM, record.pseudonyme or "(sans pseudonyme)", consent)
    participant = getattr(record, "participant", None)
    if participant:
        yield Entry(file, line, PARTICIPANT, participant, NOT_APPLICABLE)


def _team(record: Any) -> Iterable[str]:
    """Who wrote the record, and who carries its action: the association's team."""
    names = [getattr(record, "auteur", None), getattr(record, "responsable", None)]
    return dict.fromkeys(name for name in names if name)


def document_entries(layout: Layout) -> list[Entry]:
    """What the association's own files hold: a contact's phone, a named team member."""
    from utilsoc.errors import UtilsocError
    from utilsoc.project import display_path
    from utilsoc.yamlio.reader import read_yaml

    files = [layout.association, layout.publics, layout.referentiel, *layout.cadre_files()]
    found = []
    for path in files:
        try:
            document = read_yaml(path, display_path(path))
        except UtilsocError:
            continue  # missing or unreadable: `validate` says why
        for loc, text in _strings(document.data, ()):
            line = document.position(loc)[0]
            found += [
                Entry(document.file, line, KINDS[f.kind], f.text, NOT_APPLICABLE)
                for f in find_personal_data(text)
            ]
    return found


def _strings(data: Any, loc: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Each text of a YAML document, with where it lies."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*loc, key))
    elif isinstance(data, list):
        for n, item in enumerate(data):
            yield from _strings(item, (*loc, n))
    elif isinstance(data, str):
        yield loc, data


def read_item(raw: bytes, path: Path, model: type[M]) -> tuple[M, Document] | None:
    """An interview's or a story's file read into its model; None when it cannot be.

    Why not through `load_project`: the inventory and `participant effacer` read only
    these files, and `participant effacer` reads them as its transaction will leave them.
    """
    from utilsoc.errors import DataErrors

    display = display_path(path)
    text, issues = decode_text(raw, display)
    if issues:
        return None
    try:
        document = parse_yaml(text, display)
        return model.model_validate(document.data), document
    except (DataErrors, ValidationError):
        return None


def _items(paths: list[Path], model: type[M]) -> Iterator[tuple[M, Document]]:
    for path in paths:
        read = read_item(path.read_bytes(), path, model)
        if read is not None:  # unreadable: `validate` says why
            yield read


def interview_entries(layout: Layout) -> list[Entry]:
    """Each interview (its participant, with consent to quotes) and what its texts hold.

    The consent is « oui » when the person accepted to be quoted, « non » when only to be
    interviewed, « aucun » when not even that (`validate` refuses the file).
    """
    found = []
    for interview, document in _items(layout.interview_files(), Entretien):
        agreed = interview.consentement
        consent = (GIVEN if agreed.citation else REFUSED) if agreed.entretien else NONE
        line = document.position(("participant",))[0]
        found.append(Entry(document.file, line, INTERVIEW, interview.participant, consent))
        texts_of: Places = [
            (("reponses", code), answer) for code, answer in interview.reponses.items()
        ]
        texts_of += [
            (("extraits", n, "extrait"), e.extrait) for n, e in enumerate(interview.extraits)
        ]
        found += _text_entries(document, texts_of)
    return found


def story_entries(layout: Layout) -> list[Entry]:
    """Each story of change (its teller, with consent to publish) and what its texts hold."""
    found = []
    for story, document in _items(layout.story_files(), Recit):
        line = document.position(("conteur",))[0]
        consent = GIVEN if story.consentement else REFUSED
        found.append(Entry(document.file, line, STORY, story.conteur, consent))
        texts_of: Places = [(("titre",), story.titre), (("recit",), story.recit)]
        if story.selection is not None:
            texts_of.append((("selection", "raison"), story.selection.raison))
        found += _text_entries(document, texts_of)
    return found


def _text_entries(
    document: Document, places: list[tuple[tuple[str | int, ...], str]]
) -> list[Entry]:
    """The personal data found in each text, at its line: never consented there."""
    return [
        Entry(document.file, document.position(loc)[0], KINDS[f.kind], f.text, NONE)
        for loc, text in places
        for f in find_personal_data(text)
    ]


SOURCES: list[Callable[[Layout], list[Entry]]] = [
    measurement_entries,
    document_entries,
    interview_entries,
    story_entries,
]
