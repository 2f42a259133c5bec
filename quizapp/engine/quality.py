"""Filters, quality score and difficulty estimate for question candidates.

A hard problem rejects a candidate (it is listed, with its reason, in the
generator's report); soft problems lower its quality score, and a candidate
below ``THRESHOLD`` is kept with status ``needs_review``.
"""
from __future__ import annotations

import re
import statistics

from quizapp.engine.distractors import magnitude_distance
from quizapp.engine.generate import Candidate
from quizapp.engine.normalize import contains_word, fold
from quizapp.engine.cuts import BLANK
from quizapp.engine.patterns import rx

THRESHOLD = 0.6
_ONE_BLANK_TYPES = ("true_false", "multiple_choice", "short_answer", "numeric")
_ATTRIBUTION = re.compile(r"^According to [^,]*,(?: in the section “[^”]*”,)? ")
_SENTENCE_BREAK = re.compile(r"[.!?][”’\"]?\s+[A-Z“‘]")
# A full stop after these ends a word, not a sentence ('Mount St. Helens', 'Dr. Terry Hughes', 'John G. Wright').
_ABBREVIATION = re.compile(r"(?:\b(?:St|Mt|Ft|Dr|Mr|Mrs|Ms|Prof|Rev|Gen|Col|Capt|Lt|Sgt|Jr|Sr|No|Nos|pp|vol|Vol|"
                           r"ed|eds|Co|Inc|Ltd|vs|cf|approx)|\b[A-Z]|\bU\.S)$")

_ARTICLE_BLANK = re.compile(r"\b(?:a|an)\s+" + re.escape(BLANK), re.I)

_BASE_DIFFICULTY = {
    "true_false": 0.3, "multiple_choice": 0.45, "multiple_response": 0.55, "matching": 0.5,
    "ordering": 0.65, "short_answer": 0.7, "numeric": 0.75,
}


def sentence_breaks(text: str) -> int:
    """How many sentences end inside ``text`` (not counting its last), abbreviations aside."""
    return sum(1 for m in _SENTENCE_BREAK.finditer(text)
               if text[m.start()] != "." or not _ABBREVIATION.search(text[:m.start()]))


def check(c: Candidate) -> None:
    """Set ``c.reject`` for hard problems and append soft ones to ``c.reasons``."""
    if c.reject or c.features.get("checked"):
        return
    c.features["checked"] = True
    prompt = fold(c.prompt).lower()
    quote = c.doc.text[c.cite_start:c.cite_end]
    # Grounding: every correct answer is in the cited passage as written there.
    choice_keys = c.qtype in ("multiple_choice", "multiple_response") and c.features.get("kind") not in ("statements", "event")
    correct = [ch["text"] for ch in c.choices if ch["correct"]] if choice_keys else []
    if c.qtype in ("short_answer", "numeric"):
        correct = [c.answer]
    for text in correct:
        if text not in quote:
            c.reject = "not grounded: the answer is not in the cited passage"
            return
    if c.fact is not None and c.fact.text not in quote:
        c.reject = "not grounded: the fact is not in the cited passage"
        return
    # Cues.
    if c.qtype in ("multiple_choice", "short_answer", "numeric") and c.fact is not None:
        key = fold(c.fact.text).lower()
        if contains_word(prompt, key):
            c.reject = "cue: the answer is also in the stem"
            return
        if c.qtype == "multiple_choice" and _ARTICLE_BLANK.search(c.prompt):
            c.reject = "cue: the article before the blank gives the answer away"
            return
    title = re.search(r"in the section “(.+?)”, ", c.prompt)  # the section title the stem shows
    if c.fact is not None and c.fact.kind in ("date", "year", "range"):
        years = re.findall(r"\d{4}", c.fact.text)
        if title and (any(rx(rf"(?<![\d–-]){y}(?![\ds–-])").search(title.group(1)) for y in years)
                      or len(years) >= 2 and all(y in title.group(1) for y in years)):
            c.reject = "cue: the section title names the answer's year"
            return
    if c.fact is not None and c.fact.kind == "person" and len(c.fact.text.split()) >= 2:
        surname = c.fact.text.split()[-1]
        if title and len(surname) >= 3 and rx(rf"\b{re.escape(fold(surname))}\b").search(fold(title.group(1))):
            # 'In 1945 _____ … confirmed this arrangement' under “Dorothy Hodgkin and the structure”
            c.reject = "cue: the section title names the person asked"
            return
    if c.qtype == "multiple_choice":
        texts = [ch["text"] for ch in c.choices]
        if len({fold(t).lower() for t in texts}) < len(texts):
            c.reject = "options are not distinct"
            return
        key_len = len(correct[0]) if correct else 0
        others = [len(t) for t in texts if t not in correct]
        if others and key_len > 2.2 * statistics.median(others) + 4:
            c.reasons.append("length cue: the key is much longer than the distractors")
        if others and key_len * 2.2 + 4 < statistics.median(others):
            c.reasons.append("length cue: the key is much shorter than the distractors")
    # A detail buried in a long stem tests reading stamina, not the text (blind reviews 9101, 9203, 9204).
    if c.qtype in _ONE_BLANK_TYPES:
        body = _ATTRIBUTION.sub("", c.prompt)
        if sentence_breaks(body) + 1 >= 3:
            c.reject = "stem of three sentences or more: the tested detail is buried"
            return
        if c.qtype == "true_false" and len(body.split()) > 60:
            c.reject = "true/false statement over 60 words: the changed detail is buried"
            return
    f = c.features
    if f.get("needs_context"):
        c.reasons.append("needs the sentence before it for context")
    if f.get("from_report"):
        c.reasons.append("from inside a quoted report: check the stem says what it is about")
    elif f.get("quoted"):
        c.reasons.append("from a passage the author quotes")
    if f.get("words", 0) > (70 if f.get("needs_context") else 45):
        c.reasons.append("long stem")
    if f.get("kind") in ("nationality", "place", "group") and c.qtype in ("multiple_choice", "true_false"):
        c.reasons.append("a place or group name: often incidental")
    shortest = min(len(a.split()) for a in [c.answer, *c.accept]) if c.qtype == "short_answer" else 0
    if c.qtype == "short_answer" and f.get("kind") in ("org", "place", "group", "work") and shortest >= 4:
        c.reasons.append("typed names of places and organisations have many spellings")
    if c.qtype == "ordering" and f.get("words", 0) > 70:
        c.reasons.append("long events to order")
    if "(" in c.prompt and ")" not in c.prompt:
        c.reasons.append("unbalanced bracket in the stem")
    if c.prompt.count("“") != c.prompt.count("”"):
        c.reasons.append("unbalanced quotation marks in the stem")


_PENALTY = {
    "length cue": 0.25,
    "needs the sentence": 0.05,
    "from a passage the author quotes": 0.08,
    "from inside a quoted report": 0.35,
    "long stem": 0.12,
    "a place or group name": 0.2,
    "typed names": 0.25,
    "a swapped name": 0.2,
    "long events": 0.15,
    "unbalanced bracket": 0.35,
    "unbalanced quotation": 0.35,
}


def score(c: Candidate) -> float:
    q = 0.92
    for reason in c.reasons:
        for prefix, penalty in _PENALTY.items():
            if reason.startswith(prefix):
                q -= penalty
                break
        else:
            q -= 0.1
    return round(max(0.0, min(1.0, q)), 2)


def difficulty(c: Candidate) -> float:
    d = _BASE_DIFFICULTY.get(c.qtype, 0.5)
    kind = c.features.get("kind")
    if kind in ("quantity", "percent", "range", "ratio", "date"):
        d += 0.1
    elif kind in ("person", "nationality", "place"):
        d -= 0.05
    if c.qtype == "multiple_choice" and c.fact is not None and kind in ("quantity", "percent", "year"):
        distances = [magnitude_distance(c.fact, ch["text"]) for ch in c.choices if not ch["correct"]]
        if distances and min(distances) < 0.25:
            d += 0.1  # a close distractor
    words = c.features.get("words", 20)
    d += min(0.1, max(0.0, (words - 25) / 200))
    if c.features.get("needs_context"):
        d += 0.05
    return round(max(0.05, min(0.95, d)), 2)
