"""Questions of the bank: generated, edited by a teacher, or written by one."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, CheckConstraint, Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import db
from quizapp.models.common import utcnow
from quizapp.models.document import Document

STATUSES = ("published", "needs_review", "retired")
ORIGINS = ("generated", "edited", "teacher")


class Question(db.Model):
    __tablename__ = "questions"
    __table_args__ = (
        CheckConstraint("status IN ('published', 'needs_review', 'retired')", name="status"),
        CheckConstraint("origin IN ('generated', 'edited', 'teacher')", name="origin"),
        Index("ix_questions_document_status", "document_id", "status"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # stable bank id
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"))
    type: Mapped[str] = mapped_column(String(32))
    prompt: Mapped[str] = mapped_column(Text)
    # The type-specific part: choices / answer, accept, tolerance / pairs / sequence.
    spec: Mapped[dict] = mapped_column(JSON)
    explanation: Mapped[str] = mapped_column(Text, default="")
    # {document, start, end, quote, section, paragraph, sentence: {start, end}, answer: {start, end} | null}
    citation: Mapped[dict] = mapped_column(JSON, default=dict)
    section: Mapped[str] = mapped_column(String(300), default="")
    sentence_id: Mapped[str | None] = mapped_column(String(120), index=True)
    # Ids of questions (of other sentences) never drawn into one attempt with this one: one gives
    # the other away (the bank's "excludes"). None when there are none, as for most.
    excludes: Mapped[list | None] = mapped_column(JSON)
    difficulty: Mapped[float] = mapped_column(Float, default=0.5)
    quality: Mapped[float] = mapped_column(Float, default=1.0)
    status: Mapped[str] = mapped_column(String(16), default="published")
    # Who set the status: "bank" (the loader may change it) or "teacher" (the loader leaves it).
    status_set_by: Mapped[str] = mapped_column(String(16), default="bank")
    origin: Mapped[str] = mapped_column(String(16), default="generated")
    reasons: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    document: Mapped[Document] = relationship()

    def __repr__(self) -> str:
        return f"<Question {self.id} {self.type} {self.status}>"


class BankStamp(db.Model):
    """One row whose ``stamp`` changes, in the same transaction, with every change to the
    questions table: a new random value on each INSERT, UPDATE or DELETE of a question, set by
    database triggers (migration ``b3e9c1d7a5f2``), so that no way of writing a question (the
    app, the CLI, a SQL console) can forget it. Each process keeps the question pools and
    snapshots that starts draw from, and reads the stamp to know whether they still hold
    (``quizapp.services.pools``). Random, not a counter: a restored or rebuilt database never
    comes back to a stamp that some process has kept for other rows.

    On PostgreSQL the trigger is deferred to the commit and writes once per transaction
    (``txid``), so writers of questions take this row's lock only while they commit. On SQLite
    a migration that rebuilds the questions table (a batch ALTER) drops its triggers: it must
    create them again (``tests/web/test_pools.py`` fails otherwise).
    """

    __tablename__ = "bank_stamp"

    id: Mapped[int] = mapped_column(primary_key=True)
    stamp: Mapped[str] = mapped_column(String(32))
    txid: Mapped[int | None] = mapped_column(BigInteger)  # PostgreSQL: the transaction that set it
