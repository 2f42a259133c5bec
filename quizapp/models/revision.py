"""Revisions of a question: who changed what, and when."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import db
from quizapp.models.common import utcnow
from quizapp.models.user import User

REVISION_ACTIONS = ("created", "edited", "status", "imported", "regenerated", "regraded")


class QuestionRevision(db.Model):
    """One change to a question. ``changes`` maps each changed field to ``[before, after]``;
    ``snapshot`` is the whole question after the change."""

    __tablename__ = "question_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[str] = mapped_column(ForeignKey("questions.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(20))
    summary: Mapped[str] = mapped_column(String(300), default="")
    changes: Mapped[dict] = mapped_column(JSON, default=dict)
    snapshot: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

    user: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<QuestionRevision {self.id} {self.question_id} {self.action}>"
