"""URL converters."""
from __future__ import annotations

from werkzeug.routing import IntegerConverter

MAX_ID = 2**63 - 1  # what the database's BIGINT (and SQLite's INTEGER) can hold


class IdConverter(IntegerConverter):
    """``<id:name>``: a positive integer that fits the database, else the URL does not match (404)."""

    regex = r"\d{1,18}"  # longer numbers do not match at all

    def __init__(self, map, *args, **kwargs):
        super().__init__(map, min=1, max=MAX_ID)
