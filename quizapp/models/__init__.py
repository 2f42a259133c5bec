"""The database models, one module per aggregate."""
from quizapp.models.attempt import FINISHED, IN_PROGRESS, Attempt, AttemptItem, Response
from quizapp.models.audit import AUDIT_ACTIONS, AUDIT_TARGETS, AuditEntry
from quizapp.models.common import utcnow
from quizapp.models.document import Document
from quizapp.models.question import ORIGINS, STATUSES, BankStamp, Question
from quizapp.models.quiz import Quiz
from quizapp.models.report import REPORT_KINDS, Report
from quizapp.models.revision import REVISION_ACTIONS, QuestionRevision
from quizapp.models.user import ROLES, SetupToken, User

__all__ = [
    "AUDIT_ACTIONS", "AUDIT_TARGETS", "Attempt", "AttemptItem", "AuditEntry", "BankStamp", "Document", "FINISHED",
    "IN_PROGRESS",
    "ORIGINS", "Question", "QuestionRevision", "Quiz",
    "REPORT_KINDS", "REVISION_ACTIONS", "ROLES", "Report", "Response", "STATUSES", "SetupToken", "User", "utcnow",
]
