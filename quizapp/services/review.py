"""The review queue: questions that need review (with the generator's reasons) and questions
that students reported (with their reports)."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select

from quizapp.extensions import db
from quizapp.models import Question, Report, User, utcnow
from quizapp.services import bankadmin


@dataclass
class QueueItem:
    question: Question
    reports: list[Report]


def reports_for(question_id: str, only_open: bool = False) -> list[Report]:
    stmt = select(Report).where(Report.question_id == question_id)
    if only_open:
        stmt = stmt.where(Report.status == "open")
    return list(db.session.scalars(stmt.order_by(Report.created_at.desc())))


def queue(limit: int = 200) -> list[QueueItem]:
    reported = select(Report.question_id).where(Report.status == "open")
    questions = db.session.scalars(
        select(Question).where(or_(Question.status == "needs_review", Question.id.in_(reported)))
        .order_by(Question.document_id, Question.quality, Question.id).limit(limit)).all()
    ids = [q.id for q in questions]
    by_question: dict[str, list[Report]] = {}
    if ids:
        for r in db.session.scalars(select(Report).where(Report.question_id.in_(ids), Report.status == "open")
                                    .order_by(Report.created_at)):
            by_question.setdefault(r.question_id, []).append(r)
    return [QueueItem(q, by_question.get(q.id, [])) for q in questions]


def decide(questions: list[Question], action: str, user: User) -> int:
    """Approve (publish) or retire the questions; their open reports are resolved."""
    status = bankadmin.BULK_STATUSES[action]
    for q in questions:
        bankadmin.set_status([q], status, user, f"review: {'approved' if action == 'publish' else 'retired'}",
                             action="question.reviewed")
        for r in reports_for(q.id, only_open=True):
            r.status, r.resolved_at, r.resolved_by = "resolved", utcnow(), user.id
    db.session.flush()
    return len(questions)
