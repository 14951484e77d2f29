"""`-o` never overwrites the association's own data: report, merge, export."""

from __future__ import annotations

from pathlib import Path

from utilsoc.errors import ExitCode


def _snapshot(folder: Path) -> dict[Path, bytes]:
    return {
        path: path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file() and ".utilsoc-cache" not in path.parts
    }


def test_report_refuses_to_write_over_the_referentiel(cli, example) -> None:
    folder = example("echec-scolaire")
    before = _snapshot(folder)
    result = cli("-C", str(folder), "report", "-p", "2025-2026", "-o", "referentiel.yaml")
    assert result.exit_code == ExitCode.USAGE
    assert "referentiel.yaml fait partie des données de l'association" in result.stderr
    assert "choisissez un autre fichier" in result.stderr
    assert "Traceback" not in result.stderr
    assert _snapshot(folder) == before


def test_merge_refuses_to_write_over_a_contributors_measurements(cli, example) -> None:
    folder = example("echec-scolaire")
    target = folder / "mesures" / "2025-2026" / "marie-dupre.temoignages.yaml"
    before = _snapshot(folder)
    for force in ([], ["--force"]):
        result = cli("-C", str(folder), "merge", "-o", str(target), *force)
        assert result.exit_code == ExitCode.USAGE, result.stderr
        assert "fait partie des données de l'association" in result.stderr
    assert _snapshot(folder) == before
    assert "témoignages:" in target.read_text(encoding="utf-8")


def test_export_refuses_the_identity_card_and_a_logframe(cli, example) -> None:
    folder = example("echec-scolaire")
    logframe = next((folder / "cadres-logiques").glob("*.yaml"))
    before = _snapshot(folder)
    for target in (folder / "association.yaml", logframe):
        result = cli("-C", str(folder), "export", "-o", str(target), "--force")
        assert result.exit_code == ExitCode.USAGE
    assert _snapshot(folder) == before


def test_an_existing_file_of_someone_else_needs_force(cli, example, tmp_path: Path) -> None:
    folder = example("echec-scolaire")
    target = tmp_path / "valeurs.csv"
    target.write_text("mon tableau à moi\n", encoding="utf-8")
    refused = cli("-C", str(folder), "export", "-o", str(target))
    assert refused.exit_code == ExitCode.USAGE
    assert "existe déjà" in refused.stderr
    assert "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "mon tableau à moi\n"
    forced = cli("-C", str(folder), "export", "-o", str(target), "--force")
    assert forced.exit_code == 0, forced.stderr
    assert target.read_text(encoding="utf-8-sig").startswith("indicateur;")


def test_merge_rewrites_its_own_output_until_someone_edits_it(cli, example) -> None:
    folder = example("echec-scolaire")
    args = ("-C", str(folder), "merge", "-o", "consolide.yaml")
    assert cli(*args).exit_code == 0
    assert cli(*args).exit_code == 0
    output = folder / "consolide.yaml"
    output.write_text(output.read_text(encoding="utf-8") + "# ma note\n", encoding="utf-8")
    refused = cli(*args)
    assert refused.exit_code == ExitCode.USAGE
    assert "# ma note" in output.read_text(encoding="utf-8")
    assert cli(*args, "--force").exit_code == 0
    assert "# ma note" not in output.read_text(encoding="utf-8")


def test_the_default_report_path_follows_the_same_rule(cli, example) -> None:
    folder = example("echec-scolaire")
    args = ("-C", str(folder), "report", "-t", "communication", "-p", "2025-2026")
    first = cli(*args)
    assert first.exit_code == 0, first.stderr
    written = folder / "rapports" / "communication-2025-2026.html"
    assert written.is_file()
    assert cli(*args).exit_code == 0
    written.write_text("<p>mise en page à la main</p>\n", encoding="utf-8")
    refused = cli(*args)
    assert refused.exit_code == ExitCode.USAGE
    assert "n'a pas été écrit par « utilsoc report »" in refused.stderr
    assert written.read_text(encoding="utf-8") == "<p>mise en page à la main</p>\n"
    assert cli(*args, "--force").exit_code == 0
    assert written.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
