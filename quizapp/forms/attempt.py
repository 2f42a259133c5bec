"""Forms of an attempt. The answer fields themselves are rendered and parsed by the question
type registry (``quizapp.qtypes``); these forms carry the CSRF token and the navigation."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, Regexp

from quizapp.models import REPORT_KINDS


class ActionForm(FlaskForm):
    """A button that POSTs (start a quiz, sign out): only the CSRF token."""


class QuestionForm(FlaskForm):
    """Where to go after saving: prev, next, finish, clear, save (stay), or a slot number."""

    go = HiddenField(validators=[Optional(), Regexp(r"^(prev|next|finish|clear|save|\d{1,3})$")])
    was = HiddenField(validators=[Optional(), Length(max=64)])


class FinishForm(FlaskForm):
    confirm = HiddenField(validators=[Optional()])


class ReportForm(FlaskForm):
    kind = RadioField("What is wrong?", choices=[SelectChoice(k, v) for k, v in REPORT_KINDS.items()],
                      validators=[DataRequired("Choose what is wrong.")])
    comment = TextAreaField("Details (optional)", validators=[
        Optional(), Length(max=1000, message="Keep it under 1000 characters.")],
        description="For example, what you think the answer should be, and why.")
