from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from utilsoc.errors import ExitCode


def test_help_is_french_and_lists_commands(cli) -> None:
    result = cli("--help")
    assert result.exit_code == 0
    assert "Utilisation : utilsoc" in result.stdout
    assert "Afficher cette aide et quitter." in result.stdout
    for command in ("init", "validate", "schema"):
        assert command in result.stdout
    assert "Show this message" not in result.stdout


def test_no_arguments_shows_help(cli) -> None:
    result = cli()
    assert result.exit_code == 0
    assert "Commandes" in result.stdout


def test_unknown_command_suggests_the_close_one(cli) -> None:
    result = cli("valdate")
    assert result.exit_code == ExitCode.USAGE
    assert "commande inconnue : « valdate » — vouliez-vous dire « validate » ?" in result.stderr


def test_unknown_option_is_a_french_usage_error(cli) -> None:
    result = cli("validate", "--formt", "json")
    assert result.exit_code == ExitCode.USAGE
    assert "option inconnue : --formt" in result.stderr
    assert "Traceback" not in result.stderr


def test_init_then_validate_a_fresh_folder(cli, tmp_path: Path) -> None:
    created = cli("init", "asso", "--example", "vide")
    assert created.exit_code == 0, created.stderr
    assert (tmp_path / "asso" / "referentiel.yaml").is_file()
    first_line = (tmp_path / "asso" / "referentiel.yaml").read_text(encoding="utf-8").split("\n")[0]
    assert first_line == "# yaml-language-server: $schema=./schemas/referentiel.schema.json"
    cadre = next((tmp_path / "asso" / "cadres-logiques").glob("*.yaml"))
    assert cadre.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schemas/cadre-logique.schema.json\n"
    )
    assert ".utilsoc-cache/" in (tmp_path / "asso" / ".gitignore").read_text(encoding="utf-8")
    assert (tmp_path / "asso" / "README.md").is_file()
    result = cli("-C", "asso", "validate")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("référentiel valide : 1 domaine, 1 critère, 1 indicateur")


def test_init_refuses_to_overwrite_and_changes_nothing(cli, tmp_path: Path) -> None:
    assert cli("init", "asso", "--example", "vide").exit_code == 0
    target = tmp_path / "asso" / "referentiel.yaml"
    target.write_text(
        "# modifié à la main\n" + target.read_text(encoding="utf-8"), encoding="utf-8"
    )
    before = {p: p.read_bytes() for p in (tmp_path / "asso").rglob("*") if p.is_file()}
    result = cli("init", "asso", "--example", "vide")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "contient déjà un référentiel" in result.stderr
    after = {p: p.read_bytes() for p in (tmp_path / "asso").rglob("*") if p.is_file()}
    assert after == before


def test_init_refuses_a_folder_with_one_of_its_files(cli, tmp_path: Path) -> None:
    (tmp_path / "asso").mkdir()
    (tmp_path / "asso" / "README.md").write_text("le nôtre\n", encoding="utf-8")
    result = cli("init", "asso", "--example", "vide")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "README.md" in result.stderr
    assert sorted(p.name for p in (tmp_path / "asso").iterdir()) == ["README.md"]


def test_init_unknown_example_lists_the_known_ones(cli) -> None:
    result = cli("init", "asso", "--example", "sport")
    assert result.exit_code == ExitCode.USAGE
    assert "exemple inconnu : « sport »" in result.stderr
    assert "echec-scolaire" in result.stderr


def test_init_without_terminal_never_waits(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "utilsoc", "init", "asso"],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "pas de terminal" in completed.stderr
    assert (tmp_path / "asso" / "association.yaml").is_file()


def test_interactive_identity_is_written_quoted(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("utilsoc.cli.commands.init.is_terminal", lambda: True)
    answers = "\n".join(
        [
            "Les Amis: du « quartier »",
            "Vision : #1",
            "Mission",
            "NO",
            "Coopération, écoute",
            "Bienveillante",
            "",
        ]
    )
    result = cli("init", "asso", input=answers)
    assert result.exit_code == 0, result.stderr
    assert cli("-C", "asso", "validate").exit_code == 0
    text = (tmp_path / "asso" / "association.yaml").read_text(encoding="utf-8")
    assert 'nom: "Les Amis: du « quartier »"' in text
    assert 'ambition: "NO"' in text


def test_validate_reports_every_problem_with_position(cli, example) -> None:
    folder = example("vide")
    path = folder / "referentiel.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("type: nombre", "type: nombres").replace("valeur: 50", "valeur: 5,5")
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    result = cli("validate", str(folder))
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    lines = result.stderr.splitlines()
    assert any(
        ":23:19: erreur: type : valeur non reconnue" in line and "« nombre »" in line
        for line in lines
    ), lines
    assert any("valeur : virgule décimale : écrivez 5.5" in line for line in lines)
    assert lines[-1] == "référentiel invalide : 2 problèmes"
    assert path.read_bytes() == before


def test_validate_json_lists_issue_objects(cli, example) -> None:
    folder = example("vide")
    (folder / "association.yaml").write_text("nom: Test\nnom: Autre\n", encoding="utf-8")
    result = cli("validate", str(folder), "--format", "json")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    issues = json.loads(result.stdout)
    assert {"file", "line", "column", "code", "message"} <= set(issues[0])
    duplicate = next(i for i in issues if i["code"] == "cle-en-double")
    assert (duplicate["line"], duplicate["column"]) == (2, 1)


def test_validate_outside_any_referentiel_is_a_usage_error(cli) -> None:
    result = cli("validate")
    assert result.exit_code == ExitCode.USAGE
    assert "aucun référentiel" in result.stderr


def test_validate_finds_the_root_from_a_subfolder(cli, example, monkeypatch) -> None:
    folder = example("vide")
    monkeypatch.chdir(folder / "cadres-logiques")
    assert cli("validate").exit_code == 0


def test_validate_a_missing_folder(cli) -> None:
    result = cli("-C", "nulle-part", "validate")
    assert result.exit_code == ExitCode.USAGE
    assert "dossier introuvable" in result.stderr


def test_unreadable_file_is_an_io_error(cli, example) -> None:
    folder = example("vide")
    (folder / "association.yaml").chmod(0)
    try:
        if (folder / "association.yaml").stat().st_mode and _can_read(folder / "association.yaml"):
            pytest.skip("running as a user who can read anything (root)")
        result = cli("validate", str(folder))
        assert result.exit_code == ExitCode.ENTREE_SORTIE
    finally:
        (folder / "association.yaml").chmod(0o644)


def _can_read(path: Path) -> bool:
    try:
        path.read_bytes()
    except PermissionError:
        return False
    return True


def test_schema_writes_into_the_association_folder(cli, example) -> None:
    folder = example("vide")
    result = cli("-C", str(folder), "schema")
    assert result.exit_code == 0
    assert sorted(p.name for p in (folder / "schemas").iterdir()) == [
        "association.schema.json",
        "cadre-logique.schema.json",
        "correspondance.schema.json",
        "mesures.schema.json",
        "publics.schema.json",
        "referentiel.schema.json",
    ]


def test_version(cli) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("utilsoc ")


def test_internal_error_shows_no_traceback_unless_debug(cli, example, monkeypatch) -> None:
    folder = example("vide")

    def explode(*_args: object) -> None:
        raise RuntimeError("boum")

    monkeypatch.setattr("utilsoc.check.referentiel.check_project", explode)
    result = cli("validate", str(folder))
    assert result.exit_code == ExitCode.BUG
    assert "erreur interne : RuntimeError: boum" in result.stderr
    assert "Traceback" not in result.stderr
    debug = cli("--debug", "validate", str(folder))
    assert debug.exit_code == ExitCode.BUG
    assert "Traceback" in debug.stderr


def test_translated_help_keeps_its_columns_straight() -> None:
    from utilsoc.cli.french import translate_help

    english = (
        "Usage: utilsoc [OPTIONS] COMMAND [ARGS]...\n\n"
        "Options:\n"
        "  -C, --dir PATH  Travailler dans ce dossier, une description assez longue\n"
        "                  pour tenir sur deux lignes.  [default: .]\n"
        "  -n <int>        Combien.  [required]\n"
        "  -h, --help      Show this message and exit.\n"
    )
    assert translate_help(english) == (
        "Utilisation : utilsoc [OPTIONS] COMMANDE [ARGUMENTS]...\n\n"
        "Options:\n"
        "  -C, --dir CHEMIN  Travailler dans ce dossier, une description assez longue\n"
        "                    pour tenir sur deux lignes.  [défaut : .]\n"
        "  -n ENTIER         Combien.  [obligatoire]\n"
        "  -h, --help        Afficher cette aide et quitter.\n"
    )


def test_command_help_is_french_with_aligned_columns(cli) -> None:
    result = cli("report", "--help")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("Utilisation : utilsoc report [OPTIONS]")
    assert "[défaut : bilan]" in text
    assert "-o, --output CHEMIN" in text
    for english in ("Usage:", "default:", "<str>", "<path>", "TEXT ", "Show this"):
        assert english not in text
    rows = [re.match(r"  (-\S.*?) {2,}(\S)", line) for line in text.splitlines()]
    starts = {row.start(2) for row in rows if row}
    assert len(starts) == 1, text


def test_group_without_command_shows_its_help(cli) -> None:
    result = cli("templates")
    assert result.exit_code == 0
    assert result.stdout.startswith("Utilisation : utilsoc templates [OPTIONS] COMMANDE")
    assert "eject" in result.stdout
    assert result.stderr == ""


def test_missing_argument_and_bad_choice_are_french(cli) -> None:
    missing = cli("templates", "eject")
    assert missing.exit_code == ExitCode.USAGE
    assert "manquant — voir « utilsoc templates eject --help »" in missing.stderr
    choice = cli("report", "--format", "pdf")
    assert choice.exit_code == ExitCode.USAGE
    assert "valeur invalide pour --format/-f : « pdf » (possibles : html, md)" in choice.stderr


@pytest.mark.parametrize(
    ("args", "named"),
    [
        ([], []),
        (["--help"], []),
        (["validate", "--help"], ["validate"]),
        (["-C", "validate", "status"], ["status"]),
        (["--dir", "x", "--debug", "report", "-o", "merge"], ["report"]),
        (["-Cx", "templates", "list"], ["templates"]),
        (["--", "merge"], ["merge"]),
        (["valdate"], []),
    ],
)
def test_only_the_command_asked_for_is_built(args, named) -> None:
    from utilsoc.cli.app import command_named

    assert command_named(args) == named


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "utilsoc", *args],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_script_builds_the_right_command(example, tmp_path: Path) -> None:
    folder = example("vide")
    listed = _run("--help", cwd=tmp_path)
    assert listed.returncode == 0
    for command in ("init", "report", "templates"):
        assert f"\n  {command} " in listed.stdout
    assert _run("-C", str(folder), "validate", cwd=tmp_path).returncode == 0
    typo = _run("-C", str(folder), "valdate", cwd=tmp_path)
    assert typo.returncode == ExitCode.USAGE
    assert "vouliez-vous dire « validate »" in typo.stderr
    eject = _run("-C", str(folder), "templates", "eject", "bilan", "-f", "md", cwd=tmp_path)
    assert eject.returncode == 0, eject.stderr


def test_the_cli_imports_no_private_module_of_its_libraries() -> None:
    import ast

    import utilsoc.cli

    for path in Path(utilsoc.cli.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or "", *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.Attribute):
                names = [_dotted(node)]
            for name in names:
                parts = name.split(".")
                private = [p for p in parts[1:] if p.startswith("_") and not p.startswith("__")]
                assert not (parts[0] in {"typer", "click", "rich"} and private), (path, name)
                assert not name.startswith(("typer.main", "typer.models")), (path, name)


def _dotted(node: object) -> str:
    import ast

    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return node.id if isinstance(node, ast.Name) else "?"
