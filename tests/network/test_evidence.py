"""Only what a member marked for the network, consented and pseudonymised, reaches it."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from utilsoc.cli.app import app
from utilsoc.network.evidence import shared_evidence
from utilsoc.network.load import load_network

from .builder import NetworkBuilder, referentiel


def _evidence(folder: Path, *args: str) -> None:
    result = CliRunner().invoke(
        app,
        ["-C", str(folder), "evidence", *args, "-p", "2025", "-a", "Lou"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output


def test_only_shareable_consented_pseudonymised_evidence_is_shared(
    builder: NetworkBuilder,
) -> None:
    folder = builder.member("a", referentiel("accueillis"))
    verbatim = ("verbatim", "--role", "bénéficiaire", "--pseudo", "Inès", "--consent")
    _evidence(folder, *verbatim[:1], "Je sors de chez moi.", *verbatim[1:], "--diffusion", "réseau")
    _evidence(folder, *verbatim[:1], "Gardé pour nous.", *verbatim[1:])  # not marked
    _evidence(folder, *verbatim[:1], "Interne.", *verbatim[1:], "--diffusion", "interne")
    _evidence(
        folder,
        "verbatim",
        "Sans accord.",
        "--role",
        "parent",
        "--no-consent",
        "--diffusion",
        "réseau",
    )
    _evidence(
        folder,
        "verbatim",
        "Nommée.",
        "--role",
        "habitant",
        "--pseudo",
        "Inès Martin",
        "--consent",
        "--nom-complet",
        "--diffusion",
        "réseau",
    )
    _evidence(
        folder,
        "fait",
        "Une fête de quartier a réuni 80 habitants.",
        "--titre",
        "La fête",
        "--diffusion",
        "réseau",
    )
    _evidence(folder, "fait", "Un conflit entre bénévoles.", "--titre", "Conflit")
    shared = shared_evidence(load_network(builder.write()))
    assert [(s.kind, s.text, s.speaker, s.title) for s in shared] == [
        ("fait", "Une fête de quartier a réuni 80 habitants.", None, "La fête"),
        ("verbatim", "Je sors de chez moi.", "Inès, bénéficiaire", None),
    ]
    assert {s.member for s in shared} == {"Association A"}


def test_the_network_report_quotes_them(builder: NetworkBuilder) -> None:
    folder = builder.member("a", referentiel("accueillis"))
    _evidence(
        folder,
        "verbatim",
        "Je sors de chez moi.",
        "--role",
        "bénéficiaire",
        "--pseudo",
        "Inès",
        "--consent",
        "--diffusion",
        "réseau",
    )
    root = builder.write()
    result = CliRunner().invoke(app, ["-C", str(root), "reseau", "report", "-f", "md"])
    assert result.exit_code == 0, result.output
    text = (root / "rapports" / "reseau-2025.md").read_text(encoding="utf-8")
    assert "## Ce que disent les associations" in text
    assert "> «\u00a0Je sors de chez moi.\u00a0»" in text
    assert "> — Inès, bénéficiaire, Association A, année 2025" in text


def test_the_network_report_never_quotes_without_consent_or_a_full_name(
    builder: NetworkBuilder,
) -> None:
    folder = builder.member("a", referentiel("accueillis"))
    common = ("--role", "parent", "--diffusion", "réseau")
    _evidence(folder, "verbatim", "PARTAGEABLE", *common, "--pseudo", "Inès", "--consent")
    _evidence(folder, "verbatim", "SANS-ACCORD", *common, "--pseudo", "Lou", "--no-consent")
    _evidence(
        folder,
        "verbatim",
        "NOMMÉE",
        *common,
        "--pseudo",
        "Inès MARTIN",
        "--consent",
        "--nom-complet",
    )
    root = builder.write()
    for form in ("md", "html"):
        result = CliRunner().invoke(app, ["-C", str(root), "reseau", "report", "-f", form])
        assert result.exit_code == 0, result.output
        text = (root / "rapports" / f"reseau-2025.{form}").read_text(encoding="utf-8")
        assert "PARTAGEABLE" in text
        assert "SANS-ACCORD" not in text
        assert "NOMMÉE" not in text
        assert "MARTIN" not in text
