"""Uploading a document: read it (text, Markdown or HTML), run the generator, and put the new
questions in the review queue with the generator's report.

The file name is only read for its extension (the format) and kept as a label; it is never used
as a path: nothing is written to disk, the text is stored in the database. A changed document
regenerates its questions: unchanged questions keep their ids (the ids are derived from the
document, the sentence and the answer) and their history; generated questions whose sentence is
gone are retired, never deleted.
"""
from __future__ import annotations

import logging
import queue
import re
import threading
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from quizapp.engine import pipeline, reader
from quizapp.extensions import db
from quizapp.models import Document, Question, User
from quizapp.services import audit, bank, documents

log = logging.getLogger(__name__)
EXTENSIONS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


class UploadError(ValueError):
    """The upload is refused; the message says why."""


# The first bytes of common binary formats: a file that starts with one is not text, whatever
# its name says (a PDF or a Word file renamed .txt, an executable renamed .html).
# Signatures that plain text can start with too ("MZ …") are left to the NUL test below: programs
# and most binary formats hold NUL bytes near their start.
SIGNATURES = {b"%PDF-": "a PDF file", b"PK\x03\x04": "a ZIP archive (or a Word/OpenDocument file)",
              b"\xd0\xcf\x11\xe0": "an old Office file", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
              b"GIF87a": "a GIF image", b"GIF89a": "a GIF image", b"\x7fELF": "a program", b"\x1f\x8b": "a gzip archive",
              b"{\\rtf1": "an RTF file", b"Rar!\x1a\x07": "a RAR archive", b"7z\xbc\xaf": "a 7-Zip archive"}


def sniff_binary(data: bytes) -> str | None:
    """What binary kind of file ``data`` is (from its first bytes, or a NUL byte in its first
    8 KB), or None when it may be text. Cheap: it looks at the start only."""
    for magic, kind in SIGNATURES.items():
        if data.startswith(magic):
            return kind
    if b"\x00" in data[:8192]:
        return "a binary file"
    return None


def _extension(filename: str) -> str:
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    return ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""


def safe_label(filename: str) -> str:
    """The file's base name as a harmless label (no directories, no control characters)."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    return name.strip()[:200] or "upload"


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80]


@dataclass
class UploadReport:
    document: Document
    added: int
    kept: int
    retired: int
    needs_review: int
    summary: str
    rejected: list[dict]


@dataclass
class Prepared:
    """A checked upload, read and structured, ready for the generator."""
    doc: reader.Document
    label: str


def prepare(filename: str, data: bytes, meta: dict, max_bytes: int) -> Prepared:
    """Check and read an uploaded file (quick; nothing stored). UploadError says what is wrong."""
    fmt = EXTENSIONS.get(_extension(filename))
    if fmt is None:
        raise UploadError("Only .txt, .md and .html files can be uploaded "
                          f"(“{safe_label(filename)}” is not one of them).")
    if len(data) > max_bytes:
        raise UploadError(f"The file is too large: {len(data) // 1024} KB, and the limit is {max_bytes // 1024} KB.")
    if not data.strip():
        raise UploadError("The file is empty.")
    kind = sniff_binary(data)
    if kind is not None:
        raise UploadError(f"“{safe_label(filename)}” is {kind}, not text: only .txt, .md and .html text files "
                          "can be uploaded.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UploadError("The file is not UTF-8 text. Save it as UTF-8 and upload it again.") from None
    title = (meta.get("title") or "").strip()
    doc_id = slug(meta.get("id") or title or safe_label(filename).rsplit(".", 1)[0])
    if not doc_id:
        raise UploadError("Give the document a title.")
    label = safe_label(filename)
    engine_meta = {k: v for k, v in meta.items() if v and k != "id"}
    engine_meta["file"] = label
    try:
        doc = reader.document_from_text(text, doc_id=doc_id, source_format=fmt, meta=engine_meta, raw=data)
    except reader.DocumentError as exc:
        raise UploadError(str(exc)) from None
    return Prepared(doc, label)


def generate(prepared: Prepared, progress: Callable[[str], None] | None = None,
             user: User | None = None) -> UploadReport:
    """Store the prepared document and its generated questions (flushes; the caller commits).
    ``progress`` gets a line at each stage, and the generator's own lines on long documents.
    The upload is recorded in the audit log as ``user``'s."""
    doc, label = prepared.doc, prepared.label
    say = progress or (lambda line: None)
    say(f"Read “{doc.title}”: {len(doc.sections)} section(s), {len(doc.paragraphs)} paragraph(s), "
        f"{len(doc.sentences)} sentence(s).")
    known = set(db.session.scalars(db.select(Question.id).where(Question.document_id == doc.id)))
    row = documents.upsert_document(doc, source_file=label)
    say("Generating questions…")
    summary = pipeline.generate_documents([doc], progress=progress, source_files=[label])
    result = summary.results[0]
    say(f"Generated {len(result.questions)} question(s); storing them.")
    questions = []
    for q in result.questions:
        if q["id"] not in known:  # new questions wait for a teacher in the review queue
            q = {**q, "status": "needs_review",
                 "reasons": list(q.get("reasons") or []) or ["new from an upload: check it before publishing"]}
        questions.append(q)
    report = bank.LoadReport()
    bank.load_bank_data({"document": result.header, "questions": questions}, report, name=label, keep_present=True)
    held = sum(1 for q in questions if q["id"] not in known)
    row.structure = {**row.structure, "generation": {"summary": summary.render(held_for_review=held),
                                                      "rejected": result.rejected[:500]}}
    audit.record(user, "document.uploaded", "document", row.id,
                 f"“{row.title}” from {label}: {report.added} new, {report.retired} retired",
                 {"file": label, "added": report.added, "kept": report.unchanged + report.updated + report.kept,
                  "retired": report.retired, "needs_review": report.needs_review})
    db.session.flush()
    return UploadReport(row, report.added, report.unchanged + report.updated + report.kept, report.retired,
                        report.needs_review, summary.render(held_for_review=held), result.rejected)


def upload(filename: str, data: bytes, meta: dict, max_bytes: int,
           progress: Callable[[str], None] | None = None, user: User | None = None) -> UploadReport:
    """Check, read and generate in one call (flushes; the caller commits)."""
    return generate(prepare(filename, data, meta, max_bytes), progress, user)


def run_in_background(app, prepared: Prepared, user_id: int | None = None) -> Iterator[tuple[str, str]]:
    """Generate and store ``prepared`` in a worker thread (its own app context, session and
    commit) and yield its progress as ``(kind, line)``: kind "step" while it runs, then one
    "done" or "error" line. Nothing is stored when it fails."""
    lines: queue.Queue = queue.Queue()

    def work():
        with app.app_context():
            try:
                user = db.session.get(User, user_id) if user_id is not None else None
                report = generate(prepared, lambda line: lines.put(("step", line.strip())), user)
                db.session.commit()
                lines.put(("done", f"Done: {report.added} new question(s) in the review queue, "
                                   f"{report.kept} kept, {report.retired} retired."))
            except Exception as exc:  # the teacher sees it; nothing is stored
                db.session.rollback()
                log.exception("generation of an upload failed")
                lines.put(("error", f"Generation failed, nothing was stored: {exc}"))
            finally:
                db.session.remove()
                lines.put(None)

    threading.Thread(target=work, name=f"upload-{prepared.doc.id}", daemon=True).start()
    return iter(lines.get, None)  # started now: the upload completes even if nobody reads the page
