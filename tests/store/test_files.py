"""Reading measurement files: fast and strict paths agree, the cache follows the content."""

from __future__ import annotations

import os
import time
from pathlib import Path

from utilsoc.project import find_root
from utilsoc.store import cache as results
from utilsoc.store.cache import folder_digest
from utilsoc.store.files import read_measures

LINE = (
    "  - {indicateur: nb, période: 2025, valeur: 12, dimensions: {sexe: F}, auteur: marie, "
    "date: 2025-03-02}\n"
)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mesures" / "2025" / "marie.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_fast_and_strict_paths_give_the_same_records(tmp_path: Path) -> None:
    fast_file = _write(tmp_path, "valeurs:\n" + LINE)
    fast, document, issues = read_measures(fast_file)
    assert issues == []
    assert document is not None
    assert document.record_lines  # read by the fast path
    strict_file = _write(tmp_path, "valeurs:\n" + LINE.replace("}\n", "}  # commentaire\n"))
    strict, strict_document, _ = read_measures(strict_file)
    assert strict_document is not None
    assert not strict_document.record_lines  # the comment sends it to the strict path
    assert fast is not None
    assert strict is not None
    assert fast.valeurs == strict.valeurs
    assert document.position(("valeurs", 0))[0] == strict_document.position(("valeurs", 0))[0]


def test_doubtful_records_are_judged_by_the_strict_path(tmp_path: Path) -> None:
    path = _write(tmp_path, "valeurs:\n" + LINE.replace("période: 2025", "période: 2025-13"))
    content, _, issues = read_measures(path)
    assert content is None
    assert [i.code for i in issues] == ["periode-invalide"]
    assert (issues[0].line, issues[0].column) == (2, 31)


def test_cache_is_keyed_by_content(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    path = _write(tmp_path, "valeurs:\n" + LINE)
    first, _, _ = read_measures(path, cache)
    assert len(list(cache.iterdir())) == 1
    again, document, _ = read_measures(path, cache)
    assert first == again
    assert document is not None
    assert document.position(("valeurs", 0)) == (2, 5)
    path.write_text("valeurs:\n" + LINE.replace("valeur: 12", "valeur: 13"), encoding="utf-8")
    before = {p.name for p in cache.iterdir()}
    changed, _, _ = read_measures(path, cache)
    assert changed is not None
    assert changed.valeurs[0].valeur == "13"
    after = {p.name for p in cache.iterdir()}
    assert len(after) == 1  # the entry of the old content is replaced, not kept
    assert after != before


def test_a_corrupt_cache_entry_is_ignored(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    path = _write(tmp_path, "valeurs:\n" + LINE)
    read_measures(path, cache)
    for entry in cache.iterdir():
        entry.write_bytes(b"\x00garbage")
    content, _, issues = read_measures(path, cache)
    assert issues == []
    assert content is not None
    assert content.valeurs[0].valeur == "12"


def test_folder_results_are_reused_only_for_identical_files(cli, example) -> None:
    folder = example("vide")
    code = "nb_personnes_accompagnees"
    assert (
        cli(
            "-C", str(folder), "record", "-a", "m", code, "3", "-p", "2025", "--dim", "sexe=F"
        ).exit_code
        == 0
    )
    assert cli("-C", str(folder), "validate").exit_code == 0
    assert (folder / ".utilsoc-cache" / "validate.json").exists()
    assert cli("-C", str(folder), "validate").exit_code == 0
    referentiel = folder / "referentiel.yaml"
    referentiel.write_text(
        referentiel.read_text(encoding="utf-8").replace(
            "valeurs: [F, H, autre]", "valeurs: [H, autre]"
        ),
        encoding="utf-8",
    )
    result = cli("-C", str(folder), "validate")
    assert result.exit_code == 1
    assert "« F » n'est pas une valeur de la dimension « sexe »" in result.stderr


def test_folder_digest_reads_only_files_whose_size_or_times_changed(example, monkeypatch) -> None:
    folder = example("vide")
    layout = find_root(folder)
    referentiel = folder / "referentiel.yaml"
    hour_ago = time.time_ns() - 3600 * 10**9
    os.utime(referentiel, ns=(hour_ago, hour_ago))
    monkeypatch.setattr(results, "_RACY_NS", 0)  # the copy's change time is "now"
    first = folder_digest(layout)
    assert (folder / ".utilsoc-cache" / "empreintes.json").exists()
    read: list[str] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda path: read.append(path.name) or real(path))

    # Nothing changed: nothing read, as git does.
    assert folder_digest(layout) == first
    assert read == []

    # Another modification time: read again (same bytes, same digest).
    os.utime(referentiel, ns=(hour_ago + 1, hour_ago + 1))
    assert folder_digest(layout) == first
    assert read == ["referentiel.yaml"]

    # Same size, modification time put back (`cp -p`, unzip): read again. Both the change
    # time and the racy window (the write follows the last hashing) tell it here.
    text = referentiel.read_text(encoding="utf-8")
    same_size = text.replace("nb_personnes_accompagnees", "nb_personnes_accompagneez")
    assert len(same_size) == len(text)
    time.sleep(0.01)
    referentiel.write_text(same_size, encoding="utf-8")
    os.utime(referentiel, ns=(hour_ago + 1, hour_ago + 1))
    assert folder_digest(layout) != first


def test_folder_digest_rereads_files_changed_just_before_it(example) -> None:
    """A same-size edit within the clock tick of the last digest is still seen."""
    folder = example("vide")
    layout = find_root(folder)
    referentiel = folder / "referentiel.yaml"
    referentiel.touch()  # just edited
    first = folder_digest(layout)
    stat = referentiel.stat()
    text = referentiel.read_text(encoding="utf-8")
    referentiel.write_text(text.replace("nb_personnes", "nb_personnez"), encoding="utf-8")
    os.utime(referentiel, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert folder_digest(layout) != first
