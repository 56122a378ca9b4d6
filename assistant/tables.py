"""Flattened tables: a row's figures read with the years of its table's header.

Budgets give their indicators in tables whose columns are years ("Omschrijving · 2017 (w) · … · 2024 (b)").
Exports flatten them to one cell per line, which ingest joins back into rows with `CELL`: "% jongeren dat
weet waar ze terechtkunnen · 14% · 19% · ntb · 30% · 35% …". Read alone, such a row gives eight figures and
no year. Chunking repeats the header above rows that a chunk cut off from it (`ingest.chunking`), and an
answer that quotes a row labels its figures with the header's years, keeping only the asked years' when
the question names some of them.
"""

from __future__ import annotations

import re
from collections.abc import Collection

CELL = " · "
_YEAR_CELL = re.compile(r"^((?:19|20)\d\d)\b\D{0,12}$")  # "2021", "2021 (b)", "2024 begroot"
_OWN_YEAR = re.compile(r"\((?:19|20)\d\d\)")  # "74% (2023)": a cell that says its own year
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*(?:-|–|t/m|tot en met|tot)\s*((?:19|20)\d\d)\b", re.IGNORECASE)
# A cell that holds a figure, or says there is none ("nvt", "ntb", "-").
_VALUE = re.compile(r"\d|^(?:n\.?v\.?t\.?|n\.?t\.?b\.?|n\.?b\.?|[-–—?])$", re.IGNORECASE)
MIN_YEARS = 3  # a header names at least this many years; two could be a sentence's range


def year_columns(line: str) -> tuple[str, ...]:
    """The year cells of a table header ("2017 (w)", …, "2024 (b)"), or () when `line` is no such header."""
    if line.count(CELL) < MIN_YEARS - 1:
        return ()  # the common case, prose: no need to look at cells
    years = tuple(cell for cell in line.split(CELL) if _YEAR_CELL.match(cell.strip()))
    return years if len(years) >= MIN_YEARS else ()


def is_row(line: str) -> bool:
    return line.count(CELL) >= 2


def _header_above(row: str, text: str) -> tuple[str, ...]:
    """The year columns of the nearest header above `row` (a whole line of `text`)."""
    lines = text.split("\n")
    if row not in lines:
        return ()
    for line in reversed(lines[: lines.index(row)]):
        if columns := year_columns(line):
            return columns
        if not is_row(line) and line.rstrip().endswith((".", "!", "?", ":", ";")):
            return ()  # prose ends the table; a heading inside it ("Doel 9C1 …") does not
    return ()


def labelled(row: str, text: str, asked: Collection[str] = ()) -> str:
    """`row` of passage `text` with each figure after its header's year ("2021 (b): 16"), or `row` unchanged
    when it is no row, has no header in `text`, or its figures do not line up with the header's years.

    When the question names years that are columns of the header, only the figures of the years it names are
    kept (with any cell that is no figure, such as a source): the other years' are answers to other questions.
    """
    columns = _header_above(row, text) if is_row(row) else ()
    if not columns:
        return row
    description, *cells = row.split(CELL)
    values = [i for i, cell in enumerate(cells) if _VALUE.search(cell) and not _OWN_YEAR.search(cell)]
    if len(values) != len(columns):
        return row  # a missing or merged cell: which figure is which year is not known
    label = dict(zip(values, columns, strict=True))
    asked = set(asked)
    choose = bool(asked & {YEAR.findall(column)[0] for column in columns})
    kept = []
    for i, cell in enumerate(cells):
        years = set(YEAR.findall(label[i] if i in label else cell if _OWN_YEAR.search(cell) else ""))
        if choose and years and not years & asked:
            continue
        kept.append(f"{label[i]}: {cell}" if i in label else cell)
    return CELL.join([description, *kept])


def asked_years(question: str) -> set[str]:
    """The years a question names, with those a range spans ("2025 tot en met 2028", "2025-2028")."""
    years = set(YEAR.findall(question))
    for first, last in _RANGE.findall(question):
        years |= {str(y) for y in range(int(first), min(int(last), int(first) + 20) + 1)}
    return years
