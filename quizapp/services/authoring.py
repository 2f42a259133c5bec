"""Authoring: a teacher's draft question (checked and cited), saving it with a revision, the
preview of a draft as a student sees it, and regrading past attempts after an edit."""
from __future__ import annotations

import random
import secrets
from dataclasses import dataclass, field

from sqlalchemy import select

from quizapp import qtypes
from quizapp.engine import grading
from quizapp.engine.questionspec import option_key, validate_question
from quizapp.extensions import db
from quizapp.models import FINISHED, Attempt, AttemptItem, Document, Question, Response, User
from quizapp.services import audit, giveaways, revisions
from quizapp.services.bank import spec_from_bank
from quizapp.services.citations import cite
from quizapp.services.documents import Passage, passage


class DraftError(ValueError):
    """The draft is not a valid question; ``issues`` are questionspec issues."""

    def __init__(self, issues):
        self.issues = issues
        super().__init__("; ".join(str(i) for i in issues))


def answer_text(q: dict) -> str:
    """The text of the key to mark in the cited passage (one answer, when there is one)."""
    if q["type"] in ("multiple_choice",):
        return next((c["text"] for c in q.get("choices", []) if c.get("correct")), "")
    if q["type"] in grading.TYPED_TYPES:
        return str(q.get("answer") or "")
    return ""


def draft(data: dict, document: Document, quote: str, previous: dict | None = None) -> dict:
    """A complete bank question from the form's ``data`` and the quote: CitationError when the
    quote is not in the document, DraftError when the question is invalid. ``previous`` is the
    question's citation before the edit: kept as it is when the quote still points at the same span."""
    q = {k: v for k, v in data.items() if v is not None}
    q["citation"] = cite(document, quote, answer_text(q))
    if previous and all(previous.get(k) == q["citation"][k] for k in ("document", "start", "end")):
        q["citation"] = previous
    issues = validate_question({**q, "id": q.get("id") or "draft"})
    issues += [i for i in grading.spec_errors(q["type"], spec_from_bank(q))]
    if issues:
        raise DraftError(issues)
    return q


def _apply(row: Question, q: dict) -> None:
    row.type = q["type"]
    row.prompt = q["prompt"].strip()
    row.spec = spec_from_bank(q)
    row.explanation = (q.get("explanation") or "").strip()
    row.citation = q["citation"]
    row.document_id = q["citation"]["document"]
    row.section = (q["citation"].get("section") or "")[:300]
    if q.get("difficulty") is not None:
        row.difficulty = float(q["difficulty"])


def save(q: dict, user: User, question: Question | None = None, status: str | None = None) -> Question:
    """Store a draft as a new question (origin "teacher") or as an edit of ``question``.
    A generated question, once edited, becomes "edited": the bank loader never overwrites it."""
    if question is None:
        question = Question(id=f"t-{secrets.token_hex(8)}", origin="teacher", status=status or "published",
                            status_set_by="teacher", quality=1.0, reasons=[], sentence_id=None)
        _apply(question, q)
        db.session.add(question)
        db.session.flush()
        giveaways.place(question, cited_anew=True)
        revisions.record(question, None, user, "created", "written by a teacher")
        audit.record(user, "question.created", "question", question.id, _audit_summary(question))
        return question
    before = revisions.state(question)
    span, document_before = _span(question.citation), question.document_id
    _apply(question, q)
    if status and status != question.status:
        question.status = status
        question.status_set_by = "teacher"
    if question.origin == "generated" and revisions.state(question) != {**before, "status": question.status}:
        question.origin = "edited"
    revision = revisions.record(question, before, user, "edited", "edited by a teacher")
    if revision is not None:  # nothing changed: nothing to log
        audit.record(user, "question.edited", "question", question.id, _audit_summary(question),
                     {"fields": sorted(revision.changes)})
        giveaways.place(question, cited_anew=_span(question.citation) != span, moved_from=document_before)
    db.session.flush()
    return question


def _span(citation: dict | None) -> tuple:
    c = citation or {}
    return c.get("document"), c.get("start"), c.get("end"), (c.get("answer") or {}).get("start")


def _audit_summary(question: Question) -> str:
    prompt = " ".join(question.prompt.split())
    return prompt if len(prompt) <= 120 else prompt[:119] + "…"


@dataclass
class Preview:
    qtype: qtypes.QuestionType
    prompt: str
    view: dict
    key: list[str]
    passage: Passage
    document: Document | None


def preview(q: dict, document: Document | None) -> Preview:
    """The draft as a student sees it (a shuffled layout, no key), and then its key and passage."""
    qtype = qtypes.get(q["type"])
    spec = spec_from_bank(q)
    layout = qtype.make_layout(spec, random.Random(0))
    return Preview(qtype, q["prompt"], qtype.view(spec, layout, None), qtype.describe_key(spec),
                   passage(document, q.get("citation") or {}, q["type"]), document)


def question_preview(question: Question) -> Preview:
    q = {"type": question.type, "prompt": question.prompt, **(question.spec or {}), "citation": question.citation}
    return preview(q, question.document)


# --- regrading ----------------------------------------------------------------------------


def _map_index(old: list[str], new: list[str], i: int | None) -> int | None:
    if i is None or not 0 <= i < len(old):
        return None
    keys = [option_key(str(t)) for t in new]
    k = option_key(str(old[i]))
    return keys.index(k) if k in keys else None


def translate(qtype: str, old: dict, new: dict, answer: dict) -> dict | None:
    """The student's response to the old spec, as a response to the new one (options are
    matched by their text); None when nothing of it is left."""
    if qtype in ("multiple_choice", "true_false"):
        j = _map_index([c["text"] for c in old["choices"]], [c["text"] for c in new["choices"]], answer.get("choice"))
        return None if j is None else {"choice": j}
    if qtype == "multiple_response":
        olds, news = [c["text"] for c in old["choices"]], [c["text"] for c in new["choices"]]
        chosen = sorted({j for i in answer.get("choices", []) if (j := _map_index(olds, news, i)) is not None})
        return {"choices": chosen} if chosen else None
    if qtype in grading.TYPED_TYPES:
        return answer
    if qtype == "matching":
        old_l, new_l = [p[0] for p in old["pairs"]], [p[0] for p in new["pairs"]]
        old_r, new_r = [p[1] for p in old["pairs"]], [p[1] for p in new["pairs"]]
        matches: list[int | None] = [None] * len(new["pairs"])
        for i, j in enumerate(answer.get("matches", [])):
            li = _map_index(old_l, new_l, i)
            if li is not None:
                matches[li] = _map_index(old_r, new_r, j)
        return {"matches": matches} if any(m is not None for m in matches) else None
    if qtype == "ordering":
        old_s, new_s = old["sequence"], new["sequence"]
        order = [_map_index(old_s, new_s, i) for i in answer.get("order", [])]
        if None in order or sorted(order) != list(range(len(new_s))):
            return None
        return {"order": order}
    return None


@dataclass
class RegradeChange:
    attempt: Attempt
    item: AttemptItem
    response: Response | None
    old_score: float
    new_score: float
    new_answer: dict | None


@dataclass
class RegradePlan:
    question: Question
    responses: int = 0  # answers to the question in finished attempts
    changes: list[RegradeChange] = field(default_factory=list)  # scores that will change
    outdated: int = 0  # items drawn from an older version of the question
    skipped: int = 0  # the type changed: cannot be regraded

    @property
    def attempts(self) -> int:
        return len({c.attempt.id for c in self.changes})


def regrade_plan(question: Question) -> RegradePlan:
    """What regrading the finished attempts that drew ``question`` would change."""
    plan = RegradePlan(question)
    rows = db.session.execute(
        select(AttemptItem, Attempt, Response).join(Attempt, Attempt.id == AttemptItem.attempt_id)
        .outerjoin(Response, (Response.attempt_id == AttemptItem.attempt_id) & (Response.slot == AttemptItem.slot))
        .where(AttemptItem.question_id == question.id, Attempt.state == FINISHED)
        .order_by(Attempt.id, AttemptItem.slot)).all()
    for item, attempt, response in rows:
        if response is not None:
            plan.responses += 1
        snap = item.snapshot
        if snap.get("spec") == question.spec and snap.get("prompt") == question.prompt and snap.get("type") == question.type:
            continue
        plan.outdated += 1
        if snap.get("type") != question.type:
            plan.skipped += 1
            continue
        if response is None:
            continue
        new_answer = translate(question.type, snap["spec"], question.spec, response.answer)
        new_score = grading.grade(question.type, question.spec, new_answer) if new_answer else 0.0
        if abs(new_score - response.score) > 1e-9:
            plan.changes.append(RegradeChange(attempt, item, response, response.score, new_score, new_answer))
    return plan


def regrade(question: Question, user: User) -> RegradePlan:
    """Apply the plan: new scores, new totals and pass/fail; the items show the new version."""
    plan = regrade_plan(question)
    touched: dict[int, Attempt] = {}
    changed = {(c.attempt.id, c.item.slot): c for c in plan.changes}
    rows = db.session.execute(
        select(AttemptItem, Attempt).join(Attempt, Attempt.id == AttemptItem.attempt_id)
        .where(AttemptItem.question_id == question.id, Attempt.state == FINISHED)).all()
    for item, attempt in rows:
        if item.snapshot.get("type") != question.type:
            continue
        change = changed.get((attempt.id, item.slot))
        if change is not None and change.response is not None:
            change.response.score = round(change.new_score, 4)
            if change.new_answer is not None:
                change.response.answer = change.new_answer
            touched[attempt.id] = attempt
        elif item.snapshot.get("spec") != question.spec:
            response = db.session.get(Response, _response_id(attempt.id, item.slot))
            if response is not None:
                new_answer = translate(question.type, item.snapshot["spec"], question.spec, response.answer)
                if new_answer is None:
                    continue  # the answer no longer fits: keep the version it was given to
                response.answer = new_answer
        item.snapshot = {"type": question.type, "prompt": question.prompt, "spec": question.spec}
    db.session.flush()
    for attempt in touched.values():
        total = db.session.scalar(select(db.func.coalesce(db.func.sum(Response.score), 0.0))
                                  .where(Response.attempt_id == attempt.id))
        attempt.score = round(float(total), 4)
        attempt.passed = bool(attempt.max_score) and 100.0 * attempt.score / attempt.max_score >= attempt.pass_mark - 1e-9
    summary = f"regraded: {len(plan.changes)} score(s) changed in {plan.attempts} attempt(s)"
    revisions.record(question, revisions.state(question), user, "regraded", summary)
    audit.record(user, "question.regraded", "question", question.id, summary,
                 {"changed": len(plan.changes), "attempts": sorted({c.attempt.id for c in plan.changes})})
    db.session.flush()
    return plan


def _response_id(attempt_id: int, slot: int) -> int | None:
    return db.session.scalar(select(Response.id).where(Response.attempt_id == attempt_id, Response.slot == slot))
