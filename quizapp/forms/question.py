"""The authoring form of a question: every type, choices as sub-forms with per-choice feedback.

Validation puts each message next to its field; the rules of
``quizapp.engine.questionspec.validate_question`` are checked again by the service.
"""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import (BooleanField, FieldList, FloatField, Form, FormField, RadioField, SelectField,
                     StringField, TextAreaField)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from quizapp import qtypes
from quizapp.engine.questionspec import numeric_value, option_key
from quizapp.forms import options

MAX_CHOICES = 10


class ChoiceForm(Form):
    text = StringField("Text", validators=[Optional(), Length(max=500)])
    correct = BooleanField("Correct")
    feedback = StringField("Feedback", validators=[Optional(), Length(max=1000)],
                           description="Shown with this answer after the attempt (optional).")


class PairForm(Form):
    left = StringField("Item", validators=[Optional(), Length(max=300)])
    right = StringField("Its match", validators=[Optional(), Length(max=300)])


class QuestionForm(FlaskForm):
    type = SelectField("Type", choices=options((t.name, t.label) for t in qtypes.REGISTRY.values()))
    prompt = TextAreaField("Question", validators=[DataRequired("Write the question."), Length(max=2000)])
    choices = FieldList(FormField(ChoiceForm), min_entries=4, max_entries=MAX_CHOICES)
    truth = RadioField("The statement is", choices=options([("true", "True"), ("false", "False")]),
                       validators=[Optional()])
    answer = StringField("Answer", validators=[Optional(), Length(max=300)])
    accept = TextAreaField("Also accept", validators=[Optional(), Length(max=2000)],
                           description="Other right answers, one per line (optional).")
    tolerance = FloatField("Tolerance", validators=[Optional(), NumberRange(min=0, message="The tolerance cannot be negative.")],
                           description="Numeric: how far from the answer still counts as right (optional; 0 = exact).")
    pairs = FieldList(FormField(PairForm), min_entries=4, max_entries=MAX_CHOICES)
    sequence = FieldList(StringField("Item", validators=[Optional(), Length(max=300)]), min_entries=5,
                         max_entries=MAX_CHOICES)
    explanation = TextAreaField("Explanation", validators=[Optional(), Length(max=3000)],
                                description="Shown after the attempt.")
    document = SelectField("Document", validators=[DataRequired("Choose the document the question comes from.")])
    quote = TextAreaField("Quote", validators=[DataRequired("Quote the passage the question comes from."),
                                                Length(max=3000)],
                          description="Copy the sentence(s) from the document; spaces and quotation marks need not match exactly.")
    status = SelectField("Status", choices=options([("published", "Published"), ("needs_review", "Needs review"),
                                            ("retired", "Retired")]), default="published")

    def __init__(self, *args, documents: list[tuple[str, str]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.document.choices = options([("", "Choose a document…")] + list(documents))
        self.section_errors: dict[str, list[str]] = {}

    # -- reading --
    def _choices(self) -> list[tuple[int, dict]]:
        out = []
        for i, entry in enumerate(self.choices):
            text = (entry.form.text.data or "").strip()
            if text:
                c = {"text": text, "correct": bool(entry.form.correct.data)}
                if (entry.form.feedback.data or "").strip():
                    c["feedback"] = entry.form.feedback.data.strip()
                out.append((i, c))
        return out

    def _pairs(self) -> list[list[str]]:
        return [[(e.form.left.data or "").strip(), (e.form.right.data or "").strip()] for e in self.pairs
                if (e.form.left.data or "").strip() or (e.form.right.data or "").strip()]

    def question_data(self) -> dict:
        """The question in the bank format (without id and citation)."""
        qtype = self.type.data
        q: dict = {"type": qtype, "prompt": (self.prompt.data or "").strip(),
                   "explanation": (self.explanation.data or "").strip()}
        if qtype == "true_false":
            q["choices"] = [{"text": "True", "correct": self.truth.data == "true"},
                            {"text": "False", "correct": self.truth.data == "false"}]
        elif qtype in ("multiple_choice", "multiple_response"):
            q["choices"] = [c for _, c in self._choices()]
        elif qtype in ("short_answer", "numeric"):
            q["answer"] = (self.answer.data or "").strip()
            q["accept"] = [a.strip() for a in (self.accept.data or "").splitlines() if a.strip()]
            if qtype == "numeric" and self.tolerance.data is not None:
                q["tolerance"] = float(self.tolerance.data)
        elif qtype == "matching":
            q["pairs"] = self._pairs()
        elif qtype == "ordering":
            q["sequence"] = [(s.data or "").strip() for s in self.sequence if (s.data or "").strip()]
        return q

    # -- checking --
    def _err(self, section: str, message: str) -> None:
        self.section_errors.setdefault(section, []).append(message)

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        qtype = self.type.data
        if qtype in ("multiple_choice", "multiple_response"):
            ok = self._check_choices(qtype) and ok
        elif qtype == "true_false":
            if self.truth.data not in ("true", "false"):
                self.truth.errors = list(self.truth.errors) + ["Say whether the statement is true or false."]
                ok = False
        elif qtype in ("short_answer", "numeric"):
            if not (self.answer.data or "").strip():
                self.answer.errors = list(self.answer.errors) + ["Give the answer."]
                ok = False
            elif qtype == "numeric":
                bad = [a for a in [self.answer.data] + (self.accept.data or "").splitlines()
                       if a.strip() and numeric_value(a) is None]
                if bad:
                    self.answer.errors = list(self.answer.errors) + [
                        f"“{bad[0].strip()}” is not a number: write it like 1932, 42,230 or 26.3 million."]
                    ok = False
            if qtype != "numeric" and self.tolerance.data is not None:
                self.tolerance.errors = list(self.tolerance.errors) + ["Only numeric questions have a tolerance."]
                ok = False
        elif qtype == "matching":
            pairs = self._pairs()
            if any(not a or not b for a, b in pairs):
                self._err("pairs", "Every pair needs both an item and its match.")
                ok = False
            if len(pairs) < 2:
                self._err("pairs", "A matching question needs at least 2 pairs.")
                ok = False
            lefts = [option_key(a) for a, _ in pairs if a]
            if len(set(lefts)) != len(lefts):
                self._err("pairs", "Two items on the left are the same: make them distinct.")
                ok = False
        elif qtype == "ordering":
            items = [option_key(s.data or "") for s in self.sequence if (s.data or "").strip()]
            if len(items) < 2:
                self._err("sequence", "An ordering question needs at least 2 items.")
                ok = False
            if len(set(items)) != len(items):
                self._err("sequence", "Two items are the same: make them distinct.")
                ok = False
        return ok

    def _check_choices(self, qtype: str) -> bool:
        ok = True
        choices = self._choices()
        for entry in self.choices:
            if not (entry.form.text.data or "").strip() and entry.form.correct.data:
                entry.form.text.errors = list(entry.form.text.errors) + ["A correct choice needs a text."]
                ok = False
        if len(choices) < 2:
            self._err("choices", "Give at least 2 choices.")
            ok = False
        seen: dict[str, int] = {}
        for i, c in choices:
            key = option_key(c["text"])
            if key in seen:
                self.choices[i].form.text.errors = list(self.choices[i].form.text.errors) + [
                    f"This is the same as choice {seen[key] + 1}: the options must be distinct."]
                ok = False
            else:
                seen[key] = i
        n_correct = sum(1 for _, c in choices if c["correct"])
        if qtype == "multiple_choice" and n_correct != 1:
            self._err("choices", "Mark exactly one choice as correct "
                      f"(a multiple-choice question has one right answer; {n_correct} are marked).")
            ok = False
        if qtype == "multiple_response" and n_correct < 1:
            self._err("choices", "Mark at least one choice as correct.")
            ok = False
        return ok

    # -- filling from a question --
    @classmethod
    def data_for(cls, question) -> dict:
        spec = question.spec or {}
        data = {"type": question.type, "prompt": question.prompt, "explanation": question.explanation,
                "document": question.document_id, "quote": (question.citation or {}).get("quote", ""),
                "status": question.status}
        if question.type == "true_false":
            right = next((c["text"] for c in spec.get("choices", []) if c.get("correct")), "True")
            data["truth"] = "true" if right.casefold() == "true" else "false"
        elif question.type in ("multiple_choice", "multiple_response"):
            data["choices"] = [{"text": c["text"], "correct": bool(c.get("correct")), "feedback": c.get("feedback", "")}
                               for c in spec.get("choices", [])]
        elif question.type in ("short_answer", "numeric"):
            data["answer"] = spec.get("answer", "")
            data["accept"] = "\n".join(spec.get("accept") or [])
            data["tolerance"] = spec.get("tolerance")
        elif question.type == "matching":
            data["pairs"] = [{"left": a, "right": b} for a, b in spec.get("pairs", [])]
        elif question.type == "ordering":
            data["sequence"] = list(spec.get("sequence", []))
        return data
