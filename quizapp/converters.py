"""URL converters."""
from __future__ import annotations

from werkzeug.routing import IntegerConverter

MAX_ID = 2**63 - 1  # what the database's BIGINT (and SQLite's INTEGER) can hold


class IdConverter(IntegerConverter):
    """``<id:name>``: a positive integer that fits the database, else the URL does not match (404)."""

    # Longer numbers, and 0 or leading zeros, do not match at all: a clean 404 whatever the method
    # (a value refused by ``min`` after matching made werkzeug answer 405 to a POST).
    regex = r"[1-9]\d{0,17}"

    def __init__(self, map, *args, **kwargs):
        super().__init__(map, min=1, max=MAX_ID)
