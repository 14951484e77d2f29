"""`utilsoc record`: checked values, no silent overwrite, atomic and concurrent-safe writes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from utilsoc.errors import ExitCode

CODE = "nb_personnes_accompagnees"


def _files(folder: Path) -> dict[Path, bytes]:
    return (
        {p: p.read_bytes() for p in (folder / "mesures").rglob("*.yaml")}
        if (folder / "mesures").exists()
        else {}
    )


def test_record_writes_one_line_per_value_and_validates(cli, example) -> None:
    folder = example("vide")
    result = cli(
        "-C",
        str(folder),
        "record",
        CODE,
        "12",
        "-p",
        "2026",
        "--dim",
        "sexe=F",
        "-a",
        "Marie Dupré",
        "--date",
        "2026-03-02",
    )
    assert result.exit_code == 0, result.stderr
    path = folder / "mesures" / "2026" / "marie-dupre.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../schemas/mesures.schema.json"
    assert lines[-1] == (
        f"  - {{indicateur: {CODE}, période: 2026, valeur: 12, dimensions: "
        '{sexe: F}, auteur: "Marie Dupré", date: 2026-03-02}'
    )
    validated = cli("-C", str(folder), "validate")
    assert validated.exit_code == 0, validated.stderr
    assert validated.stdout.strip().endswith("1 valeur")


def test_french_decimal_comma_is_accepted_on_the_command_line(cli, example) -> None:
    folder = example("vide")
    assert cli("-C", str(folder), "record", CODE, "3,5", "-p", "2026", "-a", "bob").exit_code == 0
    assert "valeur: 3.5," in (folder / "mesures" / "2026" / "bob.yaml").read_text(encoding="utf-8")


def test_bad_inputs_write_nothing(cli, example) -> None:
    folder = example("vide")
    cases = [
        (["trois", "-p", "2026"], "nombre attendu"),
        (["-4", "-p", "2026"], "ne peut pas être négatif"),
        (["4", "-p", "2026-T1"], "ne correspond pas à la fréquence annuelle"),
        (["4", "-p", "2026", "--dim", "sexe=X"], "n'est pas une valeur de la dimension"),
        (["4", "-p", "2026", "--dim", "site=Brest"], "n'est pas ventilé par « site »"),
        (["4", "-p", "2026-99"], "mois « 2026-99 » inexistant"),
    ]
    for args, message in cases:
        value, options = args[0], args[1:]
        result = cli("-C", str(folder), "record", "-a", "bob", *options, "--", CODE, value)
        assert result.exit_code in (ExitCode.DONNEES_INVALIDES, ExitCode.USAGE), args
        assert message in result.stderr, (args, result.stderr)
    unknown = cli("-C", str(folder), "record", "nb_personnes", "4", "-p", "2026", "-a", "bob")
    assert f"vouliez-vous dire « {CODE} » ?" in unknown.stderr
    assert _files(folder) == {}


def test_existing_value_needs_replace_with_a_reason_and_history_is_kept(cli, example) -> None:
    folder = example("vide")
    base = ["-C", str(folder), "record", CODE]
    assert cli(*base, "12", "-p", "2026", "-a", "marie", "--date", "2026-03-02").exit_code == 0
    before = _files(folder)
    refused = cli(*base, "13", "-p", "2026", "-a", "bob")
    assert refused.exit_code == ExitCode.DONNEES_INVALIDES
    assert "une valeur existe déjà" in refused.stderr
    assert "--replace" in refused.stderr
    assert _files(folder) == before
    same = cli(*base, "12", "-p", "2026", "-a", "bob")
    assert same.exit_code == 0
    assert "rien à faire" in same.stdout
    assert cli(*base, "13", "-p", "2026", "-a", "bob", "--replace").exit_code == ExitCode.USAGE
    replaced = cli(*base, "13", "-p", "2026", "-a", "bob", "--replace", "--motif", "erreur")
    assert replaced.exit_code == 0, replaced.stderr
    text = (folder / "mesures" / "2026" / "bob.yaml").read_text(encoding="utf-8")
    assert "remplace: {valeur: 12, auteur: marie, date: 2026-03-02, motif: erreur}" in text
    assert cli("-C", str(folder), "validate").exit_code == 0


def test_append_keeps_comments_bom_and_crlf(cli, example) -> None:
    folder = example("vide")
    assert cli("-C", str(folder), "record", CODE, "1", "-p", "2025", "-a", "bob").exit_code == 0
    path = folder / "mesures" / "2025" / "bob.yaml"
    edited = "\ufeff" + path.read_text(encoding="utf-8").replace(
        "valeurs:", "# note à garder\nvaleurs:"
    )
    path.write_bytes(edited.replace("\n", "\r\n").encode("utf-8"))
    original = path.read_bytes()
    result = cli(
        "-C", str(folder), "record", CODE, "2", "-p", "2025", "--dim", "sexe=H", "-a", "bob"
    )
    assert result.exit_code == 0, result.stderr
    after = path.read_bytes()
    assert after.startswith(original)
    assert after[len(original) :].endswith(
        b"date: " + after.split(b"date: ")[-1].split(b"}")[0] + b"}\r\n"
    )


def test_a_hand_broken_measure_file_blocks_record_and_validate(cli, example) -> None:
    folder = example("vide")
    assert cli("-C", str(folder), "record", CODE, "1", "-p", "2025", "-a", "bob").exit_code == 0
    path = folder / "mesures" / "2025" / "bob.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  - {indicateur: [\n", encoding="utf-8")
    broken = path.read_bytes()
    result = cli(
        "-C", str(folder), "record", CODE, "2", "-p", "2025", "-a", "bob", "--dim", "sexe=F"
    )
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "mesures/2025/bob.yaml:" in result.stderr
    assert path.read_bytes() == broken
    assert cli("-C", str(folder), "validate").exit_code == ExitCode.DONNEES_INVALIDES


def test_conflicting_values_from_two_contributors_are_reported(cli, example) -> None:
    folder = example("vide")
    (folder / "mesures" / "2026").mkdir(parents=True)
    for author, value in (("alice", 10), ("bob", 11)):
        (folder / "mesures" / "2026" / f"{author}.yaml").write_text(
            f"valeurs:\n  - {{indicateur: {CODE}, période: 2026, valeur: {value}, "
            f"auteur: {author}, date: 2026-01-05}}\n",
            encoding="utf-8",
        )
    result = cli("-C", str(folder), "validate")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "[conflit-de-valeurs]" in result.stderr
    assert "alice.yaml:2 (10, alice)" in result.stderr
    assert "bob.yaml:2 (11, bob)" in result.stderr


def test_four_processes_recording_at_once_lose_nothing(example) -> None:
    folder = example("vide")
    referentiel = folder / "referentiel.yaml"
    codes = ", ".join(f"p{n}" for n in range(200))
    text = (
        referentiel.read_text(encoding="utf-8")
        .replace(
            "    valeurs: [F, H, autre]\n",
            f"    valeurs: [F, H, autre]\n  - code: participant\n    nom: Participant\n"
            f"    valeurs: [{codes}]\n",
        )
        .replace("dimensions: [sexe]", "dimensions: [sexe, participant]")
    )
    referentiel.write_text(text, encoding="utf-8")
    script = (
        "import sys\n"
        "from utilsoc.cli.app import main\n"
        "folder, worker = sys.argv[1], int(sys.argv[2])\n"
        "for n in range(worker * 50, worker * 50 + 50):\n"
        "    sys.argv = ['utilsoc', '-C', folder, 'record', 'nb_personnes_accompagnees',\n"
        "                str(n), '-p', '2026', '-a', 'equipe', '--dim', f'participant=p{n}']\n"
        "    try:\n"
        "        main()\n"
        "    except SystemExit as done:\n"
        "        assert done.code == 0, done.code\n"
    )
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(folder), str(w)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for w in range(4)
    ]
    errors = [p.communicate(timeout=600)[1] for p in processes]
    assert [p.returncode for p in processes] == [0, 0, 0, 0], errors
    lines = (folder / "mesures" / "2026" / "equipe.yaml").read_text(encoding="utf-8").splitlines()
    recorded = {
        line.split("participant: ")[1].split("}")[0] for line in lines if "participant" in line
    }
    assert recorded == {f"p{n}" for n in range(200)}


def test_without_libyaml_everything_works_and_says_so_once(cli, example, monkeypatch) -> None:
    import yaml

    import utilsoc.yamlio.reader as reader

    monkeypatch.setattr(reader, "Loader", yaml.SafeLoader)
    monkeypatch.setattr(reader, "WITH_LIBYAML", False)
    monkeypatch.setitem(reader._WARNED, "libyaml", False)
    folder = example("vide")
    first = cli("-C", str(folder), "record", "-a", "m", CODE, "3", "-p", "2025")
    assert first.exit_code == 0, first.stderr
    assert first.stderr.count("sans libyaml") == 1
    result = cli("-C", str(folder), "validate")
    assert result.exit_code == 0, result.stderr
    assert "sans libyaml" not in result.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc to find the file being written")
def test_a_writer_killed_mid_write_leaves_the_file_as_it_was(cli, example) -> None:
    folder = example("vide")
    assert (
        cli(
            "-C", str(folder), "record", "-a", "bob", CODE, "1", "-p", "2025", "--dim", "sexe=F"
        ).exit_code
        == 0
    )
    path = folder / "mesures" / "2025" / "bob.yaml"
    before = path.read_bytes()
    script = (
        "import os, signal, sys\n"
        "real = os.fsync\n"
        "def fsync(fd):\n"
        "    if '.bob.yaml.' in os.readlink(f'/proc/self/fd/{fd}'):\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "    real(fd)\n"
        "os.fsync = fsync\n"
        "from utilsoc.cli.app import main\n"
        f"sys.argv = ['utilsoc', '-C', {str(folder)!r}, 'record', '-a', 'bob', {CODE!r}, '2',\n"
        "            '-p', '2025', '--dim', 'sexe=H']\n"
        "main()\n"
    )
    killed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, timeout=60, check=False
    )
    assert killed.returncode == -9
    assert path.read_bytes() == before
    assert list(path.parent.glob(".bob.yaml.*.tmp"))  # the killed writer's temporary file
    again = cli(
        "-C", str(folder), "record", "-a", "bob", CODE, "2", "-p", "2025", "--dim", "sexe=H"
    )
    assert again.exit_code == 0, again.stderr
    assert not list(path.parent.glob(".bob.yaml.*.tmp"))
    assert path.read_bytes().startswith(before)


def _current(cli, folder: Path) -> list[str]:
    result = cli("-C", str(folder), "export")
    assert result.exit_code == 0, result.stderr
    return [line.split(";")[3] for line in result.stdout.splitlines()[1:]]


def test_replacing_with_the_same_value_changes_nothing(cli, example) -> None:
    folder = example("vide")
    base = ["-C", str(folder), "record", "-a", "Marie", "--date", "2026-02-01", CODE]
    assert cli(*base, "12", "-p", "2026").exit_code == 0
    same = cli(*base, "12", "-p", "2026", "--replace", "--motif", "vérifié")
    assert "rien à faire" in same.stdout
    assert _current(cli, folder) == ["12"]


def test_back_and_forth_the_same_day_never_loses_the_value(cli, example) -> None:
    folder = example("vide")
    base = ["-C", str(folder), "record", "-a", "Marie", "--date", "2026-02-01", CODE]
    assert cli(*base, "12", "-p", "2026").exit_code == 0
    assert cli(*base, "13", "-p", "2026", "--replace", "--motif", "erreur").exit_code == 0
    assert _current(cli, folder) == ["13"]
    back = cli(*base, "12", "-p", "2026", "--replace", "--motif", "finalement")
    assert back.exit_code == ExitCode.DONNEES_INVALIDES
    assert "--date" in back.stderr
    again = cli(
        "-C",
        str(folder),
        "record",
        "-a",
        "Marie",
        "--date",
        "2026-02-02",
        CODE,
        "12",
        "-p",
        "2026",
        "--replace",
        "--motif",
        "finalement",
    )
    assert again.exit_code == 0, again.stderr
    assert _current(cli, folder) == ["12"]


def test_a_conflict_is_resolved_with_replace(cli, example) -> None:
    folder = example("vide")
    (folder / "mesures" / "2026").mkdir(parents=True)
    for author, value in (("alice", 10), ("bob", 11)):
        (folder / "mesures" / "2026" / f"{author}.yaml").write_text(
            f"valeurs:\n  - {{indicateur: {CODE}, période: 2026, valeur: {value}, "
            f"auteur: {author}, date: 2026-01-05}}\n",
            encoding="utf-8",
        )
    refused = cli("-C", str(folder), "record", "-a", "chloe", CODE, "11", "-p", "2026")
    assert "conflit sur" in refused.stderr
    fixed = cli(
        "-C",
        str(folder),
        "record",
        "-a",
        "chloe",
        CODE,
        "11",
        "-p",
        "2026",
        "--replace",
        "--motif",
        "vérifié sur la feuille d'émargement",
    )
    assert fixed.exit_code == 0, fixed.stderr
    assert cli("-C", str(folder), "validate").exit_code == 0
    assert _current(cli, folder) == ["11"]


def test_processes_recording_the_same_key_at_once_keep_exactly_one(example) -> None:
    folder = example("vide")
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "utilsoc", "-C", str(folder), "record", CODE, str(n)]
            + ["-p", "2026", "--dim", "sexe=F", "-a", f"personne{n}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(4)
    ]
    outputs = [p.communicate(timeout=300) for p in processes]
    codes = [p.returncode for p in processes]
    assert sorted(codes) == [0, 1, 1, 1], outputs
    for code, (_, stderr) in zip(codes, outputs, strict=True):
        if code == 1:
            assert f"une valeur existe déjà pour {CODE} (sexe=F) en 2026" in stderr
    lines = [
        line
        for path in (folder / "mesures" / "2026").glob("*.yaml")
        for line in path.read_text(encoding="utf-8").splitlines()
        if "indicateur:" in line
    ]
    assert len(lines) == 1


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (b"", "utf-8"),
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ],
)
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_record_keeps_the_file_encoding_and_line_endings(
    cli, example, bom: bytes, encoding: str, newline: str
) -> None:
    folder = example("vide")
    assert cli("-C", str(folder), "record", CODE, "1", "-p", "2025", "-a", "bob").exit_code == 0
    path = folder / "mesures" / "2025" / "bob.yaml"
    original = bom + path.read_text(encoding="utf-8").replace("\n", newline).encode(encoding)
    path.write_bytes(original)
    result = cli(
        "-C", str(folder), "record", CODE, "2", "-p", "2025", "--dim", "sexe=H", "-a", "bob"
    )
    assert result.exit_code == 0, result.stderr
    after = path.read_bytes()
    assert after.startswith(original)
    added = after[len(original) :].decode(encoding)
    assert added.startswith(f"  - {{indicateur: {CODE}, période: 2025, valeur: 2,")
    assert added.endswith("}" + newline)
    assert "\r" not in added.replace("\r\n", "")
    validated = cli("-C", str(folder), "validate")
    assert validated.exit_code == 0, validated.stderr
    assert validated.stdout.strip().endswith("2 valeurs")


@pytest.mark.parametrize("author", ["CON", "nul", "Aux", "com1", "LPT9", "con.txt", "Léa.", "?!"])
def test_an_author_named_like_a_windows_device_gets_a_file_windows_opens(
    cli, example, author: str
) -> None:
    from utilsoc.store.names import windows_safe

    folder = example("vide")
    result = cli("-C", str(folder), "record", CODE, "3", "-p", "2026", "-a", author)
    assert result.exit_code == 0, result.stderr
    [path] = (folder / "mesures" / "2026").iterdir()
    assert windows_safe(path.name)
    assert path.name in {"con_.yaml", "nul_.yaml", "aux_.yaml", "com1_.yaml", "lpt9_.yaml"} | {
        "con-txt.yaml",
        "lea.yaml",
        "anonyme.yaml",
    }
    exported = cli("-C", str(folder), "export")
    assert f";{author};" in exported.stdout or f';"{author}";' in exported.stdout


def test_merge_and_validate_name_the_same_live_values_of_a_conflict(cli, example) -> None:
    folder = example("vide")
    day = folder / "mesures" / "2026"
    day.mkdir(parents=True)
    lines = {
        "alice": "valeur: 10, auteur: alice, date: 2026-01-05",
        "bob": "valeur: 11, auteur: bob, date: 2026-01-05",
        # carol replaces alice's 10 by 12: bob's 11 and carol's 12 are still in conflict
        "carol": "valeur: 12, auteur: carol, date: 2026-01-06, "
        "remplace: {valeur: 10, auteur: alice, date: 2026-01-05, motif: recompté}",
    }
    for author, line in lines.items():
        (day / f"{author}.yaml").write_text(
            f"valeurs:\n  - {{indicateur: {CODE}, période: 2026, {line}}}\n", encoding="utf-8"
        )
    validated = cli("-C", str(folder), "validate")
    merged = cli("-C", str(folder), "merge")
    for result in (validated, merged):
        assert result.exit_code == ExitCode.DONNEES_INVALIDES
        assert "[conflit-de-valeurs]" in result.stderr
        assert "bob.yaml" in result.stderr
        assert "carol.yaml" in result.stderr
        assert "alice.yaml" not in result.stderr, result.stderr


def test_a_value_dated_after_today_is_refused_with_a_hint(cli, example) -> None:
    import datetime as dt

    folder = example("vide")
    today = dt.date.today()
    next_year = str(today.year + 1)
    future = cli("-C", str(folder), "record", "-a", "bob", CODE, "4", "-p", next_year)
    assert future.exit_code == ExitCode.DONNEES_INVALIDES
    assert f"la période {next_year} n'a pas commencé" in future.stderr
    assert "comme cible dans referentiel.yaml" in future.stderr
    tomorrow = (today + dt.timedelta(days=1)).isoformat()
    args = ("-C", str(folder), "record", "-a", "bob", CODE, "4", "-p", str(today.year))
    dated = cli(*args, "--date", tomorrow)
    assert dated.exit_code == ExitCode.DONNEES_INVALIDES
    assert f"date {tomorrow} postérieure à aujourd'hui" in dated.stderr
    assert _files(folder) == {}
    assert cli(*args).exit_code == 0  # today is fine


RATE = (
    "          - code: taux_retour\n"
    "            libellé: Taux de retour à l'emploi\n"
    "            type: taux\n"
    "            unité: '%'\n"
    "            méthode: registre\n"
    "            numérateur: Personnes en emploi à la sortie\n"
    "            dénominateur: Personnes sorties\n"
)


def test_a_rate_is_recorded_by_its_two_terms_typed_as_a_fraction(cli, example) -> None:
    folder = example("vide", RATE)
    base = ("-C", str(folder), "record", "-a", "bob", "--date", "2026-02-01", "taux_retour")
    result = cli(*base, "37/94", "-p", "2025")
    assert result.exit_code == 0, result.stderr
    assert "taux_retour = 37/94 (année 2025)" in result.stdout
    line = (folder / "mesures" / "2025" / "bob.yaml").read_text(encoding="utf-8").splitlines()[-1]
    assert "numérateur: 37" in line
    assert "dénominateur: 94" in line
    assert "valeur" not in line
    assert cli(*base, "37 / 94", "-p", "2025").stdout.startswith("valeur déjà enregistrée")
    refused = cli(*base, "38/94", "-p", "2025")
    assert refused.exit_code == 1
    assert "une valeur existe déjà pour taux_retour en 2025 : 37/94 (bob" in refused.stderr
    fixed = cli(*base, "38/94", "-p", "2025", "--replace", "--motif", "oubli")
    assert fixed.exit_code == 0, fixed.stderr
    assert cli("-C", str(folder), "validate").exit_code == 0
    data = json.loads(cli("-C", str(folder), "status", "-p", "2025", "-f", "json").stdout)
    item = data["domaines"][0]["critères"][0]["indicateurs"][1]
    assert round(item["valeurs"]["2025"], 3) == round(100 * 38 / 94, 3)


def test_a_rate_is_recorded_by_its_two_terms_given_as_options(cli, example) -> None:
    folder = example("vide", RATE)
    base = ("-C", str(folder), "record", "-a", "bob", "taux_retour", "-p", "2025")
    result = cli(*base, "--numerateur", "12,5", "--denominateur", "40")
    assert result.exit_code == 0, result.stderr
    text = (folder / "mesures" / "2025" / "bob.yaml").read_text(encoding="utf-8")
    assert "numérateur: 12.5, dénominateur: 40" in text
    lonely = cli(*base, "--numerateur", "12")
    assert lonely.exit_code == ExitCode.USAGE
    assert "--numerateur et --denominateur vont ensemble" in lonely.stderr


def test_a_bare_percentage_for_a_rate_is_refused_with_the_way_to_type_it(cli, example) -> None:
    folder = example("vide", RATE)
    result = cli("-C", str(folder), "record", "-a", "bob", "taux_retour", "39,4", "-p", "2025")
    assert result.exit_code == 1
    assert "un taux s'enregistre par ses deux termes, « 39,4 » lu" in result.stderr
    assert "37/94" in result.stderr
    assert "--numerateur 37 --denominateur 94" in result.stderr
    assert not (folder / "mesures").exists()
    other = cli("-C", str(folder), "record", "-a", "bob", CODE, "3/4", "-p", "2025")
    assert other.exit_code == 1  # a count is not a fraction
    assert not (folder / "mesures").exists()


def test_a_percent_sign_says_to_drop_it_and_for_a_rate_to_give_its_terms(cli, example) -> None:
    folder = example("echec-scolaire")
    before = _files(folder)
    base = ["-C", str(folder), "record", "-a", "m", "-p", "2026-T4"]
    count = cli(*base, "nb_relais_information", "33%")
    assert count.exit_code == ExitCode.DONNEES_INVALIDES
    assert "nombre attendu, « 33% » lu : écrivez la valeur sans le signe % — écrivez 33 ;" in (
        count.stderr
    )
    assert "37/94, ou --numerateur 37 --denominateur 94" in count.stderr
    assert "déclarez « type: taux »" in count.stderr
    rate = cli(*base, "taux_assiduite", "33 %")
    assert rate.exit_code == ExitCode.DONNEES_INVALIDES
    assert "un taux s'enregistre par ses deux termes, sans le signe %, « 33 % » lu" in rate.stderr
    assert "37/94), ou --numerateur 37 --denominateur 94" in rate.stderr
    assert "s'écrit sur 100 (33/100)" in rate.stderr
    assert _files(folder) == before


def test_a_clash_names_the_dimensions_and_the_line_of_the_value_kept(cli, example) -> None:
    folder = example("vide")
    base = ["-C", str(folder), "record", CODE, "-p", "2026", "--dim", "sexe=H"]
    assert cli(*base, "7", "--dim", "sexe=F", "-a", "marie").exit_code == 0
    assert cli(*base, "12", "-a", "marie", "--date", "2026-03-02").exit_code == 0
    lines = (folder / "mesures" / "2026" / "marie.yaml").read_text(encoding="utf-8").split("\n")
    line = next(n for n, text in enumerate(lines, 1) if "valeur: 12," in text)
    refused = cli(*base, "13", "-a", "bob")
    assert refused.exit_code == ExitCode.DONNEES_INVALIDES
    assert (
        f"une valeur existe déjà pour {CODE} (sexe=H) en 2026 : 12 "
        f"(marie, 2026-03-02, asso/mesures/2026/marie.yaml:{line})"
    ) in refused.stderr.replace("\\", "/")


def test_the_confirmation_echoes_numbers_with_the_decimal_comma(cli, example) -> None:
    folder = example("echec-scolaire")
    base = ["-C", str(folder), "record", "-a", "m", "-p", "2026-T4"]
    count = cli(*base, "heures_accompagnement", "0,9")
    assert count.exit_code == 0, count.stderr
    assert "valeur enregistrée : heures_accompagnement = 0,9 (4e trimestre 2026)" in count.stdout
    rate = cli(*base, "taux_assiduite", "12,5/100")
    assert rate.exit_code == 0, rate.stderr
    assert "taux_assiduite = 12,5/100 (" in rate.stdout
    text = (folder / "mesures" / "2026-T4" / "m.yaml").read_text(encoding="utf-8")
    assert "valeur: 0.9," in text
    assert "numérateur: 12.5, dénominateur: 100" in text


def test_a_note_with_personal_data_is_refused(cli, example) -> None:
    folder = example("vide")
    base = ["-C", str(folder), "record", CODE, "4", "-p", "2026", "-a", "bob", "--note"]
    named = cli(*base, "dont le fils de Karim BENALI")
    assert named.exit_code == ExitCode.DONNEES_INVALIDES
    assert "la note contient un nom complet : « Karim BENALI »" in named.stderr
    mail = cli(*base, "voir karim.b@free.fr")
    assert "la note contient une adresse électronique" in mail.stderr
    assert _files(folder) == {}
    assert cli(*base, "dont 2 venus avec Karim").exit_code == 0
