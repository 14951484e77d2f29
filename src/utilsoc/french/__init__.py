"""French for people: numbers, plurals, funders' names with their article, grammar of labels."""

from utilsoc.french.articles import split_article, with_article
from utilsoc.french.numbers import (
    NARROW_NBSP,
    format_amount,
    format_number,
    format_percent,
    format_signed,
    plural,
    shared_decimals,
)

__all__ = [
    "NARROW_NBSP",
    "format_amount",
    "format_number",
    "format_percent",
    "format_signed",
    "plural",
    "shared_decimals",
    "split_article",
    "with_article",
]
