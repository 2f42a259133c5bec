"""Problem reports about questions, for the teachers."""
from __future__ import annotations

from quizapp.extensions import db
from quizapp.models import REPORT_KINDS, Attempt, AttemptItem, Report, User


def report_problem(user: User, attempt: Attempt, item: AttemptItem, kind: str, comment: str) -> Report:
    if kind not in REPORT_KINDS:
        raise ValueError(f"unknown kind of problem {kind!r}")
    report = Report(question_id=item.question_id, user_id=user.id, attempt_id=attempt.id,
                    kind=kind, comment=comment.strip())
    db.session.add(report)
    db.session.flush()
    return report
