"""Which questions must never share an attempt because one gives the other away.

Questions of one sentence already never do (the draw takes one per sentence). Two more cases:

- a question built on several sentences (statements to select, pairs to match, events to order)
  shows what the questions of each of those sentences ask;
- a question of another sentence may state the fact another one asks: "At its peak in mid-1932,
  42,230 foreign workers …" shown as the context of one question gives away "At its peak in _____"
  of another. It counts when the key appears, word for word, in what the student sees of the other
  question (its stem, or the statements, pairs or events it lists; never its options, which are not
  claims), together with at least ``SHARED_WORDS`` content words of the key's own sentence: the
  same fact told of the same thing, not the same number said of something else.

Pure data in, pure data out: ``exclusions(questions)`` on the bank's question dicts of one document.
"""
from __future__ import annotations

import re
from collections import defaultdict

from quizapp.engine.factindex import content_words
from quizapp.engine.generate import STEM_ATTRIBUTION
from quizapp.engine.normalize import fold

SHARED_WORDS = 2
MAX_KEY_WORDS = 8
_TOKEN = re.compile(r"\w+(?:[.,]\d+)*")
_STATEMENT_WORDS = 6  # a multiple-response option this long is a statement, not a name or a value


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text).lower())


def shown(q: dict) -> str:
    """What a student reads of ``q`` that states facts: the stem without its attribution, and the
    statements, pairs or events it lists (not the options of a multiple choice)."""
    parts = [STEM_ATTRIBUTION.sub("", q["prompt"])]
    if q["type"] == "multiple_response":
        parts += [c["text"] for c in q.get("choices", []) if len(c["text"].split()) >= _STATEMENT_WORDS]
    for pair in q.get("pairs", []):
        parts += pair
    parts += q.get("sequence", [])
    return " ".join(parts)


def keys(q: dict) -> list[str]:
    """The answers a question asks for that another question could show."""
    if q["type"] == "multiple_choice":
        return [c["text"] for c in q["choices"] if c["correct"]]
    if q["type"] in ("short_answer", "numeric"):
        return [q["answer"]]
    return []


def _sentence_text(q: dict) -> str:
    c = q["citation"]
    s = c.get("sentence") or {"start": c["start"], "end": c["end"]}
    return c["quote"][s["start"] - c["start"]:s["end"] - c["start"]]


def exclusions(questions: list[dict]) -> dict[str, list[str]]:
    """question id -> the ids of the questions (of other sentences) it must not share an attempt with."""
    out: dict[str, set[str]] = defaultdict(set)

    def exclude(a: dict, b: dict) -> None:
        if a["id"] != b["id"] and a.get("sentence_id") != b.get("sentence_id"):
            out[a["id"]].add(b["id"])
            out[b["id"]].add(a["id"])

    # A question on several sentences, and the questions of each of them.
    by_sentence: dict[str, list[dict]] = defaultdict(list)
    for q in questions:
        by_sentence[q.get("sentence_id")].append(q)
    for q in questions:
        for sid in q.get("sentence_ids") or []:
            for other in by_sentence.get(sid, []):
                exclude(q, other)

    # A key shown, with its sentence's words, by another question. Keys are looked up by their words
    # in each shown text (one pass over its words), never by comparing every pair of questions.
    wanted: dict[tuple[str, ...], list[tuple[dict, frozenset[str]]]] = defaultdict(list)
    for q in questions:
        for key in keys(q):
            words = tuple(_tokens(key))
            if words and len(key) >= 3 and len(words) <= MAX_KEY_WORDS:
                wanted[words].append((q, content_words(_sentence_text(q)) - content_words(key)))
    lengths_from: dict[str, set[int]] = defaultdict(set)  # a key's first word -> the lengths of keys it starts
    for key_words in wanted:
        lengths_from[key_words[0]].add(len(key_words))
    for b in questions:
        text = shown(b)
        words = _tokens(text)
        found = {tuple(words[i:i + n]) for i, word in enumerate(words) for n in lengths_from.get(word, ())}
        found &= wanted.keys()
        if not found:
            continue
        seen = content_words(text)
        for key in found:
            for a, context in wanted[key]:
                if len(context & seen) >= SHARED_WORDS:
                    exclude(a, b)
    return {qid: sorted(ids) for qid, ids in sorted(out.items())}
