"""Quizzes: the rules that a draw follows, and their settings."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from quizapp.extensions import db
from quizapp.models.common import utcnow

KINDS = ("teacher", "practice", "missed")


class Quiz(db.Model):
    __tablename__ = "quizzes"
    __table_args__ = (
        CheckConstraint("kind IN ('teacher', 'practice', 'missed')", name="kind"),
        CheckConstraint("status IN ('draft', 'published')", name="status"),
        CheckConstraint("pass_mark >= 0 AND pass_mark <= 100", name="pass_mark"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default="teacher")
    title: Mapped[str] = mapped_column(String(200))
    instructions: Mapped[str] = mapped_column(Text, default="")
    document_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id"))  # practice quizzes
    # {"count": int, "documents": [id], "sections": [title], "types": [type]}; empty list = any
    rules: Mapped[dict] = mapped_column(JSON, default=dict)
    pass_mark: Mapped[int] = mapped_column(default=60)  # percent
    time_limit_seconds: Mapped[int | None]
    attempts_allowed: Mapped[int | None]
    grading_method: Mapped[str] = mapped_column(String(16), default="highest")
    show_answers: Mapped[str] = mapped_column(String(20), default="after_attempt")
    opens_at: Mapped[datetime | None]
    closes_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(16), default="published")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @property
    def count(self) -> int:
        return int((self.rules or {}).get("count") or 10)

    def __repr__(self) -> str:
        return f"<Quiz {self.slug}>"
