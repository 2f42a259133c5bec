"""The audit log of teacher actions. ``record`` adds an entry in the current transaction (it
flushes; the view commits), so an entry exists exactly when its change is committed: a change
that fails and is rolled back leaves no entry behind."""
from __future__ import annotations

from dataclasses import dataclass
from math import ceil

from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import AUDIT_ACTIONS, AUDIT_TARGETS, AuditEntry, User

__all__ = ["AUDIT_ACTIONS", "AUDIT_TARGETS", "Page", "for_target", "page", "record"]

PER_PAGE = 50


def record(user: User | None, action: str, target_type: str, target_id: str | int, summary: str = "",
           details: dict | None = None) -> AuditEntry:
    """Log ``action`` by ``user`` on ``target_type``/``target_id``."""
    if action not in AUDIT_ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    if target_type not in AUDIT_TARGETS:
        raise ValueError(f"unknown audit target {target_type!r}")
    entry = AuditEntry(user_id=user.id if user is not None else None, action=action, target_type=target_type,
                       target_id=str(target_id)[:120], summary=(summary or "")[:300], details=details or {})
    db.session.add(entry)
    db.session.flush()
    return entry


@dataclass
class Page:
    items: list[AuditEntry]
    total: int
    page: int
    pages: int
    per_page: int = PER_PAGE


def page(number: int = 1, target_type: str = "", target_id: str = "", per_page: int = PER_PAGE) -> Page:
    """The log, newest first; only the entries about one target when it is given."""
    stmt = select(AuditEntry)
    if target_type in AUDIT_TARGETS:
        stmt = stmt.where(AuditEntry.target_type == target_type)
    if target_id:
        stmt = stmt.where(AuditEntry.target_id == target_id[:120])
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    pages = max(1, ceil(total / per_page))
    number = min(max(1, number), pages)
    items = list(db.session.scalars(stmt.order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
                                    .limit(per_page).offset((number - 1) * per_page)))
    return Page(items, total, number, pages, per_page)


def for_target(target_type: str, target_id: str, limit: int = 50) -> list[AuditEntry]:
    return page(1, target_type, target_id, per_page=limit).items
