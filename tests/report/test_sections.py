"""Report sections laid out like the files: the dated self-assessment."""

from __future__ import annotations

from utilsoc.errors import ExitCode

CODE = "nb_personnes_accompagnees"
MEETING = """séance_auto_évaluation:
  date: 2026-06-18
  participants: ["Marie, coordinatrice", "3 bénévoles"]
"""


def _plain(text: str) -> str:
    """The report's text with French no-break spaces as plain ones (typography aside)."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


def _record(cli, folder, value: str, period: str) -> None:
    result = cli("-C", str(folder), "record", "-a", "M", CODE, value, "-p", period)
    assert result.exit_code == 0, result.stderr


def _forces(cli, folder, out) -> str:
    args = ("report", "-t", "bilan", "-f", "md", "-p", "2026", "-o", str(out))
    result = cli("-C", str(folder), *args)
    assert result.exit_code == 0, result.stderr
    return _plain(out.read_text(encoding="utf-8")).split("## Forces et faiblesses\n\n")[1]


def test_a_dated_self_assessment_shows_each_finding_with_value_and_trend(
    cli, example, tmp_path
) -> None:
    folder = example("vide")
    referentiel = folder / "referentiel.yaml"
    referentiel.write_text(referentiel.read_text(encoding="utf-8") + MEETING, encoding="utf-8")
    _record(cli, folder, "40", "2025")
    _record(cli, folder, "55", "2026")
    section = _forces(cli, folder, tmp_path / "b.md")
    assert section.startswith(
        "Séance d'auto-évaluation du 18 juin 2026, avec Marie, coordinatrice, 3 bénévoles.\n"
    )
    assert (
        "| Lien avec les personnes accompagnées | Le nombre de personnes accompagnées augmente "
        "d'une année sur l'autre. (Nombre de personnes accompagnées : 55 personnes, "
        "↗ en hausse, atteint) | — |"
    ) in section
    assert "À vérifier" not in section


def test_a_strength_the_figures_contradict_is_flagged_and_undated_is_said(
    cli, example, tmp_path
) -> None:
    folder = example("vide")
    _record(cli, folder, "40", "2025")
    _record(cli, folder, "31", "2026")
    section = _forces(cli, folder, tmp_path / "b.md")
    assert section.startswith("Auto-évaluation non datée : indiquez la date et les participants")
    assert (
        "(Nombre de personnes accompagnées : 31 personnes, ↘ en baisse, en retard) "
        "**À vérifier : les chiffres semblent dire le contraire.**"
    ) in section


def test_a_meeting_needs_a_date_and_participants(cli, example) -> None:
    folder = example("vide")
    referentiel = folder / "referentiel.yaml"
    text = referentiel.read_text(encoding="utf-8")
    referentiel.write_text(
        text + "séance_auto_évaluation:\n  date: 2026-06-18\n  participants: []\n",
        encoding="utf-8",
    )
    result = cli("-C", str(folder), "validate")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "[liste-vide]" in result.stderr
