"""Only regular files are read: FIFOs, devices, folders and odd links get a located issue."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from utilsoc.errors import DataErrors, ExitCode, UsageError
from utilsoc.yamlio.reader import read_yaml
from utilsoc.yamlio.source import read_regular

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="pas de FIFO sous Windows")


def _refusal(path: Path) -> str:
    with pytest.raises(DataErrors) as caught:
        read_regular(path, path.name)
    [issue] = caught.value.issues
    assert (issue.file, issue.line, issue.column, issue.code) == (
        path.name,
        1,
        1,
        "fichier-special",
    )
    assert f"{path.name} n'est pas un fichier ordinaire : c'est " in issue.message
    assert issue.format().endswith("[fichier-special]")
    return issue.message


def test_a_regular_file_and_a_link_to_one_are_read(tmp_path: Path) -> None:
    (tmp_path / "vrai.yaml").write_bytes(b"a: 1\n")
    (tmp_path / "lien.yaml").symlink_to("vrai.yaml")
    assert read_regular(tmp_path / "lien.yaml", "lien.yaml") == b"a: 1\n"
    assert read_yaml(tmp_path / "lien.yaml", "lien.yaml").data == {"a": "1"}


def test_folders_broken_and_looping_links_are_refused(tmp_path: Path) -> None:
    (tmp_path / "dossier.yaml").mkdir()
    assert _refusal(tmp_path / "dossier.yaml").endswith("c'est un dossier")
    (tmp_path / "casse.yaml").symlink_to("absent.yaml")
    assert _refusal(tmp_path / "casse.yaml").endswith("un lien symbolique cassé")
    (tmp_path / "boucle.yaml").symlink_to("boucle.yaml")
    assert _refusal(tmp_path / "boucle.yaml").endswith("qui tourne en boucle")
    with pytest.raises(UsageError):
        read_regular(tmp_path / "absent.yaml", "absent.yaml")


@posix_only
def test_devices_and_sockets_are_refused_without_reading(tmp_path: Path) -> None:
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    assert _refusal(tmp_path / "zero.yaml").endswith("un lien vers /dev/zero, un périphérique")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "s.yaml"))
        assert _refusal(tmp_path / "s.yaml").endswith("une socket")
    finally:
        server.close()


def test_no_more_than_the_limit_is_read(tmp_path: Path) -> None:
    (tmp_path / "gros.yaml").write_bytes(b"a: 1\n" * 100)
    with pytest.raises(DataErrors) as caught:
        read_regular(tmp_path / "gros.yaml", "gros.yaml", max_bytes=20)
    assert [(i.code, i.message) for i in caught.value.issues] == [
        ("fichier-trop-gros", "fichier trop gros (500 octets, limite 20 octets)")
    ]


@posix_only
def test_a_fifo_is_refused_by_a_child_process_that_does_not_hang(tmp_path: Path) -> None:
    # In a child process with a timeout: a reader that opened the FIFO would wait forever.
    os.mkfifo(tmp_path / "tube.yaml")
    code = (
        "import sys; from pathlib import Path; from utilsoc.errors import DataErrors\n"
        "from utilsoc.yamlio.reader import read_yaml\n"
        "try:\n    read_yaml(Path(sys.argv[1]), 'tube.yaml')\n"
        "except DataErrors as e:\n    print(e.issues[0].format()); sys.exit(1)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "tube.yaml")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == ExitCode.DONNEES_INVALIDES, done.stderr
    assert done.stdout.startswith(
        "tube.yaml:1:1: erreur: tube.yaml n'est pas un fichier ordinaire : "
        "c'est un tube nommé (FIFO) — "
    )
