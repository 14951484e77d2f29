"""The dashboard kept for unchanged files, its parts apart: read back only for JSON."""

from __future__ import annotations

import json

CODE = "nb_personnes_accompagnees"


def test_parts_kept_apart_come_back_in_place_for_json(cli, example) -> None:
    folder = example("vide")
    for value, sex in (("12", "F"), ("20", "H")):
        args = ["-a", "m", CODE, value, "-p", "2025", "--dim", f"sexe={sex}"]
        assert cli("-C", str(folder), "record", *args).exit_code == 0
    command = ("-C", str(folder), "status", "--period", "2025")
    fresh = json.loads(cli(*command, "--format", "json").stdout)
    assert cli(*command).exit_code == 0  # the table reads the dashboard without its parts
    kept = (folder / ".utilsoc-cache" / "status.json").read_text("utf-8")
    assert '"ventilation"' not in kept
    assert "sexe=F" not in kept
    again = cli(*command, "--format", "json")
    assert json.loads(again.stdout) == fresh
    item = json.loads(again.stdout)["domaines"][0]["critères"][0]["indicateurs"][0]
    assert list(item)[list(item).index("unité") + 1] == "ventilation"
    assert item["ventilation"] == {"2025": {"sexe=F": 12.0, "sexe=H": 20.0}}
