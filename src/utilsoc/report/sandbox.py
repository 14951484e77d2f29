"""The sandbox templates run in: no string, number or loop a page could not hold.

Why: templates can be committed by any collaborator. A template may not read a file
through a link out of its folder, build a string or number beyond MAX_SIZE, or run longer
than its deadline (checked between outputs and at every step of `range`, so it holds
where SIGALRM does not exist).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from utilsoc.errors import UserError

MAX_SIZE = 1_000_000
_SIZED = (str, list, tuple)


class Deadline:
    """When the running template must have finished."""

    at = float("inf")
    limit: float = 0

    def start(self, seconds: float) -> None:
        """Give the template `seconds` from now."""
        self.limit = seconds
        self.at = time.monotonic() + seconds

    def stop(self) -> None:
        """No template is running."""
        self.at = float("inf")

    def check(self) -> None:
        """Stop a template that has run past its time.

        Raises:
            UserError: the time is up.
        """
        if time.monotonic() > self.at:
            raise UserError(
                f"le modèle a tourné plus de {self.limit} s",
                "simplifiez-le : une boucle ne doit pas être sans fin",
            )


class ReportSandbox(ImmutableSandboxedEnvironment):
    """The sandbox, with sizes capped: no string or number a page could not hold."""

    intercepted_binops = frozenset({"*", "**", "+"})

    def __init__(self, deadline: Deadline, **options: Any) -> None:
        super().__init__(**options)
        self.deadline = deadline

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        """`'a' * 10**10`, `10 ** 10 ** 10`: refused before they are computed."""
        check_binop(operator_name, left, right)
        return super().call_binop(context, operator_name, left, right)

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N807
        """Method calls too: `'x'.center(10**10)` is refused."""
        for argument in (*args, *kwargs.values()):
            if isinstance(argument, int) and abs(argument) > MAX_SIZE:
                raise SecurityError(f"nombre trop grand pour un modèle : {argument}")
        return super().call(__context, __obj, *args, **kwargs)


def check_binop(operator_name: str, left: Any, right: Any) -> None:
    """Refuse `*`, `**` or `+` when the result would be too big for a page.

    Raises:
        SecurityError: the result would be too long a text or list, or too big a number.
    """
    if operator_name == "*":
        _check_repeat(left, right)
        _check_repeat(right, left)
    elif operator_name == "**":
        if isinstance(left, int) and isinstance(right, int) and abs(right) > 64:
            raise SecurityError(f"puissance trop grande pour un modèle : {right}")
    elif operator_name == "+":
        _check_concat(left, right)


def _check_concat(left: Any, right: Any) -> None:
    if isinstance(left, _SIZED) and isinstance(right, _SIZED) and len(left) + len(right) > MAX_SIZE:
        raise SecurityError("texte trop long pour un modèle")


def _check_repeat(text: Any, count: Any) -> None:
    if isinstance(text, _SIZED) and isinstance(count, int) and len(text) * count > MAX_SIZE:
        raise SecurityError("texte trop long pour un modèle")


class ContainedLoader(jinja2.FileSystemLoader):
    """Templates of one folder, never a file reached through a link out of it.

    Why: git keeps symbolic links, so a collaborator could commit `modeles/x.j2` pointing
    at any file of the machine, which a report would then print.
    """

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        """The template's text, refused when its real path is outside the folder."""
        source, filename, uptodate = super().get_source(environment, template)
        real = os.path.realpath(filename)
        roots = [os.path.realpath(folder) for folder in self.searchpath]
        if not any(real.startswith(root + os.sep) for root in roots):
            raise SecurityError(f"le modèle « {template} » est un lien vers {real}")
        return source, filename, uptodate


def timed_range(deadline: Deadline) -> Callable[..., Iterator[int]]:
    """`range` for templates: at most MAX_SIZE steps, the deadline checked at each."""

    def timed(*args: int) -> Iterator[int]:
        numbers = range(*args)
        if len(numbers) > MAX_SIZE:
            raise SecurityError(f"boucle trop longue pour un modèle : {len(numbers)} tours")
        for number in numbers:
            deadline.check()
            yield number

    return timed
