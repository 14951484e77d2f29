"""Measurement files checked here or in worker processes: the same records, issues and cache."""

from __future__ import annotations

import json
import marshal
import multiprocessing
from pathlib import Path
from typing import Any

import pytest

from utilsoc.check.measures import MeasureCheck, both_groups_problems, check_measures
from utilsoc.model.load import load_project
from utilsoc.model.mesures import Reponse
from utilsoc.project import find_root
from utilsoc.store import filecache, parallel
from utilsoc.store.files import measures_cache


def check(root: Path) -> MeasureCheck:
    return check_measures(load_project(find_root(root)))


def _cache(root: Path) -> dict[str, Any]:
    folder = measures_cache(find_root(root))
    return {
        p.name: marshal.loads(p.read_bytes()[filecache.CHECK_BYTES :]) for p in folder.iterdir()
    }


def _same(here: MeasureCheck, there: MeasureCheck) -> None:
    assert there.records == here.records
    assert there.issues == here.issues
    assert there.evidence == here.evidence
    assert (there.files, there.read, there.unchecked) == (here.files, here.read, here.unchecked)


def test_workers_find_what_this_process_finds(
    measures_folder: Any, monkeypatch: pytest.MonkeyPatch, remote: list[int]
) -> None:
    root = measures_folder()
    plan = parallel.plan
    monkeypatch.setattr(parallel, "plan", lambda *args: None)
    here = check(root)
    cache_here = _cache(root)
    codes = {issue.code for issue in here.issues}
    assert {"indicateur-inconnu", "valeur-invalide", "conflit-de-valeurs"} <= codes
    assert {"valeur-de-dimension-inconnue", "reference-inconnue", "encodage"} <= codes
    assert "participant-deux-groupes" in codes
    assert remote == []
    monkeypatch.setattr(parallel, "plan", plan)
    for entry in measures_cache(find_root(root)).iterdir():
        entry.unlink()
    there = check(root)
    assert remote == [here.files]  # every file was read by a worker
    _same(here, there)
    assert _cache(root) == cache_here


def test_an_edited_file_is_read_again_by_the_workers(
    measures_folder: Any, monkeypatch: pytest.MonkeyPatch, remote: list[int]
) -> None:
    root = measures_folder()
    first = check(root)
    edited = root / "mesures" / "2024-2025" / "valide-2.yaml"
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text + text.splitlines(keepends=True)[-1].replace("valeur: 7", "valeur: 8"))
    second = check(root)
    assert remote == [first.files, first.files]
    assert len(second.records) == len(first.records) + 1
    cache = _cache(root)
    monkeypatch.setattr(parallel, "plan", lambda *args: None)
    _same(check(root), second)
    assert _cache(root) == cache  # one entry per file, the edited file's replaced


def test_lines_waiting_for_the_referentiel_are_counted_alike(
    measures_folder: Any, monkeypatch: pytest.MonkeyPatch, remote: list[int]
) -> None:
    project = load_project(find_root(measures_folder()))
    there = check_measures(project, checked=False)
    assert remote == [there.files]
    assert there.unchecked > there.read > 0
    assert there.records == []
    monkeypatch.setattr(parallel, "plan", lambda *args: None)
    _same(check_measures(project, checked=False), there)


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_workers_started_afresh_give_the_same_result(
    measures_folder: Any, monkeypatch: pytest.MonkeyPatch, remote: list[int], method: str
) -> None:
    """Spawn is how Windows and macOS start workers: nothing may rely on a forked copy."""
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"{method} indisponible ici")
    root = measures_folder()
    monkeypatch.setattr(parallel, "start_method", lambda: method)
    there = check(root)
    assert remote == [there.files]
    for entry in measures_cache(find_root(root)).iterdir():
        entry.unlink()
    monkeypatch.setattr(parallel, "plan", lambda *args: None)
    _same(check(root), there)


QUESTIONNAIRES = Path("mesures") / "2025-2026" / "karim.questionnaires.yaml"


def test_someone_in_both_groups_of_one_round_is_refused_at_the_comparison_answer(
    cli, example
) -> None:
    root = example("echec-scolaire")
    path = root / QUESTIONNAIRES
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    line = next(n for n, t in enumerate(lines) if "participant: C2501, moment: sortie" in t)
    assert "participant: E2546," in text  # one of the action's people in 2025-2026
    lines[line] = lines[line].replace("C2501", "E2546")
    path.write_text("\n".join(lines), encoding="utf-8")
    result = cli("-C", str(root), "validate", "--format", "json")
    assert result.exit_code == 1
    [issue] = json.loads(result.stdout)
    assert issue["file"].endswith("2025-2026/karim.questionnaires.yaml")
    assert issue["code"] == "participant-deux-groupes"
    assert (issue["line"], issue["column"]) == (line + 1, lines[line].index("E2546") + 1)
    assert issue["message"] == (
        "« E2546 » répond aussi à score_confiance_sortie en 2025-2026 parmi les personnes de "
        "l'action : une personne n'est pas des deux groupes"
    )
    found = check_measures(load_project(find_root(root)))
    kept = [r for r in found.evidence["questionnaires"] if r.participant == "E2546"]
    assert [r.groupe for r in kept] == [None]  # the comparison answer is left out


def test_the_comparison_group_of_one_year_may_join_the_action_the_next(cli, example) -> None:
    root = example("echec-scolaire")
    path = root / QUESTIONNAIRES
    text = path.read_text(encoding="utf-8")
    assert "participant: E2401," not in text  # an action participant of 2024-2025 only
    path.write_text(text.replace("participant: C2501,", "participant: E2401,"), "utf-8")
    result = cli("-C", str(root), "validate")
    assert result.exit_code == 0, result.stderr


def _answer(participant: str, period: str = "2025", group: str | None = None) -> Reponse:
    fields = {"indicateur": "confiance", "période": period, "participant": participant}
    fields |= {"moment": "entrée", "score": 2, "auteur": "a", "date": "2025-03-01"}
    return Reponse.model_validate(fields | ({"groupe": group} if group else {}))


def test_an_answer_to_be_written_is_checked_against_the_recorded_ones_both_ways() -> None:
    recorded = [_answer("P1"), _answer("C1", group="comparaison")]
    new = [
        _answer("P1", group="comparaison"),  # one of the action's people
        _answer("C1"),  # already in the comparison group
        _answer("C1", "2026"),  # another period: may join the action
        _answer("P2"),
        _answer("P2", group="comparaison"),  # one of the action's people, among the new
    ]
    found = both_groups_problems(new, recorded)
    assert [(n, message.split(" : ")[0]) for n, message, _ in found] == [
        (0, "« P1 » répond aussi à confiance en 2025 parmi les personnes de l'action"),
        (1, "« C1 » répond déjà à confiance en 2025 dans le groupe de comparaison"),
        (4, "« P2 » répond aussi à confiance en 2025 parmi les personnes de l'action"),
    ]
    assert both_groups_problems(new[2:4], recorded) == []
