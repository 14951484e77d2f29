"""Turn every failure into a French message and the right exit code."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from typing import Any

from utilsoc.cli.output import note, paint, print_issues
from utilsoc.errors import DataErrors, ExitCode, UtilsocError

DEBUG = {"on": False}


def run_guarded(function: Callable[[], Any]) -> int:
    """Run `function`; return the exit code, printing errors instead of tracebacks."""
    try:
        function()
    except DataErrors as errors:
        print_issues(errors.issues)
        if errors.after:
            note(paint(errors.after, "erreur"))
        return int(errors.exit_code)
    except UtilsocError as error:
        note(paint(error.format(), "erreur"))
        return int(error.exit_code)
    except KeyboardInterrupt:
        note("interrompu.")
        return int(ExitCode.INTERRUPTION)
    except OSError as error:
        if DEBUG["on"]:
            traceback.print_exc()
        note(paint(f"erreur: accès au fichier impossible : {error}", "erreur"))
        return int(ExitCode.ENTREE_SORTIE)
    except Exception as error:  # noqa: BLE001 - the last net: no traceback for users
        if DEBUG["on"]:
            traceback.print_exc()
        else:
            note(paint(f"erreur interne : {type(error).__name__}: {error}", "erreur"))
            note("c'est un bug d'utilsoc : relancez avec --debug et signalez-le avec ce message")
        return int(ExitCode.BUG)
    return int(ExitCode.OK)


def exit_with(code: int) -> None:
    """Leave the process with `code` (flushing streams first)."""
    sys.stdout.flush()
    sys.exit(code)
