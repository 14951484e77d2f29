"""The network seen from a member's folder: its `commun:` links, checked by its own validate.

A member kept inside the network's folder (a git submodule, a copy) finds reseau.yaml in a
parent folder; `utilsoc validate` then checks its links to the common indicators too, as
warnings: the association's own figures do not depend on the network, and the network's
`reseau validate` treats the same problems as errors.
"""

from __future__ import annotations

from pathlib import Path

from utilsoc.errors import Issue
from utilsoc.project import Layout

RESEAU = "reseau.yaml"


def enclosing_network(root: Path) -> Path | None:
    """The nearest parent folder of `root` holding reseau.yaml, or None."""
    for folder in root.resolve().parents:
        if (folder / RESEAU).is_file():
            return folder
    return None


def member_link_warnings(layout: Layout) -> list[Issue]:
    """The member's link problems, as warnings; none when no network lists this folder."""
    from dataclasses import replace

    from utilsoc.model.load import load_project
    from utilsoc.network.load import read_network
    from utilsoc.network.mapping import link_issues

    network = enclosing_network(layout.root)
    if network is None:
        return []
    _, model, _ = read_network(network)
    root = layout.root.resolve()
    if model is None or not any((network / m.chemin).resolve() == root for m in model.membres):
        return []
    project = load_project(layout)
    if project.referentiel is None:
        return []
    return [
        replace(issue, severity="avertissement", hint=f"{issue.hint} (réseau : {RESEAU})")
        for issue in link_issues(project, model.indicators())
    ]
