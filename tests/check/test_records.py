"""One checker for many records: the verdicts of `check_record`, with what repeats judged once."""

from __future__ import annotations

from utilsoc.check.records import RecordChecker
from utilsoc.check.values import check_record
from utilsoc.codes import Code
from utilsoc.model.mesures import Mesure, Valeur
from utilsoc.model.referentiel import Referentiel

INDICATOR = {"code": "n", "libellé": "Nombre", "type": "nombre", "fréquence": "annuelle"}
CRITERION = {"code": "C", "nom": "Critère", "question": "?", "indicateurs": [INDICATOR]}
REFERENTIEL = {
    "version": "1",
    "dimensions": [],
    "domaines": [{"code": "D", "nom": "Domaine", "critères": [CRITERION]}],
}


def test_one_checker_judges_each_record_even_when_its_value_repeats() -> None:
    checker = RecordChecker(Referentiel.model_validate(REFERENTIEL))

    def record(valeur: str, period: str = "2025") -> Valeur:
        data = {"indicateur": "n", "période": period, "valeur": valeur}
        return Valeur.model_validate({**data, "auteur": "a", "date": "2025-01-02"})

    assert checker.check(record("-3")) == checker.check(record("-3"))
    assert [p.code for p in checker.check(record("-3"))] == [Code.VALEUR_INVALIDE]
    assert checker.check(record("3")) == []
    # The same value in another period: the value is judged once, the period apart.
    assert [p.code for p in checker.check(record("3", "2025-T1"))] == [Code.PERIODE_HORS_FREQUENCE]
    assert [p.code for p in checker.check(record("-3", "2025-T1"))] == [
        Code.VALEUR_INVALIDE,
        Code.PERIODE_HORS_FREQUENCE,
    ]
    assert checker.check(record("3")) == []


def test_all_fit_says_whether_any_record_has_a_problem() -> None:
    referentiel = Referentiel.model_validate(REFERENTIEL)
    checker = RecordChecker(referentiel)

    def record(valeur: str, period: str = "2025", code: str = "n") -> Mesure:
        data = {"indicateur": code, "période": period, "valeur": valeur}
        return Valeur.model_validate({**data, "auteur": "a", "date": "2025-01-02"}).to_mesure()

    good = [record("1"), record("2"), record("1", "2024")]
    assert checker.all_fit(good)
    for bad in (record("-1"), record("1", "2025-T1"), record("1", code="inconnu")):
        assert not checker.all_fit([*good, bad])
        assert not RecordChecker(referentiel).all_fit([bad, *good])  # judged afresh too
        assert checker.check(bad) == check_record(referentiel, bad) != []
    assert checker.all_fit(good)  # what was refused before changes nothing here
