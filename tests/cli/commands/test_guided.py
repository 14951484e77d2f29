"""`utilsoc record` without arguments in a terminal: every value due, one question each."""

from __future__ import annotations

import codecs
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from utilsoc.actions.record import Request, record_value
from utilsoc.errors import ExitCode
from utilsoc.model.load import load_valid_project
from utilsoc.project import find_root
from utilsoc.store.files import read_measures

CODE = "nb_personnes_accompagnees"


@pytest.fixture
def terminal(monkeypatch):
    monkeypatch.setattr("utilsoc.cli.commands.record.is_terminal", lambda: True)


def _values(path: Path) -> list[tuple[str, dict[str, str], str | None, float | None]]:
    content, _, issues = read_measures(path)
    assert issues == []
    return [(m.indicateur, m.dimensions, m.valeur, m.numerateur) for m in content.valeurs]


def test_each_dimension_value_is_asked_and_a_bad_answer_asked_again(cli, example, terminal) -> None:
    folder = example("vide")
    answers = "2026\ntrois\n42\npasser\n3,5\no\n"
    result = cli("-C", str(folder), "record", "-a", "lea", input=answers)
    assert result.exit_code == 0, result.stderr
    assert "1 indicateur, 3 valeurs pour année 2026" in result.stdout
    assert "— cible 2026 : 50 personnes" in result.stdout
    assert "nombre attendu, « trois » lu" in result.stdout
    assert f"{CODE} (sexe=autre) = 3,5 personnes" in result.stdout
    assert f"valeur enregistrée : {CODE} = 3,5 (année 2026)" in result.stdout
    assert _values(folder / "mesures" / "2026" / "lea.yaml") == [
        (CODE, {"sexe": "F"}, "42", None),
        (CODE, {"sexe": "autre"}, "3.5", None),
    ]
    assert cli("-C", str(folder), "validate").exit_code == 0


def test_fin_stops_the_questions_and_keeps_the_answers_given(cli, example, terminal) -> None:
    folder = example("vide")
    result = cli("-C", str(folder), "record", "-a", "lea", input="2026\n42\nfin\no\n")
    assert result.exit_code == 0, result.stderr
    assert "Enregistrer cette valeur ? (o/n)" in result.stdout
    assert _values(folder / "mesures" / "2026" / "lea.yaml") == [(CODE, {"sexe": "F"}, "42", None)]


def test_guided_session_writes_nothing_without_confirmation(cli, example, terminal) -> None:
    folder = example("vide")
    result = cli("-C", str(folder), "record", "-a", "lea", input="2026\n42\n\n\nn\n")
    assert result.exit_code == 0, result.stderr
    assert "rien n'a été écrit" in result.stdout
    assert not (folder / "mesures").exists()


def test_a_period_not_begun_is_refused_before_any_question(cli, example, terminal) -> None:
    folder = example("vide")
    result = cli("-C", str(folder), "record", "-a", "lea", input="2099\n")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "la période 2099 n'a pas commencé" in result.stderr
    assert "sexe=" not in result.stdout
    ahead = cli("-C", str(folder), "record", "-a", "lea", "--date", "2099-01-01", input="2026\n")
    assert ahead.exit_code == ExitCode.DONNEES_INVALIDES
    assert "date 2099-01-01 postérieure à aujourd'hui" in ahead.stderr
    assert "sexe=" not in ahead.stdout


def test_a_value_recorded_meanwhile_is_refused_and_the_others_written(
    cli, example, terminal, monkeypatch
) -> None:
    folder = example("echec-scolaire")
    from utilsoc.cli.commands import guided

    confirm = guided._confirm

    def someone_else_records_first(*args):
        layout = find_root(folder)
        _, referentiel = load_valid_project(layout)
        record_value(
            layout, referentiel, Request("taux_assiduite", "81/100", "2026-10", "claire", {})
        )
        return confirm(*args)

    monkeypatch.setattr(guided, "_confirm", someone_else_records_first)
    # heures_accompagnement on three sites, taux_assiduite, nb_relais_information
    answers = "2026-10\n1200\n\n\n79/100\n9\no\n"
    result = cli("-C", str(folder), "record", "-a", "lea", input=answers)
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "non enregistré : taux_assiduite = 79/100 — une valeur existe déjà" in result.stderr
    assert "1 valeur non enregistrée : taux_assiduite" in result.stderr
    assert [v[0] for v in _values(folder / "mesures" / "2026-10" / "lea.yaml")] == [
        "heures_accompagnement",
        "nb_relais_information",
    ]
    assert cli("-C", str(folder), "validate").exit_code == 0


def test_a_value_already_recorded_is_shown_not_asked(cli, example, terminal) -> None:
    folder = example("echec-scolaire")
    claire = ("-C", str(folder), "record", "-a", "claire", "taux_assiduite", "81/100")
    assert cli(*claire, "-p", "2026-10").exit_code == 0
    answers = "2026-10\n\n\n\n9\no\n"
    result = cli("-C", str(folder), "record", "-a", "lea", input=answers)
    assert result.exit_code == 0, result.stderr
    assert "  valeur : déjà enregistré, 81/100 (claire, " in result.stdout
    assert _values(folder / "mesures" / "2026-10" / "lea.yaml") == [
        ("nb_relais_information", {}, "9", None)
    ]


def test_guided_session_lists_every_value_a_broken_file_stops(cli, example, terminal) -> None:
    folder = example("echec-scolaire")
    broken = folder / "mesures" / "2026-10" / "claire.yaml"
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_text("valeurs:\n  - indicateur: [taux\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in (folder / "mesures").rglob("*.yaml")}
    answers = "2026-10\n1200\n\n\n79/100\n9\no\n"
    result = cli("-C", str(folder), "record", "-a", "lea", input=answers)
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert "non enregistré : heures_accompagnement = 1200" in result.stderr
    assert "/mesures/2026-10/claire.yaml:3:1: erreur: crochet" in result.stderr.replace("\\", "/")
    assert result.stderr.count("claire.yaml:3:1") == 1  # told once, not under each value
    assert (
        "3 valeurs non enregistrées : heures_accompagnement, taux_assiduite, nb_relais_information"
    ) in result.stderr
    assert {p: p.read_bytes() for p in (folder / "mesures").rglob("*.yaml")} == before


RATE = (
    "          - code: taux_retour\n"
    "            libellé: Taux de retour à l'emploi\n"
    "            type: taux\n"
    "            unité: '%'\n"
    "            méthode: registre\n"
    "            numérateur: Personnes en emploi à la sortie\n"
    "            dénominateur: Personnes sorties\n"
)


def test_a_rate_is_asked_as_its_two_terms_on_one_line(cli, example, terminal) -> None:
    folder = example("vide", RATE)
    # the count on three sexes: passed; the rate: a word, a percentage, then 37/94
    answers = "2026\n\n\n\nbeaucoup\n82,5\n37/94\no\n"
    result = cli("-C", str(folder), "record", "-a", "lea", input=answers)
    assert result.exit_code == 0, result.stderr
    assert (
        "taux_retour — Taux de retour à l'emploi : un taux, par ses deux termes "
        "(Personnes en emploi à la sortie / Personnes sorties), 37/94"
    ) in result.stdout
    assert "un taux s'enregistre par ses deux termes, « beaucoup » lu" in result.stdout
    assert "s'écrit sur 100 (82,5/100) ; recommencez, ou Entrée pour passer" in result.stdout
    assert "taux_retour = 37/94\n" in result.stdout
    assert _values(folder / "mesures" / "2026" / "lea.yaml") == [("taux_retour", {}, None, 37.0)]


def test_an_indicator_computed_from_answers_is_never_asked(cli, example, terminal) -> None:
    folder = example(
        "vide",
        "          - code: confiance\n            libellé: Confiance en soi\n"
        "            type: score\n            échelle: {min: 1, max: 5}\n"
        "            méthode: questionnaire\n            calcul: {mesure: moyenne_sortie}\n",
    )
    result = cli("-C", str(folder), "record", "-a", "lea", input="2026\n\n\n\n")
    assert result.exit_code == 0, result.stderr
    assert "1 indicateur, 3 valeurs pour année 2026" in result.stdout
    assert "confiance" not in result.stdout


# Through a real pseudo-terminal: the program sees a terminal on its standard input and
# output, reads what is typed line by line, and gets Ctrl-C from the terminal itself.

_WITH_TERMINAL = (
    "import fcntl, os, sys, termios; fcntl.ioctl(0, termios.TIOCSCTTY, 0); "
    "os.execv(sys.executable, [sys.executable, '-m', 'utilsoc', *sys.argv[1:]])"
)


class Terminal:
    """`utilsoc` run in a pseudo-terminal it has as controlling terminal."""

    def __init__(self, *args: str) -> None:
        import termios  # POSIX only: these tests are skipped on Windows

        self.master, slave = os.openpty()
        # Why NOFLSH: without it, Ctrl-C may discard what the program prints right after
        # (the kernel flushes the output queue after sending the signal).
        attributes = termios.tcgetattr(slave)
        attributes[3] |= termios.NOFLSH
        termios.tcsetattr(slave, termios.TCSANOW, attributes)
        self.process = subprocess.Popen(
            [sys.executable, "-c", _WITH_TERMINAL, *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            start_new_session=True,
            env={**os.environ, "PYTHONUTF8": "1", "COLUMNS": "200"},
        )
        os.close(slave)
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.screen = ""
        self.seen = 0

    def expect(self, text: str) -> str:
        """Wait until `text` is shown; return what was shown up to it."""
        deadline = time.monotonic() + 120  # a safety net for a stuck program, not a timing check
        while text not in self.screen[self.seen :]:
            left = deadline - time.monotonic()
            ready = select.select([self.master], [], [], max(left, 0))[0]
            chunk = self._read() if ready else b""
            if not chunk:
                raise AssertionError(f"« {text} » attendu, écran : {self.screen[self.seen :]!r}")
            self.screen += self.decoder.decode(chunk)
        end = self.screen.index(text, self.seen) + len(text)
        shown, self.seen = self.screen[self.seen : end], end
        return shown

    def type(self, line: str) -> None:
        os.write(self.master, line.encode() + b"\r")

    def interrupt(self) -> int:
        """Ctrl-C; the exit code.

        Why again: a Ctrl-C that falls between the prompt and the read is only seen at the
        next key (CPython's input), so a person presses it twice; so does this test.
        """
        for _ in range(10):
            os.write(self.master, b"\x03")
            if self._ended(within=5):
                return self.finish()
        self.process.kill()
        raise AssertionError(f"Ctrl-C sans effet, écran : {self.screen[self.seen :]!r}")

    def finish(self) -> int:
        """The exit code, once everything it printed is read."""
        if not self._ended(within=120):
            self.process.kill()
            raise AssertionError(f"le programme ne s'arrête pas : {self.screen[self.seen :]!r}")
        code = self.process.wait(timeout=120)
        os.close(self.master)
        return code

    def _ended(self, within: float) -> bool:
        """Read what is printed until the program ends (True) or `within` seconds pass."""
        deadline = time.monotonic() + within
        while select.select([self.master], [], [], max(deadline - time.monotonic(), 0))[0]:
            chunk = self._read()
            if not chunk:
                return True
            self.screen += self.decoder.decode(chunk)
        return False

    def _read(self) -> bytes:
        try:
            return os.read(self.master, 4096)
        except OSError:  # the program has ended: the terminal is closed
            return b""


def _snapshot(folder: Path) -> dict[Path, bytes]:
    return {
        p: p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and ".utilsoc-cache" not in p.parts
    }


pty_only = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminal POSIX")


@pty_only
def test_guided_entry_through_a_terminal_writes_every_answer_at_once(example) -> None:
    folder = example("echec-scolaire")
    session = Terminal("-C", str(folder), "record", "-a", "lea")
    session.expect("Période (2025, 2025-T1, 2025-03, 2024-2025...) [2026-11]: ")
    session.type("2026-09")
    heading = session.expect("site=Les Tilleuls (précédent 2026-08 : 0): ")
    assert "3 indicateurs, 5 valeurs pour septembre 2026" in heading
    assert "— cible 2026-2027 : 5\u202f900 heures" in heading
    session.type("612,5")
    session.expect("site=La Garenne (précédent 2026-08 : 0): ")
    session.type("passer")
    session.expect("site=Centre-ville (précédent 2026-08 : 0): ")
    session.type("33%")
    refused = session.expect("site=Centre-ville (précédent 2026-08 : 0): ")
    assert "écrivez la valeur sans le signe % — écrivez 33 ;" in refused
    session.type("400")
    heading = session.expect("valeur (précédent 2026-08 : 57/100): ")
    assert "un taux, par ses deux termes" in heading
    session.type("37/94")
    session.expect("valeur (précédent 2026-08 : 0): ")
    session.type("")
    summary = session.expect("Enregistrer ces 3 valeurs ? (o/n) [n]: ")
    assert "heures_accompagnement (site=Les Tilleuls) = 612,5 heures" in summary
    session.type("o")
    assert session.finish() == 0, session.screen
    assert "valeur enregistrée : taux_assiduite = 37/94 (septembre 2026)" in session.screen
    assert _values(folder / "mesures" / "2026-09" / "lea.yaml") == [
        ("heures_accompagnement", {"site": "Les Tilleuls"}, "612.5", None),
        ("heures_accompagnement", {"site": "Centre-ville"}, "400", None),
        ("taux_assiduite", {}, None, 37.0),
    ]


@pty_only
def test_ctrl_c_in_the_terminal_leaves_every_file_as_it_was(example) -> None:
    folder = example("echec-scolaire")
    before = _snapshot(folder)
    prompts = [
        ("[2026-11]: ", "2026-09"),
        ("Les Tilleuls (précédent 2026-08 : 0): ", "612,5"),
        ("La Garenne (précédent 2026-08 : 0): ", "passer"),
        ("Centre-ville (précédent 2026-08 : 0): ", "400"),
        ("(précédent 2026-08 : 57/100): ", "37/94"),
        ("relais) — cible 2026-2027 : 40 relais\r\n  valeur (précédent 2026-08 : 0): ", ""),
        ("Enregistrer ces 3 valeurs ? (o/n) [n]: ", None),
    ]
    for stop in (2, 6):  # in the middle of the questions, then at the confirmation
        session = Terminal("-C", str(folder), "record", "-a", "lea")
        for prompt, answer in prompts[:stop]:
            session.expect(prompt)
            session.type(answer or "")
        session.expect(prompts[stop][0])
        assert session.interrupt() == ExitCode.INTERRUPTION, session.screen
        assert session.screen.endswith("^Cinterrompu.\r\n")
        assert _snapshot(folder) == before
