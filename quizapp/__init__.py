"""QuizApp: turn reading material into grounded, cited quizzes."""
from __future__ import annotations

import logging
import os

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy import bindparam, select
from sqlalchemy.exc import DBAPIError, InternalError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from quizapp import cli, config, filters, requestguard, security, sqlite
from quizapp.converters import IdConverter
from quizapp.blueprints import auth, public, student, teacher
from quizapp.extensions import csrf, db, login_manager, migrate
from quizapp.models import User
from quizapp.services import attempts

log = logging.getLogger(__name__)


def create_app(test_config: dict | None = None) -> Flask:
    """The application factory. ``test_config`` overrides the environment's configuration."""
    app = Flask(__name__, instance_relative_config=True)
    os.makedirs(app.instance_path, exist_ok=True)
    app.config.from_mapping(config.defaults(app.instance_path))
    if test_config is not None:
        app.config.update(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = config.instance_secret_key(app.instance_path)

    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = config.engine_options(app.config)
    db.init_app(app)
    _end_sessions_safely(app)
    migrate.init_app(app, db, directory=app.config["QUIZAPP_MIGRATIONS_DIR"], render_as_batch=True,
                     compare_type=True)
    csrf.init_app(app)
    security.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please sign in to see that page."
    login_manager.login_message_category = "info"
    with app.app_context():
        sqlite.install(db.engine)

    app.url_map.converters["id"] = IdConverter
    requestguard.install(app)
    app.register_blueprint(public.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(student.bp)
    app.register_blueprint(teacher.bp)
    _register_errors(app)
    filters.register(app)
    cli.register(app)
    return app


def _end_sessions_safely(app: Flask) -> None:
    """End each request's database session, even when its connection died after its last
    query (PostgreSQL restarted while a log-in was hashing its password): the rollback at the
    end then fails, and without this the request would end in a 500 after its page was made.
    Registered after Flask-SQLAlchemy's, so it runs first (teardowns run in reverse order)."""

    @app.teardown_appcontext
    def _remove_session(_exc):
        try:
            db.session.remove()
        except DBAPIError as exc:  # OperationalError, InterfaceError…: the connection is gone
            log.warning("closing the database session failed (%s); the pool replaces the connection",
                        str(getattr(exc, "orig", exc)).strip().partition("\n")[0])
            db.session.registry.clear()


USER_BY_ID = select(User).where(User.id == bindparam("user_id"))  # built once: it keeps its cache key


@login_manager.user_loader
def _load_user(user_id: str) -> User | None:
    if not (user_id.isascii() and user_id.isdigit()):
        return None
    return db.session.scalar(USER_BY_ID, {"user_id": int(user_id)})


def _register_errors(app: Flask) -> None:
    def page(status: int, title: str, message: str):
        return render_template("error.html", status=status, title=title, message=message), status

    @app.errorhandler(attempts.NotFound)
    def _not_found_lookup(_exc):
        return page(404, "Not found", "There is nothing here, or it is not yours.")

    @app.errorhandler(404)
    def _not_found(_exc):
        return page(404, "Not found", "There is nothing here, or it is not yours.")

    @app.errorhandler(400)
    def _bad_request(_exc):
        return page(400, "Bad request", "The form was not understood. Go back, reload the page and try again.")

    @app.errorhandler(CSRFError)
    def _csrf(_exc):
        return page(400, "The form has expired",
                    "The form's security token is missing or no longer valid, so nothing was changed. "
                    "Go back, reload the page and try again.")

    @app.errorhandler(403)
    def _forbidden(_exc):
        return page(403, "Not allowed", "This page is for teachers.")

    @app.errorhandler(405)
    def _method(_exc):
        return page(405, "Not allowed", "This page does not accept that kind of request.")

    @app.errorhandler(413)
    def _too_large(_exc):
        return page(413, "Too large", "What you sent is too large.")

    @app.errorhandler(429)
    def _too_many(exc):
        log.warning("throttled %s %s from %s: %s", request.method, request.path, request.remote_addr,
                    getattr(exc, "description", ""))
        return page(429, "Too many attempts",
                    "There have been too many attempts to sign in or sign up from here or for this account, "
                    "so this one was not checked. Wait a few minutes, then try again.")

    @app.errorhandler(OperationalError)  # down, restarting, disk full, read-only, locked too long
    @app.errorhandler(InternalError)  # PostgreSQL: a read-only transaction refusing a write
    @app.errorhandler(PoolTimeout)  # every pooled connection busy for DATABASE_POOL_TIMEOUT seconds
    def _database_unavailable(exc):
        reason = str(getattr(exc, "orig", None) or exc).strip().partition("\n")[0]
        log.error("database unavailable for %s %s: %s: %s", request.method, request.path,
                  type(exc).__name__, reason)
        try:
            db.session.rollback()
        except Exception:  # the connection is gone; the pool replaces it on the next checkout
            log.warning("rollback after a database error failed", exc_info=True)
        # A page that needs no database: rendered without the context processors, one of which
        # (Flask-Login's current_user) would ask the database who is signed in.
        html = app.jinja_env.get_template("unavailable.html").render(
            saving=request.method not in ("GET", "HEAD"))
        return html, 503, {"Retry-After": "10"}

    @app.errorhandler(500)
    def _server_error(_exc):
        try:
            db.session.rollback()
        except Exception:
            log.warning("rollback after an error failed", exc_info=True)
        return page(500, "Something went wrong", "Something went wrong on our side. Nothing you had saved is lost.")
