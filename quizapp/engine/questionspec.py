"""Validation of one bank question (a plain dict) by type.

Shared by the importers (GIFT, JSON bank) and usable by the authoring forms:
``validate_question(q)`` returns every problem found as ``Issue(path, message)``,
where ``path`` is relative to the question (``"choices[1].text"``; ``""`` for the
question itself). An empty list means the question is valid.

The rules are QuizApp's, on top of the bank format (docs: /tmp/bankschema.md):

- multiple_choice: at least 2 choices, exactly one correct; when fractions are
  given, the correct choice is worth 1 and the others less.
- multiple_response: at least 2 choices, at least one correct; when fractions
  are given, a choice is correct exactly when its fraction is positive and the
  positive fractions add up to 1.
- true_false: the two choices "True" and "False", exactly one correct.
- short_answer: a non-empty answer; any weighted ``answers`` include one worth 1.
- numeric: the answer is a number, the tolerance (optional) a number >= 0.
- matching: at least 2 pairs, distinct left items, no empty item.
- ordering: at least 2 distinct items.
- Options (choices, left items, sequence items) are distinct, compared without
  case and extra white space. Fractions lie in [-1, 1].
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .normalize import parse_number

QUESTION_TYPES = (
    "multiple_choice", "multiple_response", "true_false", "short_answer",
    "numeric", "matching", "ordering",
)
TEXT_FORMATS = ("moodle", "html", "plain", "markdown")
STATUSES = ("published", "needs_review", "retired")
TOLERANCE = 1e-5  # for sums of fractions written with 7 decimals (0.3333333 * 3)


@dataclass(frozen=True)
class Issue:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


def is_number(value) -> bool:
    """A finite int or float (a bool is not a number here)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


_PERCENT_TAIL = re.compile(r"\s*(%|per\s*cent|percent|pct)\.?\s*$", re.I)
_NUMBER_IN_TEXT = re.compile(r"-?\d[\d,]*(?:\.\d+)?(?:\s*(?:hundred|thousand|million|billion)\b)?", re.I)


def numeric_value(value) -> float | None:
    """The number a numeric answer stands for, or None.

    Reads 3, "2.5", "42,230", "26.3 million", "25%", "Ninety per cent" and a
    single number with a unit around it ("42,230 workers"), like the grader.
    """
    if is_number(value):
        return float(value)
    if not isinstance(value, str) or not value.strip():
        return None
    number = parse_number(value)
    if number is None:
        number = parse_number(_PERCENT_TAIL.sub("", value))
    if number is None:
        found = _NUMBER_IN_TEXT.findall(value)
        if len(found) == 1:
            number = parse_number(found[0])
    return number


def option_key(text: str) -> str:
    """How options are compared for distinctness: case and white space ignored."""
    return " ".join(text.split()).casefold()


def _join(base: str, key: str) -> str:
    if key.startswith("["):
        return base + key
    return f"{base}.{key}" if base else key


class _Checker:
    def __init__(self, q: dict):
        self.q = q
        self.issues: list[Issue] = []

    def add(self, path: str, message: str) -> None:
        self.issues.append(Issue(path, message))

    def text(self, obj: dict, key: str, path: str = "", *, required=True, nonempty=True) -> str | None:
        p = _join(path, key)
        if key not in obj or obj[key] is None:
            if required:
                self.add(p, "is required")
            return None
        value = obj[key]
        if not isinstance(value, str):
            self.add(p, f"must be a string, not {type(value).__name__}")
            return None
        if nonempty and not value.strip():
            self.add(p, "must not be empty")
            return None
        return value

    def fmt(self, obj: dict, key: str, path: str = "") -> None:
        if key in obj and obj[key] is not None and obj[key] not in TEXT_FORMATS:
            self.add(_join(path, key), f"must be one of {', '.join(TEXT_FORMATS)}")

    def fraction(self, obj: dict, path: str) -> float | None:
        if "fraction" not in obj or obj["fraction"] is None:
            return None
        f = obj["fraction"]
        if not is_number(f):
            self.add(_join(path, "fraction"), "must be a number")
            return None
        if not -1 - 1e-9 <= f <= 1 + 1e-9:
            self.add(_join(path, "fraction"), f"must lie between -1 and 1 (got {f})")
            return None
        return float(f)

    def listof(self, key: str, *, required=True) -> list | None:
        if key not in self.q or self.q[key] is None:
            if required:
                self.add(key, "is required")
            return None
        value = self.q[key]
        if not isinstance(value, list):
            self.add(key, "must be a list")
            return None
        return value

    def distinct(self, texts: list[tuple[str, str]], what: str) -> None:
        seen: dict[str, str] = {}
        for path, text in texts:
            k = option_key(text)
            if k in seen:
                self.add(path, f"repeats {what} {text!r} (options must be distinct)")
            else:
                seen[k] = path

    # -- per type ---------------------------------------------------------
    def choices(self) -> list[tuple[int, dict, float | None]]:
        choices = self.listof("choices")
        if choices is None:
            return []
        out, texts = [], []
        for i, c in enumerate(choices):
            p = f"choices[{i}]"
            if not isinstance(c, dict):
                self.add(p, "must be an object with text and correct")
                continue
            t = self.text(c, "text", p)
            if "correct" not in c:
                self.add(_join(p, "correct"), "is required")
            elif not isinstance(c["correct"], bool):
                self.add(_join(p, "correct"), "must be true or false")
            self.text(c, "feedback", p, required=False, nonempty=False)
            self.fmt(c, "format", p)
            self.fmt(c, "feedback_format", p)
            out.append((i, c, self.fraction(c, p)))
            if t is not None:
                texts.append((_join(p, "text"), t))
        if len(choices) < 2:
            self.add("choices", f"needs at least 2 choices (has {len(choices)})")
        self.distinct(texts, "the choice")
        return out

    def multiple_choice(self) -> None:
        choices = self.choices()
        correct = [i for i, c, _ in choices if c.get("correct") is True]
        if len(choices) >= 2 and len(correct) != 1:
            self.add("choices", f"needs exactly one correct choice (has {len(correct)})")
        for i, c, f in choices:
            if f is None:
                continue
            if c.get("correct") is True and abs(f - 1) > TOLERANCE:
                self.add(f"choices[{i}].fraction", f"the correct choice must be worth 1 (got {f})")
            if c.get("correct") is False and f >= 1 - TOLERANCE:
                self.add(f"choices[{i}].fraction", "a choice worth 1 must be the correct one")

    def multiple_response(self) -> None:
        choices = self.choices()
        correct = [i for i, c, _ in choices if c.get("correct") is True]
        if len(choices) >= 2 and not correct:
            self.add("choices", "needs at least one correct choice")
        fractions = [f for _, _, f in choices if f is not None]
        for i, c, f in choices:
            if f is not None and isinstance(c.get("correct"), bool) and (f > 0) != c["correct"]:
                self.add(f"choices[{i}].fraction",
                         "a choice is correct exactly when its fraction is positive "
                         f"(correct={str(c['correct']).lower()}, fraction={f})")
        if fractions and len(fractions) == len(choices):
            total = sum(f for f in fractions if f > 0)
            if abs(total - 1) > TOLERANCE:
                self.add("choices", f"the positive fractions must add up to 1 (they add up to {total:g})")

    def true_false(self) -> None:
        choices = self.choices()
        texts = sorted(c.get("text") for _, c, _ in choices if isinstance(c.get("text"), str))
        if len(choices) != 2 or texts != ["False", "True"]:
            self.add("choices", 'must be exactly the two choices "True" and "False"')
        correct = [i for i, c, _ in choices if c.get("correct") is True]
        if len(choices) == 2 and len(correct) != 1:
            self.add("choices", f"needs exactly one correct choice (has {len(correct)})")

    def accept(self) -> None:
        accept = self.listof("accept", required=False)
        for i, a in enumerate(accept or []):
            if not isinstance(a, str) or not a.strip():
                self.add(f"accept[{i}]", "must be a non-empty string")

    def weighted_answers(self, numeric: bool) -> None:
        answers = self.listof("answers", required=False)
        if answers is None:
            return
        full = False
        for i, a in enumerate(answers):
            p = f"answers[{i}]"
            if not isinstance(a, dict):
                self.add(p, "must be an object")
                continue
            self.text(a, "text", p)
            self.text(a, "feedback", p, required=False, nonempty=False)
            self.fmt(a, "feedback_format", p)
            f = self.fraction(a, p)
            if "fraction" not in a:
                self.add(_join(p, "fraction"), "is required")
            if numeric:
                v = a.get("value")
                if v is not None and not is_number(v):
                    self.add(_join(p, "value"), "must be a number or null (any other answer)")
                tol = a.get("tolerance")
                if tol is not None and (not is_number(tol) or tol < 0):
                    self.add(_join(p, "tolerance"), "must be a number >= 0")
                self.range(a, p)
                if f is not None and abs(f - 1) <= TOLERANCE and v is not None:
                    full = True
            elif f is not None and abs(f - 1) <= TOLERANCE:
                full = True
        if not answers:
            self.add("answers", "must not be empty")
        elif not full:
            self.add("answers", "needs one answer worth 100% so that full marks are possible")

    def range(self, obj: dict, path: str) -> None:
        lo, hi = obj.get("min"), obj.get("max")
        if lo is None and hi is None:
            return
        if not (is_number(lo) and is_number(hi)):
            self.add(path or "min", "min and max must both be numbers")
        elif lo > hi:
            self.add(_join(path, "min"), f"min ({lo:g}) is above max ({hi:g})")

    def short_answer(self) -> None:
        self.text(self.q, "answer")
        self.accept()
        self.weighted_answers(numeric=False)

    def numeric(self) -> None:
        answer = self.q.get("answer")
        if answer is None:
            self.add("answer", "is required")
        elif numeric_value(answer) is None:
            self.add("answer", f"must be a number (got {answer!r})")
        tol = self.q.get("tolerance")
        if tol is not None and (not is_number(tol) or tol < 0):
            self.add("tolerance", "must be a number >= 0")
        self.range(self.q, "")
        accept = self.listof("accept", required=False)
        for i, a in enumerate(accept or []):
            if numeric_value(a) is None:
                self.add(f"accept[{i}]", f"must be a number (got {a!r})")
        self.weighted_answers(numeric=True)

    def matching(self) -> None:
        pairs = self.listof("pairs")
        if pairs is None:
            return
        lefts = []
        for i, pair in enumerate(pairs):
            p = f"pairs[{i}]"
            if (not isinstance(pair, list) or len(pair) != 2
                    or not all(isinstance(x, str) for x in pair)):
                self.add(p, "must be a [left, right] pair of strings")
                continue
            if not pair[0].strip():
                self.add(p + "[0]", "the left item must not be empty")
            else:
                lefts.append((p + "[0]", pair[0]))
            if not pair[1].strip():
                self.add(p + "[1]", "the right item must not be empty")
        if len(pairs) < 2:
            self.add("pairs", f"needs at least 2 pairs (has {len(pairs)})")
        self.distinct(lefts, "the item")
        rights = {option_key(p[1]) for p in pairs if isinstance(p, list) and len(p) == 2
                  and isinstance(p[1], str)}
        for i, d in enumerate(self.listof("distractors", required=False) or []):
            if not isinstance(d, str) or not d.strip():
                self.add(f"distractors[{i}]", "must be a non-empty string")
            elif option_key(d) in rights:
                self.add(f"distractors[{i}]", f"{d!r} is already a right-hand answer")
        formats = self.listof("pair_formats", required=False)
        if formats is not None:
            if len(formats) != len(pairs):
                self.add("pair_formats", "must have one entry per pair")
            for i, f in enumerate(formats):
                if f is not None and f not in TEXT_FORMATS:
                    self.add(f"pair_formats[{i}]", f"must be null or one of {', '.join(TEXT_FORMATS)}")

    def ordering(self) -> None:
        seq = self.listof("sequence")
        if seq is None:
            return
        texts = []
        for i, item in enumerate(seq):
            if not isinstance(item, str) or not item.strip():
                self.add(f"sequence[{i}]", "must be a non-empty string")
            else:
                texts.append((f"sequence[{i}]", item))
        if len(seq) < 2:
            self.add("sequence", f"needs at least 2 items (has {len(seq)})")
        self.distinct(texts, "the item")

    def common(self) -> None:
        q = self.q
        self.text(q, "id")
        self.text(q, "prompt")
        self.text(q, "explanation", required=False, nonempty=False)
        for key in ("name", "idnumber", "category", "sentence_id"):
            self.text(q, key, required=False, nonempty=False)
        self.fmt(q, "format")
        self.fmt(q, "explanation_format")
        for key in ("difficulty", "quality"):
            if q.get(key) is not None and not (is_number(q[key]) and 0 <= q[key] <= 1):
                self.add(key, "must be a number from 0 to 1")
        if q.get("status") is not None and q["status"] not in STATUSES:
            self.add("status", f"must be one of {', '.join(STATUSES)}")
        excludes = q.get("excludes")
        if excludes is not None and not (isinstance(excludes, list) and all(isinstance(x, str) and x for x in excludes)):
            self.add("excludes", "must be a list of question ids")
        for key in ("reasons", "tags"):
            value = q.get(key)
            if value is not None and not (isinstance(value, list) and all(isinstance(x, str) for x in value)):
                self.add(key, "must be a list of strings")
        citation = q.get("citation")
        if citation is not None:
            if not isinstance(citation, dict):
                self.add("citation", "must be an object or null")
            else:
                self.text(citation, "document", "citation")
                self.text(citation, "quote", "citation", nonempty=False)
                s, e = citation.get("start"), citation.get("end")
                if not (isinstance(s, int) and isinstance(e, int) and not isinstance(s, bool)
                        and not isinstance(e, bool) and 0 <= s <= e):
                    self.add("citation", "start and end must be offsets with 0 <= start <= end")


def validate_question(q) -> list[Issue]:
    """Every problem with question ``q`` (empty when it is valid)."""
    if not isinstance(q, dict):
        return [Issue("", "a question must be an object")]
    check = _Checker(q)
    qtype = q.get("type")
    if qtype not in QUESTION_TYPES:
        check.add("type", f"must be one of {', '.join(QUESTION_TYPES)} (got {qtype!r})")
    check.common()
    if qtype in QUESTION_TYPES:
        getattr(check, qtype)()
    return check.issues


# -- canonical key order (the bank format's, then the extra keys) --------------
QUESTION_KEYS = (
    "id", "type", "prompt", "choices", "answer", "accept", "tolerance", "min", "max", "pairs",
    "sequence", "explanation", "citation", "sentence_id", "excludes", "difficulty", "quality", "status",
    "reasons", "name", "format", "explanation_format", "idnumber", "tags", "category",
    "answers", "distractors", "pair_formats",
)
CHOICE_KEYS = ("text", "correct", "feedback", "fraction", "format", "feedback_format")
ANSWER_KEYS = ("text", "value", "tolerance", "min", "max", "fraction", "feedback", "feedback_format")
CITATION_KEYS = ("document", "start", "end", "quote", "section", "paragraph", "sentence", "answer")


def _ordered_dict(d: dict, order: tuple[str, ...]) -> dict:
    out = {k: d[k] for k in order if k in d}
    out.update((k, d[k]) for k in sorted(d) if k not in out)
    return out


def ordered(q: dict) -> dict:
    """A copy of question ``q`` with its keys (and its parts' keys) in canonical order."""
    if not isinstance(q, dict):
        return q
    out = _ordered_dict(q, QUESTION_KEYS)
    for key, order in (("choices", CHOICE_KEYS), ("answers", ANSWER_KEYS)):
        if isinstance(out.get(key), list):
            out[key] = [_ordered_dict(x, order) if isinstance(x, dict) else x for x in out[key]]
    if isinstance(out.get("citation"), dict):
        out["citation"] = _ordered_dict(out["citation"], CITATION_KEYS)
    return out
