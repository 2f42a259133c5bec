"""The project's JSON bank format: validate on import, write deterministically.

Accepted shapes: ``{"questions": [...]}`` and a per-document bank file
``{"document": {...}, "questions": [...]}`` (see the bank format). Every
question is checked by :func:`quizapp.engine.questionspec.validate_question`.

``parse_bank_json(text)`` returns the questions or raises
:class:`BankJsonError` listing every problem, each with a JSON path
(``$.questions[2].choices[0].text``) and the line it is on: the import is
all-or-nothing. ``to_bank_json(questions)`` writes the canonical form: the
bank format's key order, two-space indent, UTF-8 text, a final newline.
"""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass

from .questionspec import ordered, validate_question

DOCUMENT_KEYS = ("id", "title", "sha256", "source_file", "author", "publication", "date", "kind",
                 "licence", "attribution")
DOCUMENT_KINDS = ("reference", "discussion", "argument")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")


@dataclass(frozen=True)
class BankJsonIssue:
    path: str  # "$", "$.questions[3].choices[1].text"
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{where}{self.path}: {self.message}"


class BankJsonError(ValueError):
    """An invalid bank: ``errors`` lists every problem with its path and line."""

    def __init__(self, errors: list[BankJsonIssue]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


class _Locator:
    """Maps each JSON path to the line where its value starts (text is valid JSON)."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.lines: dict[str, int] = {}
        self.duplicates: list[tuple[str, int]] = []
        self.value(self.skip(0), "$")

    def line(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos)

    def skip(self, i: int) -> int:
        while i < len(self.text) and self.text[i] in " \t\n\r":
            i += 1
        return i

    def value(self, i: int, path: str) -> int:
        self.lines[path] = self.line(i)
        ch = self.text[i]
        if ch == "{":
            i, seen = self.skip(i + 1), set()
            if self.text[i] == "}":
                return i + 1
            while True:
                key_line = self.line(i)
                key, i = json.decoder.scanstring(self.text, i + 1)
                child = f"{path}.{key}" if re.fullmatch(r"[A-Za-z_]\w*", key) else f"{path}[{json.dumps(key)}]"
                if key in seen:
                    self.duplicates.append((child, key_line))
                seen.add(key)
                i = self.skip(self.skip(i) + 1)  # the colon
                i = self.skip(self.value(i, child))
                if self.text[i] == "}":
                    return i + 1
                i = self.skip(i + 1)  # the comma
        if ch == "[":
            i, n = self.skip(i + 1), 0
            if self.text[i] == "]":
                return i + 1
            while True:
                i = self.skip(self.value(i, f"{path}[{n}]"))
                n += 1
                if self.text[i] == "]":
                    return i + 1
                i = self.skip(i + 1)
        if ch == '"':
            return json.decoder.scanstring(self.text, i + 1)[1]
        for literal in ("true", "false", "null"):
            if self.text.startswith(literal, i):
                return i + len(literal)
        return _NUMBER.match(self.text, i).end()

    def find(self, path: str) -> int | None:
        """The line of ``path``, or of its nearest parent that exists."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = re.sub(r"(\.[^.\[]*|\[[^\]]*\])$", "", path) if path != "$" else ""
        return None


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")


def _check_document(doc, errors: list[tuple[str, str]]) -> None:
    if not isinstance(doc, dict):
        errors.append(("$.document", "must be an object"))
        return
    for key in ("id", "title"):
        if not isinstance(doc.get(key), str) or not doc[key].strip():
            errors.append((f"$.document.{key}", "is required (a non-empty string)"))
    for key in DOCUMENT_KEYS[2:]:
        if key in doc and not (isinstance(doc[key], str) or (key == "date" and doc[key] is None)):
            errors.append((f"$.document.{key}", "must be a string" + (" or null" if key == "date" else "")))
    if "kind" in doc and doc["kind"] not in DOCUMENT_KINDS:
        errors.append(("$.document.kind", f"must be one of {', '.join(DOCUMENT_KINDS)}"))


def validate_bank(data) -> list[tuple[str, str]]:
    """Every problem with a loaded bank, as (JSON path, message)."""
    errors: list[tuple[str, str]] = []
    if not isinstance(data, dict):
        return [("$", 'must be an object: {"questions": [...]} or {"document": ..., "questions": [...]}')]
    if "document" in data:
        _check_document(data["document"], errors)
    questions = data.get("questions")
    if not isinstance(questions, list):
        errors.append(("$.questions", "is required (a list of questions)" if questions is None
                       else "must be a list of questions"))
        return errors
    doc_id = data["document"].get("id") if isinstance(data.get("document"), dict) else None
    ids: dict[str, int] = {}
    for i, q in enumerate(questions):
        base = f"$.questions[{i}]"
        for issue in validate_question(q):
            errors.append((f"{base}.{issue.path}".rstrip(".").replace(".[", "["), issue.message))
        if not isinstance(q, dict):
            continue
        qid = q.get("id")
        if isinstance(qid, str) and qid:
            if qid in ids:
                errors.append((f"{base}.id", f"repeats the id of question {ids[qid]} ({qid!r})"))
            else:
                ids[qid] = i
        cited = q["citation"].get("document") if isinstance(q.get("citation"), dict) else None
        if doc_id and cited and cited != doc_id:
            errors.append((f"{base}.citation.document",
                           f"cites {cited!r} but this bank file is for document {doc_id!r}"))
    return errors


def parse_bank_json(text) -> list[dict]:
    """Validate a JSON bank and return its questions (all or nothing)."""
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = bytes(text)[: exc.start].count(b"\n") + 1
            raise BankJsonError([BankJsonIssue("$", line, "the file is not UTF-8 text")]) from None
    text = text.lstrip("\ufeff")
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise BankJsonError([BankJsonIssue("$", exc.lineno, f"not valid JSON: {exc.msg} "
                                           f"(column {exc.colno})")]) from None
    except ValueError as exc:
        raise BankJsonError([BankJsonIssue("$", None, str(exc))]) from None
    where = _Locator(text)
    issues = [BankJsonIssue(path, line, "this key appears twice in the object (JSON keeps only the last)")
              for path, line in where.duplicates]
    issues += [BankJsonIssue(path, where.find(path), message) for path, message in validate_bank(data)]
    if issues:
        raise BankJsonError(sorted(issues, key=lambda e: (e.line or 0)))
    return data["questions"]


def to_bank_json(questions: list[dict], *, document: dict | None = None) -> str:
    """The canonical JSON bank text; raises BankJsonError if a question is invalid."""
    data: dict = {}
    if document is not None:
        data["document"] = {**{k: document[k] for k in DOCUMENT_KEYS if k in document},
                            **{k: document[k] for k in sorted(document) if k not in DOCUMENT_KEYS}}
    data["questions"] = [ordered(q) for q in questions]
    problems = validate_bank(data)
    if problems:
        raise BankJsonError([BankJsonIssue(path, None, message) for path, message in problems])
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
