"""`report --format pdf`: the HTML report printed by a headless Chromium, Chrome or Edge.

Why Chromium rather than WeasyPrint: WeasyPrint needs Pango and its system libraries,
which pip does not install (a trial on Windows); Chrome or Edge is already on most
laptops, it is the engine the tests' browser uses, and it prints the report's own print
stylesheet (A4, margins, page breaks) exactly as « Imprimer » does from the HTML file.
It is also the faster of the two, measured on the same pages (WeasyPrint 70, Chromium 156,
2 cores): echec-scolaire's bilan 3.5 s against 1.5 s, a quarter of a federation's
440-page bilan 25.8 s against 4.0 s.

What a long report costs is the browser's layout of its tables, and the tags of a tagged
PDF (the structure screen readers follow): about 0.3 ms a table row each, measured on a
bare table outside utilsoc. The tags are kept (`--disable-pdf-tagging` would halve that);
a document whose inputs did not change is not printed again (`kept.py`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from utilsoc.errors import UserError

__all__ = ["find_browser", "print_pdf"]

# Program names on Linux and macOS (Homebrew), then where Windows and macOS install them.
_NAMES = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "msedge",
    "microsoft-edge",
)
_WINDOWS = (
    r"Google\Chrome\Application\chrome.exe",
    r"Microsoft\Edge\Application\msedge.exe",
    r"Chromium\Application\chrome.exe",
)
_MACOS = (
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
)
_TIMEOUT = 180  # seconds: a first start of the browser can be slow on an old laptop
# Nothing but the page: no extension, no update or sync service, no crash report, no
# request to the network (printing a report is no reason to call a server), no prompt.
_QUIET = (
    "--disable-extensions",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-breakpad",
    "--no-default-browser-check",
    "--disable-features=Translate,OptimizationHints,MediaRouter",
)


def find_browser() -> str:
    """The path of a Chromium-based browser able to print to PDF.

    Raises:
        UserError: none is installed; the message says what to install.
    """
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    for path in _installed_paths():
        if path.is_file():
            return str(path)
    raise UserError(
        "le format pdf demande Chromium, Google Chrome ou Microsoft Edge, introuvable ici",
        "installez-en un (Windows : Edge est déjà là ou Chrome ; macOS : Google Chrome ; "
        "Debian, Ubuntu : apt install chromium ; Fedora : dnf install chromium), "
        "ou produisez --format html et imprimez-le en PDF depuis n'importe quel navigateur",
    )


def _installed_paths() -> list[Path]:
    """Where Windows and macOS install the browsers, outside the PATH."""
    if sys.platform == "darwin":
        return [Path(path) for path in _MACOS]
    if os.name != "nt":
        return []
    roots = [os.environ.get(name) for name in ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA")]
    return [Path(root) / path for root in roots if root for path in _WINDOWS]


def print_pdf(html: str) -> bytes:
    """The PDF of the HTML page `html`, printed with its print stylesheet.

    Raises:
        UserError: no browser, or the browser failed to print.
    """
    browser = find_browser()
    with tempfile.TemporaryDirectory(prefix="utilsoc-pdf-") as folder:
        page = Path(folder) / "rapport.html"
        page.write_text(html, encoding="utf-8")
        output = Path(folder) / "rapport.pdf"
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            "--print-to-pdf-no-header",  # the same, for browsers before 2023
            "--no-first-run",
            *_QUIET,
            f"--user-data-dir={Path(folder) / 'profil'}",
            f"--print-to-pdf={output}",
            page.as_uri(),
        ]
        try:
            completed = subprocess.run(
                command, capture_output=True, text=True, timeout=_TIMEOUT, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise _failed(browser, str(error)) from None
        if not output.is_file() or output.stat().st_size == 0:
            raise _failed(browser, (completed.stderr.strip().splitlines() or [""])[-1])
        return output.read_bytes()


def _failed(browser: str, detail: str) -> UserError:
    return UserError(
        f"le navigateur {browser} n'a pas imprimé le rapport en PDF"
        + (f" ({detail})" if detail else ""),
        "réessayez ; sinon produisez --format html et imprimez-le en PDF depuis le navigateur",
    )
