"""The quiz editor: creating and changing teacher quizzes and their settings."""
from __future__ import annotations

import secrets

from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Quiz, User
from quizapp.services import audit, quizzes
from quizapp.services.uploads import slug

SETTINGS = ("title", "instructions", "pass_mark", "time_limit_seconds", "attempts_allowed", "grading_method",
            "show_answers", "opens_at", "closes_at", "status")
GRADING_METHODS = {"highest": "Highest attempt", "last": "Last attempt", "average": "Average of the attempts"}
SHOW_ANSWERS = {"immediately": "Immediately after each question", "after_attempt": "After the attempt",
                "after_close": "After the closing date"}


def teacher_quizzes() -> list[Quiz]:
    return list(db.session.scalars(select(Quiz).where(Quiz.kind == "teacher").order_by(Quiz.title)))


def drawable(quiz: Quiz) -> int:
    """How many questions an attempt at ``quiz`` can really get: its count, or fewer when its rules
    match fewer source sentences (an attempt never takes two questions from one sentence)."""
    return min(quiz.count, quizzes.pool_size(quiz, None))


def get(quiz_id: int) -> Quiz | None:
    quiz = db.session.get(Quiz, quiz_id)
    return quiz if quiz is not None and quiz.kind == "teacher" else None


def save(values: dict, user: User, quiz: Quiz | None = None) -> Quiz:
    """Create or update a teacher quiz from ``values`` (the settings and the rules)."""
    before = None if quiz is None else _audited(quiz)
    if quiz is None:
        base = slug(values["title"]) or "quiz"
        name = base
        while db.session.scalar(select(Quiz.id).where(Quiz.slug == name)) is not None:
            name = f"{base}-{secrets.token_hex(3)}"
        quiz = Quiz(slug=name, kind="teacher", created_by=user.id)
        db.session.add(quiz)
    for key in SETTINGS:
        setattr(quiz, key, values.get(key))
    quiz.instructions = quiz.instructions or ""
    quiz.rules = {"count": int(values["count"]), "documents": list(values.get("documents") or []),
                  "sections": list(values.get("sections") or []), "types": list(values.get("types") or [])}
    db.session.flush()
    after = _audited(quiz)
    if before is None:
        audit.record(user, "quiz.created", "quiz", quiz.id, quiz.title, {"settings": after})
    elif after != before:
        changed = sorted(k for k in after if after[k] != before.get(k))
        audit.record(user, "quiz.edited", "quiz", quiz.id, f"{quiz.title}: changed {', '.join(changed)}",
                     {"changes": {k: [before.get(k), after[k]] for k in changed}})
    return quiz


def _audited(quiz: Quiz) -> dict:
    """The settings and rules of a quiz as plain JSON data (dates as ISO text)."""
    out = {}
    for key in SETTINGS:
        value = getattr(quiz, key)
        out[key] = value.isoformat() if hasattr(value, "isoformat") else value
    out["rules"] = dict(quiz.rules or {})
    return out


def grade_for(quiz: Quiz, percents: list[float]) -> float | None:
    """A student's grade for a quiz from their finished attempts' percentages (oldest first)."""
    if not percents:
        return None
    if quiz.grading_method == "last":
        return percents[-1]
    if quiz.grading_method == "average":
        return sum(percents) / len(percents)
    return max(percents)
