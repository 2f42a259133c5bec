"""The audit log: who did what to which question, quiz, document or bank, and when."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import db
from quizapp.models.common import utcnow
from quizapp.models.user import User

AUDIT_TARGETS = ("question", "quiz", "document", "bank")
AUDIT_ACTIONS = (
    "question.created", "question.edited", "question.status", "question.reviewed", "question.moved",
    "question.regraded", "question.imported", "bank.imported", "document.uploaded", "quiz.created", "quiz.edited",
)


class AuditEntry(db.Model):
    """One teacher action. ``target_type``/``target_id`` name what it changed; ``details``
    holds what is worth keeping beyond the one-line ``summary`` (plain JSON data)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_target", "target_type", "target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    action: Mapped[str] = mapped_column(String(40))
    target_type: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[str] = mapped_column(String(120))
    summary: Mapped[str] = mapped_column(String(300), default="")
    details: Mapped[dict] = mapped_column(JSON, default=dict)

    user: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<AuditEntry {self.id} {self.action} {self.target_type}:{self.target_id}>"
