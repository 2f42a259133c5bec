"""Attempts: the draw (one item per slot) and the student's responses."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON, BigInteger, CheckConstraint, Float, ForeignKey, ForeignKeyConstraint, Index, String,
    UniqueConstraint, text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import db
from quizapp.models.common import utcnow
from quizapp.models.question import Question
from quizapp.models.quiz import Quiz
from quizapp.models.user import User

IN_PROGRESS = "in_progress"
FINISHED = "finished"


class Attempt(db.Model):
    __tablename__ = "attempts"
    __table_args__ = (
        CheckConstraint("state IN ('in_progress', 'finished')", name="state"),
        # At most one open attempt per student and quiz: a double click on "Start" resumes it.
        Index("uq_attempts_open", "user_id", "quiz_id", unique=True,
              sqlite_where=text("state = 'in_progress'"),
              postgresql_where=text("state = 'in_progress'")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quizzes.id"), index=True)
    state: Mapped[str] = mapped_column(String(16), default=IN_PROGRESS)
    seed: Mapped[int] = mapped_column(BigInteger)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    deadline: Mapped[datetime | None]
    pass_mark: Mapped[int] = mapped_column(default=60)  # the quiz's, when the attempt started
    score: Mapped[float | None] = mapped_column(Float)
    max_score: Mapped[float] = mapped_column(Float, default=0.0)
    passed: Mapped[bool | None]

    quiz: Mapped[Quiz] = relationship()
    user: Mapped[User] = relationship()
    items: Mapped[list[AttemptItem]] = relationship(
        back_populates="attempt", order_by="AttemptItem.slot", cascade="all, delete-orphan")
    responses: Mapped[list[Response]] = relationship(
        back_populates="attempt", order_by="Response.slot", viewonly=True)

    @property
    def finished(self) -> bool:
        return self.state == FINISHED

    @property
    def percent(self) -> float | None:
        if self.score is None or not self.max_score:
            return None
        return 100.0 * self.score / self.max_score

    def __repr__(self) -> str:
        return f"<Attempt {self.id} {self.state}>"


class AttemptItem(db.Model):
    """One drawn question of an attempt, as the student sees it.

    ``snapshot`` keeps the question's type, prompt and spec as drawn, so that a later edit of
    the question cannot change an attempt behind the student's back; ``layout`` is the shuffled
    presentation with per-attempt opaque option ids.
    """

    __tablename__ = "attempt_items"
    # Covering indexes of the statistics (the row itself holds the large snapshot).
    __table_args__ = (Index("ix_attempt_items_stats", "attempt_id", "slot", "question_id"),
                      Index("ix_attempt_items_question_stats", "question_id", "attempt_id", "slot"))

    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id"), primary_key=True)
    slot: Mapped[int] = mapped_column(primary_key=True)  # 1-based position in the attempt
    question_id: Mapped[str] = mapped_column(ForeignKey("questions.id"), index=True)
    snapshot: Mapped[dict] = mapped_column(JSON)
    layout: Mapped[dict] = mapped_column(JSON)

    attempt: Mapped[Attempt] = relationship(back_populates="items")
    question: Mapped[Question] = relationship()

    @property
    def type(self) -> str:
        return self.snapshot["type"]


class Response(db.Model):
    """A student's answer to one slot. One row per (attempt, slot): never counted twice."""

    __tablename__ = "responses"
    __table_args__ = (
        UniqueConstraint("attempt_id", "slot"),
        ForeignKeyConstraint(["attempt_id", "slot"], ["attempt_items.attempt_id", "attempt_items.slot"]),
        CheckConstraint("score >= 0 AND score <= 1", name="score"),
        Index("ix_responses_stats", "attempt_id", "slot", "score"),  # covering index of the statistics
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id"))
    slot: Mapped[int]
    question_id: Mapped[str] = mapped_column(ForeignKey("questions.id"), index=True)
    answer: Mapped[dict] = mapped_column(JSON)
    score: Mapped[float] = mapped_column(Float, default=0.0)  # 0..1, computed on the server
    answered_at: Mapped[datetime] = mapped_column(default=utcnow)
    changes: Mapped[int] = mapped_column(default=0)

    attempt: Mapped[Attempt] = relationship(back_populates="responses")
    question: Mapped[Question] = relationship()
