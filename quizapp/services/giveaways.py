"""A teacher's question among the generated ones: which sentence it asks about, and which questions
it must never share an attempt with.

The generator gives each of its questions the sentence it asks about (one question per sentence
in an attempt) and the questions that give it away (``excludes``). A question a teacher writes,
cites anew or imports without them gets the same here: the sentence of the document that holds
its answer (found by the engine's own sentence splitter, so the ids match the generator's), and
its exclusions recomputed with the engine's ``exclusions`` against the document's other questions.
Pairs that involve none of the questions placed are left as they are, and so are pairs the engine
cannot judge (with a question of another document, or one that quotes nothing).
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


def place(question: Question, cited_anew: bool, moved_from: str | None = None) -> None:
    """``place_all`` for one question; ``moved_from``: the document it was cited in before, if
    another (its questions forget their pairs with it)."""
    if moved_from and moved_from != question.document_id:
        _forget(moved_from, {question.id})
    place_all([question], cited_anew)


def place_all(questions: Iterable[Question], cited_anew: bool) -> None:
    """Give each question its sentence (when it has none, or is ``cited_anew``) and its exclusions,
    updating the other side of each pair. One pass per document. Flushes; the caller commits."""
    by_document: dict[str, list[Question]] = defaultdict(list)
    for q in questions:
        by_document[q.document_id].append(q)
    for document_id in sorted(by_document):  # locked in one order, so that two imports never deadlock
        placed = by_document[document_id]
        # One teacher at a time per document: two saving at once would each miss the other's question.
        db.session.execute(select(Document.id).where(Document.id == document_id).with_for_update())
        document = db.session.get(Document, document_id)
        spans = sentence_spans(document) if document is not None and document.text else []
        for q in placed:
            if cited_anew or q.sentence_id is None:
                main, _covered = sentences_of(q.citation or {}, spans) if spans else (None, [])
                q.sentence_id = f"{document_id}:{main}" if main is not None else None
        if spans:
            _exclude(document_id, {q.id for q in placed}, spans)
    db.session.flush()


def _as_compared(row: Question, document_id: str, spans: list[tuple[int, int]]) -> dict | None:
    """The question as the engine's ``exclusions`` reads it, or None when it quotes nothing (an
    imported question with no citation: nothing to compare)."""
    citation = row.citation or {}
    if not citation.get("quote"):
        return None
    d = bank_dict(row)
    d["sentence_id"] = row.sentence_id or f"question:{row.id}"  # no sentence found: a sentence of its own
    if citation.get("sentences"):  # a generated question on several sentences names them
        covered = [_index_at(spans, s["start"]) for s in citation["sentences"]]
    elif row.type in COMPOSITE:  # a teacher's: the sentences its quote covers (its statements, pairs or events)
        covered = sentences_of(citation, spans)[1]
    else:
        covered = []
    if len([i for i in covered if i is not None]) > 1:
        d["sentence_ids"] = [f"{document_id}:{i}" for i in covered if i is not None]
    return d


def _exclude(document_id: str, placed: set[str], spans: list[tuple[int, int]]) -> None:
    rows = db.session.scalars(select(Question).where(Question.document_id == document_id)).all()
    compared = {}
    for row in rows:
        d = _as_compared(row, document_id, spans)
        if d is not None:
            compared[row.id] = d
    wanted = exclusions(list(compared.values()))
    for row in rows:
        if row.id not in compared:
            continue  # quotes nothing: its pairs stay as they are
        had = set(row.excludes or ())
        found = set(wanted.get(row.id, ()))
        if row.id in placed:  # recomputed against this document; pairs the engine cannot judge stay
            now = (had - compared.keys()) | found
        else:  # only its pairs with the placed questions change
            now = (had - placed) | (found & placed)
        if now != had:
            row.excludes = sorted(now) or None


def _forget(document_id: str, ids: set[str]) -> None:
    """The questions of ``document_id`` no longer pair with ``ids`` (cited elsewhere now)."""
    for row in db.session.scalars(select(Question).where(Question.document_id == document_id)):
        if row.excludes and ids & set(row.excludes):
            row.excludes = sorted(set(row.excludes) - ids) or None
