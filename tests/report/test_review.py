"""The review: each criterion's evaluative judgement, the action plan and what became of it."""

from __future__ import annotations

from utilsoc.errors import ExitCode

CODE = "nb_personnes_accompagnees"


def _plain(text: str) -> str:
    """The report's text with French no-break spaces as plain ones (typography aside)."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


def _run(cli, folder, *args: str) -> None:
    result = cli("-C", str(folder), *args)
    assert result.exit_code == 0, (args, result.stderr)


def _bilan(cli, folder, out, period: str) -> str:
    _run(cli, folder, "report", "-t", "bilan", "-f", "md", "-p", period, "-o", str(out))
    return _plain(out.read_text(encoding="utf-8"))


def test_the_bilan_shows_question_data_and_answer_of_each_criterion(cli, example, tmp_path) -> None:
    folder = example("vide")
    _run(cli, folder, "record", "-a", "M", CODE, "31", "-p", "2026")
    text = _bilan(cli, folder, tmp_path / "b.md", "2026")
    section = text.split("### COH-1 — Lien social\n")[1].split("## Forces")[0]
    assert "pas encore formulée (utilsoc evidence jugement --critere COH-1)" in section

    judged = (
        "evidence", "jugement", "Moins seules, mais 19 de moins que prévu", "-p", "2026",
        "--critere", "COH-1", "--reponse", "partiellement", "-a", "M", "--date", "2026-06-01",
    )  # fmt: skip
    _run(cli, folder, *judged)
    later = (
        "evidence", "jugement", "Revu en décembre : objectif non atteint", "-p", "2026",
        "--critere", "COH-1", "--reponse", "non atteint", "-a", "M", "--date", "2026-12-01",
    )  # fmt: skip
    _run(cli, folder, *later)
    text = _bilan(cli, folder, tmp_path / "b.md", "2026")
    section = text.split("### COH-1 — Lien social\n")[1].split("## Forces")[0]
    question = section.index("*Les personnes accompagnées sont-elles moins isolées ?*")
    data = section.index("| Nombre de personnes accompagnées |")
    answer = section.index(
        "**Réponse à la question (année 2026) : non atteint.** "
        "Revu en décembre : objectif non atteint"
    )
    assert question < data < answer  # the question, the data, then the answer
    assert "partiellement" not in section  # the latest judgement of the period wins
    other_year = _bilan(cli, folder, tmp_path / "b25.md", "2025")
    assert "non atteint" not in other_year
    assert (
        (folder / "mesures" / "2026" / "m.jugements.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server")
    )


def test_a_judgement_needs_one_known_criterion_and_a_known_answer(cli, example) -> None:
    folder = example("vide")
    base = ("-C", str(folder), "evidence", "jugement", "x", "-p", "2026", "-a", "M")
    none = cli(*base, "--reponse", "atteint")
    assert none.exit_code == ExitCode.DONNEES_INVALIDES
    assert "un seul critère" in none.stderr
    unknown = cli(*base, "--reponse", "atteint", "--critere", "NOPE")
    assert "critère « NOPE » inconnu" in unknown.stderr
    wrong = cli(*base, "--reponse", "bof", "--critere", "COH-1")
    assert wrong.stderr.startswith("erreur: --reponse « bof » : valeur non reconnue")
    assert not (folder / "mesures").exists()


def test_hand_written_judgement_of_an_unknown_criterion_is_located(cli, example) -> None:
    folder = example("vide")
    (folder / "mesures" / "2026").mkdir(parents=True)
    (folder / "mesures" / "2026" / "paul.jugements.yaml").write_text(
        "jugements:\n  - {période: 2026, critère: NOPE, réponse: atteint, texte: T, "
        "auteur: paul, date: 2026-01-01}\n",
        encoding="utf-8",
    )
    result = cli("-C", str(folder), "validate")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "mesures/2026/paul.jugements.yaml:2:" in result.stderr
    assert "critère « NOPE » inconnu" in result.stderr


def test_the_next_review_shows_what_became_of_each_action(cli, example, tmp_path) -> None:
    folder = example("vide")
    common = ("-a", "M", "--date", "2026-03-01")
    for action, deadline in (
        ("Ouvrir le samedi", "2026-09-30"),
        ("Former deux bénévoles", "2026-06-30"),
    ):
        _run(
            cli, folder, "evidence", "piste", "Peu de familles", "-p", "2026", "--action",
            action, "--responsable", "Karim", "--echeance", deadline, *common,
        )  # fmt: skip
    text = _bilan(cli, folder, tmp_path / "b26.md", "2026")
    plan = text.split("## Plan d'action\n")[1]
    assert (
        "| Peu de familles | Ouvrir le samedi (code : ouvrir-samedi) | Karim "
        "| 30 septembre 2026 (échéance dépassée) | aucune suite enregistrée |"
    ) in plan

    followup = (
        "evidence", "suivi", "Ouvert depuis septembre, 12 familles", "-p", "2027",
        "--piste", "ouvrir-samedi", "--etat", "réalisée", "-a", "M", "--date", "2027-01-10",
    )  # fmt: skip
    _run(cli, folder, *followup)
    text = _bilan(cli, folder, tmp_path / "b27.md", "2027")
    plan = text.split("## Plan d'action\n")[1]
    assert "### Ce que sont devenues les actions décidées avant" in plan
    assert (
        "| Ouvrir le samedi (code : ouvrir-samedi, année 2026) | Karim | 30 septembre 2026 "
        "| réalisée : Ouvert depuis septembre, 12 familles (10 janvier 2027) |"
    ) in plan
    assert (
        "| Former deux bénévoles (code : former-deux-benevoles, année 2026) | Karim "
        "| 30 juin 2026 (échéance dépassée) | aucune suite enregistrée |"
    ) in plan
    # Closed in 2027: the 2028 review no longer lists it; the other one is still open.
    plan = _bilan(cli, folder, tmp_path / "b28.md", "2028").split("## Plan d'action\n")[1]
    assert "ouvrir-samedi" not in plan
    assert "former-deux-benevoles" in plan


def test_an_action_needs_an_owner_and_a_deadline_and_a_follow_up_a_known_action(
    cli, example
) -> None:
    folder = example("vide")
    base = ("-C", str(folder), "evidence", "-p", "2026", "-a", "M")
    owner = cli(*base, "piste", "x", "--action", "y", "--echeance", "2026-09-30")
    assert owner.stderr.startswith("erreur: --responsable manquant — une action du plan")
    deadline = cli(*base, "piste", "x", "--action", "y", "--responsable", "K")
    assert deadline.stderr.startswith("erreur: --echeance manquant")
    orphan = cli(*base, "suivi", "fait", "--piste", "inconnue", "--etat", "réalisée")
    assert orphan.exit_code == ExitCode.DONNEES_INVALIDES
    assert "piste d'amélioration « inconnue » inconnue" in orphan.stderr
    assert not (folder / "mesures").exists()
    given = cli(
        *base, "piste", "x", "--action", "y", "--responsable", "K", "--echeance", "2026-09-30",
        "--code", "samedi",
    )  # fmt: skip
    assert given.stdout.strip().endswith("(code : samedi)")
    again = cli(
        *base, "piste", "x", "--action", "y", "--responsable", "K", "--echeance", "2026-09-30",
        "--code", "samedi",
    )  # fmt: skip
    assert "le code de piste « samedi » est déjà pris" in again.stderr


def test_a_hand_written_follow_up_of_an_unknown_action_is_located(cli, example) -> None:
    folder = example("vide")
    (folder / "mesures" / "2027").mkdir(parents=True)
    (folder / "mesures" / "2027" / "paul.suivis.yaml").write_text(
        "suivis:\n  - {période: 2027, piste: perdue, état: réalisée, texte: T, "
        "auteur: paul, date: 2027-01-01}\n",
        encoding="utf-8",
    )
    result = cli("-C", str(folder), "validate")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "mesures/2027/paul.suivis.yaml:2:" in result.stderr
    assert "piste d'amélioration « perdue » inconnue" in result.stderr
