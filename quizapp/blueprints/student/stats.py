"""A student's own progress: the same view a teacher has of them (routes of ``student.bp``;
the app factory imports this module before registering the blueprint)."""
from __future__ import annotations

from flask import render_template
from flask_login import current_user

from quizapp.blueprints.student.views import bp
from quizapp.services import stats


@bp.get("/progress")
def progress():
    return render_template("teacher_stats/student.html", **stats.student_report(current_user))
