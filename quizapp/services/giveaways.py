"""A teacher's question among the generated ones: which sentence it asks about, and which questions
it must never share an attempt with.

The generator gives each of its questions the sentence it asks about (one question per sentence
in an attempt) and the questions that give it away (``excludes``). A question a teacher writes,
cites anew or imports without them gets the same here: the sentence of the document that holds
its answer (found by the engine's own sentence splitter, so the ids match the generator's), and
its exclusions recomputed with the engine's ``exclusions`` against the document's other questions.
Pairs that involve none of the questions placed are left as they are.
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select

from quizapp.engine.exclusions import exclusions
from quizapp.engine.structure import parse_structure
from quizapp.extensions import db
from quizapp.models import Document, Question
from quizapp.services.bankadmin import bank_dict

COMPOSITE = ("multiple_response", "matching", "ordering")  # questions that state facts of several sentences


def sentence_spans(document: Document) -> list[tuple[int, int]]:
    """The document's sentences as (start, end), in order: index i is the generator's sentence i."""
    _sections, _paragraphs, sentences = parse_structure(document.text, document.source_format or "text")
    return [(s.start, s.end) for s in sentences]


def _index_at(spans: list[tuple[int, int]], offset: int) -> int | None:
    i = bisect.bisect_right([s for s, _ in spans], offset) - 1
    return i if 0 <= i < len(spans) and offset < spans[i][1] else None


def sentences_of(citation: dict, spans: list[tuple[int, int]]) -> tuple[int | None, list[int]]:
    """The sentence a citation asks about (the one holding its answer, else its first) and every
    sentence its quote covers."""
    start, end = citation.get("start", 0), citation.get("end", 0)
    covered = [i for i, (s, e) in enumerate(spans) if s < end and start < e]
    answer = citation.get("answer") or {}
    main = _index_at(spans, answer["start"]) if answer.get("start") is not None else None
    if main is None:
        main = covered[0] if covered else None
    return main, covered


def place(question: Question, cited_anew: bool) -> None:
    """``place_all`` for one question."""
    place_all([question], cited_anew)


def place_all(questions: Iterable[Question], cited_anew: bool) -> None:
    """Give each question its sentence (when it has none, or is ``cited_anew``) and its exclusions,
    updating the other side of each pair. One pass per document. Flushes; the caller commits."""
    by_document: dict[str, list[Question]] = defaultdict(list)
    for q in questions:
        by_document[q.document_id].append(q)
    for document_id, placed in by_document.items():
        document = db.session.get(Document, document_id)
        if document is None or not document.text:
            continue  # nothing to find sentences in (a GIFT import's placeholder document)
        spans = sentence_spans(document)
        sentence_ids: dict[str, list[str]] = {}
        for q in placed:
            main, covered = sentences_of(q.citation or {}, spans)
            if cited_anew or q.sentence_id is None:
                q.sentence_id = f"{document.id}:{main}" if main is not None else None
            if q.type in COMPOSITE and len(covered) > 1:  # as the generator: its statements, pairs or events
                sentence_ids[q.id] = [f"{document.id}:{i}" for i in covered]
        _exclude(document, {q.id for q in placed}, sentence_ids, spans)
    db.session.flush()


def _exclude(document: Document, placed: set[str], sentence_ids: dict[str, list[str]],
             spans: list[tuple[int, int]]) -> None:
    rows = db.session.scalars(select(Question).where(Question.document_id == document.id)).all()
    dicts = []
    for row in rows:
        d = bank_dict(row)
        if row.id in sentence_ids:
            d["sentence_ids"] = sentence_ids[row.id]
        elif (row.citation or {}).get("sentences"):  # a generated question on several sentences names them
            ids = [_index_at(spans, s["start"]) for s in row.citation["sentences"]]
            d["sentence_ids"] = [f"{document.id}:{i}" for i in ids if i is not None]
        dicts.append(d)
    wanted = exclusions(dicts)
    for row in rows:
        had = set(row.excludes or ())
        found = set(wanted.get(row.id, ()))
        now = found if row.id in placed else (had - placed) | (found & placed)
        if now != had:
            row.excludes = sorted(now) or None
