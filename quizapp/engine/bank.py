"""Bank files: stable question ids, near-duplicate removal, JSON and the report."""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path

from quizapp.engine.generate import Candidate
from quizapp.engine.model import Document
from quizapp.engine.normalize import answer_key, fold

TYPE_ORDER = ["multiple_choice", "true_false", "short_answer", "numeric", "matching", "ordering",
              "multiple_response"]


def question_id(c: Candidate) -> str:
    """Stable across regenerations: derived from the document, the sentence and the answer."""
    sentence = re.sub(r"\s+", " ", fold(c.sentence.text)).strip().lower()
    raw = "\x1f".join([c.doc.id, sentence, c.qtype, answer_key(c.key_text)])
    return c.doc.id[:24].rstrip("-") + "-" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:12]


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"\w+", fold(text).lower()))


def remove_near_duplicates(cands: list[Candidate]) -> list[tuple[Candidate, str]]:
    """Mark later near-duplicates (same type and answer, nearly the same stem) as rejected.

    Returns the (candidate, reason) pairs that were dropped."""
    dropped = []
    kept: dict[tuple[str, str], list[tuple[set[str], str]]] = {}
    for c in cands:
        if c.reject:
            continue
        key = (c.qtype, answer_key(c.key_text))
        toks = _tokens(c.prompt)
        for other_toks, other_id in kept.get(key, []):
            union = toks | other_toks
            if union and len(toks & other_toks) / len(union) >= 0.75:
                c.reject = f"near-duplicate of {other_id}"
                dropped.append((c, c.reject))
                break
        else:
            kept.setdefault(key, []).append((toks, question_id(c)))
    return dropped


def one_line(text: str) -> str:
    """A fact read across a line break of the source ('January\n1941' in hard-wrapped Markdown) is
    shown on one line: what the student sees, types and is told never holds a line break."""
    return " ".join(text.split()) if "\n" in text else text


def to_question(c: Candidate, quality: float, difficulty: float, status: str) -> dict:
    doc = c.doc
    sentence = c.sentence
    paragraph = doc.paragraphs[sentence.paragraph]
    q: dict = {"id": question_id(c), "type": c.qtype, "prompt": c.prompt}
    if c.qtype in ("multiple_choice", "true_false", "multiple_response"):
        q["choices"] = [{k: one_line(v) if isinstance(v, str) else v for k, v in ch.items()} for ch in c.choices]
    if c.qtype in ("short_answer", "numeric"):
        q["answer"] = one_line(c.answer)
        q["accept"] = list(dict.fromkeys(one_line(a) for a in c.accept))
        if c.tolerance is not None:
            q["tolerance"] = c.tolerance
    if c.qtype == "matching":
        q["pairs"] = [[one_line(a), one_line(b)] for a, b in c.pairs]
    if c.qtype == "ordering":
        q["sequence"] = [one_line(x) for x in c.sequence]
    q["explanation"] = one_line(c.explanation)
    q["citation"] = {
        "document": doc.id,
        "start": c.cite_start,
        "end": c.cite_end,
        "quote": doc.text[c.cite_start:c.cite_end],
        # a thread read without metadata has no sections of its own: its answers' name lines and heads are not
        "section": "" if doc.kind == "discussion" and doc.meta.get("answers_start") is not None
        else doc.section_title(sentence.section),
        "paragraph": paragraph.number,
        "sentence": {"start": sentence.start, "end": sentence.end},
        "answer": {"start": c.answer_span[0], "end": c.answer_span[1]} if c.answer_span else None,
    }
    q["sentence_id"] = f"{doc.id}:{sentence.index}"
    if "sentences" in c.features:
        q["sentence_ids"] = [f"{doc.id}:{i}" for i in c.features["sentences"]]
        # the sentences a many-sentence question rests on, so a reader can show just those
        q["citation"]["sentences"] = [{"start": doc.sentences[i].start, "end": doc.sentences[i].end}
                                      for i in c.features["sentences"]]
    q["fact_kind"] = c.features.get("kind", "")
    if c.features.get("variant"):
        q["variant"] = True  # the other true/false version of an item: same sentence, never in one attempt
    q["difficulty"] = difficulty
    q["quality"] = quality
    q["status"] = status
    q["reasons"] = list(c.reasons)
    return q


def document_header(doc: Document, source_file: str) -> dict:
    meta = doc.meta
    return {
        "id": doc.id,
        "title": doc.title,
        "sha256": doc.sha256,
        "source_file": source_file,
        "author": meta.get("author", ""),
        "publication": meta.get("publication", ""),
        "date": meta.get("date"),
        "kind": doc.kind,
        "licence": meta.get("licence", ""),
        "attribution": meta.get("attribution", ""),
    }


def write_bank(path: Path, header: dict, questions: list[dict], rejected: list[dict]) -> None:
    data = {"document": header, "questions": questions, "rejected": rejected}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def reason_family(reason: str) -> str:
    """'near-duplicate of <id>' -> 'near-duplicate': the reason without the question it names."""
    return re.sub(r" of [\w-]+$", "", reason) if reason.startswith(("near-duplicate", "duplicate")) else reason


def render_report(results: list[tuple[dict, list[dict], list[dict]]]) -> str:
    """A report teachers can read: what was published, what needs review, what was rejected and why."""
    lines = ["# Question generation report", "",
             "Generated by `quizapp generate`. Questions below the quality threshold are kept with status",
             "`needs_review`; rejected candidates were not kept, for the reason given.", ""]
    for header, questions, rejected in results:
        status = Counter(q["status"] for q in questions)
        lines += [f"## {header['title']}", "",
                  f"- document id: `{header['id']}`; kind: {header['kind']}",
                  f"- questions: {len(questions)} ({status.get('published', 0)} published, "
                  f"{status.get('needs_review', 0)} need review)",
                  f"- rejected candidates: {len(rejected)}", ""]
        review = [q for q in questions if q["status"] == "needs_review"]
        if review:
            lines += ["### Needs review", ""]
            for q in review:
                lines.append(f"- `{q['id']}` ({q['type']}, quality {q['quality']}): {_short(q['prompt'])} "
                             f"— {'; '.join(q['reasons'])}")
            lines.append("")
        if rejected:
            lines += ["### Rejected candidates", ""]
            by_reason = Counter(reason_family(r["reason"]) for r in rejected)
            lines += [f"- {n} × {reason}" for reason, n in sorted(by_reason.items(), key=lambda kv: (-kv[1], kv[0]))]
            lines.append("")
            for r in rejected:
                what = f"{r['type']} on “{r['answer']}”" if r.get("answer") else r.get("type", "sentence")
                lines.append(f"- {what} — {r['reason']}: {_short(r['passage'])}")
            lines.append("")
    return "\n".join(lines)


def _short(text: str, n: int = 140) -> str:
    t = re.sub(r"\s+", " ", text).strip()
    return t if len(t) <= n else t[: n - 1] + "…"
