"""Qualitative evidence and entry/exit questionnaires, through the real CLI and files."""

from __future__ import annotations

import datetime as dt

import pytest

from utilsoc.actions.evidence import looks_like_full_name
from utilsoc.compute.questionnaires import pair_answers as pair_gains
from utilsoc.errors import ExitCode
from utilsoc.model.mesures import Moment, Reponse

SCORE = """\
          - code: confiance
            libellé: Confiance en soi (questionnaire)
            type: score
            échelle: {min: 1, max: 5}
            fréquence: annuelle
            méthode: questionnaire
"""


def test_each_kind_of_evidence_is_recorded_in_its_section(cli, example) -> None:
    folder = example("vide")
    base = ["-C", str(folder), "evidence"]
    commands = [
        [
            "verbatim",
            "J'ose « parler »: enfin !",
            "--role",
            "bénéficiaire",
            "--pseudo",
            "Fatou",
            "--consent",
            "--critere",
            "COH-1",
        ],
        ["fait", "Une fête de quartier organisée par les jeunes", "--titre", "La fête"],
        [
            "inattendu",
            "Des parents sont devenus bénévoles",
            "--nature",
            "positif",
            "--cadre",
            "financeur",
        ],
        [
            "piste",
            "Peu de garçons inscrits",
            "--analyse",
            "horaires",
            "--action",
            "atelier foot",
            "--responsable",
            "Karim",
            "--echeance",
            "2026-09-30",
        ],
        ["partenariat", "Suivi attentif", "--cadre", "financeur", "--attente", "mise en réseau"],
    ]
    for command in commands:
        result = cli(*base, *command, "-p", "2026", "-a", "marie", "--date", "2026-05-01")
        assert result.exit_code == 0, (command, result.stderr)
    day = folder / "mesures" / "2026"
    assert not (day / "marie.yaml").exists()  # values only
    for kind, section in (
        ("temoignages", "témoignages:"),
        ("faits-marquants", "faits_marquants:"),
        ("resultats-inattendus", "résultats_inattendus:"),
        ("pistes-amelioration", "pistes_amélioration:"),
        ("partenariat", "partenariat:"),
    ):
        text = (day / f"marie.{kind}.yaml").read_text(encoding="utf-8")
        assert text.count(":\n") == 1  # a single section per file
        assert f"\n{section}\n  - {{" in text
    assert 'texte: "J\'ose « parler »: enfin !"' in (day / "marie.temoignages.yaml").read_text(
        encoding="utf-8"
    )
    assert cli("-C", str(folder), "validate").exit_code == 0


def test_evidence_refuses_full_names_unknown_links_and_missing_consent(cli, example) -> None:
    folder = example("vide")
    base = ["-C", str(folder), "evidence", "-p", "2026", "-a", "m"]
    full = cli(
        *base, "verbatim", "x", "--role", "bénévole", "--pseudo", "Fatou Diallo", "--consent"
    )
    assert "le pseudonyme contient un nom complet : « Fatou Diallo »" in full.stderr
    assert cli(*base, "verbatim", "x", "--role", "bénévole").exit_code == ExitCode.DONNEES_INVALIDES
    unknown = cli(*base, "piste", "x", "--action", "y", "--critere", "ZZZ")
    assert "critère « ZZZ » inconnu" in unknown.stderr
    cadre = cli(*base, "partenariat", "bien", "--cadre", "fondation-inconnue")
    assert "cadre logique « fondation-inconnue » inconnu" in cadre.stderr
    assert not (folder / "mesures").exists() or not list((folder / "mesures").rglob("*.yaml"))
    allowed = cli(
        *base,
        "verbatim",
        "x",
        "--role",
        "bénévole",
        "--pseudo",
        "Fatou Diallo",
        "--consent",
        "--nom-complet",
    )
    assert allowed.exit_code == 0, allowed.stderr


def _files(folder) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Merci à MARTIN Inès pour tout", "un nom complet : « MARTIN Inès »"),
        ("merci à ines martin pour tout", "un nom complet : « ines martin »"),
        ("Merci à Inès Martin pour tout", "un nom complet : « Inès Martin »"),
        ("écrivez-moi : ines.m@gmail.com", "une adresse électronique : « ines.m@gmail.com »"),
        ("appelez le 06.12.34.56.78", "un numéro de téléphone : « 06.12.34.56.78 »"),
        ("appelez le +33 (0)6 12 34 56 78", "un numéro de téléphone"),
        ("j'habite 12 rue des Lilas", "une adresse postale : « 12 rue des Lilas »"),
    ],
)
def test_a_verbatim_with_personal_data_is_refused_and_nothing_written(
    cli, example, text: str, found: str
) -> None:
    folder = example("vide")
    before = _files(folder)
    base = ["-C", str(folder), "evidence", "-p", "2026", "-a", "m"]
    result = cli(*base, "verbatim", text, "--role", "parent", "--pseudo", "Inès", "--consent")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert f"erreur: le texte contient {found}" in result.stderr
    assert "remplacez par un prénom seul, des initiales ou un code" in result.stderr or (
        "retirez-la" in result.stderr or "retirez-le" in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert _files(folder) == before


@pytest.mark.parametrize(
    "pseudo", ["Inès MARTIN", "MARTIN Inès", "ines martin", "i.martin@free.fr"]
)
def test_the_pseudonym_itself_is_checked(cli, example, pseudo: str) -> None:
    folder = example("vide")
    base = ["-C", str(folder), "evidence", "-p", "2026", "-a", "m", "verbatim", "J'ai osé"]
    result = cli(*base, "--role", "parent", "--pseudo", pseudo, "--consent")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "le pseudonyme contient" in result.stderr
    assert f"« {pseudo} »" in result.stderr
    assert not (folder / "mesures").exists()


def test_nom_complet_consents_to_a_full_name_only(cli, example) -> None:
    folder = example("vide")
    base = ["-C", str(folder), "evidence", "-p", "2026", "-a", "m", "verbatim"]
    options = ["--role", "parent", "--pseudo", "Inès MARTIN", "--consent", "--nom-complet"]
    named = cli(*base, "Je suis Inès MARTIN et je le dis", *options)
    assert named.exit_code == 0, named.stderr
    phone = cli(*base, "mon numéro : 06 12 34 56 78", *options)
    assert phone.exit_code == ExitCode.DONNEES_INVALIDES
    assert "un numéro de téléphone" in phone.stderr
    assert "--nom-complet" not in phone.stderr
    [written] = (folder / "mesures" / "2026").glob("*.yaml")
    assert "06 12" not in written.read_text(encoding="utf-8")
    assert "nom_complet: true" in written.read_text(encoding="utf-8")
    assert cli("-C", str(folder), "validate").exit_code == 0


@pytest.mark.parametrize(
    ("kind", "options", "field"),
    [
        ("fait", ["--titre", "Visite"], "le récit"),
        ("inattendu", ["--nature", "positif"], "la description"),
        ("piste", ["--action", "relancer"], "le constat"),
        ("jugement", ["--critere", "COH-1", "--reponse", "atteint"], "le texte"),
    ],
)
def test_other_evidence_is_checked_too(cli, example, kind: str, options, field: str) -> None:
    folder = example("vide")
    base = ["-C", str(folder), "evidence", "-p", "2026", "-a", "m", kind]
    result = cli(*base, "La mère de Yanis KERBRAT est venue", *options)
    assert result.exit_code == ExitCode.DONNEES_INVALIDES, result.stderr
    assert f"{field} contient un nom complet : « Yanis KERBRAT »" in result.stderr
    assert "--nom-complet" not in result.stderr
    assert not (folder / "mesures").exists()


def test_an_action_s_responsable_is_staff_and_may_be_named(cli, example) -> None:
    folder = example("vide")
    base = ["-C", str(folder), "evidence", "-p", "2026", "-a", "Marie Dupré", "piste"]
    options = ["--action", "foot", "--responsable", "Karim Benali", "--echeance", "2026-09-30"]
    result = cli(*base, "Peu de garçons", *options)
    assert result.exit_code == 0, result.stderr


def test_hand_edited_evidence_with_a_bad_link_is_located(cli, example) -> None:
    folder = example("vide")
    (folder / "mesures" / "2026").mkdir(parents=True)
    (folder / "mesures" / "2026" / "paul.yaml").write_text(
        "faits_marquants:\n  - {période: 2026, titre: T, récit: R, critères: [NOPE], "
        "auteur: paul, date: 2026-01-01}\n",
        encoding="utf-8",
    )
    result = cli("-C", str(folder), "validate")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "mesures/2026/paul.yaml:2:" in result.stderr
    assert "critère « NOPE » inconnu" in result.stderr


def test_questionnaire_scores_pair_into_gains(cli, example) -> None:
    folder = example("vide", SCORE)
    base = ["-C", str(folder), "questionnaire", "confiance"]
    answers = [
        ("P1", "2", "entrée"),
        ("P1", "4", "sortie"),
        ("P2", "3", "entrée"),
        ("P2", "3,5", "sortie"),
        ("P3", "1", "entrée"),
    ]
    for participant, score, moment in answers:
        result = cli(*base, participant, score, "-m", moment, "-p", "2026", "-a", "anne")
        assert result.exit_code == 0, result.stderr
    assert cli(*base, "P4", "7", "-m", "sortie", "-p", "2026", "-a", "anne").exit_code == 1
    assert cli("-C", str(folder), "validate").exit_code == 0
    from utilsoc.store.files import read_measures

    content, _, _ = read_measures(folder / "mesures" / "2026" / "anne.questionnaires.yaml")
    assert content is not None
    gains = pair_gains(content.questionnaires, "confiance")
    assert gains.pairs == {("2026", "P1"): (2.0, 4.0), ("2026", "P2"): (3.0, 3.5)}
    assert gains.entry_only == ["P3"]
    assert gains.mean_gain == 1.25
    assert gains.mean(Moment.ENTREE) == 2.5


def test_latest_answer_of_a_moment_wins() -> None:
    def answer(score: float, day: int) -> Reponse:
        return Reponse.model_validate(
            {
                "indicateur": "c",
                "période": "2026",
                "participant": "P",
                "moment": "sortie",
                "score": score,
                "auteur": "a",
                "date": dt.date(2026, 1, day),
            }
        )

    entry = Reponse.model_validate(
        {
            "indicateur": "c",
            "période": "2026",
            "participant": "P",
            "moment": "entree",
            "score": 1,
            "auteur": "a",
            "date": "2026-01-01",
        }
    )
    gains = pair_gains([answer(5, 9), entry, answer(3, 2)], "c")
    assert gains.pairs == {("2026", "P"): (1.0, 5.0)}
    assert gains.exit_only == []


def test_full_name_heuristic() -> None:
    assert looks_like_full_name("Fatou Diallo")
    assert looks_like_full_name("Jean-Pierre Le Gall")
    assert not looks_like_full_name("Fatou")
    assert not looks_like_full_name("F. D.")
    assert not looks_like_full_name("P012")


def test_status_reports_entry_exit_gains(cli, example) -> None:
    import json

    folder = example("vide", SCORE)
    for participant, score, moment in (
        ("P1", "2", "entrée"),
        ("P1", "4", "sortie"),
        ("P2", "1", "entrée"),
    ):
        assert (
            cli(
                "-C",
                str(folder),
                "questionnaire",
                "confiance",
                participant,
                score,
                "-m",
                moment,
                "-p",
                "2026",
                "-a",
                "anne",
            ).exit_code
            == 0
        )
    data = json.loads(cli("-C", str(folder), "status", "-p", "2026", "-f", "json").stdout)
    assert data["questionnaires"] == [
        {
            "indicateur": "confiance",
            "libellé": "Confiance en soi (questionnaire)",
            "paires": 1,
            "entrée_moyenne": 2.0,
            "sortie_moyenne": 4.0,
            "gain_moyen": 2.0,
            "sens": "hausse",
            "seuil": None,
            "progressent": 1,
            "sans_sortie": ["P2"],
            "sans_entrée": [],
        }
    ]
    table = cli("-C", str(folder), "status", "-p", "2026")
    assert "1 participant suivi, 2 → 4 (gain moyen +2)" in table.stdout


def test_a_full_name_accepted_in_writing_stays_valid(cli, example) -> None:
    folder = example("vide")
    result = cli(
        "-C",
        str(folder),
        "evidence",
        "verbatim",
        "Merci",
        "-p",
        "2026",
        "--role",
        "bénévole",
        "--pseudo",
        "Inès Martin",
        "--consent",
        "--nom-complet",
        "-a",
        "m",
    )
    assert result.exit_code == 0, result.stderr
    assert "nom_complet: true" in (folder / "mesures" / "2026" / "m.temoignages.yaml").read_text(
        "utf-8"
    )
    assert cli("-C", str(folder), "validate").exit_code == 0


def test_questionnaire_answers_follow_the_indicator_frequency(cli, example) -> None:
    folder = example("echec-scolaire")
    before = {p: p.read_bytes() for p in (folder / "mesures").rglob("*.yaml")}
    result = cli(
        "-C", str(folder), "questionnaire", "score_confiance_sortie", "P77", "3",
        "-m", "entrée", "-p", "2026-T2", "-a", "claire",
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "erreur: 2e trimestre 2026 ne correspond pas à la fréquence scolaire de "
        "« score_confiance_sortie » — indiquez une période de cette fréquence, par exemple "
        "2025-2026"
    )
    assert {p: p.read_bytes() for p in (folder / "mesures").rglob("*.yaml")} == before
    path = folder / "mesures" / "2026-T2" / "p77.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "questionnaires:\n"
        "  - {indicateur: score_confiance_sortie, période: 2026-T2, participant: P77, "
        'moment: "entrée", score: 3, auteur: claire, date: 2026-05-02}\n',
        encoding="utf-8",
    )
    validated = cli("-C", str(folder), "validate")
    assert validated.exit_code == 1
    assert "mesures/2026-T2/p77.yaml:2:" in validated.stderr
    assert "[periode-hors-frequence]" in validated.stderr


@pytest.mark.parametrize("code", ["MARTIN_Ines", "ines.martin"])
def test_a_participant_code_that_is_a_name_is_refused(cli, example, code: str) -> None:
    folder = example("vide", SCORE)
    base = ["-C", str(folder), "questionnaire", "confiance", code, "3", "-m", "entrée"]
    result = cli(*base, "-p", "2026", "-a", "m")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "le code du participant contient un nom complet" in result.stderr
    assert not (folder / "mesures").exists()
    assert cli(*base[:4], "P012", *base[5:], "-p", "2026", "-a", "m").exit_code == 0


def _answer(folder, *args: str):
    return [
        "-C", str(folder), "questionnaire", "score_confiance_sortie", *args,
        "-m", "sortie", "-p", "2025-2026", "-a", "karim", "--date", "2026-06-12",
    ]  # fmt: skip


def test_a_comparison_answer_of_one_of_the_action_s_people_is_refused_as_validate_would(
    cli, example
) -> None:
    folder = example("echec-scolaire")
    before = {p: p.read_bytes() for p in (folder / "mesures").rglob("*.yaml")}
    refused = cli(*_answer(folder, "E2546", "3", "--groupe", "comparaison"))
    assert refused.exit_code == ExitCode.DONNEES_INVALIDES
    said = refused.stderr.strip().removeprefix("erreur: ")
    assert said.startswith("« E2546 » répond aussi à score_confiance_sortie en 2025-2026 ")
    assert {p: p.read_bytes() for p in (folder / "mesures").rglob("*.yaml")} == before
    # Written by hand instead, `validate` refuses it in the same words.
    path = folder / "mesures" / "2025-2026" / "karim.questionnaires.yaml"
    with path.open("a", encoding="utf-8") as file:
        file.write(
            "  - {indicateur: score_confiance_sortie, période: 2025-2026, participant: E2546, "
            "moment: sortie, score: 3, auteur: karim, date: 2026-06-12, groupe: comparaison}\n"
        )
    validated = cli("-C", str(folder), "validate")
    assert validated.exit_code == ExitCode.DONNEES_INVALIDES
    assert f"erreur: {said} [participant-deux-groupes]" in validated.stderr


def test_an_action_answer_of_someone_in_the_comparison_group_is_refused(cli, example) -> None:
    folder = example("echec-scolaire")
    before = {p: p.read_bytes() for p in (folder / "mesures").rglob("*.yaml")}
    refused = cli(*_answer(folder, "C2501", "3"))
    assert refused.exit_code == ExitCode.DONNEES_INVALIDES
    assert refused.stderr.startswith(
        "erreur: « C2501 » répond déjà à score_confiance_sortie en 2025-2026 dans le groupe "
        "de comparaison : une personne n'est pas des deux groupes — corrigez le code du "
        "participant ici ou dans ses réponses du groupe de comparaison"
    )
    assert {p: p.read_bytes() for p in (folder / "mesures").rglob("*.yaml")} == before
    # The next school year, the comparison group's people may join the action.
    args = _answer(folder, "C2501", "3")
    args[args.index("2025-2026")] = "2026-2027"
    joined = cli(*args[:-2], "--date", "2026-11-02")
    assert joined.exit_code == 0, joined.stderr
    assert cli("-C", str(folder), "validate").exit_code == 0
