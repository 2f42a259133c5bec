"""The explanation page of one answered question in a finished attempt."""
from __future__ import annotations

from dataclasses import dataclass

from quizapp import qtypes
from quizapp.extensions import db
from quizapp.models import Attempt, AttemptItem, Document, Response, User
from quizapp.services import attempts
from quizapp.services.documents import Passage, passage


@dataclass
class Explanation:
    attempt: Attempt
    item: AttemptItem
    response: Response
    prompt: str
    type_label: str
    outcome: str
    yours: list[dict]
    key: list[str]
    also_accepted: list[str]
    explanation: str
    rule: str | None
    passage: Passage
    document: Document | None
    citation: dict
    paragraph: int
    previous_slot: int | None
    next_slot: int | None


def explanation(user: User, attempt_id: int, slot: int) -> Explanation:
    attempt, item, response = attempts.explained_item(user, attempt_id, slot)
    qtype = qtypes.get(item.type)
    spec = item.snapshot["spec"]
    question = item.question
    citation = question.citation or {}
    document = db.session.get(Document, question.document_id)
    answered = attempts.answered_slots(attempt)
    slots = sorted(answered)
    i = slots.index(slot)
    return Explanation(
        attempt=attempt, item=item, response=response,
        prompt=item.snapshot["prompt"], type_label=qtype.label,
        outcome=attempts.outcome(response.score),
        yours=qtype.describe(spec, response.answer),
        key=qtype.describe_key(spec),
        also_accepted=[a for a in spec.get("accept") or [] if a != spec.get("answer")],
        explanation=question.explanation or "",
        rule=qtype.rule,
        passage=passage(document, citation, item.type),
        document=document,
        citation=citation,
        paragraph=int(citation.get("paragraph") or 0),
        previous_slot=slots[i - 1] if i > 0 else None,
        next_slot=slots[i + 1] if i + 1 < len(slots) else None,
    )
