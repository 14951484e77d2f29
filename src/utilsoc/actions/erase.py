"""`participant effacer CODE`: one participant's data out of the working tree, at once.

What is removed: the participant's questionnaire answers (`participant: CODE`), the
verbatims quoted under that pseudonym (`pseudonyme: CODE`), their interviews
(`participant: CODE`: the whole file) and the stories they told (`conteur: CODE`: the
whole file). Each measurement line is taken out of its file; a section left empty is
written `section: []`, which `record` fills again. Every file is staged in one
transaction (`store.journal`): after a crash, either every file is rewritten or deleted,
or none is.

Each kind of file has its function in `ERASERS`: given the transaction and the code, it
stages its changes (`tx.write`, or `tx.delete` for a file about that person alone) and
says what it removed; it is called twice, to plan and then to commit, and must say the
same both times.

git keeps the old versions: docs/donnees-personnelles.md says how to remove them from
the history. Why a section is kept empty rather than its file deleted: a file deleted
here and appended to on another git branch would not merge.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from utilsoc.check.inventory import read_item
from utilsoc.errors import DataErrors, UserError
from utilsoc.model.entretiens import Entretien, Recit
from utilsoc.model.mesures import FichierMesures, Reponse, Temoignage
from utilsoc.project import Layout, display_path
from utilsoc.store.files import Contenu
from utilsoc.store.journal import Transaction, transaction
from utilsoc.store.style import TextStyle, normalized, split_lines
from utilsoc.yamlio.reader import Document


@dataclass(frozen=True)
class Removed:
    """One record removed: the file and line it was on, and what it was."""

    file: str
    line: int
    what: str


Eraser = Callable[[Transaction, str], list[Removed]]
M = TypeVar("M", bound=BaseModel)


def erase_participant(
    layout: Layout, code: str, confirm: Callable[[list[Removed]], bool] | None = None
) -> list[Removed]:
    """Remove everything about participant `code`; say what was removed.

    `confirm` is shown what would be removed and may still say no (nothing is written).

    Raises:
        UserError: no record names this participant, or the user said no.
        DataErrors: a file holding the participant cannot be read or rewritten safely.
        FileAccessError: the folder is locked, or a file cannot be written.
    """
    planned = _planned(layout, code)
    if not planned:
        raise UserError(
            f"aucune donnée du participant « {code} » : ni réponse de questionnaire, "
            "ni verbatim sous ce pseudonyme, ni entretien, ni récit",
            "vérifiez le code (majuscules comprises) ; « utilsoc donnees-personnelles » "
            "liste les codes",
        )
    if confirm is not None and not confirm(planned):
        raise UserError("effacement annulé : aucun fichier modifié")
    with transaction(layout, f"les données du participant « {code} »") as tx:
        done = [item for eraser in ERASERS for item in eraser(tx, code)]
        if done != planned:  # raised inside: the transaction writes nothing
            raise UserError(
                "le dossier a changé pendant la confirmation : rien n'a été effacé",
                "relancez la commande",
            )
    return done


def _planned(layout: Layout, code: str) -> list[Removed]:
    """What the erasers would remove, staged in a transaction that is never committed."""
    from utilsoc.folder import fresh_digest

    fresh_digest(layout)  # never plan on half of an interrupted write
    tx = Transaction(layout)
    return [item for eraser in ERASERS for item in eraser(tx, code)]


def measurement_eraser(tx: Transaction, code: str) -> list[Removed]:
    """Stage each measurement file without the participant's answers and verbatims."""
    from utilsoc.store.cache import measure_files

    removed = []
    for path in measure_files(tx.layout):
        removed += _erase_in_file(tx, path, code)
    return removed


def _erase_in_file(tx: Transaction, path: Path, code: str) -> list[Removed]:
    display = display_path(path)
    raw = tx.read_bytes(path) or b""
    content, document = _read(raw, display, code)
    if content is None or document is None:
        return []
    lines: dict[int, Removed] = {}
    for name, model_field in FichierMesures.model_fields.items():
        section = model_field.alias or name
        for n, record in enumerate(getattr(content.preuves, name, [])):
            what = _about(record, code)
            if what:
                line = document.position((section, n))[0]
                lines[line] = Removed(display, line, what)
    if lines:
        _stage_without(tx, path, raw, _records(content) - len(lines), set(lines))
    return [lines[n] for n in sorted(lines)]


def _read(raw: bytes, display: str, code: str) -> tuple[Contenu | None, Document | None]:
    """The file read; an unreadable one that may hold the participant is an error.

    Raises:
        DataErrors: the file cannot be read and its bytes hold the code.
    """
    from utilsoc.store.files import validate_text
    from utilsoc.yamlio.decode import decode_text

    text, issues = decode_text(raw, display)
    if not issues:
        content, document, issues = validate_text(normalized(text), display)
        if content is not None:
            return content, document
    if code.encode() in raw or code.encode("utf-16-le") in raw:
        raise DataErrors(issues)
    return None, None


def _about(record: object, code: str) -> str | None:
    """What `record` is, when it is about participant `code`."""
    if isinstance(record, Reponse) and record.participant == code:
        return f"réponse au questionnaire « {record.indicateur} » ({record.moment.value})"
    if isinstance(record, Temoignage) and record.pseudonyme == code:
        return f"verbatim du {record.date.isoformat()}"
    return None


def _stage_without(tx: Transaction, path: Path, raw: bytes, left: int, numbers: set[int]) -> None:
    """Stage `path` without its lines `numbers` (1-based); `left` records must remain.

    Raises:
        UserError: a record is not on a line of its own (a file edited by hand).
    """
    from utilsoc.store.files import validate_text

    style = TextStyle.of(raw)
    lines = split_lines(style.decode(raw))
    kept = [line for n, line in enumerate(lines, start=1) if n not in numbers]
    text = "".join(_empty_sections(kept))
    display = display_path(path)
    after, _, _ = validate_text(normalized(text), display)
    if after is None or _records(after) != left:
        raise UserError(
            f"{display}:{min(numbers)}: cet enregistrement ne tient pas sur une ligne à lui : "
            "il ne peut pas être effacé sans risque",
            "effacez-le à la main (ou remettez-le sur une ligne), puis relancez",
        )
    tx.write(path, style.encode(text))


_SECTION = re.compile(r"([^\s#-][^:#]*):[ \t]*(#.*)?")


def _empty_sections(lines: list[str]) -> list[str]:
    """Each section left without items written `section: []` (else YAML reads nothing)."""
    result = list(lines)
    for n, line in enumerate(lines):
        body = line.rstrip("\r\n")
        if _SECTION.fullmatch(body) and not _has_items(lines[n + 1 :]):
            name = body.split(":", 1)[0]
            result[n] = f"{name}: []" + line[len(body) :]
    return result


def _has_items(after: list[str]) -> bool:
    """Whether the lines after a section's opening hold one of its items."""
    for line in after:
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return line[0] in " \t-"
    return False


def _records(content: Contenu) -> int:
    """How many records a file holds, in every section."""
    sections = FichierMesures.model_fields
    return len(content.valeurs) + sum(
        len(getattr(content.preuves, n)) for n in sections if n != "valeurs"
    )


def interview_eraser(tx: Transaction, code: str) -> list[Removed]:
    """Stage the deletion of each interview of the participant: the file is about them alone."""
    removed = []
    for path in tx.layout.interview_files():
        interview = _item(tx, path, code, Entretien)
        if interview is not None and interview.participant == code:
            tx.delete(path)
            what = f"entretien du {interview.date.isoformat()} (guide {interview.guide})"
            removed.append(Removed(display_path(path), 1, what))
    return removed


def story_eraser(tx: Transaction, code: str) -> list[Removed]:
    """Stage the deletion of each story the participant told."""
    removed = []
    for path in tx.layout.story_files():
        story = _item(tx, path, code, Recit)
        if story is not None and story.conteur == code:
            tx.delete(path)
            removed.append(Removed(display_path(path), 1, f"récit « {story.titre} »"))
    return removed


def _item(tx: Transaction, path: Path, code: str, model: type[M]) -> M | None:
    """The file as the transaction will leave it, read into `model`; None when deleted.

    Raises:
        UserError: the file cannot be read and its bytes hold the code.
    """
    raw = tx.read_bytes(path)
    if raw is None:
        return None
    read = read_item(raw, path, model)
    if read is not None:
        return read[0]
    if code.encode() in raw or code.encode("utf-16-le") in raw:
        raise UserError(
            f"{display_path(path)} illisible, et il contient « {code} » : "
            "il ne peut pas être effacé sans risque",
            "corrigez-le (« utilsoc validate » dit où), ou effacez-le à la main, puis relancez",
        )
    return None


ERASERS: list[Eraser] = [measurement_eraser, interview_eraser, story_eraser]
