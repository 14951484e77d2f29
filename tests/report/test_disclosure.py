"""What a report must not hide: revised targets and gaps nobody has explained."""

from __future__ import annotations

import json

from utilsoc.errors import ExitCode

CODE = "nb_personnes_accompagnees"
REVISED = """            cibles:
              - période: 2026
                valeur: 50
                révisions:
                  - ancienne_valeur: 70
                    date: 2026-03-02
                    motif: "Un site fermé de mars à mai"
                  - ancienne_valeur: 80
                    date: 2025-11-20
                    motif: "Subvention réduite"
"""


def _revise(folder) -> None:
    referentiel = folder / "referentiel.yaml"
    text = referentiel.read_text(encoding="utf-8")
    old = "            cibles:\n              - période: 2026\n                valeur: 50\n"
    assert old in text
    referentiel.write_text(text.replace(old, REVISED, 1), encoding="utf-8")


def _report(cli, folder, out, *options: str):
    return cli("-C", str(folder), "report", "-t", "financeur", "-o", str(out), *options)


def test_the_funder_report_discloses_each_revision_of_a_target(cli, example, tmp_path) -> None:
    folder = example("vide")
    _revise(folder)
    assert cli("-C", str(folder), "record", "-a", "M", CODE, "60", "-p", "2026").exit_code == 0
    out = tmp_path / "f.md"
    result = _report(cli, folder, out, "-f", "md")
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    table = text.split("### Cibles révisées\n\n")[1].split("\n\n")[0].splitlines()
    assert (
        table[0]
        == "| Indicateur | Période de la cible | Cible initiale | Cible révisée | Date | Motif |"
    )
    # In the order of the dates: 80 → 70 in November, 70 → 50 in March.
    assert table[2:] == [
        "| Nombre de personnes accompagnées | année 2026 | 80 personnes | 70 personnes "
        "| 20 novembre 2025 | Subvention réduite |",
        "| Nombre de personnes accompagnées | année 2026 | 70 personnes | 50 personnes "
        "| 2 mars 2026 | Un site fermé de mars à mai |",
    ]
    html = tmp_path / "f.html"
    assert _report(cli, folder, html).exit_code == 0
    assert "<td>Un site fermé de mars à mai</td>" in html.read_text(encoding="utf-8")


def test_a_target_never_revised_shows_no_revision_table(cli, example, tmp_path) -> None:
    folder = example("vide")
    assert cli("-C", str(folder), "record", "-a", "M", CODE, "60", "-p", "2026").exit_code == 0
    out = tmp_path / "f.md"
    assert _report(cli, folder, out, "-f", "md").exit_code == 0
    assert "Cibles révisées" not in out.read_text(encoding="utf-8")


def _row(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("| Nombre de personnes"))


def test_a_gap_nobody_explained_is_marked_warned_and_blocks_the_final_report(
    cli, example, tmp_path
) -> None:
    folder = example("vide")
    assert cli("-C", str(folder), "record", "-a", "M", CODE, "31", "-p", "2026").exit_code == 0
    out = tmp_path / "f.md"
    assert _report(cli, folder, out, "-f", "md").exit_code == 0
    assert _row(out.read_text(encoding="utf-8")).endswith("| en retard | écart à expliquer |")
    status = cli("-C", str(folder), "status", "-p", "2026")
    assert f"Attention {CODE} : écart à expliquer" in status.stdout
    data = json.loads(cli("-C", str(folder), "status", "-p", "2026", "-f", "json").stdout)
    assert data["domaines"][0]["critères"][0]["indicateurs"][0]["écart_à_expliquer"] is True

    final = tmp_path / "final.md"
    refused = _report(cli, folder, final, "-f", "md", "--final")
    assert refused.exit_code == ExitCode.DONNEES_INVALIDES
    assert refused.stderr.startswith("erreur: rapport final refusé : 1 écart à expliquer")
    assert f"{CODE} (Nombre de personnes accompagnées)" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert not final.exists()

    piste = (
        "evidence", "piste", "Un site fermé trois mois", "-p", "2026", "--action",
        "Rouvrir le site en septembre", "--indicateur", CODE, "-a", "M",
        "--responsable", "Marie", "--echeance", "2026-09-30",
    )  # fmt: skip
    assert cli("-C", str(folder), *piste).exit_code == 0
    accepted = _report(cli, folder, final, "-f", "md", "--final")
    assert accepted.exit_code == 0, accepted.stderr
    text = final.read_text(encoding="utf-8")
    assert "écart à expliquer" not in text
    # the track that explains it is shown beside the figure, not only in the action plan
    assert _row(text).endswith("| en retard | action prévue\u00a0: Rouvrir le site en septembre |")
    status = cli("-C", str(folder), "status", "-p", "2026")
    assert "écart à expliquer" not in status.stdout


def test_a_note_explains_a_gap_unless_the_report_leaves_notes_out(cli, example, tmp_path) -> None:
    folder = example("vide")
    record = ("record", "-a", "M", CODE, "31", "-p", "2026", "--note", "site fermé en mars")
    assert cli("-C", str(folder), *record).exit_code == 0
    out = tmp_path / "f.md"
    assert _report(cli, folder, out, "-f", "md", "--final").exit_code == 0
    assert _row(out.read_text(encoding="utf-8")).endswith("| en retard | site fermé en mars |")
    assert "écart à expliquer" not in cli("-C", str(folder), "status", "-p", "2026").stdout
    hidden = _report(cli, folder, out, "-f", "md", "--final", "--sans-notes")
    assert hidden.exit_code == ExitCode.DONNEES_INVALIDES
    assert "1 écart à expliquer" in hidden.stderr


def test_an_indicator_on_track_or_reached_is_no_gap(cli, example, tmp_path) -> None:
    folder = example("vide")
    assert cli("-C", str(folder), "record", "-a", "M", CODE, "55", "-p", "2026").exit_code == 0
    out = tmp_path / "f.md"
    assert _report(cli, folder, out, "-f", "md", "--final").exit_code == 0
    assert "écart à expliquer" not in out.read_text(encoding="utf-8")
