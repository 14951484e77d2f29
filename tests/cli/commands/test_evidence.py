"""`utilsoc evidence` and `utilsoc questionnaire`: options named in every message."""

from __future__ import annotations

from utilsoc.errors import ExitCode

CADRE = "financeur"  # examples/vide/cadres-logiques/financeur.yaml

SCORE = """\
          - code: confiance
            libellé: Confiance en soi (questionnaire)
            type: score
            échelle: {min: 1, max: 5}
            fréquence: annuelle
            méthode: questionnaire
"""


def test_evidence_messages_name_the_command_line_options(cli, example) -> None:
    """Typed on the command line, a field is an option: the message says which."""
    folder = example("vide", SCORE)
    base = ["-C", str(folder), "evidence", "-p", "2026", "-a", "m"]
    cases = [
        (
            ["verbatim", "x"],
            "erreur: --role manquant — ajoutez --role (voir --help)",
        ),
        (
            ["verbatim", "x", "--role", "bénévole"],
            "erreur: --consent manquant — ajoutez --consent ou --no-consent (voir --help)",
        ),
        (
            ["verbatim", "x", "--role", "voisin", "--consent"],
            "erreur: --role « voisin » : valeur non reconnue — valeurs possibles : bénéficiaire,",
        ),
        (
            ["inattendu", "x", "--nature", "bof"],
            "erreur: --nature « bof » : valeur non reconnue — valeurs possibles : positif, négatif",
        ),
        (
            ["piste", "x", "--action", "y", "--critere", "deux mots"],
            "erreur: --critere « deux mots » : code invalide",
        ),
        (
            ["fait", "x", "--titre", ""],
            "erreur: --titre : texte vide — donnez un texte à --titre, entre guillemets",
        ),
        (
            ["piste", "x"],
            "erreur: --action manquant — ajoutez --action (voir --help)",
        ),
        (
            ["fait", "", "--titre", "Visite"],
            "erreur: TEXTE : texte vide — écrivez le texte entre guillemets après le genre",
        ),
    ]
    for args, expected in cases:
        result = cli(*base, *args)
        assert result.exit_code == ExitCode.DONNEES_INVALIDES, args
        assert result.stderr.startswith(expected), result.stderr
    answer = cli(
        "-C", str(folder), "questionnaire", "confiance", "P1", "3", "-m", "milieu", "-p", "2026"
    )
    assert answer.stderr.startswith("erreur: --moment « milieu » : valeur non reconnue")
    assert not (folder / "mesures").exists()


def test_a_score_is_read_with_a_decimal_comma_or_refused(cli, example) -> None:
    folder = example("vide", SCORE)
    base = ("-C", str(folder), "questionnaire", "confiance", "P1")
    kept = cli(*base, "3,5", "-m", "entrée", "-p", "2026", "-a", "m", "--date", "2026-02-01")
    assert kept.exit_code == 0, kept.stderr
    text = (folder / "mesures" / "2026" / "m.questionnaires.yaml").read_text(encoding="utf-8")
    assert "score: 3.5" in text
    assert "date: 2026-02-01" in text
    refused = cli(*base, "trois", "-m", "sortie", "-p", "2026", "-a", "m")
    assert refused.exit_code == ExitCode.DONNEES_INVALIDES
    assert refused.stderr.startswith(
        "erreur: nombre attendu, « trois » lu — un score est un nombre"
    )


def test_evidence_links_and_expectations_reach_the_file(cli, example) -> None:
    folder = example("vide")
    result = cli(
        "-C", str(folder), "evidence", "partenariat", "Un soutien constant", "-p", "2026",
        "-a", "m", "--cadre", CADRE, "--attente", "un bilan à mi-parcours",
        "--attente", "des visites",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == "avis sur le partenariat enregistré pour année 2026"
    [path] = (folder / "mesures" / "2026").glob("m.*.yaml")
    text = path.read_text(encoding="utf-8")
    assert '"un bilan à mi-parcours", "des visites"' in text


def test_a_participant_given_by_name_is_refused_with_a_code_as_example(cli, example) -> None:
    folder = example("vide", SCORE)
    args = ("-C", str(folder), "questionnaire", "confiance", "Marie L", "3", "-m", "entrée")
    result = cli(*args, "-p", "2026", "-a", "m")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert result.stderr == (
        "erreur: participant : « Marie L » n'est pas un code de participant — donnez le code "
        "pseudonyme du participant, par exemple P012, sans espace ni accent : son nom est une "
        "donnée personnelle, il ne s'enregistre pas\n"
    )
    assert not (folder / "mesures").exists()


def test_a_comparison_group_answer_is_recorded_with_its_group(cli, example) -> None:
    folder = example("vide", SCORE)
    base = ("-C", str(folder), "questionnaire", "confiance", "T1", "2", "-m", "entrée")
    kept = cli(*base, "-p", "2026", "-a", "m", "--groupe", "comparaison", "--date", "2026-02-01")
    assert kept.exit_code == 0, kept.stderr
    text = (folder / "mesures" / "2026" / "m.questionnaires.yaml").read_text(encoding="utf-8")
    assert "score: 2.0, auteur: m, date: 2026-02-01, groupe: comparaison}" in text
    refused = cli(*base, "-p", "2026", "-a", "m", "--groupe", "témoin")
    assert refused.exit_code == ExitCode.DONNEES_INVALIDES
    assert refused.stderr.startswith("erreur: --groupe « témoin » : valeur non reconnue")
    assert text == (folder / "mesures" / "2026" / "m.questionnaires.yaml").read_text("utf-8")
