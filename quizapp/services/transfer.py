"""Import and export of questions: GIFT (Moodle's text format) and the project's JSON bank.

Imports are all-or-nothing: the whole file is parsed and checked first (errors carry line
numbers), and nothing is stored unless every question is valid. Types QuizApp does not grade
(essay, description) are reported, not silently dropped.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import select

from quizapp.engine import bankjson, gift
from quizapp.engine.questionspec import ordered
from quizapp.extensions import db
from quizapp.models import Document, Question, User
from quizapp.services import audit, bankadmin, giveaways, revisions
from quizapp.services.bank import excludes_of, spec_from_bank
from quizapp.services.uploads import safe_label, sniff_binary

IMPORT_DOCUMENT = "imported"
FORMATS = ("gift", "json")
UPLOAD_EXTENSIONS = (".gift", ".txt", ".json")


class ImportFailed(ValueError):
    """The file cannot be imported; ``errors`` are messages with line numbers."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class Parsed:
    format: str
    questions: list[dict]
    skipped: list[str] = field(default_factory=list)  # unsupported questions, with line and reason
    warnings: list[str] = field(default_factory=list)

    def to_bank(self) -> dict:
        return {"questions": self.questions}


def detect_format(name: str, data: bytes | str) -> str:
    lower = (name or "").lower()
    if lower.endswith(".json"):
        return "json"
    if lower.endswith((".gift", ".txt")):
        return "gift"
    head = data[:200].lstrip() if isinstance(data, str) else data[:200].lstrip().decode("utf-8", "replace")
    return "json" if head.lstrip("\ufeff").startswith("{") else "gift"


MAX_ID = 64  # the length of questions.id
MAX_SENTENCE_ID = 120


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


def check_storable(questions: list[dict]) -> None:
    """What the database cannot hold, whatever the format allows: ids longer than their columns
    and NUL characters (PostgreSQL text cannot store them). ImportFailed names each question."""
    errors = []
    for n, q in enumerate(questions, 1):
        label = f"question {n} ({str(q.get('id'))[:40]!r})"
        if len(str(q.get("id") or "")) > MAX_ID:
            errors.append(f"{label}: the id is longer than {MAX_ID} characters")
        if len(str(q.get("sentence_id") or "")) > MAX_SENTENCE_ID:
            errors.append(f"{label}: the sentence_id is longer than {MAX_SENTENCE_ID} characters")
        if any("\x00" in s for s in _strings(q)):
            errors.append(f"{label}: contains a NUL character")
    if errors:
        raise ImportFailed(errors)


def parse(data: bytes | str, name: str = "", fmt: str | None = None) -> Parsed:
    """Read a GIFT or JSON bank file: every question, or ImportFailed with every error."""
    parsed = _parse(data, name, fmt)
    check_storable(parsed.questions)
    return parsed


def _parse(data: bytes | str, name: str = "", fmt: str | None = None) -> Parsed:
    fmt = fmt or detect_format(name, data)
    if fmt == "json":
        try:
            return Parsed("json", bankjson.parse_bank_json(data))
        except bankjson.BankJsonError as exc:
            raise ImportFailed([str(e) for e in exc.errors]) from None
    try:
        result = gift.parse_gift(data)
    except gift.GiftError as exc:
        raise ImportFailed([str(e) for e in exc.errors]) from None
    except UnicodeDecodeError:
        raise ImportFailed(["line 1: the file is not UTF-8 text"]) from None
    skipped = [f"line {s['line']}: {s['name'] or s['type']}: {s['reason']}" for s in result.skipped]
    return Parsed("gift", result.questions, skipped, [str(w) for w in result.warnings])


def parse_upload(data: bytes, filename: str) -> Parsed:
    """An uploaded bank file: refused unless its name ends in .gift, .txt or .json and its bytes
    look like text; then read like ``parse``. The name is only looked at, never used as a path."""
    label = safe_label(filename)
    if not label.lower().endswith(UPLOAD_EXTENSIONS):
        raise ImportFailed([f"“{label}” is not a GIFT (.gift, .txt) or JSON (.json) file."])
    kind = sniff_binary(data)
    if kind is not None:
        raise ImportFailed([f"“{label}” is {kind}, not a GIFT or JSON text file."])
    return parse(data, label)


def _import_document() -> Document:
    row = db.session.get(Document, IMPORT_DOCUMENT)
    if row is None:
        row = Document(id=IMPORT_DOCUMENT, title="Imported questions", text="", structure={},
                       kind="reference", author="", publication="", licence="", attribution="")
        db.session.add(row)
        db.session.flush()
    return row


def _spec(q: dict) -> dict:
    """The stored spec: what grading needs, plus GIFT's weights, so that export gives them back."""
    spec = spec_from_bank(q)
    if "choices" in spec:
        for c, src in zip(spec["choices"], q.get("choices") or []):
            if src.get("fraction") is not None:
                c["fraction"] = src["fraction"]
    for key in ("answers", "min", "max", "distractors"):
        if q.get(key) is not None and q["type"] in ("short_answer", "numeric", "matching"):
            spec[key] = q[key]
    return spec


def _number(value, default: float) -> float:
    """A bank file's optional number (difficulty, quality): ``default`` when it is absent or null."""
    return default if value is None else float(value)


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)


def store(parsed: Parsed, user: User | None, document_id: str | None = None, status: str | None = None,
          filename: str = "") -> ImportReport:
    """Store parsed questions (new ids added, known ids updated with a revision). Flushes only:
    the caller commits, so an error anywhere leaves nothing behind. The audit log gets one entry
    for the import and one for each question it added or changed."""
    report = ImportReport(skipped=list(parsed.skipped))
    touched: list[str] = []
    unplaced: list[Question] = []  # questions the file gives no sentence: found from their citation
    fallback = db.session.get(Document, document_id) if document_id else None
    if document_id and fallback is None:
        raise ImportFailed([f"there is no document {document_id!r}"])
    for q in parsed.questions:
        cited = (q.get("citation") or {}).get("document")
        document = db.session.get(Document, cited) if cited else None
        document = document or fallback or _import_document()
        fields = {"document_id": document.id, "type": q["type"], "prompt": q["prompt"], "spec": _spec(q),
                  "explanation": q.get("explanation") or "", "citation": q.get("citation") or {},
                  "section": str((q.get("citation") or {}).get("section") or "")[:300],
                  "sentence_id": q.get("sentence_id"), "excludes": excludes_of(q),
                  "difficulty": _number(q.get("difficulty"), 0.5),
                  "quality": _number(q.get("quality"), 1.0), "reasons": list(q.get("reasons") or []),
                  "status": status or q.get("status") or "needs_review"}
        row = db.session.get(Question, q["id"])
        if row is None:
            row = Question(id=q["id"], origin="teacher", status_set_by="teacher", **fields)
            db.session.add(row)
            db.session.flush()
            if row.sentence_id is None:
                unplaced.append(row)
            revisions.record(row, None, user, "imported", f"imported ({parsed.format})")
            audit.record(user, "question.imported", "question", row.id, f"added by an import ({parsed.format})")
            report.added += 1
            touched.append(row.id)
            continue
        before = revisions.state(row)
        for k, v in fields.items():
            setattr(row, k, v)
        if row.sentence_id is None:
            unplaced.append(row)
        if revisions.state(row) == before:
            report.unchanged += 1
            continue
        row.status_set_by = "teacher"
        if row.origin == "generated":
            row.origin = "edited"
        revisions.record(row, before, user, "imported", f"updated by an import ({parsed.format})")
        audit.record(user, "question.imported", "question", row.id, f"updated by an import ({parsed.format})")
        report.updated += 1
        touched.append(row.id)
    giveaways.place_all(unplaced, cited_anew=False)
    label = (filename or "").replace("\\", "/").rsplit("/", 1)[-1][:120] or parsed.format
    audit.record(user, "bank.imported", "bank", label,
                 f"{parsed.format.upper()} import: {report.added} added, {report.updated} updated, "
                 f"{report.unchanged} unchanged", {"format": parsed.format, "added": report.added,
                                                  "updated": report.updated, "unchanged": report.unchanged,
                                                  "questions": touched[:500]})
    db.session.flush()
    return report


def export(questions: list[Question], fmt: str) -> str:
    """The questions as GIFT or JSON bank text. GIFT cannot hold ordering questions: they are
    left out, named in a comment."""
    data = [bankadmin.bank_dict(q) for q in questions]
    if fmt == "json":
        return bankjson.to_bank_json(data)
    if fmt == "gift":
        return gift.to_gift(data, unsupported="comment")
    raise ValueError(f"unknown format {fmt!r}")


def export_filtered(filters: bankadmin.Filters, fmt: str) -> str:
    return export(bankadmin.selected(filters, None), fmt)


def dry_run_json(parsed: Parsed) -> str:
    return json.dumps({"questions": [ordered(q) for q in parsed.questions]}, indent=2, ensure_ascii=False)


def all_questions() -> list[Question]:
    return list(db.session.scalars(select(Question).order_by(Question.document_id, Question.id)))
