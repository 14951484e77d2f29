"""Finished documents kept by digest: an unchanged report is not made again."""

from __future__ import annotations

CODE = "nb_personnes_accompagnees"


def test_an_unchanged_html_report_is_not_rendered_again(
    cli, example, tmp_path, monkeypatch
) -> None:
    from utilsoc.report import build

    folder = example("lien-social")
    out = tmp_path / "b.html"
    args = ("-C", str(folder), "report", "-t", "bilan", "-o", str(out), "--force")
    assert cli(*args).exit_code == 0
    first = out.read_bytes()

    def never(*_: object) -> bytes:
        raise AssertionError("rendu de nouveau")

    monkeypatch.setattr(build, "_rendered", never)
    assert cli(*args).exit_code == 0
    assert out.read_bytes() == first
    # A template of the association's own changes the document: rendered again.
    monkeypatch.undo()
    (folder / "modeles").mkdir()
    source = build.build_environment(None).loader.get_source  # type: ignore[union-attr]
    template = source(build.build_environment(None), "bilan.html.j2")[0]
    (folder / "modeles" / "bilan.html.j2").write_text(
        template.replace("<h2>", "<h2>Revu-2026 ", 1), encoding="utf-8"
    )
    assert cli(*args).exit_code == 0
    assert b"Revu-2026 " in out.read_bytes()


def test_an_unchanged_word_document_is_kept_and_a_changed_one_built_again(
    cli, example, tmp_path, monkeypatch
) -> None:
    import docx

    from utilsoc.report import build

    folder = example("lien-social")
    out = tmp_path / "b.docx"
    args = ("-C", str(folder), "report", "-t", "bilan", "-f", "docx", "-o", str(out), "--force")
    assert cli(*args).exit_code == 0
    first = out.read_bytes()
    kept = sorted((folder / ".utilsoc-cache" / "rendus").glob("bilan-*.docx"))
    assert len(kept) == 1
    assert kept[0].read_bytes() == first

    def never(*_: object) -> bytes:
        raise AssertionError("rendu de nouveau")

    monkeypatch.setattr(build, "_rendered", never)
    assert cli(*args).exit_code == 0
    assert out.read_bytes() == first
    monkeypatch.undo()
    # New data: a new document, which replaces the kept one.
    recorded = cli("-C", str(folder), "record", "-a", "m", CODE, "777", "-p", "2026")
    assert recorded.exit_code == 0, recorded.stderr
    assert cli(*args).exit_code == 0
    assert out.read_bytes() != first
    [kept_now] = (folder / ".utilsoc-cache" / "rendus").glob("bilan-*.docx")
    assert kept_now.read_bytes() == out.read_bytes()
    assert docx.Document(str(kept_now)).paragraphs  # a Word document, read back


def test_a_pdf_prints_the_kept_html_page_without_rendering_it_again(
    cli, example, tmp_path, monkeypatch
) -> None:
    import pytest
    from pypdf import PdfReader

    from utilsoc.errors import UserError
    from utilsoc.report import build
    from utilsoc.report.pdf import find_browser

    try:
        find_browser()
    except UserError:
        pytest.skip("ni Chromium, ni Chrome, ni Edge")
    folder = example("lien-social")
    page = tmp_path / "b.html"
    report = ("-C", str(folder), "report", "-t", "bilan", "--force")
    assert cli(*report, "-o", str(page)).exit_code == 0
    kept = next((folder / ".utilsoc-cache" / "rendus").glob("bilan-*.html"))
    kept.write_text(
        kept.read_text("utf-8").replace("<h1", "<p>Gardé-2026</p><h1", 1), encoding="utf-8"
    )

    def never(*_: object) -> bytes:
        raise AssertionError("rendu de nouveau")

    monkeypatch.setattr(build, "_rendered", never)
    pdf = tmp_path / "b.pdf"
    assert cli(*report, "-f", "pdf", "-o", str(pdf)).exit_code == 0
    assert "Gardé-2026" in PdfReader(pdf).pages[0].extract_text()
    assert sorted(p.suffix for p in kept.parent.glob("bilan-*")) == [".html", ".pdf"]
