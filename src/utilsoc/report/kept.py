"""Finished documents kept by the digest of all they are made of (`.utilsoc-cache/rendus/`).

Why: a report of unchanged data renders the same document (a federation's is 120,000
lines, 641 pages), and rendering, drawing the Word images or printing the PDF costs more
than everything else once the report's data is cached. The key holds the whole context
(provenance, date and comments included), the chart option, every template utilsoc ships
and the association's own, utilsoc's version and code, and the language with its
catalogue. A Markdown report writes its charts beside it, and a workbook costs nothing:
neither is kept.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from utilsoc.project import MODELES, Layout
from utilsoc.store.cache import CACHE_FOLDER

__all__ = ["KEPT", "kept_document"]

# The formats whose document is kept: one file each, its charts inside.
KEPT = ("html", "docx", "pdf")


def kept_document(
    context: dict[str, Any],
    name: tuple[str, str, str],
    layout: Layout,
    render: Callable[[], bytes],
) -> bytes:
    """The document of `context`, kept or made by `render` (then kept).

    `name`: the template, the format and the chart option. A PDF whose HTML page of the
    same inputs is kept prints that page without rendering it again.
    """
    template, fmt, charts = name
    folder = layout.root / CACHE_FOLDER / "rendus"
    path = folder / f"{template}-{_key(context, charts, layout)}.{fmt}"
    try:
        return path.read_bytes()
    except OSError:
        pass
    page = path.with_suffix(".html")  # the very page a PDF prints, if it was kept
    if fmt == "pdf" and page.is_file():
        from utilsoc.report.pdf import print_pdf

        data = print_pdf(page.read_text(encoding="utf-8"))
    else:
        data = render()
    _keep(folder, path, f"{template}-*.{fmt}", data)
    return data


def _key(context: dict[str, Any], charts: str, layout: Layout) -> str:
    import hashlib

    from utilsoc.langue import catalogue_bytes, current
    from utilsoc.resources import data_dir
    from utilsoc.store.cache import CACHE_VERSION

    digest = hashlib.blake2b(digest_size=16)
    language = current().code
    text = json.dumps([context, charts, CACHE_VERSION, language], sort_keys=True, default=str)
    digest.update(text.encode("utf-8") + catalogue_bytes(language))
    for folder in (data_dir("templates"), layout.root / MODELES):
        for template in sorted(folder.glob("*.j2")) if folder.is_dir() else []:
            digest.update(template.name.encode() + b"\0" + template.read_bytes())
    return digest.hexdigest()


def _keep(folder: Path, path: Path, earlier: str, data: bytes) -> None:
    """Keep the last document of a template and format, in place of those `earlier` matches.

    A cache: a failure costs only time.
    """
    from contextlib import suppress

    with suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob(earlier):
            old.unlink()
        temporary = path.with_suffix(".tmp")
        temporary.write_bytes(data)
        temporary.replace(path)
