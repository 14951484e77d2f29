"""Every issue code has its row in docs/erreurs.md, and every row there is a code we give."""

from __future__ import annotations

from pathlib import Path

import pytest

from utilsoc.codes import Code

ROOT = Path(__file__).parent.parent


def _documented_codes() -> list[str]:
    """The first cell of every row of the issue tables (those headed `| code | ce que…`)."""
    codes, in_table = [], False
    for line in (ROOT / "docs" / "erreurs.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("| code | ce que cela veut dire |"):
            in_table = True
        elif not line.startswith("|"):
            in_table = False
        elif in_table and not line.startswith("| ---"):
            codes.append(line.split("|")[1].strip().strip("`"))
    return codes


@pytest.mark.parametrize("code", list(Code), ids=str)
def test_every_issue_code_has_a_row_in_the_error_guide(code: Code) -> None:
    assert code.value in _documented_codes()


def test_every_code_of_the_error_guide_is_an_issue_code() -> None:
    documented = _documented_codes()
    assert len(documented) > 50
    unknown = [code for code in documented if code not in {c.value for c in Code}]
    assert not unknown, f"codes de docs/erreurs.md que le code ne donne pas : {unknown}"
    assert len(documented) == len(set(documented)), "un code a deux lignes dans docs/erreurs.md"


def test_a_code_is_its_text() -> None:
    assert Code.VIRGULE_DECIMALE == "virgule-decimale"
    assert f"[{Code.CLE_EN_DOUBLE}]" == "[cle-en-double]"
    assert Code("alias") is Code.ALIAS
