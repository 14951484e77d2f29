from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from utilsoc.errors import ExitCode, UsageError
from utilsoc.project import Layout
from utilsoc.store.outputs import REGISTRY, check_output, record_output


@pytest.fixture
def layout(tmp_path: Path) -> Layout:
    root = tmp_path / "asso"
    for name in ("referentiel.yaml", "association.yaml", "publics.yaml"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(f"# {name}\n", encoding="utf-8")
    for name in (
        "cadres-logiques/fondation.yaml",
        "mesures/2025/nadia.yaml",
        "correspondances/suivi.yaml",
        "modeles/bilan.html.j2",
    ):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("à nous\n", encoding="utf-8")
    return Layout(root)


@pytest.mark.parametrize(
    "name",
    [
        "referentiel.yaml",
        "association.yaml",
        "publics.yaml",
        "cadres-logiques/fondation.yaml",
        "cadres-logiques/nouveau.yaml",
        "mesures/2025/nadia.yaml",
        "mesures/2026/nouveau.yaml",
        "correspondances/suivi.yaml",
        "modeles/bilan.html.j2",
        ".git/config",
    ],
)
def test_the_associations_data_is_refused_even_with_force(layout: Layout, name: str) -> None:
    target = layout.root / name
    with pytest.raises(UsageError) as raised:
        check_output(layout, target, "report", force=True)
    assert raised.value.exit_code == ExitCode.USAGE
    assert "fait partie des données de l'association" in raised.value.message
    assert "--force" in raised.value.message
    assert raised.value.hint


def test_a_path_reaching_the_referentiel_another_way_is_refused(layout: Layout) -> None:
    (layout.root / "rapports").mkdir()
    detour = layout.root / "rapports" / ".." / "referentiel.yaml"
    link = layout.root / "lien.html"
    link.symlink_to(layout.referentiel)
    hard = layout.root / "copie.yaml"
    os.link(layout.referentiel, hard)
    for target in (detour, link, hard):
        with pytest.raises(UsageError):
            check_output(layout, target, "merge", force=True)


def test_a_mapping_outside_its_folder_is_known_by_its_schema_line(layout: Layout) -> None:
    mapping = layout.root.parent / "suivi.yaml"
    mapping.write_text(
        "# yaml-language-server: $schema=./schemas/correspondance.schema.json\n", "utf-8"
    )
    with pytest.raises(UsageError):
        check_output(layout, mapping, "export", force=True)


def test_a_new_file_anywhere_else_is_allowed(layout: Layout) -> None:
    check_output(layout, layout.root / "rapports" / "bilan.html", "report", force=False)
    check_output(layout, layout.root.parent / "valeurs.csv", "export", force=False)


def test_a_folder_is_refused(layout: Layout) -> None:
    (layout.root / "rapports").mkdir()
    with pytest.raises(UsageError, match="est un dossier"):
        check_output(layout, layout.root / "rapports", "report", force=True)


def test_an_existing_file_needs_force_unless_written_by_the_same_command(
    layout: Layout,
) -> None:
    target = layout.root / "notes.md"
    target.write_text("mes notes\n", encoding="utf-8")
    with pytest.raises(UsageError) as raised:
        check_output(layout, target, "report", force=False)
    assert "existe déjà" in raised.value.message
    assert "--force" in raised.value.hint
    check_output(layout, target, "report", force=True)

    record_output(layout, target, "report")
    check_output(layout, target, "report", force=False)
    with pytest.raises(UsageError):
        check_output(layout, target, "merge", force=False)


def test_a_file_changed_since_it_was_written_is_not_ours_any_more(layout: Layout) -> None:
    target = layout.root / "rapports" / "bilan.html"
    target.parent.mkdir()
    target.write_text("<p>rapport</p>\n", encoding="utf-8")
    record_output(layout, target, "report")
    target.write_text("<p>rapport corrigé à la main</p>\n", encoding="utf-8")
    with pytest.raises(UsageError):
        check_output(layout, target, "report", force=False)


def test_the_registry_names_files_from_the_root(layout: Layout, tmp_path: Path) -> None:
    inside = layout.root / "rapports" / "bilan.html"
    inside.parent.mkdir()
    inside.write_bytes(b"a")
    outside = tmp_path / "valeurs.csv"
    outside.write_bytes(b"b")
    record_output(layout, inside, "report")
    record_output(layout, outside, "export")
    stored = json.loads((layout.root / ".utilsoc-cache" / REGISTRY).read_text("utf-8"))
    assert set(stored["fichiers"]) == {"rapports/bilan.html", outside.resolve().as_posix()}
    assert stored["fichiers"]["rapports/bilan.html"]["commande"] == "report"


def test_a_damaged_registry_only_means_asking_for_force(layout: Layout) -> None:
    target = layout.root / "sortie.yaml"
    target.write_text("x\n", encoding="utf-8")
    registry = layout.root / ".utilsoc-cache" / REGISTRY
    registry.parent.mkdir()
    registry.write_text("{pas du json", encoding="utf-8")
    with pytest.raises(UsageError):
        check_output(layout, target, "merge", force=False)
    record_output(layout, target, "merge")
    check_output(layout, target, "merge", force=False)


# Through the commands that write one: report, merge -o, export -o.


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
