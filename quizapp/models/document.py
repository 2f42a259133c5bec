"""Source documents, with their text and reader structure (sections and paragraphs)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from quizapp.extensions import db
from quizapp.models.common import utcnow


class Document(db.Model):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    author: Mapped[str] = mapped_column(String(300), default="")
    publication: Mapped[str] = mapped_column(String(500), default="")
    date: Mapped[str | None] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20), default="reference")
    licence: Mapped[str] = mapped_column(String(300), default="")
    attribution: Mapped[str] = mapped_column(String(300), default="")
    source_file: Mapped[str | None] = mapped_column(String(300))
    source_format: Mapped[str] = mapped_column(String(16), default="text")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    # {"sections": [{index, title, level, start, end}], "paragraphs": [{index, number, start, end, section, kind}]}
    structure: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @property
    def sections(self) -> list[dict]:
        return (self.structure or {}).get("sections", [])

    @property
    def paragraphs(self) -> list[dict]:
        return (self.structure or {}).get("paragraphs", [])

    def __repr__(self) -> str:
        return f"<Document {self.id}>"
