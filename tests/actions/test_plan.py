"""The action plan at entry: codes made from the action, and every recorded track found."""

from __future__ import annotations

from utilsoc.actions.plan import new_code, recorded_tracks
from utilsoc.project import Layout


def test_a_code_is_made_of_the_first_words_of_the_action() -> None:
    assert new_code("Rouvrir le site en septembre", set()) == "rouvrir-site-septembre"
    assert new_code("Rouvrir le site en septembre", {"rouvrir-site-septembre"}) == (
        "rouvrir-site-septembre-2"
    )
    assert new_code("Ça, à l'été !", set()) == "ete"
    assert new_code("À la", set()) == "action"


def test_tracks_are_found_in_hand_made_files_but_not_in_other_kinds(cli, example) -> None:
    folder = example("vide")
    (folder / "mesures" / "2026").mkdir(parents=True)
    (folder / "mesures" / "2026" / "bilan-equipe.yaml").write_text(
        "valeurs:\n  - {indicateur: nb_personnes_accompagnees, période: 2026, valeur: 3, "
        "auteur: paul, date: 2026-01-01}\n"
        "Pistes_amelioration:\n  - {code: samedi, période: 2026, constat: C, action: A, "
        "auteur: paul, date: 2026-01-01}\n",
        encoding="utf-8",
    )
    (folder / "mesures" / "2026" / "paul.temoignages.yaml").write_text(
        'témoignages:\n  - {période: 2026, texte: "Une piste à suivre", rôle: bénévole, '
        "consentement: true, auteur: paul, date: 2026-01-01}\n",
        encoding="utf-8",
    )
    assert [t.code for t in recorded_tracks(Layout(folder))] == ["samedi"]
    again = cli(
        "-C", str(folder), "evidence", "piste", "x", "-p", "2026", "--action", "y",
        "--responsable", "K", "--echeance", "2026-09-30", "--code", "samedi", "-a", "M",
    )  # fmt: skip
    assert "le code de piste « samedi » est déjà pris" in again.stderr
    followed = cli(
        "-C", str(folder), "evidence", "suivi", "Fait", "-p", "2026", "--piste", "samedi",
        "--etat", "en cours", "-a", "M",
    )  # fmt: skip
    assert followed.exit_code == 0, followed.stderr
