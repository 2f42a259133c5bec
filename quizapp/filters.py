"""Jinja filters for numbers, durations and dates."""
from __future__ import annotations

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


def register(app: Flask) -> None:
    app.add_template_filter(score)
    app.add_template_filter(percent)
    app.add_template_filter(duration)
    app.add_template_filter(when)
