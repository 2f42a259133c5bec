"""Loading the question bank (``questions/bank/*.json``) into the database.

Idempotent: questions are upserted on their stable ids. Reloading updates generated questions
but never a question that a teacher edited or wrote, and never a status that a teacher set.
Generated questions that left the bank are retired, never deleted: past attempts refer to them.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from quizapp.engine import grading
from quizapp.extensions import db
from quizapp.models import Document, Question

log = logging.getLogger(__name__)

BANK_STATUSES = ("published", "needs_review")


class BankError(ValueError):
    """A bank file cannot be read at all; the message names the file."""


@dataclass
class LoadReport:
    files: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0  # edited or written by a teacher: left alone
    retired: int = 0
    needs_review: int = 0
    documents: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "file: question: reason"
    problems: list[str] = field(default_factory=list)  # loaded, but held for review: why

    def render(self) -> str:
        lines = [f"bank: {self.files} file(s), {self.added} added, {self.updated} updated, "
                 f"{self.unchanged} unchanged, {self.kept} kept (teacher's), {self.retired} retired, "
                 f"{self.needs_review} held for review, {len(self.skipped)} skipped"]
        lines += [f"  skipped {s}" for s in self.skipped[:20]]
        lines += [f"  review {p}" for p in self.problems[:20]]
        return "\n".join(lines)


def spec_from_bank(q: dict) -> dict:
    """The type-specific part of a bank question, as stored in ``Question.spec``."""
    qtype = q["type"]
    if qtype in grading.CHOICE_TYPES:
        choices = []
        for c in q.get("choices") or []:
            choice = {"text": str(c.get("text", "")), "correct": c.get("correct") is True}
            if c.get("feedback"):
                choice["feedback"] = str(c["feedback"])
            choices.append(choice)
        return {"choices": choices}
    if qtype in grading.TYPED_TYPES:
        spec = {"answer": str(q.get("answer", "")), "accept": [str(a) for a in q.get("accept") or []]}
        if q.get("tolerance") is not None:
            spec["tolerance"] = q["tolerance"]
        return spec
    if qtype == "matching":
        return {"pairs": [[str(a), str(b)] for a, b in (q.get("pairs") or [])]}
    if qtype == "ordering":
        return {"sequence": [str(s) for s in q.get("sequence") or []]}
    return {}


def _stub_document(meta: dict) -> Document:
    """A document known only from its bank file (its source was not loaded): no text."""
    row = Document(id=meta["id"], title=meta.get("title") or meta["id"], text="", structure={})
    for name in ("author", "publication", "licence", "attribution"):
        setattr(row, name, meta.get(name) or "")
    row.date = meta.get("date")
    row.kind = meta.get("kind") or "reference"
    row.sha256 = meta.get("sha256") or ""
    row.source_file = meta.get("source_file")
    db.session.add(row)
    log.warning("bank document %s has no loaded source: explanations will show the quote only", meta["id"])
    return row


def excludes_of(q: dict) -> list[str] | None:
    """The bank's ``excludes`` of a question: its list of question ids, or None (none, or not a list of ids)."""
    ids = q.get("excludes")
    if not isinstance(ids, list) or not all(isinstance(x, str) and x for x in ids):
        return None
    return sorted(set(ids)) or None


def _fields(q: dict, document: Document) -> tuple[dict, str, list[str]]:
    qtype = q["type"]
    spec = spec_from_bank(q)
    citation = dict(q.get("citation") or {})
    problems = [f"invalid question: {e}" for e in grading.spec_errors(qtype, spec)]
    start, end = citation.get("start"), citation.get("end")
    if document.text:
        if not (isinstance(start, int) and isinstance(end, int)
                and document.text[start:end] == citation.get("quote")):
            problems.append("the citation does not match the document text")
    status = q.get("status") if q.get("status") in BANK_STATUSES else "needs_review"
    if problems:
        status = "needs_review"
    fields = {
        "document_id": document.id,
        "type": qtype,
        "prompt": str(q["prompt"]),
        "spec": spec,
        "explanation": str(q.get("explanation") or ""),
        "citation": citation,
        "section": str(citation.get("section") or "")[:300],
        "sentence_id": q.get("sentence_id"),
        "excludes": excludes_of(q),
        "difficulty": float(q.get("difficulty", 0.5)),
        "quality": float(q.get("quality", 1.0)),
        "reasons": [str(r) for r in q.get("reasons") or []] + problems,
    }
    return fields, status, problems


def load_bank_data(data: dict, report: LoadReport, name: str = "bank", keep_present: bool = False) -> None:
    """Load one document's bank (the parsed JSON of one bank file).

    With ``keep_present`` (a re-uploaded document), a generated question the new bank lacks is
    retired only when its cited passage is gone from the document; when the passage is still
    there, the question is kept and its citation re-anchored to where the passage now stands."""
    meta = data.get("document") if isinstance(data, dict) else None
    if not isinstance(meta, dict) or not meta.get("id") or not isinstance(data.get("questions"), list):
        raise BankError(f"{name}: expected {{\"document\": {{\"id\": ...}}, \"questions\": [...]}}")
    document = db.session.get(Document, meta["id"]) or _stub_document(meta)
    report.documents.append(document.id)
    seen: set[str] = set()
    for q in data["questions"]:
        qid = q.get("id") if isinstance(q, dict) else None
        if not qid or q.get("type") not in grading.TYPES or not q.get("prompt"):
            report.skipped.append(f"{name}: {qid or '?'}: no id, prompt or known type")
            continue
        if qid in seen:
            report.skipped.append(f"{name}: {qid}: duplicate id")
            continue
        seen.add(qid)
        fields, status, problems = _fields(q, document)
        if problems:
            report.problems.append(f"{name}: {qid}: {'; '.join(problems)}")
        row = db.session.get(Question, qid)
        if row is None:
            db.session.add(Question(id=qid, origin="generated", status=status, status_set_by="bank", **fields))
            report.added += 1
        elif row.origin != "generated" or (row.document_id != document.id):
            report.kept += 1
            continue
        else:
            changed = any(getattr(row, k) != v for k, v in fields.items())
            if row.status_set_by == "bank" and row.status != status:
                row.status = status
                changed = True
            if changed:
                for k, v in fields.items():
                    setattr(row, k, v)
                report.updated += 1
            else:
                report.unchanged += 1
        if status == "needs_review":
            report.needs_review += 1
    # Generated questions of this document that the bank no longer has: retire them.
    gone = db.session.scalars(select(Question).where(
        Question.document_id == document.id, Question.origin == "generated",
        Question.status != "retired", Question.id.not_in(seen) if seen else Question.id.is_not(None)))
    for row in gone:
        if keep_present and _reanchor(row, document):
            report.kept += 1
            continue
        row.status = "retired"
        row.status_set_by = "bank"
        report.retired += 1
    db.session.flush()


def _reanchor(row: Question, document: Document) -> bool:
    """Move a question's citation to where its quote now stands; False when the quote is gone
    or no longer found exactly once."""
    citation = dict(row.citation or {})
    quote = citation.get("quote") or ""
    text = document.text or ""
    at = text.find(quote) if quote else -1
    if at < 0 or text.find(quote, at + 1) >= 0:
        return False
    shift = at - int(citation.get("start") or 0)
    citation["start"], citation["end"] = at, at + len(quote)
    for key in ("sentence", "answer"):
        span = citation.get(key)
        if isinstance(span, dict) and "start" in span and "end" in span:
            citation[key] = {"start": span["start"] + shift, "end": span["end"] + shift}
    if citation.get("sentences"):
        citation["sentences"] = [{"start": x["start"] + shift, "end": x["end"] + shift} for x in citation["sentences"]]
    row.citation = citation
    return True


def load_bank_file(path: Path, report: LoadReport) -> None:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BankError(f"{path.name}: {exc}") from exc
    load_bank_data(data, report, name=path.name)
    report.files += 1


def load_bank_dir(bank_dir: Path) -> LoadReport:
    """Load every ``*.json`` bank file of ``bank_dir`` (a missing directory loads nothing)."""
    report = LoadReport()
    bank_dir = Path(bank_dir)
    if not bank_dir.is_dir():
        log.warning("no question bank at %s", bank_dir)
        return report
    for path in sorted(bank_dir.glob("*.json")):
        load_bank_file(path, report)
    return report
