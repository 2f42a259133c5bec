"""A teacher's question among the generated ones: which sentence it asks about, and which questions
it must never share an attempt with.

The generator gives each of its questions the sentence it asks about (one question per sentence
in an attempt) and the questions that give it away (``excludes``). A question a teacher writes,
or cites anew, gets the same here when it is saved: the sentence of the document that holds its
answer (found by the engine's own sentence splitter, so the ids match the generator's), and its
exclusions recomputed with the engine's ``exclusions`` against the document's other questions.
Pairs that do not involve the saved question are left as they are.
"""
from __future__ import annotations

import bisect

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
    """Give ``question`` its sentence (when it is a teacher's, or cited anew) and its exclusions,
    updating the other side of each pair. Flushes; the caller commits."""
    document = db.session.get(Document, question.document_id)
    if document is None or not document.text:
        return
    spans = sentence_spans(document)
    main, covered = sentences_of(question.citation or {}, spans)
    if cited_anew or question.sentence_id is None:
        question.sentence_id = f"{document.id}:{main}" if main is not None else None
    others = db.session.scalars(select(Question).where(Question.document_id == document.id,
                                                       Question.id != question.id)).all()
    mine = bank_dict(question)
    if question.type in COMPOSITE and len(covered) > 1:  # as the generator: its statements, pairs or events
        mine["sentence_ids"] = [f"{document.id}:{i}" for i in covered]
    wanted = set(exclusions([mine, *(_with_sentences(o, document.id, spans) for o in others)]).get(question.id, ()))
    question.excludes = sorted(wanted) or None
    for other in others:
        had = set(other.excludes or ())
        now = (had | {question.id}) if other.id in wanted else (had - {question.id})
        if now != had:
            other.excludes = sorted(now) or None
    db.session.flush()


def _with_sentences(q: Question, document_id: str, spans: list[tuple[int, int]]) -> dict:
    out = bank_dict(q)
    cited = (q.citation or {}).get("sentences")
    if cited:  # a generated question on several sentences names them in its citation
        ids = [_index_at(spans, s["start"]) for s in cited]
        out["sentence_ids"] = [f"{document_id}:{i}" for i in ids if i is not None]
    return out
