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


GRID_LABEL_CHARS = 60


def grid_csv(questions: list[tuple[str, str]], rows: list[dict], gist=lambda prompt: prompt) -> str:
    """``questions``: (id, prompt) pairs; a column is headed by the id and the start of what the
    question asks (``gist``: the prompt without what every question of its document repeats)."""
    header = ["student", "email", "attempts", "percent"] + [_label(qid, gist(prompt)) for qid, prompt in questions]
    return _write(header, (
        [r["student"], r["email"], r["attempts"], round(r["percent"], 2)]
        + [r["scores"].get(qid) for qid, _ in questions] for r in rows))


def _label(qid: str, text: str) -> str:
    text = " ".join(text.split())
    if len(text) > GRID_LABEL_CHARS:
        text = text[:GRID_LABEL_CHARS].rsplit(" ", 1)[0] + "…"
    return f"{qid}: {text}" if text else qid
