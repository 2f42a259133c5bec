"""Jinja filters for numbers, durations, dates and question labels."""
from __future__ import annotations

import re
from datetime import datetime, timedelta

from flask import Flask


def score(value: float | None) -> str:
    """7.0 -> '7', 7.5 -> '7.5', 6.6667 -> '6.67'."""
    if value is None:
        return "–"
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def percent(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.0f}%" if abs(value - round(value)) < 0.05 else f"{value:.1f}%"


def duration(delta: timedelta | None) -> str:
    if delta is None:
        return "–"
    seconds = max(0, int(delta.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s"
    return f"{secs} s"


def when(value: datetime | None) -> str:
    return value.strftime("%d %b %Y, %H:%M UTC") if value else "–"


# The attribution and section a generated stem opens with ('According to “Foreign workers in the
# Soviet Union”, in the section “1920s”, '): the same for every question of a document, so a table
# that labels its rows by the prompt's first words would show the same label on every row.
_LEAD = re.compile(r"According to (?:[^,“]|“(?:[^“”]|“[^”]*”)*”)+?, (?:in the section “(?:[^“”]|“[^”]*”)*”, )?")


def gist(prompt: str | None) -> str:
    """A question's prompt without the attribution it opens with: what tells questions apart."""
    text = prompt or ""
    m = _LEAD.match(text)
    if not m or len(text) - m.end() < 12:
        return text
    rest = text[m.end():]
    return rest[0].upper() + rest[1:]


def register(app: Flask) -> None:
    app.add_template_filter(gist)
    app.add_template_filter(score)
    app.add_template_filter(percent)
    app.add_template_filter(duration)
    app.add_template_filter(when)
