"""The one CSV reader of the package's tables (sources.csv and the others).

It accepts what spreadsheet programs write: a UTF-8 byte-order mark (Excel's "CSV UTF-8") is
read as nothing. It refuses, with one message naming the file and how to save it, a file in
another encoding; and it names every row with too many or too few fields (an unquoted comma),
leaving that row out instead of shifting its values into the wrong columns. A value with a
bidirectional control or another invisible character is named too (atlas/invisible.py).
"""

from __future__ import annotations

import csv
from collections.abc import Collection
from pathlib import Path

from atlas.invisible import check_values, is_warning
from atlas.model import Problem, shorten

MAX_FIELD_CHARS = 4_000  # the same limit as a feature's text field ($defs/text maxLength in the schema)
NOT_UTF8 = ("is not UTF-8 text ({error}); save it as \"CSV UTF-8\" (Excel) or with the UTF-8 character set "
            "(LibreOffice, Google Sheets)")


def read_rows(path: Path, columns: Collection[str]) -> tuple[list[dict[str, str]], list[Problem]]:
    """Rows of a UTF-8 CSV with the given columns (values stripped, each row's line number under
    ``_line``), and the problems: the one that stops the file being read, or each bad row."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            raw = [(reader.line_num, row) for row in reader]  # the line each record ends on
            header = reader.fieldnames or []
    except FileNotFoundError:
        return [], [Problem(path.name, "-", "file is missing")]
    except UnicodeDecodeError as exc:
        return [], [Problem(path.name, "-", NOT_UTF8.format(error=f"byte {exc.start}"))]
    except csv.Error as exc:
        if "field limit" in str(exc):
            return [], [Problem(path.name, "-", f"cannot read: a field is longer than {csv.field_size_limit():,} "
                                                "characters (a missing closing quote, or a value far too long)")]
        return [], [Problem(path.name, "-", f"cannot read: {exc}")]
    except OSError as exc:
        return [], [Problem(path.name, "-", f"cannot read: {exc}")]
    missing = [c for c in columns if c not in header]
    if missing:
        return [], [Problem(path.name, "-", f"missing column(s): {', '.join(missing)}")]
    if not raw:
        return [], [Problem(path.name, "-", "the table has a header but no rows")]
    out: list[dict[str, str]] = []
    problems: list[Problem] = []
    for line, row in raw:
        if None in row:
            problems.append(Problem(path.name, f"line {line}", f"has {len(header) + len(row[None])} fields, "
                                    f"the header has {len(header)}: quote any value that contains a comma"))
            continue
        if any(value is None for value in row.values()):
            count = sum(value is not None for value in row.values())
            problems.append(Problem(path.name, f"line {line}", f"has {count} fields, the header has {len(header)}"))
            continue
        too_long = [(k, len(v)) for k, v in row.items() if len(v) > MAX_FIELD_CHARS]
        if too_long:
            problems += [Problem(path.name, f"line {line}", f"{shorten(k)}: {n:,} characters, over the limit of "
                                 f"{MAX_FIELD_CHARS:,}") for k, n in too_long]
            continue
        invisible = check_values(row)
        problems += [Problem(path.name, f"line {line}", message) for message in invisible]
        if not all(is_warning(message) for message in invisible):
            continue
        out.append({**{k: v.strip() for k, v in row.items()}, "_line": str(line)})
    return out, problems
