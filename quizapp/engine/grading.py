"""Grading on plain data: validate a question's spec, validate a response, grade it.

Pure Python (no Flask, no database): ``grade(qtype, spec, response)`` takes the question's
type-specific spec (a dict as stored in the bank) and the student's response (a dict in the
form below) and returns a score between 0 and 1.

Responses refer to the spec by index, never by text or by the ids shown in a page:

| type | response |
| --- | --- |
| multiple_choice, true_false | ``{"choice": i}`` (index into ``spec["choices"]``) |
| multiple_response | ``{"choices": [i, ...]}`` |
| short_answer, numeric | ``{"text": "what the student typed"}`` |
| matching | ``{"matches": [j or None, ...]}``: for left item i, the index j of the pair whose right-hand side the student chose |
| ordering | ``{"order": [i, ...]}``: indices into ``spec["sequence"]`` in the student's order |
"""
from __future__ import annotations

import math
import re

from quizapp.engine.normalize import answers_match, parse_number

CHOICE_TYPES = ("multiple_choice", "true_false", "multiple_response")
TYPED_TYPES = ("short_answer", "numeric")
TYPES = ("multiple_choice", "true_false", "short_answer", "numeric", "matching", "ordering",
         "multiple_response")

# The partial-credit rules, as shown to students on the question and explanation pages.
PARTIAL_CREDIT_RULES = {
    "matching": "Each item matched right earns an equal share of the mark.",
    "ordering": "Each item in its right place earns an equal share of the mark.",
    "multiple_response": ("Each right option you tick earns an equal share of the mark; each "
                          "wrong option you tick takes one share away. The mark is never below 0."),
}


class InvalidResponse(ValueError):
    """A response that does not fit the question (wrong shape or out-of-range index)."""


# --- specs -------------------------------------------------------------------------------


def spec_errors(qtype: str, spec: dict) -> list[str]:
    """What is wrong with a question's spec (empty when it can be served and graded)."""
    if qtype not in TYPES:
        return [f"unknown question type {qtype!r}"]
    errors: list[str] = []
    if qtype in CHOICE_TYPES:
        choices = spec.get("choices") or []
        if len(choices) < 2:
            errors.append("needs at least two choices")
        texts = [str(c.get("text", "")).strip() for c in choices]
        if any(not t for t in texts):
            errors.append("a choice is empty")
        if len({t.casefold() for t in texts}) != len(texts):
            errors.append("two choices are the same")
        n_correct = sum(1 for c in choices if c.get("correct") is True)
        if qtype in ("multiple_choice", "true_false") and n_correct != 1:
            errors.append("needs exactly one correct choice")
        if qtype == "multiple_response" and n_correct < 1:
            errors.append("needs at least one correct choice")
    elif qtype in TYPED_TYPES:
        if not str(spec.get("answer", "")).strip():
            errors.append("needs an answer")
        if qtype == "numeric" and all(_number(a) is None for a in _accepted(spec)):
            errors.append("the answer is not a number")
        tolerance = spec.get("tolerance")
        if tolerance is not None and (not isinstance(tolerance, (int, float)) or tolerance < 0):
            errors.append("the tolerance must be a number of 0 or more")
    elif qtype == "matching":
        pairs = spec.get("pairs") or []
        if len(pairs) < 2:
            errors.append("needs at least two pairs")
        if any(len(p) != 2 or not str(p[0]).strip() or not str(p[1]).strip() for p in pairs):
            errors.append("a pair is incomplete")
        lefts = [str(p[0]).casefold() for p in pairs if len(p) == 2]
        if len(set(lefts)) != len(lefts):
            errors.append("two left-hand items are the same")
    elif qtype == "ordering":
        seq = spec.get("sequence") or []
        if len(seq) < 2:
            errors.append("needs at least two items")
        if len({str(s).casefold() for s in seq}) != len(seq):
            errors.append("two items are the same")
    return errors


def correct_response(qtype: str, spec: dict) -> dict:
    """The key, as a response that earns full marks."""
    if qtype in ("multiple_choice", "true_false"):
        return {"choice": next(i for i, c in enumerate(spec["choices"]) if c.get("correct"))}
    if qtype == "multiple_response":
        return {"choices": [i for i, c in enumerate(spec["choices"]) if c.get("correct")]}
    if qtype in TYPED_TYPES:
        return {"text": str(spec["answer"])}
    if qtype == "matching":
        return {"matches": list(range(len(spec["pairs"])))}
    if qtype == "ordering":
        return {"order": list(range(len(spec["sequence"])))}
    raise ValueError(f"unknown question type {qtype!r}")


# --- responses ---------------------------------------------------------------------------


def _index(value, size: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < size:
        raise InvalidResponse("not one of the options")
    return value


def check_response(qtype: str, spec: dict, response: dict) -> None:
    """Raise InvalidResponse unless ``response`` has the right shape for the question."""
    if not isinstance(response, dict):
        raise InvalidResponse("not a response")
    if qtype in ("multiple_choice", "true_false"):
        _index(response.get("choice"), len(spec["choices"]))
    elif qtype == "multiple_response":
        chosen = response.get("choices")
        if not isinstance(chosen, list):
            raise InvalidResponse("not a list of options")
        for c in chosen:
            _index(c, len(spec["choices"]))
        if len(set(chosen)) != len(chosen):
            raise InvalidResponse("an option is ticked twice")
    elif qtype in TYPED_TYPES:
        text = response.get("text")
        if not isinstance(text, str) or not text.strip():
            raise InvalidResponse("the answer is empty")
        if len(text) > 500:
            raise InvalidResponse("the answer is too long")
        if qtype == "numeric" and _number(text) is None:
            raise InvalidResponse("not a number")
    elif qtype == "matching":
        matches = response.get("matches")
        if not isinstance(matches, list) or len(matches) != len(spec["pairs"]):
            raise InvalidResponse("not one match per item")
        for m in matches:
            if m is not None:
                _index(m, len(spec["pairs"]))
    elif qtype == "ordering":
        order = response.get("order")
        n = len(spec["sequence"])
        if not isinstance(order, list) or sorted(o for o in order if isinstance(o, int)) != list(range(n)) \
                or any(isinstance(o, bool) for o in order):
            raise InvalidResponse("not every item has its own place")
    else:
        raise InvalidResponse(f"unknown question type {qtype!r}")


# --- grading -----------------------------------------------------------------------------

_NUMBER_IN_TEXT = re.compile(
    r"-?\d[\d,]*(?:\.\d+)?(?:\s*(?:hundred|thousand|million|billion)\b)?", re.I)
_SPACED_THOUSANDS = re.compile(r"(?<![\d.])\d{1,3}(?: \d{3})+(?![\d.])")
_PERCENT = re.compile(r"\s*(?:%|\bper\s*cent\b|\bpercent\b|\bpct\b)\.?\s*$", re.I)


def _number(text: str) -> float | None:
    """A number typed as '42,230', '26.3 million', 'twenty million', '50%', 'ninety per cent'
    or '42,230 workers'."""
    value = parse_number(text)
    if value is not None:
        return value
    text = _SPACED_THOUSANDS.sub(lambda m: m.group(0).replace(" ", ""), text.replace("\u202f", " ").replace("\u00a0", " "))
    value = parse_number(_PERCENT.sub("", text))
    if value is not None:
        return value
    found = _NUMBER_IN_TEXT.findall(text)
    if len(found) == 1:  # one number with a unit around it; two numbers are ambiguous
        return parse_number(found[0])
    return None


def _accepted(spec: dict) -> list[str]:
    return [str(spec.get("answer", ""))] + [str(a) for a in spec.get("accept") or []]


def grade(qtype: str, spec: dict, response: dict) -> float:
    """The score of a response, between 0 and 1. Raises InvalidResponse for a malformed one."""
    check_response(qtype, spec, response)
    if qtype in ("multiple_choice", "true_false"):
        return 1.0 if spec["choices"][response["choice"]].get("correct") is True else 0.0
    if qtype == "multiple_response":
        right = {i for i, c in enumerate(spec["choices"]) if c.get("correct") is True}
        chosen = set(response["choices"])
        if not right:
            return 0.0
        return _share(len(chosen & right) - len(chosen - right), len(right))
    if qtype == "short_answer":
        return 1.0 if answers_match(response["text"], _accepted(spec)) else 0.0
    if qtype == "numeric":
        return 1.0 if _numeric_match(response["text"], spec) else 0.0
    if qtype == "matching":
        pairs = spec["pairs"]
        hits = sum(1 for i, j in enumerate(response["matches"])
                   if j is not None and _same(pairs[j][1], pairs[i][1]))
        return _share(hits, len(pairs))
    if qtype == "ordering":
        seq = spec["sequence"]
        hits = sum(1 for place, i in enumerate(response["order"]) if _same(seq[i], seq[place]))
        return _share(hits, len(seq))
    raise InvalidResponse(f"unknown question type {qtype!r}")


def _share(hits: int, total: int) -> float:
    return round(max(0.0, min(1.0, hits / total)), 4) if total else 0.0


def _same(a: str, b: str) -> bool:
    return str(a).strip().casefold() == str(b).strip().casefold()


def _numeric_match(text: str, spec: dict) -> bool:
    got = _number(text)
    if got is None:
        return False
    tolerance = float(spec.get("tolerance") or 0.0)
    for accepted in _accepted(spec):
        want = _number(accepted)
        if want is not None and math.isclose(got, want, rel_tol=0, abs_tol=tolerance + 1e-9):
            return True
    return answers_match(text, _accepted(spec))
