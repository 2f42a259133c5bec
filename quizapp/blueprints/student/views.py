"""The student's pages: quizzes, attempts, results, explanations, reports and history."""
from __future__ import annotations

from flask import Blueprint, abort, flash, jsonify, make_response, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from quizapp import qtypes, sqlite
from quizapp.extensions import commit_keeping_loaded, db
from quizapp.forms.attempt import ActionForm, FinishForm, QuestionForm, ReportForm
from quizapp.services import attempts, explanations, quizzes, reports

bp = Blueprint("student", __name__)


@bp.before_request
@login_required
def _signed_in():
    """Every page here needs an account."""


def _wants_json() -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


@bp.get("/quizzes", endpoint="quizzes")
def quiz_list():
    return render_template("student/quizzes.html", groups=quizzes.cards_for(current_user), form=ActionForm())


@bp.post("/quizzes/<id:quiz_id>/start")
@sqlite.reads_first  # the account, the quiz and the draw before the write lock is taken
def start(quiz_id: int):  # the CSRF token was checked before (CSRFProtect checks every POST)
    return _start(lambda: attempts.start_quiz(current_user, quiz_id))  # no such quiz: NotFound, a 404


@bp.post("/practice/missed")
def start_missed():
    return _start(lambda: attempts.start_or_resume(current_user, quizzes.ensure_missed_quiz()))


def _start(start_or_resume):
    try:
        started = start_or_resume()
    except attempts.QuizUnavailable as exc:
        db.session.rollback()
        flash(str(exc), "error")
        return redirect(url_for("student.quizzes"))
    # The answer is the first question's page itself, not a redirect to it: one request per student
    # instead of two when a class presses "Start" at once (docs/BENCHMARKS.md). Its address is in
    # Content-Location, and quiz.js puts it in the address bar; pressing "Start" again resumes.
    a, item, responses = attempts.first_page(current_user, started)
    commit_keeping_loaded()
    html, status = _question_page(a, item, responses=responses)
    response = make_response(html, status)
    response.headers["Content-Location"] = url_for("student.question", attempt_id=a.id, slot=item.slot)
    return response


@bp.get("/attempts/<id:attempt_id>")
def attempt(attempt_id: int):
    a = attempts.get_attempt(current_user, attempt_id)
    if a.finished:
        return redirect(url_for("student.results", attempt_id=a.id))
    unanswered = attempts.unanswered(a)
    return redirect(url_for("student.question", attempt_id=a.id, slot=unanswered[0] if unanswered else 1))


def _question_page(a, item, status: int = 200, error: str | None = None, responses: dict | None = None):
    """The page of ``item``; ``responses``: the attempt's ``answers_by_slot``, when already read."""
    if responses is None:
        responses = attempts.answers_by_slot(a)
    response = responses.get(item.slot)
    qtype = qtypes.get(item.type)
    if error:  # show again what the student submitted, with the message
        view = qtype.view_submitted(item.snapshot["spec"], item.layout, request.form)
    else:
        view = qtype.view(item.snapshot["spec"], item.layout, response.answer if response else None)
    # Only on quizzes that show answers immediately, and only once this answer is saved (final).
    feedback = attempts.outcome(response.score) if response and attempts.feedback_now(a) else None
    html = render_template(
        "student/question.html", attempt=a, item=item, qtype=qtype, view=view, feedback=feedback,
        feedback_now=attempts.feedback_now(a),
        answered=set(responses), total=attempts.item_count(a), error=error, was=attempts.form_digest(item, response))
    return html, status


@bp.get("/attempts/<id:attempt_id>/q/<id:slot>")
def question(attempt_id: int, slot: int):
    a, item = attempts.attempt_and_item(current_user, attempt_id, slot)
    if a.finished:
        return redirect(url_for("student.results", attempt_id=a.id))
    return _question_page(a, item)


@bp.post("/attempts/<id:attempt_id>/q/<id:slot>")
def answer(attempt_id: int, slot: int):
    form = QuestionForm()
    if not form.validate():
        abort(400)
    go = form.go.data or "next"
    try:
        result = attempts.save_answer(current_user, attempt_id, slot, request.form, clear=go == "clear")
    except attempts.AttemptFinished as exc:
        db.session.rollback()
        if isinstance(exc, attempts.TimeUp) and attempts.close_overdue(current_user, attempt_id):
            db.session.commit()
            if not _wants_json():
                flash("Time is up: the attempt was finished with the answers saved before the time limit.", "error")
                return redirect(url_for("student.results", attempt_id=attempt_id))
        if _wants_json():
            return jsonify(saved=False, finished=True), 409
        flash("This attempt is finished: its answers can no longer change.", "error")
        return redirect(url_for("student.results", attempt_id=attempt_id))
    if result.parsed.action == "error":
        db.session.rollback()
        a = attempts.get_attempt(current_user, attempt_id)
        if _wants_json():
            return jsonify(saved=False, error=result.parsed.error), 400
        if result.parsed.error == attempts.FINAL_ANSWER:
            flash(attempts.FINAL_ANSWER, "error")
            return redirect(url_for("student.question", attempt_id=attempt_id, slot=slot))
        return _question_page(a, result.item, status=400, error=result.parsed.error)
    # Everything the answer needs is read before the commit, in the same transaction.
    total = result.total
    if _wants_json():
        response = attempts.responses_by_slot(result.attempt).get(slot)
        was = attempts.form_digest(result.item, response)
        db.session.commit()
        return jsonify(saved=True, action=result.parsed.action, answered=sorted(result.answered), was=was)
    db.session.commit()
    if go == "finish":
        return redirect(url_for("student.finish", attempt_id=attempt_id))
    if go in ("clear", "save"):
        target = slot
    elif go == "prev":
        target = max(1, slot - 1)
    elif go == "next":
        if slot >= total:
            return redirect(url_for("student.finish", attempt_id=attempt_id))
        target = slot + 1
    else:
        target = min(max(1, int(go)), total)
    return redirect(url_for("student.question", attempt_id=attempt_id, slot=target))


@bp.route("/attempts/<id:attempt_id>/finish", methods=["GET", "POST"])
def finish(attempt_id: int):
    a = attempts.get_attempt(current_user, attempt_id)
    if a.finished:
        return redirect(url_for("student.results", attempt_id=a.id))
    form = FinishForm()
    if request.method == "POST":
        outcome = attempts.finish(current_user, attempt_id, confirmed=form.confirm.data == "yes")
        if outcome == "confirm":
            db.session.rollback()
            return redirect(url_for("student.finish", attempt_id=attempt_id))
        db.session.commit()
        return redirect(url_for("student.results", attempt_id=attempt_id))
    return render_template("student/finish.html", attempt=a, unanswered=attempts.unanswered(a),
                           total=len(a.items), form=form)


@bp.get("/attempts/<id:attempt_id>/results")
def results(attempt_id: int):
    a = attempts.get_attempt(current_user, attempt_id)
    if not a.finished:
        return redirect(url_for("student.attempt", attempt_id=a.id))
    closed = attempts.answers_closed(a)
    return render_template("student/results.html", attempt=a, closed=closed,
                           rows=attempts.review(a, key_for="none" if closed else "student"),
                           grade=quizzes.grade_of(a.quiz, attempts.finished_attempts(current_user, a.quiz)))


@bp.get("/attempts/<id:attempt_id>/q/<id:slot>/explanation")
def explanation(attempt_id: int, slot: int):
    try:
        ex = explanations.explanation(current_user, attempt_id, slot)
    except attempts.ExplanationLocked as exc:
        return render_template("student/locked.html", message=str(exc), attempt_id=attempt_id), 403
    return render_template("student/explanation.html", ex=ex, form=ReportForm(formdata=None))


@bp.route("/attempts/<id:attempt_id>/q/<id:slot>/report", methods=["GET", "POST"])
def report(attempt_id: int, slot: int):
    a = attempts.get_attempt(current_user, attempt_id)
    item = attempts.get_item(a, slot)
    form = ReportForm()
    if form.validate_on_submit():
        reports.report_problem(current_user, a, item, form.kind.data, form.comment.data or "")
        db.session.commit()
        flash("Thank you: your report has gone to the teachers.", "success")
        if a.finished and slot in attempts.answered_slots(a):
            return redirect(url_for("student.explanation", attempt_id=a.id, slot=slot))
        return redirect(url_for("student.attempt", attempt_id=a.id) if a.finished
                        else url_for("student.question", attempt_id=a.id, slot=slot))
    return render_template("student/report.html", attempt=a, item=item, form=form), 400 if form.errors else 200


@bp.get("/history")
def history():
    return render_template("student/history.html", attempts=attempts.history(current_user),
                           grades=quizzes.grades_for(current_user),
                           missed=len(quizzes.missed_candidates(current_user)), form=ActionForm())
