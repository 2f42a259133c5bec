"""The teacher's question bank: filtering, search, pagination, bulk status changes and moves."""
from __future__ import annotations

from dataclasses import dataclass, field
from math import ceil

from sqlalchemy import String, cast, func, or_, select

from quizapp.engine.questionspec import ordered
from quizapp.extensions import db
from quizapp.models import ORIGINS, STATUSES, Document, Question, Report, User
from quizapp.services import audit, revisions, stats

PER_PAGE = 20
QUALITY = {"low": (None, 0.6), "high": (0.6, None)}
DIFFICULTY = {"easy": (None, 0.4), "medium": (0.4, 0.7), "hard": (0.7, None)}
FLAGS = ("reported", "needs_review")
TEXT_FILTERS = ("document", "section", "type", "status", "quality", "difficulty", "origin", "flag", "stat", "over", "q")
BULK_STATUSES = {"publish": "published", "retire": "retired", "review": "needs_review"}


@dataclass
class Filters:
    document: str = ""
    section: str = ""
    type: str = ""
    status: str = ""
    quality: str = ""
    difficulty: str = ""
    origin: str = ""
    flag: str = ""
    stat: str = ""  # a statistical flag of stats.BANK_FLAG_LABELS
    over: str = ""  # the quiz whose finished attempts the statistics cover ("": every quiz)
    q: str = ""
    min_n: int = field(default=stats.MIN_RESPONSES, repr=False)  # answers needed for statistics

    @classmethod
    def from_args(cls, args, min_n: int = stats.MIN_RESPONSES) -> "Filters":
        f = cls(**{name: (args.get(name) or "").strip()[:200] for name in TEXT_FILTERS}, min_n=min_n)
        # Unknown values of a closed list are ignored rather than matching nothing.
        if f.status not in STATUSES:
            f.status = ""
        if f.origin not in ORIGINS:
            f.origin = ""
        if f.quality not in QUALITY:
            f.quality = ""
        if f.difficulty not in DIFFICULTY:
            f.difficulty = ""
        if f.flag not in FLAGS:
            f.flag = ""
        if f.stat not in stats.BANK_FLAG_LABELS:
            f.stat = ""
        if not (f.over.isdigit() and len(f.over) < 10):
            f.over = ""
        return f

    @property
    def quiz_id(self) -> int | None:
        return int(self.over) if self.over else None

    def args(self) -> dict:
        return {k: getattr(self, k) for k in TEXT_FILTERS if getattr(self, k)}


def _range(column, bounds):
    low, high = bounds
    conds = []
    if low is not None:
        conds.append(column >= low)
    if high is not None:
        conds.append(column < high)
    return conds


def query(f: Filters):
    stmt = select(Question)
    if f.document:
        stmt = stmt.where(Question.document_id == f.document)
    if f.section:
        stmt = stmt.where(Question.section == f.section)
    if f.type:
        stmt = stmt.where(Question.type == f.type)
    if f.status:
        stmt = stmt.where(Question.status == f.status)
    if f.origin:
        stmt = stmt.where(Question.origin == f.origin)
    if f.quality:
        stmt = stmt.where(*_range(Question.quality, QUALITY[f.quality]))
    if f.difficulty:
        stmt = stmt.where(*_range(Question.difficulty, DIFFICULTY[f.difficulty]))
    if f.flag == "reported":
        stmt = stmt.where(Question.id.in_(select(Report.question_id).where(Report.status == "open")))
    elif f.flag == "needs_review":
        stmt = stmt.where(Question.status == "needs_review")
    if f.stat:
        stmt = stmt.where(_stat_condition(f))
    if f.q:
        words = [w for w in f.q.split() if w][:8]
        for word in words:
            pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            stmt = stmt.where(or_(Question.prompt.ilike(pattern, escape="\\"),
                                  cast(Question.spec, String).ilike(pattern, escape="\\"),
                                  Question.explanation.ilike(pattern, escape="\\"),
                                  Question.id.ilike(pattern, escape="\\")))
    return stmt


def _stat_condition(f: Filters):
    """The questions with the statistical flag ``f.stat``, by the item analysis of the stats pages
    (``stats.item_stats``: SQL aggregates over the finished attempts of every quiz, or of
    ``f.over``); only the question ids come back here."""
    items = stats.item_stats(quiz_id=f.quiz_id, min_n=f.min_n, with_choices=f.stat == "non_functional")
    if f.stat == "too_few":
        # Fewer answers than needed, never drawn in a finished attempt included.
        return Question.id.not_in([i.question_id for i in items if i.enough])
    return Question.id.in_([i.question_id for i in items if f.stat in i.bank_flags])


@dataclass
class Page:
    items: list[Question]
    total: int
    page: int
    pages: int
    per_page: int = PER_PAGE
    reports: dict[str, int] = field(default_factory=dict)
    stats: dict[str, stats.ItemStats] = field(default_factory=dict)  # of the questions shown


def page(f: Filters, number: int = 1, per_page: int = PER_PAGE) -> Page:
    stmt = query(f)
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    pages = max(1, ceil(total / per_page))
    number = min(max(1, number), pages)
    items = list(db.session.scalars(stmt.order_by(Question.document_id, Question.section, Question.id)
                                    .limit(per_page).offset((number - 1) * per_page)))
    ids = [q.id for q in items]
    # The distractor counts read every drawn snapshot of the questions (0.6 s for 20 questions with
    # 10,000 answers each): only when filtering by them.
    shown = {i.question_id: i for i in stats.item_stats(question_ids=ids, quiz_id=f.quiz_id, min_n=f.min_n,
                                                        with_choices=f.stat == "non_functional")} if ids else {}
    return Page(items, total, number, pages, per_page, open_reports(ids), shown)


def selected(f: Filters, ids: list[str] | None) -> list[Question]:
    """The questions of a bulk action: the ticked ids, or every question the filters match."""
    stmt = query(f)
    if ids:
        stmt = stmt.where(Question.id.in_(ids))
    return list(db.session.scalars(stmt.order_by(Question.document_id, Question.id)))


def open_reports(ids: list[str]) -> dict[str, int]:
    if not ids:
        return {}
    rows = db.session.execute(select(Report.question_id, func.count()).where(
        Report.question_id.in_(ids), Report.status == "open").group_by(Report.question_id))
    return {qid: n for qid, n in rows}


def facets() -> dict:
    """The values the filters offer."""
    docs = [(i, t) for i, t in db.session.execute(select(Document.id, Document.title).order_by(Document.title))]
    sections = [s for s in db.session.scalars(select(Question.section).distinct().order_by(Question.section)) if s]
    quizzes = [(str(quiz_id), title, n) for quiz_id, title, _, n, _ in stats.overview()]
    return {"documents": docs, "sections": sections, "quizzes": quizzes}


def set_status(questions: list[Question], status: str, user: User, summary: str = "",
               action: str = "question.status") -> int:
    """Set the status of ``questions`` (a teacher's decision: reloads leave it), each change in the
    audit log as ``action``. Returns how many changed."""
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    changed = 0
    for q in questions:
        if q.status == status:
            continue
        before = revisions.state(q)
        q.status = status
        q.status_set_by = "teacher"
        revisions.record(q, before, user, "status", summary or f"status set to {status}")
        audit.record(user, action, "question", q.id, summary or f"status set to {status}",
                     {"from": before["status"], "to": status})
        changed += 1
    db.session.flush()
    return changed


def get(question_id: str) -> Question | None:
    return db.session.get(Question, question_id)


def bank_dict(q: Question) -> dict:
    """A question in the project's JSON bank format."""
    out = {"id": q.id, "type": q.type, "prompt": q.prompt, **(q.spec or {}), "explanation": q.explanation,
           "citation": q.citation or None, "difficulty": q.difficulty, "quality": q.quality,
           "status": q.status, "reasons": list(q.reasons or [])}
    if q.sentence_id:
        out["sentence_id"] = q.sentence_id
    if q.excludes:
        out["excludes"] = list(q.excludes)
    return ordered(out)


def status_counts(document_id: str) -> dict[str, int]:
    rows = db.session.execute(select(Question.status, func.count()).where(Question.document_id == document_id)
                              .group_by(Question.status))
    return {status: n for status, n in rows}


class MoveError(ValueError):
    """A bulk move that would break a citation or names no real place; nothing is moved."""


def move_targets() -> list[tuple[str, str]]:
    """Where questions can be moved: every document, with no section or one of its sections.
    A value is ``document id`` + ``"#"`` + the section's index (empty: no section)."""
    out = []
    for doc in db.session.scalars(select(Document).order_by(Document.title)):
        out.append((f"{doc.id}#", f"{doc.title} — no section"))
        for i, section in enumerate(doc.sections):
            if section.get("title"):
                out.append((f"{doc.id}#{i}", f"{doc.title} — {section['title'][:80]}"))
    return out


def parse_target(value: str) -> tuple[Document, str]:
    """The document and the section title a move target names; MoveError if it names none."""
    doc_id, sep, index = (value or "").rpartition("#")
    document = db.session.get(Document, doc_id) if sep else None
    if document is None:
        raise MoveError("Choose where to move the questions.")
    if not index:
        return document, ""
    sections = document.sections
    if (not (index.isascii() and index.isdigit()) or int(index) >= len(sections)
            or not sections[int(index)].get("title")):
        raise MoveError("That section is not in the document.")
    return document, sections[int(index)]["title"][:300]


def move(questions: list[Question], document: Document, section: str, user: User) -> int:
    """Give ``questions`` a new document and section (what quizzes draw by). A question with a
    citation stays with its cited document, so its citation stays valid: moving one to another
    document refuses the whole move. Returns how many changed."""
    cited_elsewhere = [q.id for q in questions if q.citation and q.document_id != document.id]
    if cited_elsewhere:
        shown = ", ".join(cited_elsewhere[:5]) + (" …" if len(cited_elsewhere) > 5 else "")
        raise MoveError(f"{len(cited_elsewhere)} question(s) cite another document and can only move between "
                        f"that document's sections: {shown}. Nothing was moved.")
    changed = 0
    for q in questions:
        if q.document_id == document.id and q.section == section:
            continue
        before = revisions.state(q)
        q.document_id = document.id
        q.section = section
        where = f"{document.title} — {section}" if section else f"{document.title} (no section)"
        revisions.record(q, before, user, "moved", f"moved to {where}"[:300])
        audit.record(user, "question.moved", "question", q.id, f"moved to {where}",
                     {"from": [before["document_id"], before["section"]], "to": [document.id, section]})
        changed += 1
    db.session.flush()
    return changed
