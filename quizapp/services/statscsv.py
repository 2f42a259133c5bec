"""CSV exports of a quiz's scores, safe to open in a spreadsheet.

The csv module quotes commas, quotes and line breaks; a text cell that a spreadsheet would read
as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is prefixed
with an apostrophe, so it shows as text and never runs. Numbers are written as numbers.
"""
from __future__ import annotations

import csv
import io

from quizapp.services.stats import AttemptRow

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

ATTEMPT_HEADER = ["attempt_id", "student", "email", "state", "started_utc", "finished_utc", "duration_seconds",
                  "score", "max_score", "percent", "passed"]


def safe(value) -> object:
    """A cell value that no spreadsheet runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return round(value, 4) if isinstance(value, float) else value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _write(header: list[str], rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([safe(h) for h in header])
    for row in rows:
        writer.writerow([safe(v) for v in row])
    return out.getvalue()


def attempts_csv(rows: list[AttemptRow]) -> str:
    return _write(ATTEMPT_HEADER, (
        [r.id, r.student, r.email, r.state, r.started.isoformat(sep=" ", timespec="seconds"),
         r.finished.isoformat(sep=" ", timespec="seconds") if r.finished else None, r.duration_seconds,
         r.score, r.max_score, round(r.percent, 2) if r.percent is not None else None,
         r.passed if r.state == "finished" else None] for r in rows))


def grid_csv(questions: list[str], rows: list[dict]) -> str:
    header = ["student", "email", "attempts", "percent"] + questions
    return _write(header, (
        [r["student"], r["email"], r["attempts"], round(r["percent"], 2)]
        + [r["scores"].get(q) for q in questions] for r in rows))
