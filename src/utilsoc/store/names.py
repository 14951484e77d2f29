"""File names made from what a person typed: plain, short, and openable on Windows."""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG = 60
# Windows refuses these as a file's name, with any extension (`con.yaml`, `CON.x.yaml`).
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$"}
    | {f"{device}{n}" for device in ("com", "lpt") for n in "0123456789¹²³"}
)


def slug(text: str, empty: str = "anonyme") -> str:
    """A file name part for `text`: `Marie Dupré` → `marie-dupre`, `CON` → `con_`.

    Only lower-case ASCII letters, digits and inner dashes remain, so the name never ends
    with a dot or a space and holds no character a system forbids. The original text is
    kept in the records themselves (`auteur:`), never rebuilt from the file name.

    Why `_` after a reserved name: on Windows `con.yaml` names the console, not a file,
    whatever the folder; the suffix keeps the name readable and distinct.
    """
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    name = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    name = name[:MAX_SLUG].rstrip("-") or empty
    return f"{name}_" if is_reserved(name) else name


def is_reserved(name: str) -> bool:
    """True when Windows cannot open a file called `name` (with or without extension)."""
    stem = name.split(".", 1)[0].rstrip(" ").lower()
    return stem in WINDOWS_RESERVED


def windows_safe(name: str) -> bool:
    """True when `name` is a valid file or folder name on Windows too."""
    return (
        bool(name)
        and not is_reserved(name)
        and not name.endswith((".", " "))
        and not re.search(r'[<>:"/\\|?*\x00-\x1f]', name)
    )
