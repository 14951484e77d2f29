"""The tornado chart of the SROI report and the compte rendu's `--final`, through the CLI."""

from __future__ import annotations

import re

from tests.report.conftest import BUDGET
from tests.report.test_compte_rendu import _read


def test_the_sroi_report_draws_a_tornado_widest_first_with_a_line_at_one(cli, money_folder) -> None:  # noqa: ANN001
    folder = money_folder()
    result = cli("-C", str(folder), "report", "-t", "sroi", "-f", "md")
    assert result.exit_code == 0, result.stderr
    text = _read(folder / "rapports" / "sroi-2025.md")
    images = re.findall(r"!\[([^\]]*)\]\(([^)]+\.svg)\)", text)
    assert len(images) == 1
    alt, source = images[0]
    svg = (folder / "rapports" / source).read_text(encoding="utf-8")
    # Two outcomes × seven assumptions + the discount rate = 15, the twelve widest drawn.
    assert len(re.findall(r'<g id="barre-tornade-\d+"', svg)) == 12
    assert svg.count('id="ligne-1-pour-1"') == 1
    # The alternative lists each bar's two ratios, in the table's order (widest first).
    sensitivity = text[text.index("## 3. L'analyse de sensibilité") :]
    row = r"^\| (.+?) \| [^|]+ \| [^|]+ \| ([\d,]+) \| ([\d,]+) \|"
    table = re.findall(row, sensitivity, re.M)
    listed = re.findall(r"([^;.]+?) : de ([\d,]+) à ([\d,]+)", alt.replace("\\", ""))
    assert [(n.strip(), a, b) for n, a, b in listed] == [
        (n.replace("\\", ""), a, b) for n, a, b in table[:12]
    ]
    widths = [abs(float(b.replace(",", ".")) - float(a.replace(",", "."))) for _, a, b in listed]
    assert widths == sorted(widths, reverse=True)
    assert "ligne à 1 : 1" in alt


def test_final_refuses_a_compte_rendu_with_unexplained_gaps(cli, money_folder) -> None:  # noqa: ANN001
    folder = money_folder()
    args = ("-C", str(folder), "report", "-t", "compte-rendu", "--final")
    refused = cli(*args)
    assert refused.exit_code == 1
    assert "compte rendu final refusé : 3 écarts à expliquer" in refused.stderr
    assert "compte 62 (Autres services extérieurs, +40 %)" in refused.stderr
    assert "compte 86 (Personnel bénévole, +20 %)" in refused.stderr
    assert "budgets/accueil.yaml" in refused.stderr
    assert not (folder / "rapports").exists()
    explained = BUDGET.replace(
        "{compte: 62, prévu: 500, réalisé: 700}",
        '{compte: 62, prévu: 500, réalisé: 700, explication: "Un déplacement de plus."}',
    ).replace("  heures_prévues: 100\n", "  heures_prévues: 100\n  explication: Un été actif.\n")
    (folder / "budgets" / "accueil.yaml").write_text(explained, encoding="utf-8")
    accepted = cli(*args)
    assert accepted.exit_code == 0, accepted.stderr
    page = _read(folder / "rapports" / "compte-rendu-2025.html")
    assert "écart à expliquer" not in page
    assert "Un été actif." in page
