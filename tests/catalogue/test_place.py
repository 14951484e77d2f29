"""Where a new indicator goes: after the criterion's last indicator, at its columns."""

from __future__ import annotations

import pytest

from utilsoc.catalogue.place import Slot, indicator_slot
from utilsoc.errors import UserError

TWO_CRITERIA = """\
domaines:
  - code: A
    critères:
      - code: A-1
        nom: un
        indicateurs:
          - code: x
            libellé: X
            type: nombre
          # un commentaire laissé après l'indicateur
      - code: A-2
        nom: deux
        indicateurs:
        - code: y
          libellé: |
            Y sur
            deux lignes

        question: "Et après ?"
"""


def test_after_the_last_line_of_the_last_indicator() -> None:
    assert indicator_slot(TWO_CRITERIA, 0, 0, "A-1") == Slot(dash=10, key=12, line=9)


def test_an_indentless_list_and_a_block_text_at_its_end() -> None:
    # The literal text ends before the blank line; the new item goes before `question`.
    slot = indicator_slot(TWO_CRITERIA, 0, 1, "A-2")
    assert (slot.dash, slot.key) == (8, 10)
    assert TWO_CRITERIA.splitlines()[slot.line] == '        question: "Et après ?"'


def test_the_end_of_a_file_without_a_final_newline() -> None:
    text = "domaines:\n- code: A\n  critères:\n  - code: A-1\n    indicateurs:\n"
    text += "    - {code: x, libellé: X, type: nombre}"
    assert indicator_slot(text, 0, 0, "A-1") == Slot(dash=4, key=6, line=6)


def test_a_flow_list_of_indicators_is_refused() -> None:
    text = "domaines:\n- code: A\n  critères:\n  - code: A-1\n    indicateurs: [{code: x}]\n"
    with pytest.raises(UserError, match="entre crochets"):
        indicator_slot(text, 0, 0, "A-1")
