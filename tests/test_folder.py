"""The read gate: every command sees the same records and the same problems."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from utilsoc.errors import ExitCode
from utilsoc.folder import Gate, load_folder
from utilsoc.project import Layout

CASES = Path(__file__).parent / "data" / "invalid"
LOCATED = re.compile(r"^(\S+):(\d+):(\d+): erreur: .* \[([a-z0-9-]+)\]$")
COMPUTING = (("status",), ("report", "--template", "bilan"), ("export",), ("merge",))
BAD_LINES = (
    "  - {indicateur: nb_eleves_sensibilises, période: 2025-2026, valeur: abc, "
    "dimensions: {site: La Garenne}, auteur: Zoé, date: 2026-09-06}\n"
    '  - {indicateur: nb_eleves_sensibilises, période: 2025-2026, valeur: "3,5", '
    "dimensions: {site: Les Tilleuls}, auteur: Zoé, date: 2026-09-06}\n"
    "  - {indicateur: nb_inconnus, période: 2025-2026, valeur: 4, auteur: Zoé, date: 2026-09-06}\n"
)


def _located(stderr: str) -> set[tuple[str, str, str, str]]:
    return {m.groups() for line in stderr.splitlines() if (m := LOCATED.match(line))}


def _break_referentiel(folder: Path) -> None:
    """One unknown indicator type: the référentiel no longer loads."""
    ref = folder / "referentiel.yaml"
    text = ref.read_text(encoding="utf-8")
    ref.write_text(text.replace("type: nombre", "type: nombreux", 1), encoding="utf-8")


def _with_bad_lines(example) -> Path:
    folder = example("echec-scolaire")
    target = folder / "mesures" / "2025-2026" / "zoe.yaml"
    target.write_text("valeurs:\n" + BAD_LINES, encoding="utf-8")
    return folder


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
@pytest.mark.parametrize("command", COMPUTING, ids=lambda c: c[0])
def test_every_command_reports_what_validate_reports(cli, tmp_path, monkeypatch, case, command):
    folder = tmp_path / case
    shutil.copytree(CASES / case, folder, ignore=shutil.ignore_patterns(".utilsoc-cache"))
    monkeypatch.chdir(folder)
    expected = _located(cli("validate").stderr)
    assert expected
    before = sorted(
        p.relative_to(folder) for p in folder.rglob("*") if ".utilsoc-cache" not in p.parts
    )
    result = cli(*command)
    assert result.exit_code == ExitCode.DONNEES_INVALIDES, result.stderr
    assert _located(result.stderr) == expected
    assert "dossier refusé" in result.stderr.splitlines()[-1]
    assert "Traceback" not in result.stderr
    after = sorted(
        p.relative_to(folder) for p in folder.rglob("*") if ".utilsoc-cache" not in p.parts
    )
    assert after == before  # nothing written


@pytest.mark.parametrize("command", COMPUTING, ids=lambda c: c[0])
def test_invalid_lines_stop_every_computing_command(cli, example, monkeypatch, command):
    folder = _with_bad_lines(example)
    monkeypatch.chdir(folder)
    validate = cli("validate")
    assert validate.exit_code == 1
    codes = {c for *_, c in _located(validate.stderr)}
    assert codes == {"valeur-invalide", "virgule-decimale", "indicateur-inconnu"}
    result = cli(*command)
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert _located(result.stderr) == _located(validate.stderr)
    assert "--ignorer-erreurs" in result.stderr.splitlines()[-1]


@pytest.mark.parametrize("command", COMPUTING, ids=lambda c: c[0])
def test_ignoring_errors_lists_each_skipped_line(cli, example, monkeypatch, command):
    folder = _with_bad_lines(example)
    monkeypatch.chdir(folder)
    result = cli(*command, "--ignorer-erreurs")
    assert result.exit_code == 0, result.stderr
    skipped = _located(result.stderr)
    assert {(f, line) for f, line, *_ in skipped} == {
        (str(Path("mesures/2025-2026/zoe.yaml")), n) for n in ("2", "3", "4")
    }
    assert "3 lignes laissées de côté" in result.stderr


def test_export_leaves_out_invalid_lines_only(cli, example, monkeypatch):
    folder = _with_bad_lines(example)
    monkeypatch.chdir(folder)
    (folder / "mesures" / "2025-2026" / "zoe.yaml").unlink()
    clean = cli("export").stdout
    _with_bad_lines(lambda _name: folder)
    ignored = cli("export", "--ignorer-erreurs").stdout
    assert ignored == clean


def test_a_report_made_without_invalid_lines_says_so_on_its_first_page(cli, example, monkeypatch):
    folder = _with_bad_lines(example)
    monkeypatch.chdir(folder)
    for fmt in ("html", "md"):
        out = folder / f"r.{fmt}"
        result = cli("report", "-t", "financeur", "-f", fmt, "-o", str(out), "--ignorer-erreurs")
        assert result.exit_code == 0, result.stderr
        head = out.read_text(encoding="utf-8")[:6000]
        assert "Données incomplètes" in head
        assert "3 lignes de mesures invalides ont été laissées" in re.sub(r"\s+", " ", head)
    # Once the folder is clean, the same report carries no such warning (and is not stale).
    (folder / "mesures" / "2025-2026" / "zoe.yaml").unlink()
    assert cli("report", "-t", "financeur", "-o", str(folder / "r.html")).exit_code == 0
    assert "Données incomplètes" not in (folder / "r.html").read_text(encoding="utf-8")


def test_a_cached_result_still_refuses_a_folder_that_became_invalid(cli, example, monkeypatch):
    folder = example("echec-scolaire")
    monkeypatch.chdir(folder)
    assert cli("status").exit_code == 0
    assert cli("status").exit_code == 0  # from the cache
    _with_bad_lines(lambda _name: folder)
    assert cli("status").exit_code == ExitCode.DONNEES_INVALIDES
    assert cli("status", "--ignorer-erreurs").exit_code == 0
    assert cli("status").exit_code == ExitCode.DONNEES_INVALIDES  # warm outcome, still refused


def test_errors_of_the_referentiel_cannot_be_ignored(cli, example, monkeypatch):
    folder = example("echec-scolaire")
    monkeypatch.chdir(folder)
    _break_referentiel(folder)
    result = cli("status", "--ignorer-erreurs")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "ne peuvent pas être ignorées" in result.stderr


def test_the_root_cause_comes_alone_with_the_count_of_lines_not_checked(cli, example, monkeypatch):
    folder = example("echec-scolaire")
    monkeypatch.chdir(folder)
    _break_referentiel(folder)
    result = cli("validate")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert not any("indicateur « " in line for line in lines)
    errors = [line for line in lines if ": erreur: " in line]
    assert len(errors) == 1
    assert errors[0].startswith("referentiel.yaml:")
    notes = [line for line in lines if ": note: " in line]
    assert len(notes) == 1
    assert "[mesures-non-verifiees]" in notes[0]
    count = int(re.search(r"note: (\d+) lignes", notes[0]).group(1))
    checked = load_folder(Layout(example("echec-scolaire", target="propre")))
    evidence = sum(len(v) for v in checked.evidence.values())
    assert count == len(checked.records) + evidence


def test_gate_reads_once_and_agrees_with_validate(example):
    layout = Layout(example("echec-scolaire"))
    gate = Gate(layout)
    assert gate.admit() == []
    folder = gate.folder()
    assert gate.folder() is folder
    assert load_folder(layout).issues == folder.issues == []
    assert folder.measures.records
