"""Revisions: every change to a question is kept, with who made it, what changed and when."""
from __future__ import annotations

from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Question, QuestionRevision, User

TRACKED = ("type", "prompt", "spec", "explanation", "citation", "section", "document_id", "status",
           "origin", "difficulty", "quality", "reasons")


def state(question: Question) -> dict:
    """The tracked fields of a question, as plain data."""
    return {name: getattr(question, name) for name in TRACKED}


def record(question: Question, before: dict | None, user: User | None, action: str, summary: str = "") -> QuestionRevision | None:
    """Store a revision for the change from ``before`` (None: the question is new) to now.
    Nothing is stored when nothing changed."""
    after = state(question)
    if before is None:
        changes = {k: [None, v] for k, v in after.items()}
    else:
        changes = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
        if not changes and action != "regraded":
            return None
    revision = QuestionRevision(question_id=question.id, user_id=user.id if user else None, action=action,
                                summary=summary[:300], changes=changes, snapshot=after)
    db.session.add(revision)
    db.session.flush()
    return revision


def history(question_id: str) -> list[QuestionRevision]:
    return list(db.session.scalars(select(QuestionRevision).where(QuestionRevision.question_id == question_id)
                                   .order_by(QuestionRevision.created_at.desc(), QuestionRevision.id.desc())))
