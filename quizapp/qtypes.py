"""The registry of question types: each knows how to lay itself out, render, parse and grade.

The pure part (spec and response validation, grading) lives in ``quizapp.engine.grading``; this
module binds it to the web: the shuffled per-attempt *layout* with opaque option ids, the view
that a template renders, and the parsing of a submitted form back into a response.

A layout never holds the key. Option ids are random per attempt and say nothing about which
option is right or where it stood in the bank, and the display order is a random shuffle. The
view built for a question page is made from the layout and the option texts only.
"""
from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass
from typing import Any, Mapping

from quizapp.engine import grading
from quizapp.engine.grading import InvalidResponse

KEEP = "keep"
SAVE = "save"
CLEAR = "clear"


@dataclass
class Parsed:
    """What a submitted question form asks for: keep, save ``answer``, clear, or an error."""

    action: str
    answer: dict | None = None
    error: str | None = None


def _new_id(rng: random.Random, taken: set[str]) -> str:
    while True:
        oid = f"{rng.getrandbits(40):010x}"
        if oid not in taken:
            taken.add(oid)
            return oid


def _digits(value: str) -> bool:
    """ASCII digits only: ``str.isdigit`` also accepts "²", which ``int`` refuses."""
    return value.isascii() and value.isdigit()


def _digest(state: Any) -> str:
    """A short digest of what a form shows, in page terms (opaque ids and typed text only)."""
    raw = json.dumps(state, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


class QuestionType:
    name = ""
    label = ""
    instruction = ""

    @property
    def rule(self) -> str | None:
        return grading.PARTIAL_CREDIT_RULES.get(self.name)

    # -- layout and view (no key) --
    def make_layout(self, spec: dict, rng: random.Random) -> dict:
        return {}

    def view(self, spec: dict, layout: dict, answer: dict | None) -> dict:
        raise NotImplementedError

    def view_submitted(self, spec: dict, layout: dict, form: Mapping) -> dict:
        """The view with what the student just submitted (to show it again with an error)."""
        return self.view(spec, layout, None)

    # -- forms --
    def page_state(self, layout: dict, answer: dict | None) -> Any:
        """What the form shows for ``answer``, in page terms; None when unanswered."""
        raise NotImplementedError

    def read_form(self, form: Mapping, spec: dict, layout: dict) -> dict | None:
        """The response in the form (None if the form is empty); raises InvalidResponse."""
        raise NotImplementedError

    def form_digest(self, layout: dict, answer: dict | None) -> str:
        return _digest(self.page_state(layout, answer))

    def parse(self, form: Mapping, spec: dict, layout: dict) -> Parsed:
        """Decide what a submitted form means.

        The form carries ``was``, the digest of the answer it was rendered with. A form that
        still shows that answer changes nothing: so an old tab, or a page submitted without
        touching it, never overwrites what was saved since. Otherwise an empty form clears the
        answer and a filled one saves it.
        """
        try:
            answer = self.read_form(form, spec, layout)
            if answer is not None:
                grading.check_response(self.name, spec, answer)
        except InvalidResponse as exc:
            return Parsed("error", error=self.error_message(exc))
        if form.get("was") == self.form_digest(layout, answer):
            return Parsed(KEEP)
        if answer is None:
            return Parsed(CLEAR)
        return Parsed(SAVE, answer)

    def error_message(self, exc: InvalidResponse) -> str:
        return "Choose one of the options."

    # -- after the attempt --
    def describe(self, spec: dict, answer: dict | None) -> list[dict]:
        """The student's answer as rows of {text, ok} (ok None when not applicable)."""
        raise NotImplementedError

    def describe_key(self, spec: dict) -> list[str]:
        raise NotImplementedError

    def grade(self, spec: dict, answer: dict) -> float:
        return grading.grade(self.name, spec, answer)


class SingleChoice(QuestionType):
    instruction = "Choose one answer."

    def __init__(self, name: str, label: str, shuffle: bool = True, instruction: str = ""):
        self.name, self.label, self.shuffle = name, label, shuffle
        self.instruction = instruction or type(self).instruction

    def make_layout(self, spec, rng):
        order = list(range(len(spec["choices"])))
        if self.shuffle:
            rng.shuffle(order)
        else:  # True before False, whatever the bank's order: the order says nothing
            order.sort(key=lambda i: str(spec["choices"][i]["text"]).casefold() != "true")
        taken: set[str] = set()
        return {"options": [[_new_id(rng, taken), i] for i in order]}

    def _chosen(self, answer):
        if not answer:
            return set()
        return {answer["choice"]} if "choice" in answer else set(answer.get("choices", []))

    def view(self, spec, layout, answer):
        chosen = self._chosen(answer)
        return {"options": [{"id": oid, "text": spec["choices"][i]["text"], "checked": i in chosen}
                            for oid, i in layout["options"]]}

    def view_submitted(self, spec, layout, form):
        values = set(form.getlist("answer")) if hasattr(form, "getlist") else {form.get("answer")}
        view = self.view(spec, layout, None)
        for option in view["options"]:
            option["checked"] = option["id"] in values
        return view

    def page_state(self, layout, answer):
        chosen = self._chosen(answer)
        ids = sorted(oid for oid, i in layout["options"] if i in chosen)
        return ids or None

    def read_form(self, form, spec, layout):
        value = form.get("answer")
        if not value:
            return None
        index = dict(layout["options"]).get(value)
        if index is None:
            raise InvalidResponse("not one of the options")
        return {"choice": index}

    def describe(self, spec, answer):
        if not answer:
            return []
        c = spec["choices"][answer["choice"]]
        return [{"text": c["text"], "ok": bool(c.get("correct")), "feedback": c.get("feedback", "")}]

    def describe_key(self, spec):
        return [c["text"] for c in spec["choices"] if c.get("correct")]


class MultipleResponse(SingleChoice):
    instruction = "Choose every answer that applies."

    def __init__(self):
        super().__init__("multiple_response", "Multiple response")

    def read_form(self, form, spec, layout):
        values = form.getlist("answer") if hasattr(form, "getlist") else list(form.get("answer") or [])
        if not values:
            return None
        ids = dict(layout["options"])
        if any(v not in ids for v in values):
            raise InvalidResponse("not one of the options")
        return {"choices": sorted({ids[v] for v in values})}

    def describe(self, spec, answer):
        if not answer:
            return []
        return [{"text": spec["choices"][i]["text"], "ok": bool(spec["choices"][i].get("correct")),
                 "feedback": spec["choices"][i].get("feedback", "")} for i in answer["choices"]]


class Typed(QuestionType):
    def __init__(self, name: str, label: str, instruction: str, hint: str):
        self.name, self.label, self.instruction, self.hint = name, label, instruction, hint

    def view(self, spec, layout, answer):
        return {"value": (answer or {}).get("text", ""), "hint": self.hint}

    def view_submitted(self, spec, layout, form):
        return {"value": str(form.get("answer") or "")[:500], "hint": self.hint}

    def page_state(self, layout, answer):
        text = (answer or {}).get("text", "").strip()
        return text or None

    def read_form(self, form, spec, layout):
        text = (form.get("answer") or "").strip()
        return {"text": text} if text else None

    def error_message(self, exc):
        if "long" in str(exc):
            return "The answer is too long: keep it under 500 characters."
        if self.name == "numeric":
            return "Type a number, for example 1932, 42,230 or 26.3 million."
        return "Type your answer."

    def describe(self, spec, answer):
        if not answer:
            return []
        return [{"text": answer["text"], "ok": self.grade(spec, answer) == 1.0, "feedback": ""}]

    def describe_key(self, spec):
        return [str(spec["answer"])]


class Matching(QuestionType):
    name, label = "matching", "Matching"
    instruction = "Match each item on the left with one on the right."

    def make_layout(self, spec, rng):
        taken: set[str] = set()
        lefts = list(range(len(spec["pairs"])))
        rng.shuffle(lefts)
        rights, seen = [], set()
        for j, (_, right) in enumerate(spec["pairs"]):  # one option per distinct right-hand text
            key = str(right).strip().casefold()
            if key not in seen:
                seen.add(key)
                rights.append(j)
        rng.shuffle(rights)
        return {"lefts": [[_new_id(rng, taken), i] for i in lefts],
                "rights": [[_new_id(rng, taken), j] for j in rights]}

    def _right_id(self, spec, layout, j):
        if j is None:
            return ""
        text = str(spec["pairs"][j][1]).strip().casefold()
        for oid, k in layout["rights"]:
            if str(spec["pairs"][k][1]).strip().casefold() == text:
                return oid
        return ""

    def view(self, spec, layout, answer):
        matches = (answer or {}).get("matches") or [None] * len(spec["pairs"])
        return {
            "lefts": [{"id": oid, "text": spec["pairs"][i][0],
                       "selected": self._right_id(spec, layout, matches[i])}
                      for oid, i in layout["lefts"]],
            "rights": [{"id": oid, "text": spec["pairs"][j][1]} for oid, j in layout["rights"]],
        }

    def view_submitted(self, spec, layout, form):
        view = self.view(spec, layout, None)
        rights = {r["id"] for r in view["rights"]}
        for left in view["lefts"]:
            value = form.get(f"m-{left['id']}") or ""
            left["selected"] = value if value in rights else ""
        return view

    def page_state(self, layout, answer):
        if not answer:
            return None
        rights = {j: oid for oid, j in layout["rights"]}
        state = {lid: rights.get(answer["matches"][i]) for lid, i in layout["lefts"]
                 if answer["matches"][i] is not None}
        return state or None

    def read_form(self, form, spec, layout):
        rights = dict(layout["rights"])
        matches: list[int | None] = [None] * len(spec["pairs"])
        for lid, i in layout["lefts"]:
            value = form.get(f"m-{lid}") or ""
            if value:
                if value not in rights:
                    raise InvalidResponse("not one of the options")
                matches[i] = rights[value]
        return {"matches": matches} if any(m is not None for m in matches) else None

    def describe(self, spec, answer):
        if not answer:
            return []
        rows = []
        for i, (left, right) in enumerate(spec["pairs"]):
            j = answer["matches"][i]
            chosen = spec["pairs"][j][1] if j is not None else "(no match)"
            ok = j is not None and str(spec["pairs"][j][1]).strip().casefold() == str(right).strip().casefold()
            rows.append({"text": f"{left} → {chosen}", "ok": ok, "feedback": ""})
        return rows

    def describe_key(self, spec):
        return [f"{left} → {right}" for left, right in spec["pairs"]]


class Ordering(QuestionType):
    name, label = "ordering", "Ordering"
    instruction = "Give each item its place in the order, from 1 (first) onwards."

    def make_layout(self, spec, rng):
        taken: set[str] = set()
        items = list(range(len(spec["sequence"])))
        rng.shuffle(items)
        return {"items": [[_new_id(rng, taken), i] for i in items]}

    def view(self, spec, layout, answer):
        order = (answer or {}).get("order") or []
        place = {i: p + 1 for p, i in enumerate(order)}
        return {"items": [{"id": oid, "text": spec["sequence"][i], "position": place.get(i, "")}
                          for oid, i in layout["items"]],
                "places": list(range(1, len(layout["items"]) + 1))}

    def view_submitted(self, spec, layout, form):
        view = self.view(spec, layout, None)
        for item in view["items"]:
            value = (form.get(f"o-{item['id']}") or "").strip()
            item["position"] = int(value) if _digits(value) and int(value) in view["places"] else ""
        return view

    def page_state(self, layout, answer):
        if not answer:
            return None
        place = {i: p + 1 for p, i in enumerate(answer["order"])}
        return {oid: place[i] for oid, i in layout["items"]}

    def read_form(self, form, spec, layout):
        n = len(layout["items"])
        places: dict[int, int] = {}
        for oid, i in layout["items"]:
            value = (form.get(f"o-{oid}") or "").strip()
            if not value:
                continue
            if not _digits(value) or not 1 <= int(value) <= n:
                raise InvalidResponse("not a place")
            places[i] = int(value)
        if not places:
            return None
        if len(places) != n or len(set(places.values())) != n:
            raise InvalidResponse("not every item has its own place")
        return {"order": [i for i, _ in sorted(places.items(), key=lambda kv: kv[1])]}

    def error_message(self, exc):
        return "Give each item a different place, from 1 to the number of items."

    def describe(self, spec, answer):
        if not answer:
            return []
        seq = spec["sequence"]
        return [{"text": f"{p + 1}. {seq[i]}",
                 "ok": str(seq[i]).strip().casefold() == str(seq[p]).strip().casefold(), "feedback": ""}
                for p, i in enumerate(answer["order"])]

    def describe_key(self, spec):
        return [f"{p + 1}. {item}" for p, item in enumerate(spec["sequence"])]


REGISTRY: dict[str, QuestionType] = {
    t.name: t for t in (
        SingleChoice("multiple_choice", "Multiple choice"),
        SingleChoice("true_false", "True or false", shuffle=False,
                     instruction="Is this true or false, according to the text?"),
        MultipleResponse(),
        Typed("short_answer", "Short answer", "Type your answer.",
              "Case, punctuation and typographic quotes do not matter."),
        Typed("numeric", "Numeric", "Type a number.",
              "For example 1932, 42,230, 50% or 26.3 million."),
        Matching(),
        Ordering(),
    )
}
assert set(REGISTRY) == set(grading.TYPES)


def get(name: str) -> QuestionType:
    return REGISTRY[name]
