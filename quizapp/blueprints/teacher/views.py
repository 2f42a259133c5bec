"""The teacher's workspace: the question bank, authoring, the review queue, import and export,
documents and quizzes. Students get 403; visitors who are not signed in, the login page."""
from __future__ import annotations

from flask import (Blueprint, Response, abort, current_app, flash, redirect, render_template, request,
                   stream_with_context, url_for)
from markupsafe import escape
from flask_login import current_user

from quizapp.extensions import db, login_manager
from quizapp.forms import options
from quizapp.forms.question import QuestionForm
from quizapp.engine.grading import TYPES
from quizapp.forms.teacher import BulkForm, ImportForm, QuizForm, UploadForm
from quizapp.models import Document
from quizapp.services import audit, authoring, bankadmin, quizadmin, review, revisions, stats, transfer, uploads
from quizapp.services.citations import CitationError

bp = Blueprint("teacher", __name__, url_prefix="/teacher")
PROGRESS_MARK = "<!--progress-->"


@bp.before_request
def _teachers_only():
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if not current_user.is_teacher:
        abort(403)
    return None


def _question_or_404(question_id: str):
    question = bankadmin.get(question_id)
    if question is None:
        abort(404)
    return question


def _page_number(value: str) -> int:
    """A page number from the query string; 1 for anything else (``str.isdigit`` alone takes "²")."""
    return int(value) if value.isascii() and value.isdigit() and len(value) < 9 else 1


def _documents() -> list[tuple[str, str]]:
    return [(d.id, d.title) for d in db.session.scalars(db.select(Document).order_by(Document.title))]


def stats_min_n() -> int:
    """Answers a question needs before its statistics (and flags) are shown."""
    return int(current_app.config.get("QUIZAPP_STATS_MIN_RESPONSES", stats.MIN_RESPONSES))


# --- the bank ------------------------------------------------------------------------------


@bp.get("/", endpoint="index")
def index():
    return redirect(url_for("teacher.bank"))


@bp.get("/bank")
def bank():
    filters = bankadmin.Filters.from_args(request.args, min_n=stats_min_n())
    number = request.args.get("page", "1")
    result = bankadmin.page(filters, _page_number(number))
    previews = {q.id: authoring.question_preview(q) for q in result.items}
    return render_template("teacher/bank.html", filters=filters, result=result, previews=previews,
                           facets=bankadmin.facets(), form=_bulk_form(), stat_labels=stats.BANK_FLAG_LABELS)


def _bulk_form() -> BulkForm:
    form = BulkForm()
    form.target.choices = options([("", "(where to move them)")] + bankadmin.move_targets())
    return form


@bp.post("/bank/bulk")
def bulk():
    form = BulkForm()
    filters = bankadmin.Filters.from_args(request.form, min_n=stats_min_n())
    back = url_for("teacher.bank", **filters.args())
    if not form.validate() or not form.action.data:
        flash("Choose an action.", "error")
        return redirect(back)
    every = form.scope.data == "all"  # every question the filters match, ticked or not
    ids = [] if every else request.form.getlist("ids")
    if not ids and not every:
        flash("Tick the questions first, or choose “every question the filters match”.", "error")
        return redirect(back)
    if form.action.data.startswith("export-"):
        return _export(bankadmin.selected(filters, ids), form.action.data.removeprefix("export-"))
    questions = bankadmin.selected(filters if every else bankadmin.Filters(), ids)
    if every and request.form.get("expected") != str(len(questions)):
        # The bank changed since the page was shown (or the form is not the page's): a change to
        # every question the filters match must be the change the teacher saw the size of.
        flash(f"The filters now match {len(questions)} question(s), not the number the page showed; "
              "look at the list again and apply once more.", "error")
        return redirect(back)
    if form.action.data == "move":
        try:
            document, section = bankadmin.parse_target(form.target.data)
            changed = bankadmin.move(questions, document, section, current_user)
        except bankadmin.MoveError as exc:
            db.session.rollback()
            flash(str(exc), "error")
            return redirect(back)
        db.session.commit()
        flash(f"{changed} question(s) moved.", "success")
        return redirect(back)
    changed = bankadmin.set_status(questions, bankadmin.BULK_STATUSES[form.action.data], current_user)
    db.session.commit()
    flash(f"{changed} question(s) changed.", "success")
    return redirect(request.form.get("next") if request.form.get("next", "").startswith("/teacher/") else back)


def _export(questions, fmt: str):
    try:
        text = transfer.export(questions, fmt)
    except (ValueError, transfer.gift.GiftExportError) as exc:
        flash(f"These questions cannot be exported as {fmt.upper()}: {exc}", "error")
        return redirect(url_for("teacher.bank"))
    ext = "json" if fmt == "json" else "gift.txt"
    return Response(text, mimetype="application/json" if fmt == "json" else "text/plain",
                    headers={"Content-Disposition": f'attachment; filename="questions.{ext}"'})


# --- one question --------------------------------------------------------------------------


@bp.get("/questions/<question_id>")
def question(question_id: str):
    q = _question_or_404(question_id)
    plan = authoring.regrade_plan(q)
    return render_template("teacher/question.html", q=q, preview=authoring.question_preview(q),
                           revisions=revisions.history(q.id), plan=plan, reports=review.reports_for(q.id),
                           audit_entries=audit.for_target("question", q.id, limit=20), form=BulkForm())


def _edit_page(form: QuestionForm, q=None, preview=None, status: int = 200):
    audit_count = audit.page(1, "question", q.id, per_page=1).total if q is not None else 0
    return render_template("teacher/question_form.html", form=form, q=q, preview=preview,
                           audit_count=audit_count), status


def _author(form: QuestionForm, q=None):
    """Check the form and its quote; preview, or save and go to the question."""
    if not form.validate_on_submit():
        return _edit_page(form, q, status=422 if request.method == "POST" else 200)
    document = db.session.get(Document, form.document.data)
    if document is None:
        form.document.errors = list(form.document.errors) + ["Choose one of the documents."]
        return _edit_page(form, q, status=422)
    try:
        draft = authoring.draft(form.question_data(), document, form.quote.data, q.citation if q else None)
    except CitationError as exc:
        form.quote.errors = list(form.quote.errors) + [str(exc)]
        return _edit_page(form, q, status=422)
    except authoring.DraftError as exc:
        form.section_errors.setdefault("general", []).extend(str(i) for i in exc.issues)
        return _edit_page(form, q, status=422)
    if request.form.get("go") != "save":
        return _edit_page(form, q, preview=authoring.preview(draft, document))
    saved = authoring.save(draft, current_user, q, status=form.status.data)
    db.session.commit()
    flash("Question saved.", "success")
    return redirect(url_for("teacher.question", question_id=saved.id))


@bp.route("/questions/new", methods=["GET", "POST"])
def new_question():
    form = QuestionForm(documents=_documents())
    if request.method == "GET":
        form.type.data = request.args.get("type") if request.args.get("type") in TYPES else "multiple_choice"
        form.document.data = request.args.get("document", "")
        return _edit_page(form)
    return _author(form)


@bp.route("/questions/<question_id>/edit", methods=["GET", "POST"])
def edit_question(question_id: str):
    q = _question_or_404(question_id)
    if request.method == "GET":
        form = QuestionForm(formdata=None, data=QuestionForm.data_for(q), documents=_documents())
        return _edit_page(form, q)
    return _author(QuestionForm(documents=_documents()), q)


@bp.post("/questions/<question_id>/regrade")
def regrade(question_id: str):
    q = _question_or_404(question_id)
    BulkForm()
    plan = authoring.regrade(q, current_user)
    db.session.commit()
    flash(f"Regraded: {len(plan.changes)} score(s) changed in {plan.attempts} attempt(s).", "success")
    return redirect(url_for("teacher.question", question_id=q.id))


# --- the review queue ----------------------------------------------------------------------


@bp.get("/review")
def review_queue():
    items = review.queue()
    previews = {i.question.id: authoring.question_preview(i.question) for i in items}
    return render_template("teacher/review.html", items=items, previews=previews, form=BulkForm())


@bp.post("/review")
def review_action():
    ids = request.form.getlist("ids")
    action = request.form.get("action", "")
    if request.form.get("one"):  # the one-click buttons of a single question
        action, _, one = request.form["one"].partition(":")
        ids = [one]
    if action not in ("publish", "retire") or not ids:
        flash("Tick the questions and choose approve or retire.", "error")
        return redirect(url_for("teacher.review_queue"))
    changed = review.decide(bankadmin.selected(bankadmin.Filters(), ids), action, current_user)
    db.session.commit()
    flash(f"{changed} question(s) {'approved' if action == 'publish' else 'retired'}.", "success")
    return redirect(url_for("teacher.review_queue"))


# --- import --------------------------------------------------------------------------------


@bp.route("/import", methods=["GET", "POST"], endpoint="import_page")
def import_page():
    form = ImportForm()
    form.document.choices = options([("", "Imported questions")] + _documents())
    result = errors = None
    if form.validate_on_submit():
        upload = form.file.data
        try:
            parsed = transfer.parse_upload(upload.read(), upload.filename or "")
            if not form.dry_run.data:
                result = transfer.store(parsed, current_user, form.document.data or None,
                                        filename=uploads.safe_label(upload.filename or ""))
        except transfer.ImportFailed as exc:
            db.session.rollback()
            errors = exc.errors
        else:
            if result is not None:
                db.session.commit()
                flash(f"Imported: {result.added} added, {result.updated} updated, {result.unchanged} unchanged.",
                      "success")
            return render_template("teacher/import.html", form=form, parsed=parsed, result=result, errors=None)
    status = 422 if errors or form.errors else 200
    return render_template("teacher/import.html", form=form, parsed=None, result=None, errors=errors), status


# --- documents -----------------------------------------------------------------------------


@bp.get("/documents")
def documents():
    return render_template("teacher/documents.html", documents=db.session.scalars(
        db.select(Document).order_by(Document.title)).all(), form=UploadForm(formdata=None))


@bp.post("/documents")
def upload_document():
    """Check the file here; then stream a page that shows the generator's progress as it runs
    (in a worker thread with its own app context and session) and ends with the outcome."""
    form = UploadForm()
    if form.validate_on_submit():
        meta = {name: form[name].data for name in ("title", "author", "publication", "date", "kind", "licence",
                                                   "attribution")}
        try:
            prepared = uploads.prepare(form.file.data.filename or "", form.file.data.read(), meta,
                                       current_app.config["QUIZAPP_UPLOAD_MAX_BYTES"])
        except uploads.UploadError as exc:
            form.file.errors = list(form.file.errors) + [str(exc)]
        else:
            return _stream_upload(prepared)
    docs = db.session.scalars(db.select(Document).order_by(Document.title)).all()
    return render_template("teacher/documents.html", documents=docs, form=form), 422


def _stream_upload(prepared: uploads.Prepared) -> Response:
    page = render_template("teacher/upload_progress.html", title=prepared.doc.title,
                           document_url=url_for("teacher.document", doc_id=prepared.doc.id),
                           review_url=url_for("teacher.review_queue"))
    head, _, tail = page.partition(PROGRESS_MARK)
    db.session.close()  # the worker writes; this thread holds no transaction open meanwhile
    lines = uploads.run_in_background(current_app._get_current_object(), prepared, current_user.id)

    def chunks():
        yield head
        for kind, text in lines:
            yield f'<li class="progress-{kind}">{escape(text)}</li>\n'
        yield tail

    return Response(stream_with_context(chunks()), mimetype="text/html",
                    headers={"X-Accel-Buffering": "no", "Cache-Control": "no-store"})


@bp.get("/documents/<doc_id>")
def document(doc_id: str):
    doc = db.session.get(Document, doc_id)
    if doc is None:
        abort(404)
    counts = bankadmin.status_counts(doc.id)
    return render_template("teacher/document.html", doc=doc, counts=counts,
                           generation=(doc.structure or {}).get("generation"))


# --- quizzes -------------------------------------------------------------------------------


@bp.get("/quizzes")
def quizzes():
    listed = quizadmin.teacher_quizzes()
    return render_template("teacher/quizzes.html", quizzes=listed,
                           drawable={q.id: quizadmin.drawable(q) for q in listed})


def _quiz_form(form: QuizForm) -> QuizForm:
    facets = bankadmin.facets()
    form.documents.choices = options(facets["documents"])
    form.sections.choices = options((s, s) for s in facets["sections"])
    form.types.choices = options((t, t.replace("_", " ")) for t in TYPES)
    return form


@bp.route("/quizzes/new", methods=["GET", "POST"])
def new_quiz():
    form = _quiz_form(QuizForm())
    if form.validate_on_submit():
        quiz = quizadmin.save(form.values(), current_user)
        db.session.commit()
        flash("Quiz saved.", "success")
        return redirect(url_for("teacher.edit_quiz", quiz_id=quiz.id))
    return render_template("teacher/quiz_form.html", form=form, quiz=None), 422 if form.errors else 200


@bp.route("/quizzes/<id:quiz_id>", methods=["GET", "POST"])
def edit_quiz(quiz_id: int):
    quiz = quizadmin.get(quiz_id)
    if quiz is None:
        abort(404)
    if request.method == "GET":
        form = _quiz_form(QuizForm(formdata=None, data=QuizForm.data_for(quiz)))
    else:
        form = _quiz_form(QuizForm())
        if form.validate_on_submit():
            quizadmin.save(form.values(), current_user, quiz)
            db.session.commit()
            flash("Quiz saved.", "success")
            return redirect(url_for("teacher.edit_quiz", quiz_id=quiz.id))
    return render_template("teacher/quiz_form.html", form=form, quiz=quiz, drawable=quizadmin.drawable(quiz)), \
        422 if form.errors else 200


# --- the audit log -------------------------------------------------------------------------


@bp.get("/audit")
def audit_log():
    """Every teacher action, newest first; ``type`` and ``id`` keep those about one target."""
    target_type = request.args.get("type", "")
    target_type = target_type if target_type in audit.AUDIT_TARGETS else ""
    target_id = (request.args.get("id") or "").strip()[:120]
    number = request.args.get("page", "1")
    result = audit.page(_page_number(number), target_type, target_id)
    return render_template("teacher/audit.html", result=result, target_type=target_type, target_id=target_id,
                           targets=audit.AUDIT_TARGETS)
