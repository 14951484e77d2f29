"""`reseau init` and `reseau membre ajouter` write reseau.yaml as a person would."""

from __future__ import annotations

from pathlib import Path

import pytest

from utilsoc.actions.network import add_member, init_network, with_link
from utilsoc.errors import UsageError, UserError
from utilsoc.network.load import load_network


def _association(folder: Path, name: str = "Les Amis du Port") -> Path:
    folder.mkdir(parents=True)
    (folder / "association.yaml").write_text(f"nom: {name}\n", encoding="utf-8")
    (folder / "referentiel.yaml").write_text("domaines: []\n", encoding="utf-8")
    return folder


def test_init_writes_a_commented_file_that_reads(tmp_path: Path) -> None:
    written = init_network(tmp_path / "net", "Brest solidaire", "Brest", "2024-2025")
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# Réseau")
    assert 'nom: "Brest solidaire"' in text
    network = load_network(tmp_path / "net")
    assert network.issues == []
    assert network.model is not None
    assert str(network.model.periode) == "2024-2025"
    assert (tmp_path / "net" / ".gitignore").read_text() == ".utilsoc-cache/\nrapports/\n"


def test_init_never_overwrites_and_checks_the_period(tmp_path: Path) -> None:
    init_network(tmp_path, "R", "", "2025")
    with pytest.raises(UserError, match="existe déjà"):
        init_network(tmp_path, "R", "", "2025")
    with pytest.raises(UsageError, match="non reconnue"):
        init_network(tmp_path / "autre", "R", "", "2025-T9")
    assert not (tmp_path / "autre").exists()


def test_a_member_is_added_keeping_comments_and_line_endings(tmp_path: Path) -> None:
    root = init_network(tmp_path, "R", "", "2025").parent
    path = root / "reseau.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    _association(root / "membres" / "Amis du Port")
    assert add_member(root, "membres/Amis du Port", None, None) == "amis-du-port"
    raw = path.read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b"")
    text = raw.decode()
    assert "# Le référentiel commun" in text
    assert '  - code: amis-du-port\r\n    nom: "Les Amis du Port"\r\n' in text
    model = load_network(root).model
    assert model is not None
    assert [m.chemin for m in model.membres] == ["membres/Amis du Port"]


def test_members_are_appended_in_order_at_the_end_of_the_block(tmp_path: Path) -> None:
    root = init_network(tmp_path, "R", "", "2025").parent
    for name in ("un", "deux"):
        _association(root / name, name)
        add_member(root, name, None, None)
    model = load_network(root).model
    assert model is not None
    assert [m.code for m in model.membres] == ["un", "deux"]
    assert model.commun.indicateurs[0].code == "personnes_accompagnees"


def test_the_same_member_twice_or_a_plain_folder_is_refused(tmp_path: Path) -> None:
    root = init_network(tmp_path, "R", "", "2025").parent
    _association(root / "a")
    add_member(root, "a", None, None)
    before = (root / "reseau.yaml").read_bytes()
    with pytest.raises(UserError, match="déjà présent"):
        add_member(root, "./a/", "autre", None)
    (root / "vide").mkdir()
    with pytest.raises(UserError, match="pas le dossier d'une association"):
        add_member(root, "vide", None, None)
    assert (root / "reseau.yaml").read_bytes() == before


REFERENTIEL = """\
dimensions:
  - code: lieu
domaines:
  - code: D
    critères:
      - code: D-1
        indicateurs:
          - code: heures  # en heures
            type: durée
          - code: heures_benevolat
            type: durée
"""


def test_a_link_goes_right_under_its_indicator_at_its_indentation() -> None:
    text = with_link(REFERENTIEL, "heures", "temps", 0.125)
    assert "- code: heures  # en heures\n            commun: temps\n" in text
    assert "            facteur: 0.125\n            type: durée\n" in text
    assert text.count("commun:") == 1
    crlf = with_link(REFERENTIEL.replace("\n", "\r\n"), "heures_benevolat", "benevolat")
    assert "- code: heures_benevolat\r\n            commun: benevolat\r\n" in crlf
    assert "\n" not in crlf.replace("\r\n", "")


def test_a_link_to_an_indicator_that_is_not_there_is_refused() -> None:
    with pytest.raises(UserError, match="« lieu_x » n'est plus"):
        with_link(REFERENTIEL, "lieu_x", "temps")
