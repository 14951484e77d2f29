"""Mapping files of `import`: which spreadsheet column holds what."""

from __future__ import annotations

from pydantic import Field, PrivateAttr, model_validator

from utilsoc.model.base import Choix, Code, Modele, Texte
from utilsoc.model.periods import Period
from utilsoc.yamlio.reader import Document


class Contenu(Choix):
    """Ce que le tableau contient."""

    VALEURS = "valeurs"
    QUESTIONNAIRE = "questionnaire"


class Champ(Choix):
    """Ce qu'une colonne du tableau peut donner."""

    INDICATEUR = "indicateur"
    PERIODE = "période"
    VALEUR = "valeur"
    NUMERATEUR = "numérateur"
    DENOMINATEUR = "dénominateur"
    NOTE = "note"
    PARTICIPANT = "participant"
    MOMENT = "moment"
    GROUPE = "groupe"
    DATE = "date"


class Termes(Modele):
    """Les deux colonnes d'un taux, dans un tableau à une colonne par indicateur."""

    numerateur: Texte = Field(description="Colonne de ce que l'on compte.")
    denominateur: Texte = Field(description="Colonne de « sur combien ».")

    @property
    def columns(self) -> tuple[str, str]:
        """Numerator's column, then denominator's."""
        return (self.numerateur, self.denominateur)


class Filtre(Modele):
    """Ne garder que les lignes dont une colonne a l'une des valeurs données."""

    colonne: Texte = Field(description="Colonne lue, par exemple _validation_status.")
    valeurs: list[Texte] = Field(
        min_length=1,
        description="Valeurs gardées, par exemple [validation_status_approved] ; "
        "les autres lignes sont écartées.",
    )

    def keeps(self, cell: str | None) -> bool:
        """True when the row's cell, as text, is one of the kept values."""
        return cell is not None and cell in self.valeurs


class Correspondance(Modele):
    """Fichier de correspondance : quelle colonne du tableau contient quoi."""

    type: Contenu = Contenu.VALEURS
    auteur: Texte = Field(description="Nom enregistré comme auteur des valeurs importées.")
    periode: Period | None = Field(None, description="Période fixe, si aucune colonne ne la donne.")
    colonnes: dict[Champ, str] = Field(
        default_factory=dict,
        description="Champ → nom de colonne : indicateur, période, valeur, numérateur, "
        "dénominateur, note, participant, moment, groupe, date.",
    )
    dimensions: dict[Code, str] = Field(
        default_factory=dict, description="Dimension → nom de colonne."
    )
    indicateurs: dict[Code, str | Termes] = Field(
        default_factory=dict,
        description="Indicateur → colonne (une colonne par indicateur) ; pour un taux, "
        "{numérateur: colonne, dénominateur: colonne}.",
    )
    filtre: Filtre | list[Filtre] | None = Field(
        None,
        description="Lignes gardées : {colonne: …, valeurs: […]}, ou une liste de tels filtres "
        "(toutes leurs conditions à la fois) ; les autres lignes sont écartées.",
    )
    _document: Document | None = PrivateAttr(None)

    @model_validator(mode="after")
    def _terms_by_rate(self) -> Correspondance:
        """In a wide table, a rate's terms belong to that rate, never to the whole row.

        Why: row-wide term columns were applied to every indicator of the row, next to
        its own value.
        """
        terms = {Champ.NUMERATEUR, Champ.DENOMINATEUR} & set(self.colonnes)
        if self.indicateurs and terms:
            raise ValueError(
                "avec « indicateurs », donnez les deux termes d'un taux sous son code : "
                "taux_x: {numérateur: colonne, dénominateur: colonne}, pas dans « colonnes »"
            )
        if self.type is Contenu.QUESTIONNAIRE and any(
            isinstance(target, Termes) for target in self.indicateurs.values()
        ):
            raise ValueError("un questionnaire donne un score par colonne, sans numérateur")
        return self

    @property
    def filters(self) -> list[Filtre]:
        """Every filter of the mapping, none when it keeps every row."""
        if self.filtre is None:
            return []
        return self.filtre if isinstance(self.filtre, list) else [self.filtre]

    def indicator_columns(self) -> list[str]:
        """Every column named under `indicateurs` (a rate names two)."""
        return [
            column
            for target in self.indicateurs.values()
            for column in (target.columns if isinstance(target, Termes) else (target,))
        ]

    def read_from(self, document: Document) -> Correspondance:
        """Remember the file the mapping was read from, to point at its lines."""
        self._document = document
        return self

    def where(self, *loc: str | int, key: bool = True) -> tuple[str, int, int] | None:
        """File, line and column of the key (or the value) at `loc` in the mapping file.

        None for a mapping not read from a file.
        """
        if self._document is None:
            return None
        line, column = self._document.position(loc, key=key)
        return self._document.file, line, column
