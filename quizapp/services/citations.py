"""Citations chosen by a teacher: find a quote in a document's text and store exact offsets.

The quote is found tolerating differences in white space (any run of spaces, tabs and line
breaks matches any other) and in quotation marks (typographic quotes and apostrophes match
straight ones). The stored quote is the document's own text between the offsets found.
"""
from __future__ import annotations

import bisect

from quizapp.models import Document

_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
           "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
           "\u00ab": '"', "\u00bb": '"'}


class CitationError(ValueError):
    """The quote cannot be cited; the message says why."""


def _fold(text: str) -> tuple[str, list[int]]:
    """``text`` with quotes made straight and white space runs made one space, and for each
    character of the result the index in ``text`` it came from."""
    out: list[str] = []
    where: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_space:
                out.append(" ")
                where.append(i)
            in_space = True
            continue
        in_space = False
        out.append(_QUOTES.get(ch, ch))
        where.append(i)
    return "".join(out), where


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """The (start, end) offsets of ``quote`` in ``text``, or None when it is not there."""
    wanted, _ = _fold(quote.strip())
    if not wanted:
        return None
    folded, where = _fold(text)
    at = folded.find(wanted)
    if at < 0:
        return None
    start = where[at]
    last = where[at + len(wanted) - 1]
    return start, last + 1


def _paragraph(document: Document, start: int) -> dict | None:
    paras = document.paragraphs
    starts = [p["start"] for p in paras]
    i = bisect.bisect_right(starts, start) - 1
    return paras[i] if 0 <= i < len(paras) else None


def cite(document: Document, quote: str, answer: str | None = None) -> dict:
    """The citation of ``quote`` in ``document`` (exact offsets), or CitationError."""
    if not quote or not quote.strip():
        raise CitationError("Copy the passage the question comes from into the quote.")
    if not document.text:
        raise CitationError(f"“{document.title}” has no text loaded, so nothing can be quoted from it.")
    span = find_quote(document.text, quote)
    if span is None:
        raise CitationError(f"This quote is not in “{document.title}”. Copy it from the document "
                            "exactly (differences in spaces, line breaks and quotation marks do not matter).")
    start, end = span
    para = _paragraph(document, start)
    section = ""
    if para is not None and 0 <= para.get("section", -1) < len(document.sections):
        section = document.sections[para["section"]].get("title") or ""
    citation = {"document": document.id, "start": start, "end": end, "quote": document.text[start:end],
                "section": section, "paragraph": (para or {}).get("number") or 0,
                "sentence": {"start": start, "end": end}, "answer": None}
    if answer and answer.strip():
        inner = find_quote(document.text[start:end], answer)
        if inner is None:
            inner = find_quote(document.text[start:end].casefold(), answer.casefold())
        if inner is not None:
            citation["answer"] = {"start": start + inner[0], "end": start + inner[1]}
    return citation
