"""Helpers shared by the models."""
from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    """The current time in UTC, naive (the database stores UTC without a zone)."""
    return datetime.now(UTC).replace(tzinfo=None)
