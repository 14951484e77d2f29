"""utilsoc: évaluer et rendre compte de l'utilité sociale d'une association."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
