"""Templates: escaping, strict variables, user templates extending the built-in ones."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from utilsoc.errors import ExitCode
from utilsoc.report.render import (
    build_environment,
    escape_markdown,
    render,
    tidy_markdown,
)

CODE = "nb_personnes_accompagnees"


@pytest.fixture
def folder(cli, example) -> Path:
    folder = example("vide")
    for args in (["12", "-p", "2025"], ["41", "-p", "2026"]):
        assert (
            cli(
                "-C", str(folder), "record", "-a", "m", "--date", "2026-12-01", CODE, *args
            ).exit_code
            == 0
        )
    result = cli(
        "-C",
        str(folder),
        "evidence",
        "verbatim",
        "Ici <script>alert('x')</script> & | on m'aide",
        "-p",
        "2026",
        "--role",
        "bénéficiaire",
        "--pseudo",
        "Léa",
        "--consent",
        "-a",
        "m",
        "--date",
        "2026-06-01",
    )
    assert result.exit_code == 0, result.stderr
    return folder


def test_html_escapes_a_verbatim_with_markup(cli, folder: Path) -> None:
    result = cli("-C", str(folder), "report", "-t", "financeur", "-p", "2026", "-o", "r.html")
    assert result.exit_code == 0, result.stderr
    html = (folder / "r.html").read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "Ici &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; | on m&#39;aide" in html


def test_markdown_escapes_markup_and_table_pipes(cli, folder: Path) -> None:
    result = cli(
        "-C", str(folder), "report", "-t", "financeur", "-f", "md", "-p", "2026", "-o", "r.md"
    )
    assert result.exit_code == 0, result.stderr
    text = (folder / "r.md").read_text(encoding="utf-8")
    assert r"Ici \<script\>alert('x')\</script\> & \| on m'aide" in text
    assert "\n\n\n" not in text


def test_user_template_extends_a_builtin_block(cli, folder: Path) -> None:
    (folder / "modeles").mkdir()
    (folder / "modeles" / "financeur.html.j2").write_text(
        '{% extends "defaut:financeur.html.j2" %}\n'
        "{% block partenariat %}<h2>4. Notre partenariat</h2><p>Merci {{ cadre.financeur }} !</p>"
        "{% endblock %}\n",
        encoding="utf-8",
    )
    result = cli("-C", str(folder), "report", "-t", "financeur", "-p", "2026", "-o", "r.html")
    assert result.exit_code == 0, result.stderr
    html = (folder / "r.html").read_text(encoding="utf-8")
    assert "<h2>4. Notre partenariat</h2><p>Merci Nom du financeur\u202f!</p>" in html
    assert "1. Réalisations attendues" in html


def test_unknown_variable_in_a_user_template_names_file_and_line(cli, folder: Path) -> None:
    (folder / "modeles").mkdir()
    (folder / "modeles" / "perso.md.j2").write_text(
        "# {{ association.nom }}\n\n{{ indicteurs }}\n", encoding="utf-8"
    )
    result = cli("-C", str(folder), "report", "-t", "perso", "-f", "md", "-p", "2026")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "perso.md.j2:3: variable inconnue dans le modèle : « indicteurs » n'existe pas" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_template_syntax_error_and_sandbox(cli, folder: Path) -> None:
    (folder / "modeles").mkdir()
    (folder / "modeles" / "casse.md.j2").write_text("{% for x in %}\n", encoding="utf-8")
    broken = cli("-C", str(folder), "report", "-t", "casse", "-f", "md", "-p", "2026")
    assert "casse.md.j2:1: erreur de syntaxe dans le modèle" in broken.stderr
    (folder / "modeles" / "malin.md.j2").write_text(
        "{{ association.__class__.__mro__ }}\n", encoding="utf-8"
    )
    sneaky = cli("-C", str(folder), "report", "-t", "malin", "-f", "md", "-p", "2026")
    assert sneaky.exit_code == ExitCode.DONNEES_INVALIDES
    assert "Traceback" not in sneaky.stderr


def test_unknown_template_and_logframe(cli, folder: Path) -> None:
    result = cli("-C", str(folder), "report", "-t", "inconnu", "-p", "2026")
    assert "modèle introuvable : inconnu.html.j2" in result.stderr
    logframe = cli("-C", str(folder), "report", "-t", "financeur", "-l", "nope", "-p", "2026")
    assert logframe.exit_code == ExitCode.USAGE
    assert "cadre logique inconnu : nope" in logframe.stderr


def test_markdown_escaping_and_tidying() -> None:
    assert escape_markdown("a|b *c*") == r"a\|b \*c\*"
    assert (
        tidy_markdown("# T\ntexte\n- a\n- b\n\n\n\n## U\n") == "# T\n\ntexte\n\n- a\n- b\n\n## U\n"
    )


def test_builtin_templates_compile_in_the_sandbox() -> None:
    environment = build_environment(None)
    for name in ("financeur", "bilan", "communication", "compte-rendu", "sroi"):
        for fmt in ("html", "md"):
            environment.get_template(f"{name}.{fmt}.j2")
    with pytest.raises(Exception, match="introuvable"):
        render(environment, "absent.md.j2", {})


VNU = (
    Path(__file__).parent.parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)


@pytest.mark.skipif(
    not VNU.exists() or shutil.which("java") is None,
    reason="Nu HTML checker absent (.ci/run l'installe avec npm)",
)
def test_html_reports_pass_the_nu_html_checker(cli, folder: Path) -> None:
    pages = []
    for template in ("financeur", "bilan", "communication"):
        page = folder / f"{template}.html"
        result = cli("-C", str(folder), "report", "-t", template, "-p", "2026", "-o", str(page))
        assert result.exit_code == 0, result.stderr
        pages.append(str(page))
    checked = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "gnu", *pages],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def _set_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    "address", ["javascript:alert(document.domain)", "data:text/html,x", " JaVaScRiPt:x"]
)
def test_only_web_and_mail_addresses_become_links(cli, example, address: str) -> None:
    folder = example("echec-scolaire")
    _set_in(
        folder / "association.yaml", "https://www.tremplin-reussite.example.org", address.strip()
    )
    for fmt in ("html", "md"):
        result = cli(
            "-C", str(folder), "report", "-t", "communication", "-f", fmt, "-o", f"c.{fmt}"
        )
        assert result.exit_code == 0, result.stderr
        text = (folder / f"c.{fmt}").read_text(encoding="utf-8")
        assert 'href="' + address.strip() not in text
        assert f"<{address.strip()}>" not in text
        assert f"]({address.strip()}" not in text


def test_a_web_address_is_a_link(cli, example) -> None:
    folder = example("echec-scolaire")
    assert cli("-C", str(folder), "report", "-t", "communication", "-o", "c.html").exit_code == 0
    html = (folder / "c.html").read_text(encoding="utf-8")
    assert '<a href="https://www.tremplin-reussite.example.org">' in html


PAYLOAD = "<img src=x onerror=alert(1)> [clic](javascript:x) `code` | *gras*"


def test_markdown_escapes_every_user_text(cli, example) -> None:
    folder = example("echec-scolaire")
    _set_in(folder / "referentiel.yaml", "unité: élèves", f'unité: "{PAYLOAD}"')
    _set_in(folder / "association.yaml", "https://www.tremplin-reussite.example.org", PAYLOAD)
    for template in ("financeur", "bilan", "communication"):
        out = folder / f"{template}.md"
        result = cli("-C", str(folder), "report", "-t", template, "-f", "md", "-o", str(out))
        assert result.exit_code == 0, result.stderr
        text = out.read_text(encoding="utf-8")
        assert not re.search(r"(?<!\\)<img", text)
        assert not re.search(r"(?<!\\)\]\(javascript", text)
        assert not re.search(r"(?<!\\)`code", text)
    assert r"\<img src=x onerror=alert(1)\> \[clic\](javascript:x) \`code\` \| \*gras\*" in (
        folder / "communication.md"
    ).read_text(encoding="utf-8")


def test_output_is_capped(cli, folder: Path, monkeypatch) -> None:
    monkeypatch.setattr("utilsoc.report.render.MAX_OUTPUT", 5_000)
    (folder / "modeles").mkdir()
    (folder / "modeles" / "long.md.j2").write_text(
        "{% for i in range(9999) %}{{ 'ligne ' * 10 }}\n{% endfor %}", encoding="utf-8"
    )
    result = cli("-C", str(folder), "report", "-t", "long", "-f", "md", "-p", "2026")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "le modèle produit plus de" in result.stderr


def test_the_time_limit_holds_without_signals(cli, folder: Path, monkeypatch) -> None:
    """A loop that prints nothing is stopped by the clock checked in `range` (no SIGALRM)."""
    monkeypatch.setattr("utilsoc.report.render.TIME_LIMIT", 0.5)
    monkeypatch.delattr("signal.SIGALRM", raising=False)
    (folder / "modeles").mkdir()
    (folder / "modeles" / "lent.md.j2").write_text(
        "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
        encoding="utf-8",
    )
    result = cli("-C", str(folder), "report", "-t", "lent", "-f", "md", "-p", "2026")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "le modèle a tourné plus de" in result.stderr


def test_markdown_marks_every_string_of_the_context_but_the_drawn_points() -> None:
    """Strings in dicts, lists, tuples and subclasses are user text; a chart's points are not."""
    from collections import OrderedDict

    from utilsoc.report.filters import UserText
    from utilsoc.report.render import mark_user_text

    points = [{"court": "janv. 2025", "valeur": 3.0}]
    marked = mark_user_text(
        {
            "libelle": "A *b*",
            "liste": ["x", ("y", 1, 2.5, None, True)],
            "ordonne": OrderedDict(nom="z"),
            "courbe": points,
        }
    )
    assert type(marked["libelle"]) is UserText
    assert [type(v) for v in marked["liste"][1]] == [UserText, int, float, type(None), bool]
    assert type(marked["liste"][0]) is UserText
    assert type(marked["ordonne"]["nom"]) is UserText
    assert marked["courbe"] is points
