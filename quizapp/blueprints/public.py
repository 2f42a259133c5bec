"""Pages for everyone: the home page, the health check and the document reader."""
from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import text

from quizapp.extensions import db
from quizapp.models import Document
from quizapp.services import documents

bp = Blueprint("public", __name__)


@bp.get("/")
def index():
    if current_user.is_authenticated:
        return redirect(url_for("student.quizzes"))
    return render_template("public/index.html", documents=documents.all_documents())


@bp.get("/healthz")
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:  # the database is down: say so, do not crash
        return {"status": "error", "database": "unavailable"}, 503
    return {"status": "ok", "database": "ok"}


@bp.get("/documents")
def document_list():
    return render_template("public/documents.html", documents=documents.all_documents())


@bp.get("/documents/<doc_id>")
def document(doc_id: str):
    row = db.session.get(Document, doc_id)
    if row is None:
        abort(404)
    return render_template("public/document.html", document=row,
                           blocks=documents.reader_blocks(row), contents=documents.contents(row))
