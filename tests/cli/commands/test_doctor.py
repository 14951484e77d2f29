"""`utilsoc doctor` on the command line: exit codes, one line per item, nothing changed."""

from __future__ import annotations

from utilsoc.errors import ExitCode


def test_an_invalid_folder_fails_the_check(cli, example) -> None:
    folder = example("vide")
    ref = folder / "referentiel.yaml"
    ref.write_text(ref.read_text(encoding="utf-8") + "\ninconnu: 1\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    result = cli("-C", str(folder), "doctor")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    line = next(line for line in result.stdout.splitlines() if " fichiers " in line)
    assert line.startswith("manque")
    assert "1 erreur — lancez « utilsoc validate »" in line
    after = {
        p: p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and ".utilsoc-cache" not in p.parts
    }
    assert after == {p: b for p, b in before.items() if ".utilsoc-cache" not in p.parts}


def test_outside_any_folder_the_hint_says_how_to_create_one(cli, tmp_path) -> None:
    result = cli("-C", str(tmp_path), "doctor")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    line = next(line for line in result.stdout.splitlines() if "dossier de l'association" in line)
    assert line.startswith("manque")
    assert "utilsoc init" in line
