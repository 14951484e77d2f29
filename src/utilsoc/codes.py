"""Every issue code utilsoc gives, in one place; each one is explained in docs/erreurs.md.

A code is the short kebab-case word shown in brackets after a file problem
(`fichier:ligne:colonne: erreur: message — conseil [code]`) and under `code` in
`--format json`. `Code` is a StrEnum: a member is its text, so JSON output and
comparisons with the text are unchanged, while a misspelt code fails at import time
and `mypy --strict` refuses a bare string where an issue code is expected.
"""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    """Issue codes, grouped as the tables of docs/erreurs.md."""

    # Reading files: nothing can be checked in the file until these are fixed.
    ENCODAGE = "encodage"  #: not UTF-8, or unreadable UTF-16
    CONFLIT_GIT = "conflit-git"  #: git conflict markers left after a merge
    CARACTERE_INVISIBLE = "caractere-invisible"  #: U+0085, U+2028 or U+2029 read as a newline
    FICHIER_TROP_GROS = "fichier-trop-gros"  #: over the size limit
    FICHIER_SPECIAL = "fichier-special"  #: a FIFO, a device, a broken or looping link…
    FICHIER_VIDE = "fichier-vide"  #: empty, or comments only
    FICHIER_MANQUANT = "fichier-manquant"  #: a required file is missing
    MESURES_NON_VERIFIEES = "mesures-non-verifiees"  #: note: lines waiting for the référentiel
    SYNTAXE = "syntaxe"  #: not valid YAML
    PLUSIEURS_DOCUMENTS = "plusieurs-documents"  #: a `---` separator
    CLE_EN_DOUBLE = "cle-en-double"  #: the same key twice in a block
    CLE_COMPLEXE = "cle-complexe"  #: a key that is not plain text
    CLE_DE_FUSION = "cle-de-fusion"  #: a `<<` merge key
    ANCRE = "ancre"  #: a `&name` anchor
    ALIAS = "alias"  #: a `*name` alias, as a value or as a key
    ETIQUETTE = "etiquette"  #: a `!!str`-like tag
    IMBRICATION = "imbrication"  #: nested deeper than the cap
    TYPE_RACINE = "type-racine"  #: a list or a scalar instead of `key: value` fields

    # Fields and values, mostly translated from pydantic's error types.
    CHAMP_MANQUANT = "champ-manquant"  #: a required field is missing
    CHAMP_INCONNU = "champ-inconnu"  #: a key not allowed here
    TEXTE_ATTENDU = "texte-attendu"  #: a text expected
    TEXTE_VIDE = "texte-vide"  #: `""` where a text is required
    FORMAT_INVALIDE = "format-invalide"  #: a code or a colour badly written
    TEXTE_TROP_LONG = "texte-trop-long"  #: a code over 80 characters
    NOMBRE_ATTENDU = "nombre-attendu"  #: a number expected
    VIRGULE_DECIMALE = "virgule-decimale"  #: `3,5` instead of `3.5`, wherever it is written
    NOMBRE_HORS_LIMITES = "nombre-hors-limites"  #: infinite, nan, too big or too small
    LISTE_ATTENDUE = "liste-attendue"  #: a list expected
    LISTE_VIDE = "liste-vide"  #: a required list is empty
    BLOC_ATTENDU = "bloc-attendu"  #: a block of fields expected
    VALEUR_INCONNUE = "valeur-inconnue"  #: not one of the allowed choices
    OUI_NON_ATTENDU = "oui-non-attendu"  #: `true` or `false` expected
    PERIODE_INVALIDE = "periode-invalide"  #: a period badly written or impossible
    DATE_INVALIDE = "date-invalide"  #: a day badly written, impossible, or with a time
    VALEUR_INVALIDE = "valeur-invalide"  #: refused for another reason, said in the message
    DIESE_SANS_GUILLEMETS = "diese-sans-guillemets"  #: `couleur: #1D5C4D` read as a comment

    # Consistency of the référentiel and its companion files.
    CODE_EN_DOUBLE = "code-en-double"  #: two elements with the same code
    REFERENCE_INCONNUE = "reference-inconnue"  #: a code cited but declared nowhere
    ECHELLE_MANQUANTE = "echelle-manquante"  #: a score without a scale
    ECHELLE_INVALIDE = "echelle-invalide"  #: a scale whose min is not below its max
    QUALITATIF_CHIFFRE = "qualitatif-chiffre"  #: a qualitative indicator with figures
    FORMULE_INVALIDE = "formule-invalide"  #: a formula using a non-numeric indicator
    FORMULE_CIRCULAIRE = "formule-circulaire"  #: formulas depending on themselves
    FREQUENCES_DIFFERENTES = "frequences-differentes"  #: warning: formula terms of other periods
    CIBLE_EN_DOUBLE = "cible-en-double"  #: two targets for one period
    PERIODE_HORS_FREQUENCE = "periode-hors-frequence"  #: not whole periods of the frequency
    VALEUR_IMPOSSIBLE = "valeur-impossible"  #: a reference or target the type cannot take
    CHAMP_INUTILE = "champ-inutile"  #: warning: numerator or denominator off a rate
    SANS_INDICATEUR = "sans-indicateur"  #: warning: a logframe sub-objective without indicator
    CALCUL_INVALIDE = "calcul-invalide"  #: a questionnaire calculation that cannot be made
    SENS_DU_CALCUL = "sens-du-calcul"  #: warning: a gain aimed against its questionnaire
    CIBLE_HORS_PERIODE = "cible-hors-periode"  #: warning: a target far from logframe and data
    CATALOGUE_INCONNU = "catalogue-inconnu"  #: warning: `catalogue:` names no catalogue entry
    COMPARAISON_SANS_SOURCE = "comparaison-sans-source"  #: a comparison value nobody can check
    COMPARAISON_IMPOSSIBLE = "comparaison-impossible"  #: a comparison the indicator cannot take
    COMPARAISON_FUTURE = "comparaison-future"  #: a comparison value for a year not begun

    # Measurements and spreadsheet imports.
    INDICATEUR_INCONNU = "indicateur-inconnu"  #: a value for an undeclared indicator
    INDICATEUR_CALCULE = "indicateur-calcule"  #: a value for an indicator computed by formula
    VALEUR_MANQUANTE = "valeur-manquante"  #: neither a value nor both terms of a rate
    DIMENSION_INCONNUE = "dimension-inconnue"  #: a dimension the indicator does not have
    VALEUR_DE_DIMENSION_INCONNUE = "valeur-de-dimension-inconnue"  #: an undeclared value
    PREUVE_INVALIDE = "preuve-invalide"  #: a qualitative record that cannot be kept
    PARTICIPANT_DEUX_GROUPES = "participant-deux-groupes"  #: in the action's and comparison group
    NOM_COMPLET = "nom-complet"  #: a full name in a text, without written consent
    DONNEE_PERSONNELLE = "donnee-personnelle"  #: an e-mail, phone number or postal address
    CONFLIT_DE_VALEURS = "conflit-de-valeurs"  #: two different values in force for one key
    PERIODE_ENGLOBANTE = "periode-englobante"  #: warning: a value over finer recorded ones
    VALEUR_FUTURE = "valeur-future"  #: a value for a period not begun, or dated after today
    VALEUR_EXISTANTE = "valeur-existante"  #: import: another value already recorded
    TABLEAU_VIDE = "tableau-vide"  #: import: empty file or sheet
    COLONNE_MANQUANTE = "colonne-manquante"  #: import: a mapped column is absent
    CORRESPONDANCE_INVALIDE = "correspondance-invalide"  #: import: the mapping does not fit
    LIGNE_INVALIDE = "ligne-invalide"  #: import: a wrong cell
    LIGNE_EN_DOUBLE = "ligne-en-double"  #: import: the same value twice in the file
    FORMULE = "formule"  #: import: an Excel formula in a cell
    TABLEAU_ILLISIBLE = "tableau-illisible"  #: import: a workbook that cannot be read
    FICHE_AUTRE = "fiche-autre"  #: import: an entry workbook of another association or period
    FICHE_MODIFIEE = "fiche-modifiee"  #: import: an entry workbook whose structure was edited

    # Money: budgets and the social value map.
    COMPTE_INVALIDE = "compte-invalide"  #: an account outside its section, a grant without funder
    BUDGET_DESEQUILIBRE = "budget-desequilibre"  #: planned or actual totals that do not balance
    FINANCEUR_ABSENT = "financeur-absent"  #: a funder with a logframe missing from the grants
    HORS_CONVENTION = "hors-convention"  #: a budget period outside its logframe's convention
    INVESTISSEMENT_NUL = "investissement-nul"  #: a value map with nothing invested
    QUANTITE_MANQUANTE = "quantite-manquante"  #: an outcome with neither indicator nor quantity
    PROXY_SANS_SOURCE = "proxy-sans-source"  #: warning: a financial proxy nobody can check
    SENSIBILITE_INVALIDE = "sensibilite-invalide"  #: an unknown or reversed sensitivity range

    # Interviews, their coding, stories of change.
    THEME_INCONNU = "theme-inconnu"  #: an excerpt tagged with a theme of no codebook
    EXTRAIT_INTROUVABLE = "extrait-introuvable"  #: an excerpt not in its question's answer
    PARTICIPANT_NOMINATIF = "participant-nominatif"  #: a participant code that looks like a name
    ENTRETIEN_SANS_CONSENTEMENT = "entretien-sans-consentement"  #: kept without consent
    CITATION_SANS_CONSENTEMENT = "citation-sans-consentement"  #: quoted without consent
    ROLE_HORS_GUIDE = "role-hors-guide"  #: warning: an interviewee of a public its guide omits
    RECIT_SANS_CONSENTEMENT = "recit-sans-consentement"  #: warning: a selected story not shown

    # Networks: reseau.yaml, its members and their links to the common indicators.
    MEMBRE_ECARTE = "membre-ecarte"  #: a member folder missing, unreadable or with errors
    MEMBRE_EN_DOUBLE = "membre-en-double"  #: two members with one code, name or folder
    COMMUN_INCONNU = "commun-inconnu"  #: `commun:` names no common indicator
    COMMUN_INCOMPATIBLE = "commun-incompatible"  #: type, unit, direction or roll-up differ
    COMMUN_EN_DOUBLE = "commun-en-double"  #: warning: two indicators of one member counted
    COMMUN_INTERNE = "commun-interne"  #: warning: a linked indicator kept `interne`
