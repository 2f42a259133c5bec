"""Score review and item analysis: routes of the teacher blueprint (``teacher.bp``).

This module adds its views to the teacher's blueprint (so they share its teachers-only guard
and its URL prefix); the app factory imports it before registering the blueprint.
"""
from __future__ import annotations

from flask import Response, abort, render_template, request

from quizapp import filters
from quizapp.blueprints.teacher.views import bp, stats_min_n
from quizapp.extensions import db
from quizapp.models import Attempt, Document, Question, Quiz, User
from quizapp.services import attempts, charts, stats, statscsv

PAGE_SIZE = 100


def _min_n() -> int:
    return stats_min_n()


def _get_or_404(model, key):
    obj = db.session.get(model, key)
    if obj is None:
        abort(404)
    return obj


def _csv(text: str, filename: str) -> Response:
    return Response("\ufeff" + text, mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.get("/quizzes/<id:quiz_id>/stats")
def quiz_stats(quiz_id: int):
    quiz = _get_or_404(Quiz, quiz_id)
    items = stats.item_stats(quiz_id=quiz.id, min_n=_min_n(), with_choices=False)  # distractors: per question
    summary = stats.summary(quiz.id, items, min_n=_min_n())
    chart = charts.histogram(summary.histogram, f"Score distribution of {quiz.title}", "score-histogram")
    return render_template("teacher_stats/quiz.html", quiz=quiz, summary=summary, items=items, chart=chart,
                           flagged=stats.flagged(items), labels=stats.FLAG_LABELS, min_n=_min_n())


@bp.get("/quizzes/<id:quiz_id>/attempts")
def quiz_attempts(quiz_id: int):
    quiz = _get_or_404(Quiz, quiz_id)
    filters = stats.AttemptFilters.from_args(request.args)
    number = request.args.get("page", "1")
    page = max(1, int(number)) if number.isascii() and number.isdigit() and len(number) < 7 else 1
    total = stats.count_attempts(quiz.id, filters)
    rows = stats.attempts(quiz.id, filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return render_template("teacher_stats/attempts.html", quiz=quiz, filters=filters, rows=rows, total=total,
                           page=page, pages=max(1, -(-total // PAGE_SIZE)), states=stats.STATES)


@bp.get("/attempts/<id:attempt_id>")
def attempt_review(attempt_id: int):
    """One student's attempt as the teacher reviews it: each answer given, the key, the scores."""
    attempt = _get_or_404(Attempt, attempt_id)
    return render_template("teacher_stats/attempt.html", attempt=attempt, student=attempt.user,
                           rows=attempts.review(attempt, key_for="teacher"))


@bp.get("/quizzes/<id:quiz_id>/attempts.csv")
def quiz_attempts_csv(quiz_id: int):
    quiz = _get_or_404(Quiz, quiz_id)
    rows = stats.attempts(quiz.id, stats.AttemptFilters.from_args(request.args))
    return _csv(statscsv.attempts_csv(rows), f"quiz-{quiz.id}-attempts.csv")


@bp.get("/quizzes/<id:quiz_id>/grid.csv")
def quiz_grid_csv(quiz_id: int):
    quiz = _get_or_404(Quiz, quiz_id)
    questions, rows = stats.grid(quiz)
    return _csv(statscsv.grid_csv(questions, rows, gist=filters.gist), f"quiz-{quiz.id}-grid.csv")


@bp.get("/questions/<question_id>/stats")
def question_stats(question_id: str):
    question = _get_or_404(Question, question_id)
    items = stats.item_stats(question_id=question.id, min_n=_min_n(), raw_choices=True)
    item = items[0] if items else None
    chart = None
    if item and item.enough and item.choices:
        chart = charts.bars([(c.text, round(c.share * 100, 1)) for c in item.choices],
                            "Share of students choosing each option (%)", "choice-chart", maximum=100,
                            highlight=[c.correct for c in item.choices], unit="%")
    return render_template("teacher_stats/question.html", question=question, item=item, chart=chart,
                           labels=stats.FLAG_LABELS, advice=stats.FLAG_ADVICE, min_n=_min_n())


@bp.get("/students/<id:user_id>")
def student_stats(user_id: int):
    student = _get_or_404(User, user_id)
    return render_template("teacher_stats/student.html", **stats.student_report(student))


@bp.get("/documents/<doc_id>/stats")
def document_stats(doc_id: str):
    doc = _get_or_404(Document, doc_id)
    items = stats.item_stats(document_id=doc.id, min_n=_min_n(), with_choices=False)
    areas = stats.sections_of(items, doc)
    chart = charts.bars([(a.section or "(no section)", round(a.facility, 2)) for a in areas],
                        f"Mean facility by section of {doc.title}", "section-chart", maximum=1, warn_below=0.5)
    return render_template("teacher_stats/document.html", doc=doc, areas=areas, chart=chart, items=items,
                           labels=stats.FLAG_LABELS)


@bp.get("/stats")
def stats_index():
    documents = db.session.execute(db.select(Document.id, Document.title).order_by(Document.title)).all()
    return render_template("teacher_stats/index.html", quizzes=stats.overview(), documents=documents)
