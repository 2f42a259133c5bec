"""Accounts: sign up, log in, log out, and the first teacher's one-time setup link."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

from quizapp import security, sqlite
from quizapp.extensions import db
from quizapp.forms.attempt import ActionForm
from quizapp.forms.auth import LoginForm, SetupForm, SignupForm
from quizapp.services import accounts

bp = Blueprint("auth", __name__, url_prefix="/auth")


def _safe_next(target: str | None) -> str:
    """Only a path on this site (never //host or a scheme): no open redirect."""
    if target:
        try:
            parts = urlsplit(target)
        except ValueError:  # "http://[" (an unclosed IPv6 host) raises: not a path of this site
            return url_for("student.quizzes")
        if not parts.scheme and not parts.netloc and target.startswith("/") and not target.startswith("//") \
                and "\\" not in target:
            return target
    return url_for("student.quizzes")


@bp.route("/signup", methods=["GET", "POST"])
@security.throttled("signup", succeeded_limit="QUIZAPP_LIMIT_SIGNUP_ADDRESS")
def signup():
    if current_user.is_authenticated:
        return redirect(url_for("student.quizzes"))
    form = SignupForm()
    if form.validate_on_submit():
        try:
            user = accounts.create_user(form.email.data, form.name.data, form.password.data)
        except accounts.AccountError as exc:
            getattr(form, exc.field).errors.append(str(exc))
        else:
            db.session.commit()
            security.renew_session()
            login_user(user)
            flash("Welcome! Your account is ready.", "success")
            return redirect(url_for("student.quizzes"))
    return render_template("auth/signup.html", form=form), 400 if form.errors else 200


@bp.route("/login", methods=["GET", "POST"])
@sqlite.read_only  # a log-in writes nothing to the database (the session is a signed cookie)
@security.throttled("login")
def login():
    if current_user.is_authenticated:
        return redirect(url_for("student.quizzes"))
    form = LoginForm()
    if form.validate_on_submit():
        user = accounts.authenticate(form.email.data, form.password.data)
        if user is not None:
            security.renew_session()  # no session fixation: nothing from before the log-in survives
            login_user(user, remember=form.remember.data)
            session.permanent = bool(form.remember.data)  # survives a browser restart mid-attempt
            return redirect(_safe_next(request.args.get("next")))
        # One message, status and cost whether the account is unknown or the password is wrong.
        form.password.errors.append("The e-mail address or the password is wrong.")
    return render_template("auth/login.html", form=form), 400 if form.errors else 200


@bp.post("/logout")
@login_required
def logout():
    ActionForm()  # the CSRF token was checked by CSRFProtect before the view ran
    logout_user()
    session.clear()
    flash("You are signed out.", "info")
    return redirect(url_for("public.index"))


@bp.route("/setup/<token>", methods=["GET", "POST"])
@security.throttled("setup")
def setup(token: str):
    if accounts.valid_setup_token(token) is None:
        abort(404)
    form = SetupForm()
    if form.validate_on_submit():
        try:
            user = accounts.redeem_setup_token(token, form.email.data, form.name.data, form.password.data)
        except accounts.AccountError as exc:
            if exc.field == "token":
                abort(404)
            getattr(form, exc.field).errors.append(str(exc))
        else:
            db.session.commit()
            logout_user()
            security.renew_session()
            login_user(user)
            flash("Your teacher account is ready.", "success")
            return redirect(url_for("student.quizzes"))
    return render_template("auth/setup.html", form=form, token=token), 400 if form.errors else 200
