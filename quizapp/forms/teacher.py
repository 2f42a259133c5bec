"""Small forms of the teacher's workspace: bulk actions, imports, uploads."""
from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (BooleanField, DateTimeLocalField, IntegerField, RadioField, SelectField,
                     SelectMultipleField, StringField, TextAreaField, ValidationError)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from quizapp.forms import options


class BulkForm(FlaskForm):
    """Also the CSRF check of the workspace's one-button forms."""

    action = SelectField("Action", choices=options([("", "(choose an action)"), ("publish", "Publish"), ("retire", "Retire"),
                                            ("review", "Send to review"), ("move", "Move to…"), ("export-json", "Export as JSON"),
                                            ("export-gift", "Export as GIFT")]), validators=[Optional()])
    scope = RadioField("Which questions", choices=options([("ticked", "The ticked questions"),
                                                   ("all", "Every question the filters match")]),
                       default="ticked", validators=[Optional()])
    # Set by the view (bankadmin.move_targets); checked by the service, which names what is wrong.
    target = SelectField("Move to", choices=[], validate_choice=False, validators=[Optional()])


class ImportForm(FlaskForm):
    file = FileField("Question file", validators=[FileRequired("Choose a GIFT or JSON file.")],
                     description="GIFT (.gift or .txt) or the project's JSON bank (.json). All or nothing: one error and nothing is imported.")
    document = SelectField("Attach to document", validators=[Optional()],
                           description="Questions without a citation go with this document (default: “Imported questions”).")
    dry_run = BooleanField("Only check the file (import nothing)")


class UploadForm(FlaskForm):
    file = FileField("Document", validators=[FileRequired("Choose a .txt, .md or .html file.")],
                     description="A .txt, .md or .html file, UTF-8, up to 2 MB.")
    title = StringField("Title", validators=[Optional(), Length(max=300)],
                        description="Leave it empty to use the document’s first heading (or its file name).")
    author = StringField("Author", validators=[Optional(), Length(max=300)])
    publication = StringField("Publication", validators=[Optional(), Length(max=500)])
    date = StringField("Date", validators=[Optional(), Length(max=40)])
    kind = SelectField("Kind", choices=options([("reference", "Reference"), ("discussion", "Discussion"), ("argument", "Argument")]))
    licence = StringField("Licence", validators=[Optional(), Length(max=300)])
    attribution = StringField("Attribution", validators=[Optional(), Length(max=300)])


class CheckboxListField(SelectMultipleField):
    """Several choices as a list of checkboxes (WTForms' own widgets), not a <select multiple>:
    seen whole, no Ctrl-click, usable by touch."""
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class QuizForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired("Give the quiz a title."), Length(max=200)])
    instructions = TextAreaField("Instructions", validators=[Optional(), Length(max=3000)])
    documents = CheckboxListField("Documents", validators=[Optional()], description="None chosen: any document.")
    sections = CheckboxListField("Sections", validators=[Optional()], description="None chosen: any section.")
    types = CheckboxListField("Question types", validators=[Optional()], description="None chosen: any type.")
    count = IntegerField("How many questions", default=10,
                         validators=[InputRequired("How many questions?"), NumberRange(1, 100, "From 1 to 100.")])
    time_limit_minutes = IntegerField("Time limit (minutes)", validators=[Optional(), NumberRange(1, 600, "From 1 to 600 minutes.")],
                                      description="Empty: no time limit. Enforced on the server.")
    attempts_allowed = IntegerField("Attempts allowed", validators=[Optional(), NumberRange(1, 100, "From 1 to 100.")],
                                    description="Empty: unlimited.")
    grading_method = SelectField("Grading method", choices=options([("highest", "Highest attempt"), ("last", "Last attempt"),
                                                            ("average", "Average of the attempts")]))
    pass_mark = IntegerField("Pass mark (%)", default=60, validators=[InputRequired("Give a pass mark."),
                                                                       NumberRange(0, 100, "A percentage from 0 to 100.")])
    show_answers = SelectField("Show answers and explanations", choices=options([
        ("immediately", "Immediately after each question"), ("after_attempt", "After the attempt"),
        ("after_close", "After the closing date")]), default="after_attempt")
    opens_at = DateTimeLocalField("Opens", format="%Y-%m-%dT%H:%M", validators=[Optional()], description="UTC. Empty: open now.")
    closes_at = DateTimeLocalField("Closes", format="%Y-%m-%dT%H:%M", validators=[Optional()], description="UTC. Empty: never closes.")
    status = SelectField("Status", choices=options([("draft", "Draft (students do not see it)"), ("published", "Published")]), default="draft")

    def validate_closes_at(self, field):
        if field.data and self.opens_at.data and field.data <= self.opens_at.data:
            raise ValidationError("The closing date must come after the opening date.")

    def validate_show_answers(self, field):
        if field.data == "after_close" and not self.closes_at.data:
            raise ValidationError("Answers after the closing date need a closing date.")

    def values(self) -> dict:
        return {"title": self.title.data.strip(), "instructions": (self.instructions.data or "").strip(),
                "documents": self.documents.data, "sections": self.sections.data, "types": self.types.data,
                "count": self.count.data, "pass_mark": self.pass_mark.data,
                "time_limit_seconds": self.time_limit_minutes.data * 60 if self.time_limit_minutes.data else None,
                "attempts_allowed": self.attempts_allowed.data, "grading_method": self.grading_method.data,
                "show_answers": self.show_answers.data, "opens_at": self.opens_at.data,
                "closes_at": self.closes_at.data, "status": self.status.data}

    @staticmethod
    def data_for(quiz) -> dict:
        rules = quiz.rules or {}
        return {"title": quiz.title, "instructions": quiz.instructions, "documents": rules.get("documents") or [],
                "sections": rules.get("sections") or [], "types": rules.get("types") or [],
                "count": rules.get("count") or 10, "pass_mark": quiz.pass_mark,
                "time_limit_minutes": quiz.time_limit_seconds // 60 if quiz.time_limit_seconds else None,
                "attempts_allowed": quiz.attempts_allowed, "grading_method": quiz.grading_method,
                "show_answers": quiz.show_answers, "opens_at": quiz.opens_at, "closes_at": quiz.closes_at,
                "status": quiz.status}
