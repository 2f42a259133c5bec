"""Quizzes: the defaults (practice per document, seed file, practise-what-I-missed) and the
question pools that their rules draw from."""
from __future__ import annotations

import json
import logging
import random
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from quizapp.engine.grading import TYPES
from quizapp.extensions import db
from quizapp.models import FINISHED, IN_PROGRESS, Attempt, AttemptItem, Document, Question, Quiz, Response, User, utcnow
from quizapp.services.draw import Candidate, draw
from quizapp.services.quizadmin import GRADING_METHODS, grade_for

log = logging.getLogger(__name__)

MISSED_SLUG = "missed"


class SeedError(ValueError):
    """The seed file is malformed; the message says where."""


def ensure_practice_quiz(document: Document, count: int = 10, pass_mark: int = 60) -> Quiz:
    slug = f"practice-{document.id}"
    quiz = db.session.scalar(select(Quiz).where(Quiz.slug == slug))
    if quiz is None:
        quiz = Quiz(slug=slug, kind="practice", document_id=document.id, pass_mark=pass_mark,
                    rules={"count": count, "documents": [document.id], "sections": [], "types": []})
        db.session.add(quiz)
    quiz.title = f"Practice: {document.title}"
    quiz.instructions = f"{count} questions drawn at random from “{document.title}”."
    db.session.flush()
    return quiz


def ensure_missed_quiz() -> Quiz:
    quiz = db.session.scalar(select(Quiz).where(Quiz.slug == MISSED_SLUG))
    if quiz is None:
        quiz = Quiz(slug=MISSED_SLUG, kind="missed", title="Practise what I missed",
                    instructions="Questions you got wrong, the ones you missed longest ago first.",
                    rules={"count": 10, "documents": [], "sections": [], "types": []}, pass_mark=60)
        db.session.add(quiz)
        db.session.flush()
    return quiz


def _check_seed_entry(i: int, entry) -> dict:
    where = f"quiz #{i + 1}"
    if not isinstance(entry, dict):
        raise SeedError(f"{where}: not an object")
    for key in ("slug", "title"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise SeedError(f"{where}: {key!r} is missing")
    rules = entry.get("rules") or {}
    count = rules.get("count", 10)
    if not isinstance(count, int) or not 1 <= count <= 100:
        raise SeedError(f"{where}: rules.count must be a whole number from 1 to 100")
    bad = [t for t in rules.get("types") or [] if t not in TYPES]
    if bad:
        raise SeedError(f"{where}: unknown question types {bad}")
    pass_mark = entry.get("pass_mark", 60)
    if not isinstance(pass_mark, int) or not 0 <= pass_mark <= 100:
        raise SeedError(f"{where}: pass_mark must be a percentage")
    return {"slug": entry["slug"].strip(), "title": entry["title"].strip(),
            "instructions": entry.get("instructions", ""), "pass_mark": pass_mark,
            "rules": {"count": count, "documents": list(rules.get("documents") or []),
                      "sections": list(rules.get("sections") or []), "types": list(rules.get("types") or [])}}


def seed_quizzes(path: Path) -> int:
    """Add the default quizzes of the seed file that are not there yet. Existing quizzes are
    left alone (a teacher may have changed them). Returns how many were added."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise SeedError(f"{path}: {exc}") from exc
    entries = data.get("quizzes") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise SeedError(f"{path}: expected {{\"quizzes\": [...]}}")
    added = 0
    for i, entry in enumerate(entries):
        fields = _check_seed_entry(i, entry)
        if db.session.scalar(select(Quiz.id).where(Quiz.slug == fields["slug"])) is None:
            db.session.add(Quiz(kind="teacher", status="published", **fields))
            added += 1
    db.session.flush()
    return added


# --- pools ---------------------------------------------------------------------------------


def rule_filter(stmt, rules: dict):
    stmt = stmt.where(Question.status == "published")
    if rules.get("documents"):
        stmt = stmt.where(Question.document_id.in_(rules["documents"]))
    if rules.get("sections"):
        stmt = stmt.where(Question.section.in_(rules["sections"]))
    if rules.get("types"):
        stmt = stmt.where(Question.type.in_(rules["types"]))
    return stmt


def rule_candidates(rules: dict) -> list[Candidate]:
    stmt = rule_filter(select(Question.id, Question.sentence_id, Question.excludes, Question.type),
                       rules).order_by(Question.id)
    return [Candidate(qid, sid, tuple(ex or ()), qtype) for qid, sid, ex, qtype in db.session.execute(stmt)]


def missed_candidates(user: User) -> list[Candidate]:
    """Published questions whose latest answer by ``user`` (in a finished attempt) was not fully
    right, or that were left unanswered; the ones missed longest ago first."""
    rows = db.session.execute(
        select(AttemptItem.question_id, Question.sentence_id, Question.excludes, Response.score,
               Response.answered_at, Attempt.finished_at)
        .join(Attempt, Attempt.id == AttemptItem.attempt_id)
        .join(Question, Question.id == AttemptItem.question_id)
        .outerjoin(Response, (Response.attempt_id == AttemptItem.attempt_id) & (Response.slot == AttemptItem.slot))
        .where(Attempt.user_id == user.id, Attempt.state == FINISHED, Question.status == "published")
    ).all()
    latest: dict[str, tuple[datetime, float, str | None, tuple[str, ...]]] = {}
    for qid, sid, excludes, score, answered_at, finished_at in rows:
        when = answered_at or finished_at
        if qid not in latest or when > latest[qid][0]:
            latest[qid] = (when, score if score is not None else 0.0, sid, tuple(excludes or ()))
    missed = [(when, qid, sid, excludes) for qid, (when, score, sid, excludes) in latest.items() if score < 1.0]
    missed.sort()
    return [Candidate(qid, sid, excludes) for _, qid, sid, excludes in missed]


def candidates_for(quiz: Quiz, user: User) -> list[Candidate]:
    if quiz.kind == "missed":
        return missed_candidates(user)
    return rule_candidates(quiz.rules or {})


def pool_size(quiz: Quiz, user: User) -> int:
    if quiz.kind == "missed":
        return len(missed_candidates(user))
    stmt = rule_filter(select(func.count(func.distinct(func.coalesce(Question.sentence_id, Question.id)))),
                        quiz.rules or {})
    return int(db.session.scalar(stmt) or 0)


def is_open(quiz: Quiz, now: datetime | None = None) -> bool:
    now = now or utcnow()
    return (quiz.status == "published" and (quiz.opens_at is None or quiz.opens_at <= now)
            and (quiz.closes_at is None or now < quiz.closes_at))


@dataclass
class QuizCard:
    quiz: Quiz
    questions: int  # how many an attempt will have
    open_attempt: Attempt | None
    finished_attempts: int
    grade: QuizGrade | None  # None: no finished attempt yet


@dataclass
class QuizGrade:
    """A student's grade for a quiz, by the quiz's grading method over their finished attempts."""
    quiz: Quiz
    percent: float
    attempts: int

    @property
    def method(self) -> str:
        return GRADING_METHODS.get(self.quiz.grading_method, GRADING_METHODS["highest"]).lower()

    @property
    def passed(self) -> bool:
        return self.percent >= self.quiz.pass_mark


def grade_of(quiz: Quiz, finished: list[Attempt]) -> QuizGrade | None:
    """The grade from ``finished`` (any order; the grading method sees them oldest first)."""
    done = sorted((a for a in finished if a.state == FINISHED and a.percent is not None),
                  key=lambda a: (a.finished_at or a.started_at, a.id))
    percent = grade_for(quiz, [a.percent for a in done])
    return None if percent is None else QuizGrade(quiz, percent, len(done))


def grades_for(user: User) -> list[QuizGrade]:
    """The user's grade for every quiz they finished an attempt of, by quiz title."""
    finished = db.session.scalars(select(Attempt).where(Attempt.user_id == user.id, Attempt.state == FINISHED)).all()
    by_quiz: dict[int, list[Attempt]] = {}
    for a in finished:
        by_quiz.setdefault(a.quiz_id, []).append(a)
    grades = [g for group in by_quiz.values() if (g := grade_of(group[0].quiz, group)) is not None]
    return sorted(grades, key=lambda g: (g.quiz.title, g.quiz.id))


def card_size(quiz: Quiz, user: User) -> int:
    """How many questions an attempt will have: the quiz's count, or fewer when its pool is small.
    A small pool (under twice the count) is drawn from, as a start would (a fixed seed): questions
    that give each other away never share an attempt, so such a pool may hold fewer than it counts."""
    available = pool_size(quiz, user)
    if available == 0 or available >= 2 * quiz.count:
        return min(quiz.count, available)
    return len(draw(candidates_for(quiz, user), quiz.count, random.Random(0), prioritized=quiz.kind == "missed"))


def cards_for(user: User) -> dict[str, list[QuizCard]]:
    """The quizzes open to ``user``, grouped: teacher-defined, practice, and missed."""
    quizzes = db.session.scalars(select(Quiz).order_by(Quiz.kind, Quiz.title)).all()
    attempts = db.session.scalars(select(Attempt).where(Attempt.user_id == user.id)).all()
    groups: dict[str, list[QuizCard]] = {"teacher": [], "practice": [], "missed": []}
    for quiz in quizzes:
        if not is_open(quiz):
            continue
        mine = [a for a in attempts if a.quiz_id == quiz.id]
        open_attempt = next((a for a in mine if a.state == IN_PROGRESS), None)
        finished = [a for a in mine if a.state == FINISHED]
        size = card_size(quiz, user)
        if size == 0 and open_attempt is None:
            continue
        groups[quiz.kind].append(QuizCard(quiz, size, open_attempt, len(finished), grade_of(quiz, finished)))
    return groups
