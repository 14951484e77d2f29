"""Reading measurement files: fast and strict paths agree, the cache follows the content."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from utilsoc.errors import ExitCode
from utilsoc.project import find_root
from utilsoc.store import cache as results
from utilsoc.store.cache import folder_digest
from utilsoc.store.files import read_measures, validate_text
from utilsoc.yamlio.decode import decode_text

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
    (entry,) = cache.iterdir()
    before = entry.read_bytes()
    changed, _, _ = read_measures(path, cache)
    assert changed is not None
    assert changed.valeurs[0].valeur == "13"
    assert [p.name for p in cache.iterdir()] == [entry.name]  # replaced, not kept beside
    assert entry.read_bytes() != before
    entry.write_bytes(before)  # an entry made from other bytes is never used
    stale, _, _ = read_measures(path, cache)
    assert stale is not None
    assert stale.valeurs[0].valeur == "13"


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


CODE = "nb_personnes_accompagnees"
RECORD = f"  - {{indicateur: {CODE}, période: 2026, valeur: 3, auteur: a, date: 2026-01-02}}\n"
SCORE = """\
          - code: confiance
            libellé: Confiance en soi
            type: score
            échelle: {min: 1, max: 5}
            méthode: questionnaire
"""


def _validate(folder: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """`utilsoc validate` in a child process: a reader that blocks is stopped, not waited for."""
    command = [sys.executable, "-m", "utilsoc", "validate", *options]
    return subprocess.run(
        command, cwd=folder, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="pas de FIFO sous Windows")
def test_special_files_are_refused_without_being_opened(example) -> None:
    folder = example("vide")
    mesures = folder / "mesures" / "2026"
    mesures.mkdir(parents=True)
    os.mkfifo(mesures / "tube.yaml")
    (mesures / "zero.yaml").symlink_to("/dev/zero")
    (folder / "vraie.txt").write_text(f"valeurs:\n{RECORD}", encoding="utf-8")
    (mesures / "lien.yaml").symlink_to(folder / "vraie.txt")  # a link to a regular file: read
    result = _validate(folder)
    assert result.returncode == ExitCode.DONNEES_INVALIDES, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0].startswith(
        "mesures/2026/tube.yaml:1:1: erreur: tube.yaml n'est pas un fichier ordinaire : "
        "c'est un tube nommé (FIFO) — "
    )
    assert lines[1].startswith(
        "mesures/2026/zero.yaml:1:1: erreur: zero.yaml n'est pas un fichier ordinaire : "
        "c'est un lien vers /dev/zero, un périphérique — "
    )
    assert "lien.yaml" not in result.stderr
    assert lines[2:] == ["référentiel invalide : 2 problèmes"]
    issues = json.loads(_validate(folder, "--format", "json").stdout)
    assert [i["code"] for i in issues] == ["fichier-special"] * 2

    (mesures / "tube.yaml").unlink()
    (mesures / "zero.yaml").unlink()
    (folder / "publics.yaml").unlink()
    os.mkfifo(folder / "publics.yaml")
    (folder / "referentiel.yaml").rename(folder / "ref.txt")
    (folder / "referentiel.yaml").symlink_to("/dev/zero")
    result = _validate(folder)
    assert [line.split(" — ")[0] for line in result.stderr.splitlines()] == [
        "publics.yaml:1:1: erreur: publics.yaml n'est pas un fichier ordinaire : "
        "c'est un tube nommé (FIFO)",
        "referentiel.yaml:1:1: erreur: referentiel.yaml n'est pas un fichier ordinaire : "
        "c'est un lien vers /dev/zero, un périphérique",
        "referentiel.yaml:1:1: note: 1 ligne de mesure n'a pas été vérifiée : "
        "elle dépend du référentiel",
        "référentiel invalide : 2 problèmes",
    ]


@pytest.mark.parametrize(
    ("record", "column", "fixed"),
    [
        (
            f"{{indicateur: {CODE}, période: 2026, valeur: 3,5, auteur: a, date: 2026-01-02}}",
            68,
            "3.5",
        ),
        (
            f"{{indicateur: {CODE}, période: 2026, valeur: -3, 50, auteur: a, date: 2026-01-02}}",
            68,
            "-3.50",
        ),
        (f"{{indicateur: {CODE}, période: 2026, valeur: 12,5}}", 68, "12.5"),
        (f"{{indicateur: {CODE}, période: 2026, numérateur: 2,5, dénominateur: 4}}", 72, "2.5"),
    ],
)
def test_a_decimal_comma_in_a_flow_record_is_one_issue(cli, example, record, column, fixed) -> None:
    folder = example("vide")
    path = folder / "mesures" / "2026" / "a.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(f"valeurs:\n  - {record}\n", encoding="utf-8")
    result = cli("-C", str(folder), "validate")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    located = [line for line in result.stderr.splitlines() if line.endswith("[virgule-decimale]")]
    assert len(located) == 1, result.stderr
    assert f"a.yaml:2:{column}: erreur: " in located[0]
    assert f"virgule décimale : écrivez {fixed} — " in located[0]
    assert "champ inconnu" not in result.stderr


def test_every_decimal_comma_message_is_the_same(cli, example) -> None:
    folder = example("vide")
    path = folder / "mesures" / "2026" / "a.yaml"
    path.parent.mkdir(parents=True)
    quoted = f'{{indicateur: {CODE}, période: 2026, valeur: "3,5", auteur: a, date: 2026-01-02}}'
    path.write_text(f"valeurs:\n  - {quoted}\n", encoding="utf-8")
    first = cli("-C", str(folder), "validate").stderr.splitlines()[0]
    assert first.endswith(
        "a.yaml:2:68: erreur: virgule décimale : écrivez 3.5 — "
        "un nombre s'écrit avec un point décimal [virgule-decimale]"
    )
    # The référentiel's numbers: the same message after the field's name.
    referentiel = folder / "referentiel.yaml"
    referentiel.write_text(
        referentiel.read_text(encoding="utf-8").replace("valeur: 50", "valeur: 5,5"), "utf-8"
    )
    second = cli("-C", str(folder), "validate").stderr.splitlines()[0]
    assert second.endswith(
        "referentiel.yaml:39:25: erreur: valeur : virgule décimale : écrivez 5.5 — "
        "un nombre s'écrit avec un point décimal [virgule-decimale]"
    )


@pytest.mark.parametrize(
    "number", ["1e308", "1e309", "-1e309", "inf", "-inf", "nan", ".nan", ".inf"]
)
@pytest.mark.parametrize("field", ["valeur", "numérateur", "dénominateur", "score"])
def test_numbers_out_of_range_are_refused_and_json_stays_valid(
    cli, example, monkeypatch, number, field
) -> None:
    folder = example("vide", SCORE)
    path = folder / "mesures" / "2026" / "a.yaml"
    path.parent.mkdir(parents=True)
    if field == "score":
        line = (
            f"questionnaires:\n  - {{indicateur: confiance, période: 2026, participant: P1, "
            f"moment: sortie, score: {number}, auteur: a, date: 2026-01-02}}\n"
        )
    else:
        other = {"valeur": "", "numérateur": ", dénominateur: 4", "dénominateur": ", numérateur: 2"}
        line = (
            f"valeurs:\n  - {{indicateur: {CODE}, période: 2026, {field}: {number}"
            f"{other[field]}, auteur: a, date: 2026-01-02}}\n"
        )
    path.write_text(line, encoding="utf-8")
    column = line.split("\n")[1].index(f"{field}: {number}") + len(field) + 3
    monkeypatch.chdir(folder)
    result = cli("validate")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES, result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"mesures/2026/a.yaml:2:{column}: erreur: "), result.stderr
    assert first.endswith(("[nombre-hors-limites]", "[nombre-attendu]"))
    for command in (("validate",), ("status", "--ignorer-erreurs")):
        shown = cli(*command, "--format", "json").stdout
        json.loads(shown, parse_constant=lambda constant: pytest.fail(constant))


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (f"valeurs:\n  - {{indicateur: {'[' * 2000}{']' * 2000}}}\n", 2),
        ("[" * 5000 + "]" * 5000 + "\n", 1),
        (f"valeurs:\n{RECORD}  - {{indicateur: {'{a: ' * 1500}1{'}' * 1500}}}\n", 3),
    ],
)
def test_deep_nesting_in_a_measurement_file_is_located(cli, example, text, line) -> None:
    folder = example("vide")
    path = folder / "mesures" / "2026" / "a.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    result = cli("-C", str(folder), "validate")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    [issue, summary] = result.stderr.splitlines()
    assert f"a.yaml:{line}:" in issue
    assert issue.endswith(
        "erreur: imbrication trop profonde (plus de 64 niveaux) — simplifiez la structure du "
        "fichier (moins de listes et de blocs les uns dans les autres) [imbrication]"
    )
    assert summary == "référentiel invalide : 1 problème"


_PIECES = st.sampled_from(
    [
        *"{}[],:- \n\t\"'*&!#|>?%@`\\\r",
        "\x85",
        "\ufeff",
        "indicateur: ",
        "période: ",
        f"{CODE}",
        "2026",
        "3,5",
        "1e309",
        ".nan",
        "*a : ",
        "&a ",
        "valeur: ",
        "  - {",
        "<<: ",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_any_measurement_text_gives_issues_never_an_exception(tail: str) -> None:
    """Fuzz-ish: whatever follows a record's start, both paths answer with issues."""
    raw = f"valeurs:\n{RECORD}  - {{{tail}".encode()
    text, issues = decode_text(raw, "f.yaml")
    if issues:
        return
    content, _, found = validate_text(text, "f.yaml")
    assert (content is None) == bool(found)
    assert all(issue.line >= 1 and issue.column >= 1 for issue in found)


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: codecs.BOM_UTF8 + t.replace("\n", "\r\n").encode(),
        lambda t: t.replace("\n", "\r").encode(),
        lambda t: t.encode("utf-16"),
    ],
)
def test_bom_and_line_endings_keep_the_fast_path_and_its_lines(tmp_path: Path, encode) -> None:
    path = _write(tmp_path, "")
    path.write_bytes(encode("# note\nvaleurs:\n" + LINE + LINE.replace("F}", "H}")))
    content, document, issues = read_measures(path)
    assert issues == []
    assert content is not None
    assert document is not None
    assert document.record_lines == {"valeurs": [3, 4]}


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("\t- {indicateur: x}\n", "syntaxe"),
        (LINE.replace("valeur: 12", 'valeur: "1\x852"'), "caractere-invisible"),
        (LINE.replace("valeur: 12", "valeur: 1\u20282"), "caractere-invisible"),
    ],
)
def test_tabs_and_invisible_separators_are_located(tmp_path: Path, line: str, code: str) -> None:
    content, _, issues = read_measures(_write(tmp_path, "valeurs:\n" + line))
    assert content is None
    assert [(i.line, i.code) for i in issues] == [(2, code)]
