"""Attempts: start (draw), answer, finish (score), and what a student may see afterwards.

Scoring happens on the server only. A response is graded when it is saved and its score is
stored with it, never sent to the browser before the attempt is finished. The database backs
the rules up: one response per (attempt, slot), one open attempt per (student, quiz), and a
finished attempt is closed by a conditional UPDATE that only one request can win.
"""
from __future__ import annotations

import random
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NamedTuple

from sqlalchemy import bindparam, delete, func, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.attributes import set_committed_value

from quizapp import qtypes
from quizapp.extensions import db
from quizapp.models import FINISHED, IN_PROGRESS, Attempt, AttemptItem, Quiz, Response, User, utcnow
from quizapp.services import pools, quizzes
from quizapp.services.draw import draw
from quizapp.sqlite import begin_writing


class NotFound(LookupError):
    """No such attempt, slot or quiz for this user (the view answers 404)."""


class QuizUnavailable(ValueError):
    """The quiz cannot be started now; the message says why."""


class AttemptFinished(RuntimeError):
    """The attempt is finished: answers can no longer change."""


class TimeUp(AttemptFinished):
    """The quiz's time limit has passed: answers are no longer accepted."""


GRACE_SECONDS = 5  # for a request on its way when the time runs out


class ExplanationLocked(PermissionError):
    """The explanation is shown only for questions answered in a finished attempt."""


# --- loading with ownership ----------------------------------------------------------------


# Built once: a statement object used again keeps its cache key (SQLAlchemy memoizes it), where
# one built per call is constructed and keyed again on every request.
ATTEMPT_OF_USER = select(Attempt).options(joinedload(Attempt.quiz)).where(
    Attempt.id == bindparam("attempt_id"), Attempt.user_id == bindparam("user_id"))
# With its quiz (whose settings every page reads) in the same statement; only the attempt's row is
# locked, never the quiz's, which every student of the class shares.
ATTEMPT_OF_USER_LOCKED = ATTEMPT_OF_USER.with_for_update(of=Attempt)
ITEM = select(AttemptItem).where(AttemptItem.attempt_id == bindparam("attempt_id"),
                                 AttemptItem.slot == bindparam("slot"))
RESPONSES = select(Response).where(Response.attempt_id == bindparam("attempt_id"))
ATTEMPT_AND_ITEM = select(Attempt, AttemptItem).options(joinedload(Attempt.quiz)).join(
    AttemptItem, (AttemptItem.attempt_id == Attempt.id) & (AttemptItem.slot == bindparam("slot"))).where(
    Attempt.id == bindparam("attempt_id"), Attempt.user_id == bindparam("user_id"))
ANSWERS = select(Response.slot, Response.answer, Response.score).where(Response.attempt_id == bindparam("attempt_id"))


def get_attempt(user: User, attempt_id: int, lock: bool = False) -> Attempt:
    """The user's attempt, or NotFound: another user's attempt does not exist for them."""
    attempt = db.session.scalar(ATTEMPT_OF_USER_LOCKED if lock else ATTEMPT_OF_USER,
                                {"attempt_id": attempt_id, "user_id": user.id})
    if attempt is None:
        raise NotFound(attempt_id)
    return attempt


def get_item(attempt: Attempt, slot: int) -> AttemptItem:
    item = db.session.scalar(ITEM, {"attempt_id": attempt.id, "slot": slot})
    if item is None:
        raise NotFound(slot)
    return item


def responses_by_slot(attempt: Attempt) -> dict[int, Response]:
    rows = db.session.scalars(RESPONSES, {"attempt_id": attempt.id})
    return {r.slot: r for r in rows}


def attempt_and_item(user: User, attempt_id: int, slot: int) -> tuple[Attempt, AttemptItem]:
    """``get_attempt`` and ``get_item`` in one statement (NotFound when either is missing)."""
    row = db.session.execute(ATTEMPT_AND_ITEM, {"attempt_id": attempt_id, "user_id": user.id, "slot": slot}).first()
    if row is None:
        raise NotFound(attempt_id)
    return row[0], row[1]


def answers_by_slot(attempt: Attempt) -> dict:
    """The attempt's answers as read-only rows with ``slot``, ``answer`` and ``score`` (what a
    question page shows), by slot: lighter than ``responses_by_slot``'s ORM objects."""
    return {row.slot: row for row in db.session.execute(ANSWERS, {"attempt_id": attempt.id})}


def item_count(attempt: Attempt) -> int:
    """How many questions the attempt has, without a query: every question is worth one point,
    so the attempt's maximum score, set when its questions are drawn, is their number."""
    return int(attempt.max_score)


def first_unanswered(attempt: Attempt) -> int:
    """The first slot without an answer, or 1 when every slot has one (two index reads)."""
    answered = answered_slots(attempt)
    slots = db.session.scalars(select(AttemptItem.slot).where(AttemptItem.attempt_id == attempt.id)
                               .order_by(AttemptItem.slot))
    return next((slot for slot in slots if slot not in answered), 1)


def answered_slots(attempt: Attempt) -> set[int]:
    return set(db.session.scalars(select(Response.slot).where(Response.attempt_id == attempt.id)))


# --- starting ------------------------------------------------------------------------------


OPEN_ATTEMPT = text("state = 'in_progress'")  # the predicate of the unique index uq_attempts_open (models)


def _insert(model):
    """INSERT with ON CONFLICT for the database in use (SQLite and PostgreSQL both have it)."""
    dialect = db.session.get_bind().dialect.name
    if dialect == "sqlite":
        return sqlite.insert(model)
    if dialect == "postgresql":
        return postgresql.insert(model)
    raise NotImplementedError(f"attempts need INSERT … ON CONFLICT, which {dialect} lacks")


ATTEMPT_COLUMNS = ("user_id", "quiz_id", "seed", "state", "deadline", "pass_mark", "max_score", "started_at")
# Core INSERTs of the tables, not of the ORM classes: nothing for the ORM to do with them, and
# built once (by dialect), since a statement used again keeps its cache key.
INSERT_ITEMS = insert(AttemptItem.__table__)
_insert_attempts: dict[str, object] = {}


def _insert_attempt():
    """INSERT of a new attempt, or nothing when the student has one open (returns its id or None)."""
    dialect = db.session.get_bind().dialect.name
    stmt = _insert_attempts.get(dialect)
    if stmt is None:
        stmt = _insert_attempts[dialect] = (
            _insert(Attempt.__table__).values({name: bindparam(name) for name in ATTEMPT_COLUMNS})
            .on_conflict_do_nothing(index_elements=["user_id", "quiz_id"], index_where=OPEN_ATTEMPT)
            .returning(Attempt.__table__.c.id))
    return stmt


def _open_attempt(user: User, quiz: Quiz) -> Attempt | None:
    return db.session.scalar(select(Attempt).where(
        Attempt.user_id == user.id, Attempt.quiz_id == quiz.id, Attempt.state == IN_PROGRESS))


class Started(NamedTuple):
    """Where a press of "Start" leads: the attempt and the slot to show. ``first``: for a new
    attempt, its first question as the start wrote it (the attempt and the item, not in the
    session), so that its page needs no read; None when an open attempt was resumed."""
    attempt_id: int
    slot: int
    first: tuple[Attempt, AttemptItem] | None = None


def _resume(user: User, quiz: Quiz, otherwise: str = "") -> Started | None:
    """The open attempt's id and its first unanswered slot. When none is open: QuizUnavailable with
    the message ``otherwise``, or None without one."""
    existing = _open_attempt(user, quiz)
    if existing is not None:
        return Started(existing.id, first_unanswered(existing))
    if otherwise:
        raise QuizUnavailable(otherwise)
    return None


def start(user: User, quiz: Quiz, seed: int | None = None) -> Attempt:
    """Start an attempt at ``quiz``, or return the open one (a double click resumes it)."""
    return db.session.get(Attempt, start_or_resume(user, quiz, seed)[0])


def start_quiz(user: User, quiz_id: int, seed: int | None = None) -> Started:
    """``start_or_resume`` for the quiz with id ``quiz_id`` (NotFound when there is none, and for
    the practise-what-I-missed quiz, which has its own way in), read with the bank's stamp."""
    quiz, stamp = pools.quiz_with_stamp(quiz_id)
    if quiz is None or quiz.kind == "missed":
        raise NotFound(quiz_id)
    return _start_or_resume(user, quiz, seed, stamp)


def start_or_resume(user: User, quiz: Quiz, seed: int | None = None) -> Started:
    """``start``, as the id of the attempt and the slot to show first: 1 for a new attempt, else
    the first unanswered one."""
    return _start_or_resume(user, quiz, seed, pools.current_stamp())


def _start_or_resume(user: User, quiz: Quiz, seed: int | None, stamp: str | None) -> Started:
    """Built for a class pressing "Start" at the same moment: a new attempt costs one INSERT for
    the attempt (which also finds an open one, through the unique open-attempt index: ON
    CONFLICT DO NOTHING) and one multi-row INSERT for its items, with no savepoint and no ORM
    unit of work. The quiz's candidates and the drawn questions' snapshots come from what this
    process keeps while the bank's ``stamp`` holds (``pools``); the statements are built once.
    """
    if not quizzes.is_open(quiz):
        return _resume(user, quiz, otherwise="This quiz is not open.")  # an open attempt may still be finished
    if quiz.attempts_allowed is not None:
        begin_writing()  # counted where it is written: two tabs cannot both take the last attempt
        resumed = _resume(user, quiz)  # an open attempt counts among the used ones
        if resumed:
            return resumed
        used = db.session.scalar(select(func.count()).select_from(Attempt).where(
            Attempt.user_id == user.id, Attempt.quiz_id == quiz.id))
        if used >= quiz.attempts_allowed:
            raise QuizUnavailable("You have used all your attempts at this quiz.")
    seed = secrets.randbits(62) if seed is None else seed
    rng = random.Random(seed)
    chosen = draw(pools.candidates(quiz, user, stamp), quiz.count, rng, prioritized=quiz.kind == "missed")
    if not chosen:
        return _resume(user, quiz, otherwise="This quiz has no questions to draw from yet.")
    snapshots = pools.snapshots(chosen, stamp)
    now = utcnow()
    deadline = now + timedelta(seconds=quiz.time_limit_seconds) if quiz.time_limit_seconds else None
    row = {"user_id": user.id, "quiz_id": quiz.id, "seed": seed, "state": IN_PROGRESS, "deadline": deadline,
           "pass_mark": quiz.pass_mark, "max_score": float(len(chosen)), "started_at": now}
    items = []
    for slot, qid in enumerate(chosen, start=1):
        snapshot = snapshots[qid]
        items.append({"slot": slot, "question_id": qid, "snapshot": snapshot,
                      "layout": qtypes.get(snapshot["type"]).make_layout(snapshot["spec"], rng)})
    begin_writing()  # on SQLite, the write lock is taken here, for the two INSERTs alone
    attempt_id = db.session.scalar(_insert_attempt(), row)
    if attempt_id is None:  # already open (a double click, another tab): resume it
        return _resume(user, quiz, otherwise=(  # unless it was finished there in the meantime
            "Your attempt at this quiz was just finished in another window: press Start again."))
    for item in items:
        item["attempt_id"] = attempt_id
    db.session.execute(INSERT_ITEMS, items)  # one multi-row INSERT
    # The first question's page is shown from these values, as written: objects that stay out
    # of the session (nothing is flushed from them), the quiz set without a load or a cascade.
    attempt = Attempt(id=attempt_id, **row)
    set_committed_value(attempt, "quiz", quiz)
    return Started(attempt_id, 1, (attempt, AttemptItem(**items[0])))


def first_page(user: User, started: Started) -> tuple[Attempt, AttemptItem, dict]:
    """The attempt, the item and the answers (``answers_by_slot``) of the page a start leads to:
    read for a resumed attempt; as the start wrote them for a new one, which has no answers."""
    if started.first is not None:
        return *started.first, {}
    attempt, item = attempt_and_item(user, started.attempt_id, started.slot)
    return attempt, item, answers_by_slot(attempt)


# --- answering -----------------------------------------------------------------------------


def _upsert_response(values: dict) -> None:
    stmt = _insert(Response).values(**values, changes=0)
    stmt = stmt.on_conflict_do_update(
        index_elements=["attempt_id", "slot"],
        set_={"answer": stmt.excluded.answer, "score": stmt.excluded.score,
              "answered_at": stmt.excluded.answered_at, "changes": Response.changes + 1})
    db.session.execute(stmt)


@dataclass
class SaveResult:
    parsed: qtypes.Parsed
    item: AttemptItem
    answered: set[int] = field(default_factory=set)
    total: int = 0  # how many questions the attempt has
    attempt: Attempt | None = None


FINAL_ANSWER = ("Your answer to this question is final: this quiz shows whether it was right as soon as "
                "it is saved.")


def feedback_now(attempt: Attempt) -> bool:
    """The quiz shows each answer's outcome and explanation as soon as it is saved."""
    return attempt.quiz.show_answers == "immediately"


def save_answer(user: User, attempt_id: int, slot: int, form: Mapping, clear: bool = False) -> SaveResult:
    """Save (or clear) the answer to one slot from a submitted form. Graded here, on the server."""
    attempt = get_attempt(user, attempt_id, lock=True)
    item = get_item(attempt, slot)
    if attempt.state != IN_PROGRESS:
        raise AttemptFinished(attempt.id)
    if overdue(attempt):
        raise TimeUp(attempt.id)
    qtype = qtypes.get(item.type)
    spec = item.snapshot["spec"]
    parsed = qtypes.Parsed(qtypes.CLEAR) if clear else qtype.parse(form, spec, item.layout)
    if (feedback_now(attempt) and parsed.action in (qtypes.SAVE, qtypes.CLEAR)
            and slot in answered_slots(attempt)):
        # Its answer and explanation are already shown: changing it now would be marking by the key.
        return SaveResult(qtypes.Parsed("error", error=FINAL_ANSWER), item, answered_slots(attempt))
    if parsed.action == qtypes.SAVE:
        _upsert_response({"attempt_id": attempt.id, "slot": slot, "question_id": item.question_id,
                          "answer": parsed.answer, "score": qtype.grade(spec, parsed.answer),
                          "answered_at": utcnow()})
    elif parsed.action == qtypes.CLEAR:
        db.session.execute(delete(Response).where(Response.attempt_id == attempt.id, Response.slot == slot))
    db.session.flush()
    return SaveResult(parsed, item, answered_slots(attempt), item_count(attempt), attempt)


def form_digest(item: AttemptItem, response: Response | None) -> str:
    """``response``: a Response, or a row of ``answers_by_slot`` (only its ``answer`` is read)."""
    return qtypes.get(item.type).form_digest(item.layout, response.answer if response else None)


# --- finishing -----------------------------------------------------------------------------


def overdue(attempt: Attempt, now: datetime | None = None) -> bool:
    """The attempt's time limit (enforced here, on the server) has passed."""
    return attempt.deadline is not None and (now or utcnow()) > attempt.deadline + timedelta(seconds=GRACE_SECONDS)


def close_overdue(user: User, attempt_id: int) -> bool:
    """Finish an attempt whose time is up, with the answers saved in time. True if it did."""
    attempt = get_attempt(user, attempt_id, lock=True)
    if attempt.state == IN_PROGRESS and overdue(attempt):
        return finish(user, attempt_id, confirmed=True) == "finished"
    return False


def unanswered(attempt: Attempt) -> list[int]:
    answered = answered_slots(attempt)
    return [item.slot for item in attempt.items if item.slot not in answered]


def finish(user: User, attempt_id: int, confirmed: bool) -> str:
    """Finish the attempt and store its score.

    Returns "finished", "confirm" (there are unanswered questions and the student has not
    confirmed), or "already" (it was finished before: nothing changes).
    """
    attempt = get_attempt(user, attempt_id, lock=True)
    if attempt.state != IN_PROGRESS:
        return "already"
    if unanswered(attempt) and not confirmed:
        return "confirm"
    total = db.session.scalar(select(func.coalesce(func.sum(Response.score), 0.0))
                              .where(Response.attempt_id == attempt.id))
    max_score = float(len(attempt.items))
    score = round(float(total), 4)
    passed = max_score > 0 and 100.0 * score / max_score >= attempt.pass_mark - 1e-9
    done = db.session.execute(
        update(Attempt).where(Attempt.id == attempt.id, Attempt.state == IN_PROGRESS)
        .values(state=FINISHED, finished_at=utcnow(), score=score, max_score=max_score, passed=passed)
        .execution_options(synchronize_session=False))
    db.session.refresh(attempt)
    return "finished" if done.rowcount == 1 else "already"


# --- after the attempt ---------------------------------------------------------------------


def outcome(score: float | None) -> str:
    if score is None:
        return "unanswered"
    if score >= 1.0:
        return "correct"
    if score > 0:
        return "partial"
    return "wrong"


@dataclass
class ReviewRow:
    slot: int
    prompt: str
    type_label: str
    outcome: str
    score: float | None
    question_id: str = ""
    yours: list[dict] = field(default_factory=list)  # the answer given, as rows of {text, ok, feedback}
    key: list[str] = field(default_factory=list)  # the right answer; empty when not shown or fully right


def review(attempt: Attempt, key_for: str = "none") -> list[ReviewRow]:
    """Each question of the attempt with its outcome and the answer given. ``key_for``: whose
    review it is, for the right answer: "student" (only for answered questions, whose
    explanations are open too), "teacher" (every question), "none"."""
    responses = responses_by_slot(attempt)
    rows = []
    for item in attempt.items:
        r = responses.get(item.slot)
        qtype = qtypes.get(item.type)
        spec = item.snapshot["spec"]
        result = outcome(r.score if r else None)
        # The key where it tells something: not beside an answer that was fully right.
        show_key = result != "correct" and (key_for == "teacher" or (key_for == "student" and r is not None))
        yours = qtype.describe(spec, r.answer) if r else []
        if key_for == "none":  # which option was right is the key too: the answer as given, unmarked
            yours = [{**row, "ok": None, "feedback": ""} for row in yours]
        rows.append(ReviewRow(item.slot, item.snapshot["prompt"], qtype.label, result,
                              r.score if r else None, item.question_id, yours,
                              qtype.describe_key(spec) if show_key else []))
    return rows


def answers_closed(attempt: Attempt) -> str | None:
    """Why the student may not see the right answers of this attempt yet, or None when they may."""
    if attempt.state != FINISHED:
        return "Answers open when you finish the attempt."
    quiz = attempt.quiz
    if quiz.show_answers == "after_close" and quiz.closes_at is not None and utcnow() < quiz.closes_at:
        return (f"Answers and explanations open after the quiz closes "
                f"({quiz.closes_at:%Y-%m-%d %H:%M} UTC).")
    return None


def history(user: User) -> list[Attempt]:
    return list(db.session.scalars(
        select(Attempt).where(Attempt.user_id == user.id).order_by(Attempt.started_at.desc(), Attempt.id.desc())))


def finished_attempts(user: User, quiz: Quiz) -> list[Attempt]:
    return list(db.session.scalars(select(Attempt).where(Attempt.user_id == user.id, Attempt.quiz_id == quiz.id,
                                                         Attempt.state == FINISHED)))


def explained_item(user: User, attempt_id: int, slot: int) -> tuple[Attempt, AttemptItem, Response]:
    """The item and response whose explanation the user may see, or ExplanationLocked."""
    attempt = get_attempt(user, attempt_id)
    item = get_item(attempt, slot)
    if attempt.state != FINISHED:
        if feedback_now(attempt) and slot in answered_slots(attempt):
            return attempt, item, responses_by_slot(attempt)[slot]
        raise ExplanationLocked("Explanations open when you answer the question." if feedback_now(attempt)
                                else "Explanations open when you finish the attempt.")
    closed = answers_closed(attempt)
    if closed:
        raise ExplanationLocked(closed)
    response = responses_by_slot(attempt).get(slot)
    if response is None:
        raise ExplanationLocked("You did not answer this question, so its explanation stays closed. "
                                "Answer it in another attempt to see it.")
    return attempt, item, response
