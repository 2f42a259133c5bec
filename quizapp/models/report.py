"""Problem reports from students about a question."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import db
from quizapp.models.common import utcnow
from quizapp.models.question import Question

REPORT_KINDS = {
    "wrong_key": "The marked answer is wrong",
    "unclear": "The question is unclear",
    "typo": "There is a typo",
    "other": "Something else",
}


class Report(db.Model):
    __tablename__ = "reports"
    __table_args__ = (
        CheckConstraint("kind IN ('wrong_key', 'unclear', 'typo', 'other')", name="kind"),
        CheckConstraint("status IN ('open', 'resolved')", name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[str] = mapped_column(ForeignKey("questions.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    attempt_id: Mapped[int | None] = mapped_column(ForeignKey("attempts.id"))
    kind: Mapped[str] = mapped_column(String(16))
    comment: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None]
    resolved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    question: Mapped[Question] = relationship()
