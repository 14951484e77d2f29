"""Every kind of file a folder holds gets the reader's located refusals, through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from utilsoc.errors import ExitCode

CODE = "nb_personnes_accompagnees"
RECORD = f"{{indicateur: {CODE}, période: 2026, valeur: 3, auteur: marie, date: 2026-02-01}}"
ALIAS_LINE = f"  - {{indicateur: {CODE}, *a : 2026, valeur: 3, auteur: marie, date: 2026-02-01}}\n"


def _append(folder: Path, name: str, text: str) -> tuple[Path, int]:
    """Append `text` to a file of the folder; returns the file and the line it starts on."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    before = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(before + text, encoding="utf-8")
    return path, before.count("\n") + 1


@pytest.mark.parametrize(
    "name",
    ["referentiel.yaml", "association.yaml", "publics.yaml", "cadres-logiques/financeur.yaml"],
)
def test_an_alias_key_in_a_referentiel_file_is_located(cli, example, name: str) -> None:
    folder = example("vide")
    path, line = _append(folder, name, "*a : valeur\n")
    before = path.read_bytes()
    result = cli("validate", str(folder))
    assert result.exit_code == ExitCode.DONNEES_INVALIDES, result.stderr
    assert f"{name}:{line}:1: erreur: alias « *a » interdit — " in result.stderr
    assert "erreur interne" not in result.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "text",
    [
        # The first line is in the form `record` writes (the fast path), the second is not.
        f"valeurs:\n  - {RECORD}\n{ALIAS_LINE}",
        f"valeurs:\n{ALIAS_LINE}",
        "valeurs:\n  - indicateur: x\n    *a : 2026\n",
        "*a :\n  - x\n",
    ],
)
def test_an_alias_key_in_a_measurement_file_is_located(cli, example, monkeypatch, text) -> None:
    folder = example("vide")
    _append(folder, "mesures/2026/marie.yaml", text)
    line = next(n for n, row in enumerate(text.split("\n"), start=1) if "*a" in row)
    column = text.split("\n")[line - 1].index("*a") + 1
    monkeypatch.chdir(folder)
    result = cli("validate")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES, result.stderr
    expected = f"mesures/2026/marie.yaml:{line}:{column}: erreur: alias « *a » interdit — "
    assert expected in result.stderr
    assert "erreur interne" not in result.stderr


def test_an_alias_key_in_an_import_mapping_is_located(cli, example, tmp_path) -> None:
    folder = example("vide")
    (tmp_path / "a.csv").write_text(f"Indicateur;Période;Valeur\n{CODE};2024;3\n", "utf-8")
    mapping = "auteur: tableur\ncolonnes:\n  indicateur: Indicateur\n  *a : Période\n"
    (tmp_path / "map.yaml").write_text(mapping, encoding="utf-8")
    result = cli(
        "-C", str(folder), "import", str(tmp_path / "a.csv"), "-m", str(tmp_path / "map.yaml")
    )
    assert result.exit_code == ExitCode.DONNEES_INVALIDES, result.stderr
    assert "map.yaml:4:3: erreur: alias « *a » interdit — " in result.stderr
    assert not (folder / "mesures").exists()
