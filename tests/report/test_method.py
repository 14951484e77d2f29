"""The method's own documents: the référentiel table, the results chain, N, publics."""

from __future__ import annotations

from utilsoc.errors import ExitCode

RATE = """\
          - code: taux_retour
            libellé: Taux de retour
            définition: "Personnes revenues au moins deux fois."
            type: taux
            niveau: résultat
            unité: "%"
            fréquence: trimestrielle
            méthode: registre
            source: "Cahier d'accueil"
            collecté_par: "Bénévole d'accueil"
            numérateur: "Personnes revenues"
            dénominateur: "Personnes venues"
            référence: {valeur: 40, période: 2025}
            cibles:
              - période: 2026
                valeur: 50
          - code: taux_saisi
            libellé: Taux saisi en pourcentage
            type: taux
            niveau: impact
            unité: "%"
          - code: confiance
            libellé: Confiance en soi
            type: score
            niveau: résultat
            échelle: {min: 1, max: 5}
            méthode: questionnaire
"""


def _plain(text: str) -> str:
    """The report's text with French no-break spaces as plain ones (typography aside)."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


def _folder(example):
    folder = example("vide", RATE)
    referentiel = folder / "referentiel.yaml"
    text = referentiel.read_text(encoding="utf-8")
    text = text.replace(
        "            type: nombre\n",
        "            type: nombre\n            niveau: réalisation\n",
        1,
    )
    referentiel.write_text(text, encoding="utf-8")
    cadre = folder / "cadres-logiques" / "financeur.yaml"
    text = cadre.read_text(encoding="utf-8")
    text = text.replace(
        "indicateurs: [nb_personnes_accompagnees]",
        "indicateurs: [nb_personnes_accompagnees, taux_retour, taux_saisi, confiance]",
    )
    cadre.write_text(text, encoding="utf-8")
    return folder


def _run(cli, folder, *args: str) -> None:
    result = cli("-C", str(folder), *args)
    assert result.exit_code == 0, (args, result.stderr)


def test_the_referentiel_table_is_the_method_in_one_document(cli, example, tmp_path) -> None:
    folder = _folder(example)
    out = tmp_path / "r.md"
    _run(cli, folder, "report", "-t", "referentiel", "-f", "md", "-o", str(out))  # no value yet
    text = _plain(out.read_text(encoding="utf-8"))
    criterion = text.split("### COH-1 — Lien social\n\n")[1]
    assert criterion.startswith(
        "**Question évaluative :** *Les personnes accompagnées sont-elles moins isolées ?*"
    )
    rows = [line for line in criterion.splitlines() if line.startswith("| **")]
    assert rows[0] == (
        "| **Nombre de personnes accompagnées** : Personnes venues au moins une fois dans "
        "l'année. | réalisation | nombre (personnes) | Fichier des inscriptions (registre) "
        "| annuelle | Coordinatrice | 0 personne (année 2025) | 50 personnes (année 2026) |"
    )
    assert rows[1] == (
        "| **Taux de retour** : Personnes revenues au moins deux fois. | résultat "
        "| taux (%) : Personnes revenues ÷ Personnes venues | Cahier d'accueil (registre) "
        "| trimestrielle | Bénévole d'accueil | 40 % (année 2025) | 50 % (année 2026) |"
    )
    chain = text.split("## La chaîne de résultats\n")[1].split("## Publics cibles")[0]
    assert [line.split(" |")[0] for line in chain.splitlines() if line.startswith("| **")] == [
        "| **Réalisations** : ce qui a été fait",
        "| **Résultats** : ce que cela a directement produit",
        "| **Impacts** : ce à quoi cela a contribué",
    ]
    assert "| Taux de retour ; Confiance en soi |" in chain
    profiles = text.split("## Publics cibles\n")[1]
    assert "- **Contact et décision** : Bouche-à-oreille" in profiles
    assert "- **Freins** : Ce qui les retient" in profiles
    assert (
        "| **Financeurs** | Rendre compte et obtenir un renouvellement | Nos actions changent "
        "concrètement la vie des personnes accompagnées | Rapport annuel |"
    ) in profiles
    html = tmp_path / "r.html"
    _run(cli, folder, "report", "-t", "referentiel", "-o", str(html))
    assert "<h2>La chaîne de résultats</h2>" in html.read_text(encoding="utf-8")


def test_the_funder_report_has_a_methodology_annex_by_level_with_each_n(
    cli, example, tmp_path
) -> None:
    folder = _folder(example)
    # A bare percentage, as a hand-edited file may hold one (record refuses it).
    (folder / "mesures" / "2026").mkdir(parents=True)
    (folder / "mesures" / "2026" / "main.yaml").write_text(
        "valeurs:\n  - {indicateur: taux_saisi, période: 2026, valeur: 35, auteur: M, "
        "date: 2026-07-01}\n",
        encoding="utf-8",
    )
    for period, top, bottom in (("2026-T1", 12, 40), ("2026-T2", 18, 50), ("2025-T4", 9, 30)):
        (folder / "mesures" / period).mkdir(parents=True)
        (folder / "mesures" / period / "m.yaml").write_text(
            f"valeurs:\n  - {{indicateur: taux_retour, période: {period}, numérateur: {top}, "
            f"dénominateur: {bottom}, auteur: M, date: 2026-07-01}}\n",
            encoding="utf-8",
        )
    for args in (
        ("record", "nb_personnes_accompagnees", "55", "-p", "2026"),
        ("questionnaire", "confiance", "P1", "2", "-m", "entrée", "-p", "2026"),
        ("questionnaire", "confiance", "P1", "4", "-m", "sortie", "-p", "2026"),
        ("questionnaire", "confiance", "P2", "3", "-m", "entrée", "-p", "2026"),
        ("questionnaire", "confiance", "P2", "3", "-m", "sortie", "-p", "2026"),
        ("questionnaire", "confiance", "P3", "3", "-m", "entrée", "-p", "2026"),
    ):
        _run(cli, folder, *args, "-a", "M")
    out = tmp_path / "f.md"
    _run(cli, folder, "report", "-t", "financeur", "-f", "md", "-o", str(out))
    annex = _plain(out.read_text(encoding="utf-8")).split("## Annexe : méthodologie\n")[1]
    headings = [line for line in annex.splitlines() if line.startswith("### ")]
    assert headings == ["### Réalisations", "### Résultats", "### Impacts"]
    results = annex.split("### Résultats\n")[1].split("### Impacts")[0]
    rows = {line.split(" |")[0]: line for line in results.splitlines() if line.startswith("| **")}
    # 2026 only: 40 + 50 people, the 2025 quarter left out.
    assert rows["| **Taux de retour** : Personnes revenues au moins deux fois."].endswith(
        "| 90 (Personnes venues) |"
    )
    assert rows["| **Confiance en soi**"].endswith(
        "| 2 (participants suivis à l'entrée et à la sortie) |"
    )
    impacts = annex.split("### Impacts\n")[1]
    assert "| non renseigné (pourcentage saisi sans ses deux termes) |" in impacts
    realisations = annex.split("### Réalisations\n")[1].split("### Résultats")[0]
    count = next(line for line in realisations.splitlines() if line.startswith("| **Nombre"))
    assert count.endswith("| 50 personnes (année 2026) | — |")  # a count has no N


def test_an_unknown_level_is_refused(cli, example) -> None:
    folder = example("vide")
    referentiel = folder / "referentiel.yaml"
    text = referentiel.read_text(encoding="utf-8")
    text = text.replace(
        "            type: nombre\n", "            type: nombre\n            niveau: effet\n", 1
    )
    referentiel.write_text(text, encoding="utf-8")
    result = cli("-C", str(folder), "validate")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "[valeur-inconnue]" in result.stderr
    assert "réalisation, résultat, impact" in result.stderr


def test_the_card_addresses_one_audience_with_its_message_and_personality(
    cli, example, tmp_path
) -> None:
    folder = example("vide")
    association = folder / "association.yaml"
    text = association.read_text(encoding="utf-8")
    assert "  personnalité:" in text
    _run(cli, folder, "record", "-a", "M", "nb_personnes_accompagnees", "41", "-p", "2026")
    out = tmp_path / "c.md"
    args = ("report", "-t", "communication", "-f", "md", "-o", str(out))
    _run(cli, folder, *args, "--audience", "financeurs")
    card = _plain(out.read_text(encoding="utf-8"))
    assert "**À l'intention de : Financeurs**" in card
    assert "> Nos actions changent concrètement la vie des personnes accompagnées" in card
    assert "Rendre compte et obtenir un renouvellement" not in card  # the aim stays internal
    assert "- **Notre personnalité** : " in card
    _run(cli, folder, *args)
    assert "À l'intention de" not in out.read_text(encoding="utf-8")
    unknown = cli("-C", str(folder), *args, "--audience", "presse")
    assert unknown.exit_code == ExitCode.USAGE
    assert unknown.stderr.startswith(
        "erreur: audience inconnue : presse — audiences de publics.yaml : financeurs"
    )


def test_a_two_year_conventions_n_counts_both_years(cli, example, tmp_path) -> None:
    folder = _folder(example)
    cadre = folder / "cadres-logiques" / "financeur.yaml"
    cadre.write_text(
        cadre.read_text(encoding="utf-8").replace(
            "période: 2026", "période: 2025-01-01..2026-12-31"
        ),
        encoding="utf-8",
    )
    referentiel = folder / "referentiel.yaml"
    referentiel.write_text(
        referentiel.read_text(encoding="utf-8").replace(
            "              - période: 2026\n                valeur: 50\n",
            "              - période: 2025\n                valeur: 45\n"
            "              - période: 2026\n                valeur: 50\n",
            1,
        ),
        encoding="utf-8",
    )
    for period, top, bottom in (("2025-T4", 9, 30), ("2026-T1", 12, 40)):
        (folder / "mesures" / period).mkdir(parents=True)
        (folder / "mesures" / period / "m.yaml").write_text(
            f"valeurs:\n  - {{indicateur: taux_retour, période: {period}, numérateur: {top}, "
            f"dénominateur: {bottom}, auteur: M, date: 2026-07-01}}\n",
            encoding="utf-8",
        )
    out = tmp_path / "f.md"
    _run(cli, folder, "report", "-t", "financeur", "-f", "md", "-o", str(out))
    annex = _plain(out.read_text(encoding="utf-8")).split("## Annexe : méthodologie\n")[1]
    row = next(line for line in annex.splitlines() if line.startswith("| **Taux de retour**"))
    assert row.endswith("| 70 (Personnes venues) |")  # 30 in 2025 + 40 in 2026, not 30
