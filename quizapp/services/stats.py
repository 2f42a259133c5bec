"""Score review and item analysis, computed with SQL aggregates.

Every figure comes from a handful of aggregate queries (COUNT/AVG/SUM … GROUP BY, and one
window function for the upper and lower 27%), never from Python loops over ORM objects, so
that the statistics of a quiz with 10,000 attempts render in well under a second.

Definitions (the item score ``x`` is the response's 0..1 score; an item drawn but left
unanswered scores 0; only finished attempts count):

- facility: the mean of ``x`` over the attempts that drew the question;
- discrimination (point-biserial, corrected): Pearson's correlation between ``x`` and the rest
  of the attempt's score (its score minus ``x``), so that an item does not correlate with itself;
- upper minus lower 27%: the item's facility among the best 27% of attempts (by percentage)
  minus its facility among the worst 27%;
- reliability: Cronbach's alpha (KR-20 when every item is scored 0/1),
  ``k/(k-1) · (1 − k·v̄/V)`` with ``k`` the number of items per attempt, ``v̄`` the mean item
  variance (weighted by the number of attempts) and ``V`` the variance of the attempts' scores
  (population variances). With a fixed set of questions this is the textbook formula; with
  random draws it is the usual approximation.

Scope: a quiz's page covers that quiz's finished attempts; a question's and a document's pages,
and the bank browser's statistical filters, cover the finished attempts of every quiz (the bank
can narrow them to one quiz: "Computed over"). The flags are the same everywhere because they
all come from ``item_stats``.

Distractors are counted on the option *text* of the snapshot each attempt drew (what the student
saw), never on the index alone, so editing or reordering a question's choices after answers were
given does not move a count to another option.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Float, Text, and_, case, cast, func, or_, select

from quizapp.extensions import db
from quizapp.models import FINISHED, Attempt, AttemptItem, Document, Question, Quiz, Response, User
from quizapp.services import charts

MIN_RESPONSES = 20  # below this, a question shows "too few answers" instead of numbers
NON_FUNCTIONAL_SHARE = 0.05
TOO_EASY, TOO_HARD, POOR_DISCRIMINATION = 0.9, 0.2, 0.2
CHOICE_TYPES = ("multiple_choice", "true_false")  # one option per answer
MULTI_TYPES = ("multiple_response",)  # any number of options per answer
BUCKETS = 10  # histogram: 0–9%, 10–19%, … 90–100%

FLAG_LABELS = {
    "wrong_key": "Likely wrong key (negative discrimination)",
    "too_easy": "Too easy (facility above 0.9)",
    "too_hard": "Too hard (facility below 0.2)",
    "poor_discrimination": "Poor discrimination (below 0.2)",
}

# What each flag suggests doing (shown on the question's page).
FLAG_ADVICE = {
    "wrong_key": "The students who did best overall got this question wrong more often than the others: "
                 "check the key, or whether a distractor is also right.",
    "too_easy": "Nearly everyone gets it right: it tells strong and weak students apart poorly.",
    "too_hard": "Few get it right: check the wording, the key and whether the reading covers it.",
    "poor_discrimination": "Strong and weak students do about as well: check the wording and the distractors.",
}

# The bank browser filters by these too (stats.item_stats computes them all).
BANK_FLAG_LABELS = {
    **FLAG_LABELS,
    "non_functional": "Non-functional distractor (chosen by under 5%)",
    "too_few": "Too few answers for statistics",
}


def _percent():
    return 100.0 * cast(Attempt.score, Float) / func.nullif(Attempt.max_score, 0)


def _finished(quiz_id: int | None = None):
    conditions = [Attempt.state == FINISHED]
    if quiz_id is not None:
        conditions.append(Attempt.quiz_id == quiz_id)
    return and_(*conditions)


# --- the attempts table ---------------------------------------------------------------------

SORTS = {
    "student": User.name, "started": Attempt.started_at, "finished": Attempt.finished_at,
    "score": Attempt.score, "percent": _percent(), "passed": Attempt.passed,
    "duration": None,  # dialect-specific: see _sort_column
}
STATES = {"finished": "Finished", "in_progress": "In progress", "all": "All"}


@dataclass
class AttemptFilters:
    q: str = ""
    state: str = "finished"
    passed: str = ""  # "", "yes", "no"
    sort: str = "started"
    direction: str = "desc"

    @classmethod
    def from_args(cls, args) -> AttemptFilters:
        state = args.get("state", "finished")
        passed = args.get("passed", "")
        sort = args.get("sort", "started")
        direction = args.get("dir", "desc")
        return cls(q=(args.get("q") or "").strip()[:100],
                   state=state if state in STATES else "finished",
                   passed=passed if passed in ("yes", "no") else "",
                   sort=sort if sort in SORTS else "started",
                   direction=direction if direction in ("asc", "desc") else "desc")

    def args(self, **changes) -> dict:
        values = {"q": self.q, "state": self.state, "passed": self.passed, "sort": self.sort,
                  "dir": self.direction, **changes}
        return {k: v for k, v in values.items() if v}


@dataclass
class AttemptRow:
    id: int
    user_id: int
    student: str
    email: str
    state: str
    started: datetime
    finished: datetime | None
    score: float | None
    max_score: float
    passed: bool | None

    @property
    def duration_seconds(self) -> int | None:
        if self.finished is None:
            return None
        return max(0, int((self.finished - self.started).total_seconds()))

    @property
    def percent(self) -> float | None:
        if self.score is None or not self.max_score:
            return None
        return 100.0 * self.score / self.max_score


def _attempts_query(quiz_id: int, filters: AttemptFilters):
    query = (select(Attempt.id, Attempt.user_id, User.name, User.email, Attempt.state, Attempt.started_at,
                    Attempt.finished_at, Attempt.score, Attempt.max_score, Attempt.passed)
             .join(User, User.id == Attempt.user_id).where(Attempt.quiz_id == quiz_id))
    if filters.state != "all":
        query = query.where(Attempt.state == filters.state)
    if filters.passed:
        query = query.where(Attempt.passed.is_(filters.passed == "yes"))
    if filters.q:
        like = f"%{filters.q.lower()}%"
        query = query.where(or_(func.lower(User.name).like(like), func.lower(User.email).like(like)))
    column = _sort_column(filters.sort)
    order = column.asc() if filters.direction == "asc" else column.desc()
    # Unfinished attempts (no finish time, score or result) last either way, on every database
    # (PostgreSQL puts NULLs first when descending, SQLite last).
    return query.order_by(order.nulls_last(), Attempt.id.desc() if filters.direction == "desc" else Attempt.id.asc())


def _sort_column(name: str):
    if name != "duration":
        return SORTS[name]
    # Whole seconds on both databases, so equal durations tie (and fall back to the id) alike:
    # julianday differences carry floating-point noise.
    if db.session.get_bind().dialect.name == "sqlite":
        return func.round((func.julianday(Attempt.finished_at) - func.julianday(Attempt.started_at)) * 86400)
    return func.round(func.extract("epoch", Attempt.finished_at - Attempt.started_at))


def attempts(quiz_id: int, filters: AttemptFilters, limit: int | None = None, offset: int = 0) -> list[AttemptRow]:
    query = _attempts_query(quiz_id, filters)
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return [AttemptRow(*row) for row in db.session.execute(query)]


def count_attempts(quiz_id: int, filters: AttemptFilters) -> int:
    return db.session.scalar(select(func.count()).select_from(_attempts_query(quiz_id, filters).order_by(None).subquery()))


# --- the summary ----------------------------------------------------------------------------


@dataclass
class Summary:
    n: int
    mean: float | None = None      # percent
    median: float | None = None    # percent
    sd: float | None = None        # percent, sample standard deviation (n − 1)
    pass_rate: float | None = None  # 0..1
    alpha: float | None = None
    items_per_attempt: float | None = None
    histogram: list[tuple[str, int]] = field(default_factory=list)


def summary(quiz_id: int, items: list[ItemStats] | None = None, min_n: int = 0) -> Summary:
    """The quiz's figures; reliability only from ``min_n`` finished attempts (fewer say nothing)."""
    p = _percent()
    row = db.session.execute(
        select(func.count(Attempt.id), func.avg(p), func.avg(p * p),
               func.sum(case((Attempt.passed.is_(True), 1), else_=0)),
               func.avg(cast(Attempt.score, Float)), func.avg(cast(Attempt.score, Float) * Attempt.score),
               func.avg(Attempt.max_score))
        .where(_finished(quiz_id))).one()
    n = int(row[0] or 0)
    result = Summary(n=n, histogram=histogram(quiz_id))
    if n == 0:
        return result
    mean, mean_sq = float(row[1] or 0), float(row[2] or 0)
    result.mean = mean
    result.sd = math.sqrt(max(0.0, (mean_sq - mean * mean) * n / (n - 1))) if n > 1 else None
    result.pass_rate = int(row[3] or 0) / n
    result.median = _median(quiz_id, n)
    result.items_per_attempt = float(row[6] or 0)
    if n < min_n:
        return result
    total_var = float(row[5] or 0) - float(row[4] or 0) ** 2
    result.alpha = cronbach_alpha(items if items is not None else item_stats(quiz_id=quiz_id),
                                  result.items_per_attempt, total_var)
    return result


def _median(quiz_id: int, n: int) -> float:
    p = _percent()
    values = db.session.scalars(select(p).where(_finished(quiz_id)).order_by(p)
                                .limit(2 - n % 2).offset((n - 1) // 2)).all()
    return sum(float(v) for v in values) / len(values)


def cronbach_alpha(items: list[ItemStats], k: float, total_var: float) -> float | None:
    weight = sum(i.n for i in items)
    if k is None or k < 2 or total_var <= 1e-12 or weight == 0:
        return None
    mean_item_var = sum(i.variance * i.n for i in items) / weight
    return k / (k - 1) * (1 - k * mean_item_var / total_var)


def histogram(quiz_id: int) -> list[tuple[str, int]]:
    """Finished attempts by percentage, in bands of 10 points (100% goes in the top band)."""
    p = _percent()
    band = case(*[(p >= 10 * b, b) for b in range(BUCKETS - 1, 0, -1)], else_=0)
    # Grouped on a subquery's column: PostgreSQL cannot tell that a CASE with bound parameters
    # in the GROUP BY is the one in the SELECT list.
    bands = select(band.label("band")).where(_finished(quiz_id)).subquery()
    counts = dict(db.session.execute(select(bands.c.band, func.count()).group_by(bands.c.band)).all())
    labels = [f"{10 * b}–{10 * b + 9}%" for b in range(BUCKETS - 1)] + ["90–100%"]
    return [(labels[b], int(counts.get(b, 0))) for b in range(BUCKETS)]


# --- item analysis --------------------------------------------------------------------------


@dataclass
class Choice:
    index: int | None  # in the question's current choices; None: an option it no longer has
    text: str
    correct: bool
    count: int          # responses that chose it
    share: float        # of the responses to the question
    removed: bool = False

    @property
    def non_functional(self) -> bool:
        """A distractor (for multiple response: an incorrect option) chosen by under 5%."""
        return not self.correct and not self.removed and self.share < NON_FUNCTIONAL_SHARE


@dataclass
class ItemStats:
    question_id: str
    prompt: str
    type: str
    document_id: str
    section: str
    n: int                      # attempts that drew the question
    answered: int
    facility: float
    variance: float
    discrimination: float | None  # corrected point-biserial
    upper_lower: float | None
    min_n: int = MIN_RESPONSES
    choices: list[Choice] = field(default_factory=list)

    @property
    def enough(self) -> bool:
        return self.n >= self.min_n

    @property
    def bank_flags(self) -> list[str]:
        """The flags, and "non_functional" when a distractor is (needs the choices attached)."""
        return self.flags + (["non_functional"] if self.non_functional else [])

    @property
    def non_functional(self) -> list[Choice]:
        """The distractors chosen by under 5% (only when there are enough answers)."""
        return [c for c in self.choices if c.non_functional] if self.enough else []

    @property
    def flags(self) -> list[str]:
        if not self.enough:
            return []
        flags = []
        if self.discrimination is not None and self.discrimination < 0:
            flags.append("wrong_key")
        elif self.discrimination is not None and self.discrimination < POOR_DISCRIMINATION:
            flags.append("poor_discrimination")
        if self.facility > TOO_EASY:
            flags.append("too_easy")
        if self.facility < TOO_HARD:
            flags.append("too_hard")
        return flags


def item_stats(quiz_id: int | None = None, question_id: str | None = None, user_id: int | None = None,
               document_id: str | None = None, min_n: int = MIN_RESPONSES,
               with_choices: bool = True, question_ids: list[str] | None = None,
               raw_choices: bool = False) -> list[ItemStats]:
    """Item analysis of every question drawn in the matching finished attempts.

    This is the one place where the figures and the flags of a question are computed: the quiz,
    question and document pages and the bank browser's statistical filters all call it. With no
    ``quiz_id`` it covers the finished attempts of every quiz (the attempts are then ranked for the
    upper and lower 27% by their percentage across quizzes).
    """
    if question_id is not None:
        question_ids = [question_id]
    if document_id is not None:
        # The ids as a list, not a subquery: SQLite then reads the covering index by question.
        in_document = list(db.session.scalars(select(Question.id).where(Question.document_id == document_id)))
        question_ids = in_document if question_ids is None else [q for q in question_ids if q in set(in_document)]
    if question_ids is not None and not question_ids:
        return []

    # The finished attempts, ranked by percentage for the upper and lower 27%, with their score.
    attempt_conditions = [Attempt.state == FINISHED]
    if quiz_id is not None:
        attempt_conditions.append(Attempt.quiz_id == quiz_id)
    if user_id is not None:
        attempt_conditions.append(Attempt.user_id == user_id)
    ranked = (select(Attempt.id.label("aid"), cast(Attempt.score, Float).label("score"),
                     func.row_number().over(order_by=(_percent(), Attempt.id)).label("rn"),
                     func.count().over().label("total"))
              .where(*attempt_conditions).subquery())
    cut = func.round(ranked.c.total * 0.27)
    group = case((cut < 1, 1), else_=cut)
    upper = ranked.c.rn > ranked.c.total - group
    lower = ranked.c.rn <= group

    # One row per drawn item of those attempts: question, item score x (0 when unanswered), the
    # rest of the attempt's score, and whether the attempt is in the upper or lower 27%. The attempts are read once (ranked).
    score = func.coalesce(Response.score, 0.0)
    item_rows = (select(AttemptItem.question_id.label("qid"), score.label("x"),
                        (ranked.c.score - score).label("rest"),
                        case((Response.score.is_(None), 0), else_=1).label("answered"),
                        case((upper, 1), else_=0).label("upper"), case((lower, 1), else_=0).label("lower"))
                 .join(ranked, ranked.c.aid == AttemptItem.attempt_id)
                 .outerjoin(Response, and_(Response.attempt_id == AttemptItem.attempt_id,
                                           Response.slot == AttemptItem.slot)))
    if question_ids is not None:
        item_rows = item_rows.where(AttemptItem.question_id.in_(question_ids))  # ix_attempt_items_question_stats
    rows = item_rows.subquery()

    x, y = rows.c.x, rows.c.rest
    query = (select(rows.c.qid, func.count(), func.sum(rows.c.answered), func.sum(x), func.sum(y),
                    func.sum(x * x), func.sum(y * y), func.sum(x * y),
                    func.avg(case((rows.c.upper == 1, x))), func.avg(case((rows.c.lower == 1, x))))
             .group_by(rows.c.qid))
    sums = db.session.execute(query).all()
    about = {row[0]: row[1:] for row in db.session.execute(
        select(Question.id, Question.prompt, Question.type, Question.document_id, Question.section)
        .where(Question.id.in_([row[0] for row in sums])))}
    items = []
    for (qid, n, answered, sx, sy, sxx, syy, sxy, up, low) in sums:
        prompt, qtype, doc, section = about[qid]
        n, sx, sy, sxx, syy, sxy = int(n), float(sx), float(sy), float(sxx), float(syy), float(sxy)
        facility = sx / n
        denominator = (n * sxx - sx * sx) * (n * syy - sy * sy)
        r = (n * sxy - sx * sy) / math.sqrt(denominator) if denominator > 1e-12 else None
        ul = float(up) - float(low) if up is not None and low is not None else None
        items.append(ItemStats(qid, prompt, qtype, doc, section or "", n, int(answered or 0), facility,
                               max(0.0, sxx / n - facility * facility), r, ul, min_n))
    if with_choices and items:
        _attach_choices(items, quiz_id, user_id, raw_choices)
    items.sort(key=lambda i: (i.document_id, i.section, i.question_id))
    return items


def _attach_choices(items: list[ItemStats], quiz_id: int | None, user_id: int | None,
                    raw: bool = False) -> None:
    """Distractor analysis of choice questions: how many answered with each option.

    A response stores ``{"choice": i}`` (multiple response: ``{"choices": [i, …]}``), indexes into
    the choices of the *snapshot* drawn into its attempt, which is what the student saw (a
    regrade rewrites both together). Counts are therefore grouped on (stored answer, snapshot)
    and keyed on the chosen option's text, so reordering or editing the choices after answers
    were given never moves a count to another option. Options of the current question come
    first, in its order; an option chosen in an older version that the question no longer has
    is listed after them, marked ``removed``.
    """
    # Only where they are shown: a question with too few answers shows no distractor analysis, only
    # (``raw``, on its own page) the counts so far.
    wanted = [i.question_id for i in items if i.type in CHOICE_TYPES + MULTI_TYPES and (i.enough or raw)]
    if not wanted:
        return
    counts = choice_counts(wanted, quiz_id=quiz_id, user_id=user_id)
    specs = dict(db.session.execute(select(Question.id, Question.spec).where(Question.id.in_(wanted))).all())
    for item in items:
        if item.question_id in specs:
            item.choices = _choices(specs[item.question_id] or {}, counts.get(item.question_id))


@dataclass
class ChoiceCounts:
    responses: int = 0                                     # responses counted (the denominator)
    by_text: dict[str, int] = field(default_factory=dict)  # option text -> responses choosing it
    correct_texts: set[str] = field(default_factory=set)   # texts that were a key in some version


def choice_counts(question_ids: list[str], quiz_id: int | None = None,
                  user_id: int | None = None) -> dict[str, ChoiceCounts]:
    """Per question: how many finished-attempt responses chose each option, by option text.

    One GROUP BY over (question, stored answer text, drawn snapshot text): a handful of groups
    per question version, each parsed once here."""
    conditions = [Attempt.state == FINISHED, Response.question_id.in_(question_ids)]
    if quiz_id is not None:
        conditions.append(Attempt.quiz_id == quiz_id)
    if user_id is not None:
        conditions.append(Attempt.user_id == user_id)
    answer, snapshot = cast(Response.answer, Text), cast(AttemptItem.snapshot, Text)
    query = (select(Response.question_id, answer, snapshot, func.count())
             .join(Attempt, Attempt.id == Response.attempt_id)
             .join(AttemptItem, and_(AttemptItem.attempt_id == Response.attempt_id, AttemptItem.slot == Response.slot))
             .where(*conditions)
             .group_by(Response.question_id, answer, snapshot))
    out: dict[str, ChoiceCounts] = {}
    parsed: dict[str, list[tuple[str, bool]]] = {}
    for qid, answer_text, snapshot_text, n in db.session.execute(query):
        if snapshot_text not in parsed:
            parsed[snapshot_text] = _snapshot_choices(snapshot_text)
        options = parsed[snapshot_text]
        indexes = _chosen(answer_text)
        if indexes is None:
            continue
        entry = out.setdefault(qid, ChoiceCounts())
        entry.responses += int(n)
        entry.correct_texts.update(text for text, correct in options if correct)
        for i in set(indexes):
            if 0 <= i < len(options):
                text = options[i][0]
                entry.by_text[text] = entry.by_text.get(text, 0) + int(n)
    return out


def _choices(spec: dict, counts: ChoiceCounts | None) -> list[Choice]:
    counts = counts or ChoiceCounts()
    total = counts.responses
    current = [(str(c.get("text", "")), c.get("correct") is True) for c in spec.get("choices") or []]
    out = [Choice(i, text, correct, counts.by_text.get(text, 0), counts.by_text.get(text, 0) / total if total else 0.0)
           for i, (text, correct) in enumerate(current)]
    shown = {text for text, _ in current}
    for text, n in sorted(counts.by_text.items(), key=lambda kv: -kv[1]):
        if text not in shown:
            out.append(Choice(None, text, text in counts.correct_texts, n, n / total if total else 0.0, removed=True))
    return out


def _snapshot_choices(text: str | None) -> list[tuple[str, bool]]:
    try:
        snapshot = json.loads(text or "null")
    except ValueError:
        return []
    spec = snapshot.get("spec") if isinstance(snapshot, dict) else None
    choices = spec.get("choices") if isinstance(spec, dict) else None
    if not isinstance(choices, list):
        return []
    return [(str(c.get("text", "")), c.get("correct") is True) for c in choices if isinstance(c, dict)]


def _chosen(text: str | None) -> list[int] | None:
    """The option indexes of a stored answer: ``{"choice": i}`` or ``{"choices": [i, …]}``."""
    try:
        value = json.loads(text or "null")
    except ValueError:
        return None
    if not isinstance(value, dict):
        return None
    if "choice" in value:
        values = [value["choice"]]
    elif isinstance(value.get("choices"), list):
        values = value["choices"]
    else:
        return None
    return [v for v in values if isinstance(v, int) and not isinstance(v, bool)]


def flagged(items: list[ItemStats]) -> list[tuple[ItemStats, str]]:
    return [(item, flag) for item in items for flag in item.flags]


# --- CSV ------------------------------------------------------------------------------------


def grid(quiz: Quiz) -> tuple[list[tuple[str, str]], list[dict]]:
    """One row per student: the item scores of their graded attempt (the quiz's grading method:
    highest or last; "average" averages each question over the student's attempts). The columns:
    (question id, prompt) of every question drawn in those attempts, by id."""
    if quiz.grading_method == "last":
        order = (Attempt.finished_at.desc(), Attempt.id.desc())
    else:
        order = (Attempt.score.desc(), Attempt.id.asc())
    ranked = (select(Attempt.id.label("aid"), Attempt.user_id.label("uid"),
                     func.row_number().over(partition_by=Attempt.user_id, order_by=order).label("rn"))
              .where(_finished(quiz.id)).subquery())
    chosen = select(ranked.c.aid)
    if quiz.grading_method != "average":
        chosen = chosen.where(ranked.c.rn == 1)
    x = func.avg(func.coalesce(Response.score, 0.0))
    cells = db.session.execute(
        select(Attempt.user_id, AttemptItem.question_id, x)
        .join(Attempt, Attempt.id == AttemptItem.attempt_id)
        .outerjoin(Response, and_(Response.attempt_id == AttemptItem.attempt_id, Response.slot == AttemptItem.slot))
        .where(AttemptItem.attempt_id.in_(chosen))
        .group_by(Attempt.user_id, AttemptItem.question_id)).all()
    totals = db.session.execute(
        select(User.id, User.name, User.email, func.count(Attempt.id), func.avg(_percent()))
        .join(Attempt, Attempt.user_id == User.id).where(Attempt.id.in_(chosen))
        .group_by(User.id, User.name, User.email).order_by(User.name, User.id)).all()
    ids = sorted({qid for _, qid, _ in cells})
    prompts = dict(db.session.execute(select(Question.id, Question.prompt).where(Question.id.in_(ids))).all())
    questions = [(qid, prompts.get(qid, "")) for qid in ids]
    by_user: dict[int, dict[str, float]] = {}
    for uid, qid, value in cells:
        by_user.setdefault(uid, {})[qid] = float(value)
    rows = [{"user_id": uid, "student": name, "email": email, "attempts": n, "percent": float(pct or 0),
             "scores": by_user.get(uid, {})} for uid, name, email, n, pct in totals]
    return questions, rows


# --- per student and per document -----------------------------------------------------------


@dataclass
class AreaStats:
    document_id: str
    document: str
    section: str
    n: int
    facility: float


def areas(user_id: int | None = None, document_id: str | None = None) -> list[AreaStats]:
    """Mean facility per (document, section) over finished attempts (of one student, or all).

    Grouped in two steps: per question over the covering indexes of the attempt items and
    responses (no join to the questions per row), then the per-question sums by section."""
    x = func.coalesce(Response.score, 0.0)
    conditions = [Attempt.state == FINISHED]
    if user_id is not None:
        conditions.append(Attempt.user_id == user_id)
    per_question = (select(AttemptItem.question_id.label("qid"), func.count().label("n"), func.sum(x).label("sx"))
                    .join(Attempt, Attempt.id == AttemptItem.attempt_id)
                    .outerjoin(Response, and_(Response.attempt_id == AttemptItem.attempt_id,
                                              Response.slot == AttemptItem.slot))
                    .where(*conditions)
                    .group_by(AttemptItem.question_id).subquery())
    n = func.sum(per_question.c.n)
    query = (select(Question.document_id, Document.title, Question.section, n,
                    cast(func.sum(per_question.c.sx), Float) / n)
             .select_from(per_question)
             .join(Question, Question.id == per_question.c.qid)
             .join(Document, Document.id == Question.document_id)
             .group_by(Question.document_id, Document.title, Question.section)
             .order_by(Document.title, Question.section))
    if document_id is not None:
        query = query.where(Question.document_id == document_id)
    return [AreaStats(d, t, s or "", int(n), float(f)) for d, t, s, n, f in db.session.execute(query)]


def sections_of(items: list[ItemStats], document: Document) -> list[AreaStats]:
    """Mean facility per section of one document, rolled up from its item analysis (the same
    figures as ``areas(document_id=…)``: a section's facility is the mean item score over all its
    drawn items, so Σ facility·n / Σ n), without a second pass over the attempt items."""
    merged: dict[str, list[float]] = {}
    for item in items:
        if item.document_id == document.id:
            n_sum = merged.setdefault(item.section, [0, 0.0])
            n_sum[0] += item.n
            n_sum[1] += item.facility * item.n
    return [AreaStats(document.id, document.title, section, int(n), total / n)
            for section, (n, total) in sorted(merged.items()) if n]


def documents_of(rows: list[AreaStats]) -> list[AreaStats]:
    """Roll sections up into documents (weighted by the number of items)."""
    merged: dict[str, AreaStats] = {}
    for r in rows:
        m = merged.setdefault(r.document_id, AreaStats(r.document_id, r.document, "", 0, 0.0))
        m.facility = (m.facility * m.n + r.facility * r.n) / (m.n + r.n)
        m.n += r.n
    return list(merged.values())


def student_attempts(user_id: int) -> list[tuple]:
    """Finished attempts of a student, oldest first: (attempt id, quiz title, finished, percent, passed)."""
    return db.session.execute(
        select(Attempt.id, Quiz.title, Attempt.finished_at, _percent(), Attempt.passed)
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .where(Attempt.user_id == user_id, Attempt.state == FINISHED)
        .order_by(Attempt.finished_at, Attempt.id)).all()


def overview() -> list[tuple]:
    """Every quiz with its number of finished attempts and mean percentage: (id, title, kind, n, mean)."""
    finished = (select(Attempt.quiz_id.label("quiz_id"), func.count(Attempt.id).label("n"), func.avg(_percent()).label("mean"))
                .where(Attempt.state == FINISHED).group_by(Attempt.quiz_id).subquery())
    return db.session.execute(
        select(Quiz.id, Quiz.title, Quiz.kind, func.coalesce(finished.c.n, 0), finished.c.mean)
        .outerjoin(finished, finished.c.quiz_id == Quiz.id)
        .order_by(func.coalesce(finished.c.n, 0).desc(), Quiz.title)).all()


def student_report(student: User) -> dict:
    """A student's attempts over time and their strongest and weakest sections (for the teacher
    and for the student themselves)."""
    history = student_attempts(student.id)
    by_section = areas(user_id=student.id)
    ranked = sorted(by_section, key=lambda a: a.facility)
    # Up to three each, never the same section in both lists (a student with two sections gets one of each).
    shown = min(3, len(ranked) // 2)
    chart = charts.bars([(f"{title} ({when:%d %b %Y})", round(float(pct or 0), 1))
                         for _, title, when, pct, _ in history[-30:]],
                        f"Scores of {student.name}'s last attempts (%)", "attempts-chart", maximum=100, warn_below=50,
                        unit="%")
    return {"student": student, "history": history, "areas": by_section, "documents": documents_of(by_section),
            "chart": chart, "weakest": ranked[:shown], "strongest": ranked[::-1][:shown]}
