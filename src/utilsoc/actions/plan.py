"""The action plan at entry: every action gets a code, an owner and a deadline.

Why a code: the next review records what became of the action (`evidence suivi --piste
CODE`); a code made from the action's own words needs no inventing and reads well.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel

from utilsoc.errors import UserError
from utilsoc.model.mesures import FichierMesures, PisteAmelioration, Suivi
from utilsoc.project import Layout
from utilsoc.store.cache import CACHE_FOLDER, measure_files
from utilsoc.store.files import read_measures
from utilsoc.store.names import slug

_WORDS = 5
_TRACKS = "pistes-amelioration"  # the kind in `<auteur>.pistes-amelioration.yaml`
_OTHER_KINDS = {
    name.replace("_", "-")
    for name in FichierMesures.model_fields
    if name not in ("valeurs", "pistes_amelioration")
}


def recorded_tracks(layout: Layout) -> list[PisteAmelioration]:
    """Every improvement track of the folder's readable measurement files.

    Why not every file: on a federation's folder a million values would be read to find a
    few tracks. A file of another kind (`.temoignages.yaml`...) never holds one; a file
    that may (its own kind, or a hand-made one) is read only if « piste » is in its bytes.
    """
    cache = layout.root / CACHE_FOLDER / "mesures"
    tracks: list[PisteAmelioration] = []
    for path in measure_files(layout):
        if not _may_hold_tracks(path):
            continue
        content, _, _ = read_measures(path, cache)
        if content is not None:
            tracks.extend(content.pistes_amelioration)
    return tracks


def _may_hold_tracks(path: Path) -> bool:
    kind = path.name.split(".")[-2] if path.name.count(".") > 1 else ""
    if kind == _TRACKS:
        return True
    if kind in _OTHER_KINDS:
        return False
    try:
        raw = path.read_bytes()
    except OSError:
        return False
    return raw[:2] in (b"\xff\xfe", b"\xfe\xff") or b"piste" in raw.lower()  # UTF-16: read


def new_code(action: str, taken: set[str]) -> str:
    """`Rouvrir le site en septembre` → `rouvrir-site-septembre` (then `-2`, `-3`...).

    The first words of the action, short ones (le, à, en...) left out.
    """
    words = [word for word in re.findall(r"\w+", action) if len(word) > 2][:_WORDS]
    base = slug(" ".join(words), empty="action")
    code, n = base, 2
    while code in taken:
        code, n = f"{base}-{n}", n + 1
    return code


def plan_record(layout: Layout, record: BaseModel, options: Mapping[str, str]) -> BaseModel:
    """A new track with its code, or a follow-up of a known track; any other record as is.

    Raises:
        UserError: a track without owner or deadline, a code already taken, a follow-up
            of a code no track has.
    """
    if not isinstance(record, PisteAmelioration | Suivi):
        return record
    codes = {track.code for track in recorded_tracks(layout) if track.code}
    if isinstance(record, Suivi):
        _check_followed(record, codes)
        return record
    return _new_track(record, codes, options)


def _check_followed(record: Suivi, codes: set[str]) -> None:
    if record.piste not in codes:
        known = ", ".join(sorted(codes)) or "aucune"
        raise UserError(f"piste d'amélioration « {record.piste} » inconnue", f"pistes : {known}")


def _new_track(
    record: PisteAmelioration, codes: set[str], options: Mapping[str, str]
) -> PisteAmelioration:
    """The track with an owner, a deadline and a code of its own."""
    for name, given in (("responsable", record.responsable), ("échéance", record.echeance)):
        if not given:
            option = options.get(name, name)
            raise UserError(
                f"{option} manquant",
                f"une action du plan d'action a un responsable et une échéance : ajoutez {option}",
            )
    if record.code is None:
        return record.model_copy(update={"code": new_code(record.action, codes)})
    if record.code in codes:
        raise UserError(
            f"le code de piste « {record.code} » est déjà pris", "choisissez-en un autre"
        )
    return record
