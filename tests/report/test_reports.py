"""Reports of the bundled examples: golden files, reproducibility, provenance, a browser."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from utilsoc.errors import ExitCode
from utilsoc.resources import data_dir

GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = ["echec-scolaire", "lien-social", "mediation-numerique"]
PERIODS = {"echec-scolaire": "2025-2026", "lien-social": "2025", "mediation-numerique": "2025"}
TEMPLATES = ["financeur", "bilan", "communication", "referentiel"]
_DATA_URI = re.compile(r"data:image/svg\+xml;base64,[A-Za-z0-9+/=]+")


def _with_data(cli, example) -> Path:
    """The skeleton with two years of values by sex, a verbatim and questionnaire answers."""
    folder = example(
        "vide",
        "          - code: confiance\n            libellé: Confiance en soi\n"
        "            type: score\n            échelle: {min: 1, max: 5}\n"
        "            méthode: questionnaire\n",
    )
    code = "nb_personnes_accompagnees"
    commands = [
        ["record", code, "12", "-p", "2025", "--dim", "sexe=F"],
        ["record", code, "20", "-p", "2025", "--dim", "sexe=H"],
        ["record", code, "41", "-p", "2026"],
        [
            "evidence",
            "verbatim",
            "On m'a aidée à remplir mon dossier.",
            "-p",
            "2026",
            "--role",
            "bénéficiaire",
            "--pseudo",
            "Awa",
            "--consent",
            "--critere",
            "COH-1",
        ],
        ["questionnaire", "confiance", "P1", "2", "-m", "entrée", "-p", "2026"],
        ["questionnaire", "confiance", "P1", "4", "-m", "sortie", "-p", "2026"],
    ]
    for command in commands:
        result = cli("-C", str(folder), *command, "-a", "Marie", "--date", "2026-11-15")
        assert result.exit_code == 0, result.stderr
    return folder


def _copy(name: str, tmp_path: Path) -> Path:
    folder = tmp_path / name
    shutil.copytree(
        data_dir("examples") / name,
        folder,
        ignore=shutil.ignore_patterns(".utilsoc-cache", "*.lock"),
    )
    return folder


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("name", EXAMPLES)
def test_reports_match_reviewed_golden_files(cli, tmp_path, name, template, update_golden) -> None:
    folder = _copy(name, tmp_path)
    for fmt in ("html", "md"):
        output = tmp_path / "sortie" / f"{template}.{fmt}"
        result = cli(
            "-C",
            str(folder),
            "report",
            "-t",
            template,
            "-f",
            fmt,
            "-o",
            str(output),
            *([] if template == "financeur" else ["-p", PERIODS[name]]),
            # Pinned: a report's default date never falls after today, which moves.
            *["--date", "2026-11-30"],
        )
        assert result.exit_code == 0, result.stderr
        text = output.read_text(encoding="utf-8")
        if fmt == "html":
            text = _DATA_URI.sub("data:image/svg+xml;base64,GRAPHIQUE", text)
        golden = GOLDEN / name / f"{template}.{fmt}"
        if update_golden:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(text, encoding="utf-8")
        assert text == golden.read_text(encoding="utf-8"), (
            f"{golden} diffère : relisez la différence puis lancez pytest --update-golden"
        )


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_review_summary_counts_every_indicator_once(cli, tmp_path, name) -> None:
    folder = _copy(name, tmp_path)
    output = tmp_path / "bilan.md"
    args = ("report", "-t", "bilan", "-f", "md", "-o", str(output), "-p", PERIODS[name])
    assert cli("-C", str(folder), *args).exit_code == 0
    line = output.read_text(encoding="utf-8").split("## Synthèse\n\n")[1].split("\n")[0]
    total, counts = re.fullmatch(r"(\d+) indicateurs suivis\xa0: (.*)\.", line).groups()
    numbers = [int(part.split(" ", 1)[0]) for part in counts.split(", ")]
    assert len(numbers) == 5  # atteint, en bonne voie, en retard, sans cible, sans donnée
    assert sum(numbers) == int(total)


def test_identical_inputs_give_byte_identical_reports(cli, tmp_path, example) -> None:
    folder = _with_data(cli, example)
    outputs = []
    for run in range(2):
        shutil.rmtree(folder / ".utilsoc-cache", ignore_errors=True)
        output = tmp_path / f"r{run}.html"
        assert (
            cli(
                "-C", str(folder), "report", "-t", "bilan", "-p", "2025-2026", "-o", str(output)
            ).exit_code
            == 0
        )
        outputs.append(output.read_bytes())
    assert outputs[0] == outputs[1]
    assert b"data:image/svg+xml;base64," in outputs[0]


def test_markdown_charts_are_files_next_to_the_report(cli, tmp_path, example) -> None:
    folder = _with_data(cli, example)
    output = tmp_path / "bilan.md"
    assert (
        cli("-C", str(folder), "report", "-t", "bilan", "-f", "md", "-o", str(output)).exit_code
        == 0
    )
    links = re.findall(r"\]\((bilan_graphiques/[0-9a-f]+\.svg)\)", output.read_text("utf-8"))
    assert links
    assert all((tmp_path / link).read_text(encoding="utf-8").startswith("<svg") for link in links)
    assert len(list((tmp_path / "bilan_graphiques").iterdir())) == len(set(links))


def test_report_states_its_git_commit_and_uncommitted_changes(cli, tmp_path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git absent")
    folder = _copy("lien-social", tmp_path)
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@e.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@e.org",
        "HOME": str(tmp_path),
    }
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "x"]):
        subprocess.run(["git", *command], cwd=folder, env=env, check=True, capture_output=True)
    commit = subprocess.run(
        ["git", "rev-parse", "--short=12", "HEAD"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert (
        cli("-C", str(folder), "report", "-t", "communication", "-f", "md", "-p", "2025").exit_code
        == 0
    )
    written = next((folder / "rapports").glob("communication-*.md"))
    assert f"référentiel au commit {commit}\u202f; utilsoc" in written.read_text(encoding="utf-8")
    first = written.read_bytes()
    assert (
        cli("-C", str(folder), "report", "-t", "communication", "-f", "md", "-p", "2025").exit_code
        == 0
    )
    assert written.read_bytes() == first  # the report itself does not count as a change
    association = folder / "association.yaml"
    association.write_text(association.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert (
        cli("-C", str(folder), "report", "-t", "communication", "-f", "md", "-p", "2025").exit_code
        == 0
    )
    assert "(avec des modifications non enregistrées)" in written.read_text(encoding="utf-8")
    page = tmp_path / "carte.html"
    args = ("report", "-t", "communication", "-p", "2025", "-o", str(page))
    assert cli("-C", str(folder), *args).exit_code == 0
    html = page.read_text(encoding="utf-8")
    head, body = html.split("<body>")
    assert f'<meta name="utilsoc-provenance" content="référentiel au commit {commit}' in head
    assert commit not in body  # the card a reader holds carries no commit hash


def test_html_structure_is_accessible(cli, tmp_path, example) -> None:
    from html.parser import HTMLParser

    folder = _with_data(cli, example)
    output = tmp_path / "f.html"
    assert (
        cli(
            "-C", str(folder), "report", "-t", "financeur", "-p", "2026", "-o", str(output)
        ).exit_code
        == 0
    )

    class Checker(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.stack: list[str] = []
            self.images = self.images_without_alt = self.tables = self.headers = 0
            self.lang = ""

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            values = dict(attrs)
            if tag == "html":
                self.lang = values.get("lang") or ""
            if tag == "img":
                self.images += 1
                self.images_without_alt += not values.get("alt")
            self.tables += tag == "table"
            self.headers += tag == "th"
            if tag not in ("meta", "img", "br", "link", "input", "hr"):
                self.stack.append(tag)

        def handle_endtag(self, tag: str) -> None:
            assert self.stack.pop() == tag

    checker = Checker()
    checker.feed(output.read_text(encoding="utf-8"))
    assert checker.stack == []
    assert checker.lang == "fr"
    assert checker.images > 0
    assert checker.images_without_alt == 0
    assert checker.headers >= checker.tables > 0
    assert "http://" not in output.read_text(encoding="utf-8").replace("http://www.w3.org/", "")


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium absent (.ci/run l'installe)")
@pytest.mark.parametrize("template", TEMPLATES)
def test_reports_open_in_a_real_browser(cli, tmp_path, template) -> None:
    import matplotlib.image

    folder = _copy("echec-scolaire", tmp_path)
    page = tmp_path / f"{template}.html"
    assert (
        cli(
            "-C", str(folder), "report", "-t", template, "-p", "2025-2026", "-o", str(page)
        ).exit_code
        == 0
    )
    shot = tmp_path / f"{template}.png"
    completed = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profil'}",
            "--enable-logging=stderr",
            "--v=0",
            f"--screenshot={shot}",
            "--window-size=1000,1400",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert shot.exists(), completed.stderr[-2000:]
    pixels = matplotlib.image.imread(str(shot))
    assert pixels.std() > 0.05  # not a blank page
    console = [line for line in completed.stderr.splitlines() if ":CONSOLE(" in line]
    assert console == []


def test_only_the_charts_a_template_shows_are_drawn(cli, tmp_path, example) -> None:
    folder = _with_data(cli, example)
    drawn = folder / ".utilsoc-cache" / "graphiques"
    card = cli("-C", str(folder), "report", "-t", "communication", "-o", str(tmp_path / "c.html"))
    assert card.exit_code == 0, card.stderr
    assert not list(drawn.rglob("*.svg"))  # a one-page card shows no chart

    (folder / "modeles").mkdir()
    (folder / "modeles" / "une.md.j2").write_text(
        '{% import "_macros.md.j2" as m %}'
        "{% for i in indicateurs.values() if i.graphique %}{% if loop.first %}"
        "{{ m.graphique(i.graphique) }}{% endif %}{% endfor %}\n",
        encoding="utf-8",
    )
    one = cli("-C", str(folder), "report", "-t", "une", "-f", "md", "-o", str(tmp_path / "u.md"))
    assert one.exit_code == 0, one.stderr
    assert len(list(drawn.rglob("*.svg"))) == 1
    links = re.findall(r"\]\((u_graphiques/[0-9a-f]+\.svg)\)", (tmp_path / "u.md").read_text())
    assert len(links) == 1
    assert (tmp_path / links[0]).read_text(encoding="utf-8").startswith("<svg")


def test_a_reused_report_context_never_hides_a_new_error(cli, tmp_path, example) -> None:
    folder = _with_data(cli, example)
    args = ("-C", str(folder), "report", "-t", "bilan", "-o", str(tmp_path / "b.html"))
    assert cli(*args).exit_code == 0
    assert (folder / ".utilsoc-cache" / "rapport.json").exists()
    referentiel = folder / "referentiel.yaml"
    referentiel.write_text(
        referentiel.read_text(encoding="utf-8").replace("type: nombre", "type: nombr", 1),
        encoding="utf-8",
    )
    broken = cli(*args)
    assert broken.exit_code == ExitCode.DONNEES_INVALIDES
    assert "referentiel.yaml:" in broken.stderr
    assert "vouliez-vous dire « nombre »" in broken.stderr


def test_charts_of_another_version_of_utilsoc_are_dropped(cli, tmp_path, example) -> None:
    folder = _with_data(cli, example)
    charts = folder / ".utilsoc-cache" / "graphiques"
    (charts / "0123456789abcdef").mkdir(parents=True)
    stale = charts / "0123456789abcdef" / "a1b2c3.svg"
    stale.write_text("<svg>ancienne version</svg>", encoding="utf-8")
    (charts / "a1b2c3.svg").write_text("<svg>format d'avant</svg>", encoding="utf-8")
    out = str(tmp_path / "b.md")
    report = cli("-C", str(folder), "report", "-t", "bilan", "-f", "md", "-o", out)
    assert report.exit_code == 0, report.stderr
    kept = list(charts.iterdir())
    assert len(kept) == 1
    assert kept[0].name != "0123456789abcdef"
    assert list(kept[0].glob("*.svg"))


def test_a_template_that_alters_a_chart_address_is_refused(cli, tmp_path, example) -> None:
    folder = _with_data(cli, example)
    (folder / "modeles").mkdir()
    (folder / "modeles" / "abime.md.j2").write_text(
        "{% for i in indicateurs.values() if i.graphique %}"
        "![x]({{ i.graphique.src | upper }})\n{% endfor %}",
        encoding="utf-8",
    )
    out = tmp_path / "a.md"
    result = cli("-C", str(folder), "report", "-t", "abime", "-f", "md", "-o", str(out))
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert result.stderr.startswith(
        "erreur: le modèle « abime » a modifié l'adresse d'un graphique"
    )
    assert "{{ graphique.src }}" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
    assert not (tmp_path / "a_graphiques").exists()
    (folder / "modeles" / "abime.md.j2").write_text(
        "{% for i in indicateurs.values() if i.graphique %}"
        "![x]({{ i.graphique.src | urlencode }})\n{% endfor %}",
        encoding="utf-8",
    )
    encoded = cli("-C", str(folder), "report", "-t", "abime", "-f", "md", "-o", str(out))
    assert encoded.exit_code == ExitCode.DONNEES_INVALIDES
    assert not out.exists()


def test_each_indicator_row_has_a_short_comment(cli, tmp_path, example) -> None:
    """The note given when recording explains the figure; utilsoc says why one is missing."""
    folder = _with_data(cli, example)
    note = "Fermeture du site | Nord en mars : <b>moins</b> d'accueils"
    recorded = cli(
        "-C", str(folder), "record", "-a", "Marie", "--replace", "--motif", "bilan refait",
        "nb_personnes_accompagnees", "43", "-p", "2026", "--note", note,
    )  # fmt: skip
    assert recorded.exit_code == 0, recorded.stderr
    for fmt in ("md", "html"):
        out = tmp_path / f"f.{fmt}"
        args = ("report", "-t", "financeur", "-p", "2026", "-f", fmt, "-o", str(out))
        assert cli("-C", str(folder), *args).exit_code == 0
        text = out.read_text(encoding="utf-8")
        if fmt == "md":
            row = next(line for line in text.splitlines() if line.startswith("| Nombre de pers"))
            assert row.endswith(
                r"| en retard | Fermeture du site \| Nord en mars"
                "\xa0: "
                r"\<b\>moins\</b\> d'accueils |"
            ), row
        else:
            match = re.search(
                r'<th scope="row" id="(indicateur-\d+)" rowspan="2">Nombre de personnes '
                r'accompagnées</th>.*?<tr class="commentaire"><td colspan="5" headers="\1">'
                r"Commentaire\xa0: Fermeture du site \| Nord en mars\xa0: &lt;b&gt;moins&lt;/b&gt; "
                r"d&#39;accueils</td></tr>",
                text,
                re.DOTALL,
            )
            assert match, "the comment row names its indicator's header"


def test_notes_can_be_left_out_and_answers_are_pointed_to(cli, tmp_path, example) -> None:
    folder = _with_data(cli, example)
    recorded = cli(
        "-C", str(folder), "record", "-a", "Marie", "--replace", "--motif", "recompté",
        "nb_personnes_accompagnees", "43", "-p", "2026", "--note", "note interne : Mme Durand",
    )  # fmt: skip
    assert recorded.exit_code == 0, recorded.stderr
    out = tmp_path / "b.md"
    args = ("-C", str(folder), "report", "-t", "bilan", "-p", "2026", "-f", "md", "-o", str(out))
    assert cli(*args).exit_code == 0
    rows: dict[str, str] = {}  # the indicator tables' rows (seven columns), not the gains'
    for line in out.read_text("utf-8").splitlines():
        if line.startswith("| ") and line.count(" | ") == 6:
            rows.setdefault(line.split(" | ")[0], line)
    assert rows["| Nombre de personnes accompagnées"].endswith("| note interne\xa0: Mme Durand |")
    assert rows["| Confiance en soi"].endswith(
        "| réponses de questionnaire\xa0: voir l'évolution entre l'entrée et la sortie |"
    )
    assert cli(*args, "--sans-notes").exit_code == 0
    text = out.read_text("utf-8")
    assert "Mme Durand" not in text
    assert "| réponses de questionnaire\xa0: voir l'évolution" in text


def test_entry_answers_alone_are_not_pointed_to_as_gains(cli, tmp_path, example) -> None:
    folder = _with_data(cli, example)
    entry = ("questionnaire", "confiance", "P2", "3", "-m", "entrée", "-p", "2025", "-a", "M")
    assert cli("-C", str(folder), *entry).exit_code == 0
    out = tmp_path / "b.md"
    args = ("-C", str(folder), "report", "-t", "bilan", "-p", "2025", "-f", "md", "-o", str(out))
    assert cli(*args).exit_code == 0
    row = next(
        line
        for line in out.read_text("utf-8").splitlines()
        if line.startswith("| Confiance en soi |") and line.count(" | ") == 6
    )
    assert row.endswith("| aucune valeur enregistrée sur la période |")


@pytest.mark.parametrize("template", ["financeur", "bilan"])
def test_each_chart_sits_with_its_indicator_rows_full_width_without_caption(
    cli, tmp_path, example, template
) -> None:
    folder = _with_data(cli, example)
    out = tmp_path / "r.html"
    args = ("-C", str(folder), "report", "-t", template, "-p", "2026", "-o", str(out))
    assert cli(*args).exit_code == 0
    text = out.read_text(encoding="utf-8")
    # The chart is in a row of the indicator's own table, right after its figures.
    row = re.search(
        r'<th scope="row" id="(indicateur-\d+)"[^>]*>Nombre de personnes accompagnées</th>'
        r'(?:(?!</table>).)*?<tr class="graphiques"><td colspan="\d+" headers="\1">\s*'
        r'<figure>\s*<img src="data:image/svg\+xml;base64,[^"]+" alt="Nombre de personnes',
        text,
        re.DOTALL,
    )
    assert row, "the chart is not in its indicator's rows"
    assert "<figcaption>" not in text  # the chart's title is drawn in it: no caption repeats it
    assert re.search(r"figure img \{[^}]*width: 100%", text)


def _first_audience(folder: Path) -> str:
    import yaml

    publics = yaml.safe_load((folder / "publics.yaml").read_text(encoding="utf-8"))
    return str(publics["audiences"][0]["code"])


def _pdf_pages(pdf: Path) -> int:
    try:
        import pypdf
    except ImportError:
        pdfinfo = shutil.which("pdfinfo")
        if pdfinfo is None:
            pytest.skip("ni pypdf ni pdfinfo pour compter les pages")
        info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True)
        return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE).group(1))
    return len(pypdf.PdfReader(str(pdf)).pages)


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium absent (.ci/run l'installe)")
@pytest.mark.parametrize("name", EXAMPLES)
def test_the_communication_page_prints_on_one_a4_page(cli, tmp_path, name) -> None:
    folder = _copy(name, tmp_path)
    page = tmp_path / "carte.html"
    audience = _first_audience(folder)
    args = ("report", "-t", "communication", "--audience", audience, "-o", str(page))
    assert cli("-C", str(folder), *args).exit_code == 0
    pdf = tmp_path / "carte.pdf"
    completed = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profil'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert pdf.exists(), completed.stderr[-2000:]
    assert _pdf_pages(pdf) == 1


# Words utilsoc writes in a French report, and which the example's own texts do not hold.
_FRENCH_UI = re.compile(
    r"\b(trimestre|Objectif|sans donnée|Période|Réalisé|Cible|Écart|Statut|en bonne voie"
    r"|en retard|Synthèse|Commentaire|Valeur sociale|Aucun|Évolution"
    r"|Sous-objectif|Résultat attendu|rapport établi)\b"
)
_ENGLISH = {
    "financeur": ["Expected achievements", "Target", "Report drawn up on"],
    "bilan": ["Summary", "Strengths and weaknesses", "achieved"],
    "communication": ["What drives us", "Our values"],
    "referentiel": ["Frequency", "yearly", "outcome"],
    "compte-rendu": ["Expenses", "Total expenses", "Financial report"],
    "sroi": ["The value map", "Net present value (NPV)"],
}


@pytest.mark.parametrize("template", list(_ENGLISH))
def test_an_english_report_has_no_french_of_utilsoc(cli, tmp_path, template) -> None:
    folder = _copy("lien-social", tmp_path)
    for fmt in ("html", "md"):
        output = tmp_path / "sortie" / f"{template}.{fmt}"
        result = cli(
            "-C", str(folder), "report", "-t", template, "-p", "2025", "-f", fmt,
            "-o", str(output), "--date", "2026-11-30", "--langue", "en",
        )  # fmt: skip
        assert result.exit_code == 0, result.stderr
        text = _DATA_URI.sub("", output.read_text(encoding="utf-8"))
        assert not _FRENCH_UI.findall(text), f"{template}.{fmt}"
        for words in _ENGLISH[template]:
            assert words in text, f"{template}.{fmt}: {words}"
        if template not in ("communication", "referentiel"):
            assert re.search(r"period: (2025|from)|for the period from", text, re.IGNORECASE)
        if fmt == "html":
            assert '<html lang="en">' in text
    if template in ("financeur", "sroi"):  # English figures: €1,234.50, 12.5%
        assert re.search(r"€\d{1,3}(,\d{3})+\.\d\d\b", text)
        assert re.search(r"\d\.\d%", text)
        assert "\u202f€" not in text


# What utilsoc writes about interviews and stories of change, in French.
_FRENCH_INTERVIEWS = re.compile(
    r"\b(Ce que disent les entretiens|entretiens? (analysés?|sur \d)|évoquent|n'évoque"
    r"|reviennent ensemble|extraits? (positifs?|négatifs?)|Récits de changement"
    r"|Raconté par|Retenu le|Pourquoi\s?:)"
)


@pytest.mark.parametrize("template", ["bilan", "financeur"])
def test_an_english_report_with_interviews_has_no_french_of_utilsoc(
    cli, tmp_path, template
) -> None:
    folder = _copy("echec-scolaire", tmp_path)
    for fmt in ("html", "md"):
        output = tmp_path / "sortie" / f"{template}.{fmt}"
        result = cli(
            "-C", str(folder), "report", "-t", template, "-f", fmt, "-o", str(output),
            *([] if template == "financeur" else ["-p", PERIODS["echec-scolaire"]]),
            "--date", "2026-11-30", "--langue", "en",
        )  # fmt: skip
        assert result.exit_code == 0, result.stderr
        # « chaque trimestre » is a story's own words, quoted as told.
        text = _DATA_URI.sub("", output.read_text(encoding="utf-8"))
        assert not _FRENCH_UI.findall(text.replace("chaque trimestre", "")), f"{template}.{fmt}"
        assert not _FRENCH_INTERVIEWS.findall(text), f"{template}.{fmt}"
        for words in [
            "What the interviews say",
            "(10 interviews analysed)",
            "7 of 10 interviews mention regained confidence",
            "parents and families: 1 of 4",
            "5 positive excerpts, 1 negative",
            "come up together in 3 interviews.",
            "Stories of change",
            "Told by E07 (supported pupils) on 19 May 2026. Chosen on 26 June 2026 by",
        ]:
            assert words in text, f"{template}.{fmt}: {words}"
